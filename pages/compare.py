"""对比 Compare: two or more articles side by side — shared and distinctive keywords, statistics."""
from __future__ import annotations

import streamlit as st

from analysis import charts, compare
from wenyan_ui import frame, glue
from wenyan_ui import strings as S

article_id, key = frame.open_page("compare")
titles = frame.title_map(glue.articles(key))
if len(titles) < 2:
    st.info(S.NEED_TWO_ARTICLES)
    st.stop()

from_url = [int(i) for i in st.query_params.get("ids", "").split(",") if i.isdigit() and int(i) in titles]
default = from_url or [article_id, next(i for i in titles if i != article_id)]
chosen = st.multiselect(S.COMPARE_PICK, list(titles), default=default[:6], key="compare.ids",
                        placeholder=S.PICK_PLACEHOLDER, format_func=lambda i: titles[i], max_selections=6)
glue.set_query(ids=",".join(map(str, chosen)) or None)
if len(chosen) < 2:
    st.info(S.COMPARE_PICK_TWO)
    st.stop()

labels = {i: f"#{i} {titles[i][:18]}" for i in chosen}
top_k = st.slider(S.COMPARE_TOP_K, 10, 50, 20, key="compare.top_k")
keyword_sets = {labels[i]: glue.keyword_list(key, i, top_k) for i in chosen}
shared = compare.shared_keywords(keyword_sets)
frame.metric_cards({"articles": len(chosen), "shared": len(shared)})

st.subheader(S.COMPARE_SHARED, anchor=False)
if shared.empty:
    st.info(S.COMPARE_NO_SHARED)
else:
    long = compare.keyword_weights_long(keyword_sets, list(shared["word"].head(12)))
    frame.figure(charts.compare_keywords_figure(long), name="compare_shared", key="compare.shared_chart")
    frame.table(shared, name="compare_shared", key="compare.shared")

st.subheader(S.COMPARE_DISTINCTIVE, anchor=False)
distinctive = glue.distinctive(key, tuple(chosen), tuple(labels[i] for i in chosen))
columns = st.columns(min(len(chosen), 3))
for index, label in enumerate(labels.values()):
    with columns[index % len(columns)]:
        st.text(label)
        part = distinctive[distinctive["article"] == label]
        frame.figure(charts.keyness_figure(part.head(10)), name=f"compare_distinctive_{index}",
                     key=f"compare.distinctive.{index}")
frame.table(distinctive, name="compare_distinctive", key="compare.distinctive")

st.subheader(S.COMPARE_STATISTICS, anchor=False)
stats = glue.statistics(key, tuple(chosen))
frame.table(compare.statistics_side_by_side(stats, labels), name="compare_statistics", key="compare.statistics")
