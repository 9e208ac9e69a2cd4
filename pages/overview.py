"""概览 Overview: headline numbers, top keywords, a small word cloud and the largest workforce figures."""
from __future__ import annotations

import streamlit as st

from analysis import charts, corpus_views
from wenyan_ui import frame, glue
from wenyan_ui import strings as S

article_id, key = frame.open_page("overview")
scope = frame.scope_control("overview.scope")
chosen_id = article_id if scope == "article" else None
if chosen_id is not None:
    found = glue.get_analysis(key, chosen_id)
    frame.show_title(found.article.title, found.article.subtitle)

frame.metric_cards(corpus_views.overview_metrics(glue.store(), article_id=chosen_id))

left, right = st.columns([3, 2], gap="large")
top = glue.keywords(key, chosen_id, None, "tfidf", 15)
with left:
    st.subheader(S.OVERVIEW_KEYWORDS, anchor=False)
    frame.figure(charts.keywords_figure(top), name="overview_keywords", key="overview.keywords")
with right:
    st.subheader(S.OVERVIEW_CLOUD, anchor=False)
    words = tuple(zip(top["word"], top["weight"].astype(float)))
    layout = glue.cloud_layout(words, 520, 360, "rounded", "vermilion")
    st.image(glue.cloud_png(layout, 2), width="stretch")

st.subheader(S.OVERVIEW_WORKFORCE, anchor=False)
largest = glue.largest_workforce(key, None if chosen_id is None else (chosen_id,), 8)
if largest.empty:
    st.info(S.NO_WORKFORCE)
else:
    columns = ["text", "value", "unit", "subject", "qualifier", "is_target", "section"]
    columns = (["article_title"] if chosen_id is None else []) + columns
    frame.table(largest[columns], name="overview_workforce", key="overview.workforce")
