"""阅读 Reader: the article in its sections, statistics and keywords highlighted in place (hover for details)."""
from __future__ import annotations

import streamlit as st

from analysis import corpus_views, reader_html
from wenyan_ui import frame, glue
from wenyan_ui import strings as S

article_id, key = frame.open_page("reader")
found = glue.get_analysis(key, article_id)
frame.show_title(found.article.title, found.article.subtitle)
meta = S.READER_META.format(n_chars=found.article.n_chars, n_sections=len(found.sections),
                            n_statistics=len(found.statistics))
st.caption(f"{found.article.date} · {meta}" if found.article.date else meta)  # the date is ISO yyyy-mm-dd

options = [-1, *range(len(found.sections))]
wanted = glue.query_int("section")
stat = glue.query_int("stat")
if stat is not None and 0 <= stat < len(found.statistics):  # arriving from a link in the statistics table
    wanted = corpus_views.section_index_at(found, found.statistics[stat].start)
if wanted in options and f"reader.section.{article_id}" not in st.session_state:
    st.session_state[f"reader.section.{article_id}"] = wanted
left, middle, right = st.columns([3, 2, 2])
section = left.selectbox(S.READER_JUMP, options, key=f"reader.section.{article_id}",
                         format_func=lambda i: S.READER_WHOLE if i < 0 else corpus_views.section_label(found, i))
show_stats = middle.toggle(S.READER_HIGHLIGHT_STATS, value=True, key="reader.stats")
show_keywords = right.toggle(S.READER_HIGHLIGHT_KEYWORDS, value=True, key="reader.keywords")
glue.set_query(section=None if section < 0 else section)

top = glue.keywords(key, article_id, None if section < 0 else section, "tfidf", 10)
keywords = corpus_views.keywords_from_frame(top)
counts = reader_html.legend_counts(found.statistics)
st.html(reader_html.legend_html(counts))
st.html(reader_html.article_html(
    found.article.text, sections=found.sections, statistics=found.statistics if show_stats else (),
    keywords=keywords if show_keywords else (), tokens=found.tokens, only_section=None if section < 0 else section))
