"""数据 Statistics: the filterable statistics table with links to the sentence, and charts of workforce figures."""
from __future__ import annotations

import streamlit as st

from analysis import charts, corpus_views
from wenyan_ui import frame, glue
from wenyan_ui import strings as S

frame.page_header("statistics")
article_id = frame.require_article()
if article_id is None:
    st.stop()
key = glue.stamp()
scope = st.segmented_control("范围", ["article", "corpus"], format_func=S.SCOPES.get, key="stats.scope",
                             default=glue.query_choice("scope", ("article", "corpus"), "article")) or "article"
glue.set_query(scope=scope)
ids = (article_id,) if scope == "article" else None
options = glue.statistics_options(key, ids)  # facets and counts come from SQL: a corpus can hold a million rows

with st.expander("筛选", expanded=True):
    c1, c2, c3 = st.columns(3)
    workforce = c1.radio("劳动力相关", list(S.YES_NO_ALL), format_func=S.YES_NO_ALL.get, horizontal=True,
                         key="stats.workforce")
    target = c2.radio("目标值", list(S.YES_NO_ALL), format_func=S.YES_NO_ALL.get, horizontal=True, key="stats.target")
    log_scale = c3.toggle("对数坐标", value=True, key="stats.log")
    c4, c5, c6, c7 = st.columns(4)
    units = c4.multiselect("单位", options["units"], key=f"stats.units.{article_id}.{scope}",
                       placeholder=S.ALL_PLACEHOLDER)
    kinds = c5.multiselect("类型", list(S.KINDS), format_func=S.KINDS.get, key="stats.kinds",
                       placeholder=S.ALL_PLACEHOLDER)
    qualifiers = c6.multiselect("限定", list(S.QUALIFIERS), format_func=S.QUALIFIERS.get, key="stats.qualifiers",
                            placeholder=S.ALL_PLACEHOLDER)
    sections = c7.multiselect("章节", options["sections"],
                              key=f"stats.sections.{article_id}.{scope}", placeholder=S.ALL_PLACEHOLDER)
chosen, counts = glue.filtered_statistics(key, ids, workforce, target, tuple(units), tuple(kinds), tuple(qualifiers),
                                          tuple(sections))
frame.metric_cards(counts)
if counts["statistics"] > len(chosen):
    st.caption(f"表格和图表显示前 {len(chosen):,} 条（共 {counts['statistics']:,} 条），可用上方筛选缩小范围。")

shown = corpus_views.statistics_with_links(chosen)
columns = ["link", "text", "value", "value_max", "unit", "kind", "qualifier", "is_target", "subject",
           "is_workforce", "section", "sentence"] + (["article_title"] if scope == "corpus" else [])
frame.table(shown[columns], name="statistics", key="stats.table", height=360, column_config={
    "link": st.column_config.LinkColumn("原句", display_text="打开", width="small")})

workforce_rows = chosen[chosen["is_workforce"]]
by_options = {"subject": "按统计对象", "unit": "按单位", "section": "按章节"}
if scope == "corpus":
    by_options["article_title"] = "按文章"
left, right = st.columns([3, 2])
by = left.segmented_control("劳动力数据图表", list(by_options), format_func=by_options.get, key="stats.by",
                            default="subject") or "subject"
kinds_present = [k for k in S.KINDS if k in set(workforce_rows["kind"])] or ["count"]
kind = right.selectbox("数据类型（同一图中只比较同类数字）", kinds_present, format_func=S.KINDS.get,
                       key=f"stats.chart_kind.{article_id}.{scope}")
frame.figure(charts.statistics_figure(workforce_rows[workforce_rows["kind"] == kind], by=by, log_scale=log_scale),
             name="workforce_figures", key="stats.chart")
