"""检索 KWIC: every occurrence of a term with its left and right context, sortable, with counts per article."""
from __future__ import annotations

import streamlit as st

from analysis import kwic
from wenyan_ui import frame, glue
from wenyan_ui import strings as S

frame.page_header("kwic")
article_id = frame.require_article()
if article_id is None:
    st.stop()
key = glue.stamp()
articles = glue.articles(key)

c1, c2, c3, c4 = st.columns([3, 2, 2, 2])
if "kwic.term" not in st.session_state:
    st.session_state["kwic.term"] = st.query_params.get("q", "")
term = c1.text_input("检索词", key="kwic.term", placeholder="例如：产业工人", max_chars=50).strip()
scope = c2.radio("范围", ["article", "corpus"], format_func=S.SCOPES.get, key="kwic.scope", horizontal=True,
                 index=["article", "corpus"].index(glue.query_choice("scope", ("article", "corpus"), "corpus")))
sort_by = c3.selectbox("排序", kwic.SORT_KEYS, format_func=S.SORTS.get, key="kwic.sort")
width = c4.slider("语境字数", 5, 60, 20, key="kwic.width")
whole_word = st.toggle("只匹配完整词语（关闭后匹配任意子串）", value=True, key="kwic.whole")
glue.set_query(q=term or None, scope=scope)

if not term:
    st.info("输入一个词语，查看它在文章中的全部上下文。")
    st.stop()
ids = (article_id,) if scope == "article" else tuple(int(i) for i in articles["id"])
table, counts, totals = glue.kwic_result(key, term, ids, width, sort_by, whole_word)
if table.empty:
    st.warning("没有找到该词语。")
    st.stop()

frame.metric_cards(totals)
if totals["matches"] > len(table):
    st.caption(f"上下文表格显示前 {len(table):,} 条（共 {totals['matches']:,} 条）；下方的出现次数统计覆盖全部。")
st.subheader("上下文", anchor=False)
frame.table(table.drop(columns=["article_id", "end"]), name="kwic", key="kwic.table", height=420,
            column_config={"left": st.column_config.TextColumn(width="medium", alignment="right"),
                           "keyword": st.column_config.TextColumn(width="small", alignment="center"),
                           "right": st.column_config.TextColumn(width="medium")})
st.subheader("各文章、章节出现次数", anchor=False)
frame.table(counts, name="kwic_counts", key="kwic.counts", height=260)
