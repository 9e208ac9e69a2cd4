"""词云 Word cloud: scope, method, number of words, colours, shape (or an uploaded mask), PNG/SVG download."""
from __future__ import annotations

import streamlit as st

from analysis import charts, corpus_views, pipeline, wordcloud_render
from wenyan_ui import frame, glue
from wenyan_ui import strings as S

article_id, key = frame.open_page("wordcloud")
found = glue.get_analysis(key, article_id)

with st.container(border=True):
    c1, c2, c3, c4 = st.columns(4)
    scope = c1.radio(S.SCOPE_LABEL, list(S.SCOPES), format_func=S.SCOPES.get, key="cloud.scope", horizontal=True,
                     index=list(S.SCOPES).index(glue.query_choice("scope", tuple(S.SCOPES), "article")))
    methods = pipeline.KEYWORD_METHODS if scope != "corpus" else corpus_views.CORPUS_METHODS
    method = c2.selectbox(S.CLOUD_METHOD, methods, format_func=S.METHODS.get, key=f"cloud.method.{scope}",
                          index=list(methods).index(glue.query_choice("method", methods, "tfidf")))
    top_k = c3.slider(S.CLOUD_N_WORDS, 10, 200, 80, step=10, key="cloud.top_k")
    use_stopwords = c4.toggle(S.CLOUD_STOPWORDS, value=True, key="cloud.stopwords")
    c5, c6, c7 = st.columns([2, 2, 3])
    palette = c5.selectbox(S.CLOUD_PALETTE, list(S.PALETTES), format_func=S.PALETTES.get, key="cloud.palette")
    shape = c6.selectbox(S.CLOUD_SHAPE, list(S.SHAPES), format_func=S.SHAPES.get, key="cloud.shape")
    section = None
    if scope == "section":
        wanted = glue.query_int("section")
        section = c7.selectbox(S.CLOUD_SECTION, range(len(found.sections)), key=f"cloud.section.{article_id}",
                               index=wanted if wanted is not None and 0 <= wanted < len(found.sections) else 0,
                               format_func=lambda i: corpus_views.section_label(found, i))
    mask_file = c7.file_uploader(S.CLOUD_MASK, type=["png"], key="cloud.mask") if shape == "upload" else None
glue.set_query(scope=scope, method=method, section=section)

frequencies = glue.keywords(key, None if scope == "corpus" else article_id, section, method, top_k, use_stopwords)
words = tuple(zip(frequencies["word"], frequencies["weight"].clip(lower=0).astype(float)))
mask_bytes = mask_file.getvalue() if mask_file is not None else None
layout = glue.cloud_layout(words, 900, 560, "rectangle" if shape == "upload" else shape, palette, mask_bytes)

left, right = st.columns([3, 2], gap="large")
with left:
    if not layout.words:
        st.info(S.NO_CONTENT_WORDS)
    else:
        st.image(glue.cloud_png(layout, 1), width="stretch")
        downloads = st.container(horizontal=True)
        downloads.download_button(S.DOWNLOAD_PNG, lambda: glue.cloud_png(layout, 2), file_name="wenyan_wordcloud.png",
                                  mime="image/png", key="cloud.png", on_click="ignore", icon=":material/image:")
        downloads.download_button(S.DOWNLOAD_SVG, lambda: wordcloud_render.render_svg(layout), key="cloud.svg",
                                  file_name="wenyan_wordcloud.svg", mime="image/svg+xml", on_click="ignore",
                                  icon=":material/image:")
with right:
    frame.figure(charts.keywords_figure(frequencies.head(25), title=S.CLOUD_RANKING), name="cloud_ranking",
                 key="cloud.ranking")
frame.table(frequencies, name="wordcloud_words", key="cloud.table", height=300)
