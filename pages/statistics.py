"""数据 Statistics: the filterable statistics table with links to the sentence, and charts of workforce figures."""
from __future__ import annotations

import streamlit as st

from analysis import charts, corpus_views
from wenyan_ui import frame, glue
from wenyan_ui import strings as S

article_id, key = frame.open_page("statistics")
scope = frame.scope_control("stats.scope")
ids = (article_id,) if scope == "article" else None
options = glue.statistics_options(key, ids)  # facets and counts come from SQL: a corpus can hold a million rows

with st.expander(S.STATS_FILTERS, expanded=True):
    c1, c2, c3 = st.columns(3)
    workforce = c1.radio(S.STATS_WORKFORCE, list(S.YES_NO_ALL), format_func=S.YES_NO_ALL.get, horizontal=True,
                         key="stats.workforce")
    target = c2.radio(S.STATS_TARGET, list(S.YES_NO_ALL), format_func=S.YES_NO_ALL.get, horizontal=True,
                      key="stats.target")
    log_scale = c3.toggle(S.STATS_LOG, value=True, key="stats.log")
    c4, c5, c6, c7 = st.columns(4)
    units = c4.multiselect(S.STATS_UNITS, options["units"], key=f"stats.units.{article_id}.{scope}",
                           placeholder=S.ALL_PLACEHOLDER)
    kinds = c5.multiselect(S.STATS_KINDS, list(S.KINDS), format_func=S.KINDS.get, key="stats.kinds",
                           placeholder=S.ALL_PLACEHOLDER)
    qualifiers = c6.multiselect(S.STATS_QUALIFIERS, list(S.QUALIFIERS), format_func=S.QUALIFIERS.get,
                                key="stats.qualifiers", placeholder=S.ALL_PLACEHOLDER)
    sections = c7.multiselect(S.STATS_SECTIONS, options["sections"], key=f"stats.sections.{article_id}.{scope}",
                              placeholder=S.ALL_PLACEHOLDER)
choices = {"workforce": workforce, "target": target, "units": tuple(units), "kinds": tuple(kinds),
           "qualifiers": tuple(qualifiers), "sections": tuple(sections)}
chosen, counts = glue.filtered_statistics(key, ids, **choices)
frame.metric_cards(counts)
if counts["statistics"] > len(chosen):
    st.caption(S.STATS_CAPPED.format(shown=len(chosen), total=counts["statistics"]))

columns = ["link", "text", "value", "value_max", "unit", "kind", "qualifier", "is_target", "subject",
           "is_workforce", "section", "sentence"] + (["article_title"] if scope == "corpus" else [])
frame.table(corpus_views.statistics_with_links(chosen)[columns], name="statistics", key="stats.table", height=360,
            full=glue.all_statistics(ids, columns=columns, **choices), column_config={
                "link": st.column_config.LinkColumn(S.STATS_LINK, display_text=S.STATS_LINK_TEXT, width="small")})

workforce_rows = chosen[chosen["is_workforce"]]
by_options = [b for b in S.STATS_CHART_BY if scope == "corpus" or b != "article_title"]
left, right = st.columns([3, 2])
by = left.segmented_control(S.STATS_CHART, by_options, format_func=S.STATS_CHART_BY.get, key="stats.by",
                            default="subject") or "subject"
kinds_present = [k for k in S.KINDS if k in set(workforce_rows["kind"])] or ["count"]
kind = right.selectbox(S.STATS_CHART_KIND, kinds_present, format_func=S.KINDS.get,
                       key=f"stats.chart_kind.{article_id}.{scope}")
frame.figure(charts.statistics_figure(workforce_rows[workforce_rows["kind"] == kind], by=by, log_scale=log_scale),
             name="workforce_figures", key="stats.chart")
