"""章节 Sections: keyword × section heatmap, distinctive terms per section, section lengths, statistics per section."""
from __future__ import annotations

import streamlit as st

from analysis import charts, corpus_views
from wenyan_ui import frame, glue

frame.page_header("sections")
article_id = frame.require_article()
if article_id is None:
    st.stop()
key = glue.stamp()
found = glue.get_analysis(key, article_id)
frame.show_title(found.article.title)
if len(found.sections) < 2:
    st.info("这篇文章没有识别出章节标题，以下按全文显示。")

top_k = st.slider("热力图关键词数", 5, 30, 15, key="sections.top_k")
tables = glue.section_tables(key, article_id, top_k)

st.subheader("关键词 × 章节", anchor=False)
frame.figure(charts.heatmap_figure(tables["heatmap"]), name="section_heatmap", key="sections.heatmap")

left, right = st.columns(2, gap="large")
with left:
    st.subheader("章节篇幅", anchor=False)
    frame.figure(charts.section_lengths_figure(tables["sections"]), name="section_lengths", key="sections.lengths")
with right:
    st.subheader("各章节统计数据", anchor=False)
    stats = glue.statistics(key, (article_id,))
    per_section = corpus_views.statistics_per_category(stats, category="section")
    frame.figure(charts.stacked_counts_figure(per_section, category="section"), name="section_statistics",
                 key="sections.stats")

st.subheader("各章节特色词（对数似然关键性）", anchor=False)
distinctive = tables["distinctive"]
labels = list(dict.fromkeys(distinctive["section"]))
if labels:
    wanted = glue.query_int("section")
    chosen = st.selectbox("章节", labels, key=f"sections.pick.{article_id}",
                          index=wanted if wanted is not None and 0 <= wanted < len(labels) else 0)
    glue.set_query(section=labels.index(chosen))
    part = distinctive[distinctive["section"] == chosen]
    frame.figure(charts.keyness_figure(part), name="section_keyness", key="sections.keyness")
frame.table(distinctive, name="section_distinctive", key="sections.table", height=280)
frame.table(tables["sections"].drop(columns=["idx"]), name="sections", key="sections.list")
