"""检索 KWIC: every occurrence of a term with its left and right context, sortable, with counts per article."""
from __future__ import annotations

import streamlit as st

from analysis import kwic
from wenyan_ui import frame, glue
from wenyan_ui import strings as S

article_id, key = frame.open_page("kwic")
c1, c2, c3, c4 = st.columns([3, 2, 2, 2])
if "kwic.term" not in st.session_state:
    st.session_state["kwic.term"] = st.query_params.get("q", "")
term = c1.text_input(S.KWIC_TERM, key="kwic.term", placeholder=S.KWIC_TERM_PLACEHOLDER, max_chars=50).strip()
scope = frame.scope_control("kwic.scope", default="corpus", where=c2)
sort_by = c3.selectbox(S.KWIC_SORT, kwic.SORT_KEYS, format_func=S.SORTS.get, key="kwic.sort")
width = c4.slider(S.KWIC_WIDTH, 5, 60, 20, key="kwic.width")
whole_word = st.toggle(S.KWIC_WHOLE_WORD, value=True, key="kwic.whole")
glue.set_query(q=term or None)

if not term:
    st.info(S.KWIC_ASK)
    st.stop()
ids = (article_id,) if scope == "article" else tuple(int(i) for i in glue.articles(key)["id"])
table, counts, totals = glue.kwic_result(key, term, ids, width, sort_by, whole_word)
if table.empty:
    st.warning(S.KWIC_NOT_FOUND)
    st.stop()

frame.metric_cards(totals)
if totals["matches"] > len(table):
    st.caption(S.KWIC_CAPPED.format(shown=len(table), total=totals["matches"]))
st.subheader(S.KWIC_CONTEXT, anchor=False)
hidden = ("article_id", "end")
frame.table(table.drop(columns=list(hidden)), name="kwic", key="kwic.table", height=420,
            full=glue.all_kwic(term, ids, width, sort_by, whole_word, drop=hidden),
            column_config={"left": st.column_config.TextColumn(width="medium", alignment="right"),
                           "keyword": st.column_config.TextColumn(width="small", alignment="center"),
                           "right": st.column_config.TextColumn(width="medium")})
st.subheader(S.KWIC_COUNTS, anchor=False)
frame.table(counts, name="kwic_counts", key="kwic.counts", height="auto" if len(counts) < 8 else 300)
