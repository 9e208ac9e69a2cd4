"""章节 Sections: keyword × section heatmap, distinctive terms per section, section lengths, statistics per section."""
from __future__ import annotations

import streamlit as st

from analysis import charts, corpus_views
from wenyan_ui import frame, glue
from wenyan_ui import strings as S

article_id, key = frame.open_page("sections")
found = glue.get_analysis(key, article_id)
frame.show_title(found.article.title)
if len(found.sections) < 2:
    st.info(S.SECTIONS_NONE)

top_k = st.slider(S.SECTIONS_TOP_K, 5, 30, 15, key="sections.top_k")
tables = glue.section_tables(key, article_id, top_k)

st.subheader(S.SECTIONS_HEATMAP, anchor=False)
frame.figure(charts.heatmap_figure(tables["heatmap"]), name="section_heatmap", key="sections.heatmap")

left, right = st.columns(2, gap="large")
with left:
    st.subheader(S.SECTIONS_LENGTHS, anchor=False)
    frame.figure(charts.section_lengths_figure(tables["sections"]), name="section_lengths", key="sections.lengths")
with right:
    st.subheader(S.SECTIONS_STATS, anchor=False)
    stats = glue.statistics(key, (article_id,))
    per_section = corpus_views.statistics_per_category(stats, category="section")
    frame.figure(charts.stacked_counts_figure(per_section, category="section"), name="section_statistics",
                 key="sections.stats")

st.subheader(S.SECTIONS_DISTINCTIVE, anchor=False)
distinctive = tables["distinctive"]
labels = list(dict.fromkeys(distinctive["section"]))
if labels:
    wanted = glue.query_int("section")
    chosen = st.selectbox(S.SECTIONS_PICK, labels, key=f"sections.pick.{article_id}",
                          index=wanted if wanted is not None and 0 <= wanted < len(labels) else 0)
    glue.set_query(section=labels.index(chosen))
    part = distinctive[distinctive["section"] == chosen]
    frame.figure(charts.keyness_figure(part), name="section_keyness", key="sections.keyness")
frame.table(distinctive, name="section_distinctive", key="sections.table", height=280)
frame.table(tables["sections"].drop(columns=["idx"]), name="sections", key="sections.list")
