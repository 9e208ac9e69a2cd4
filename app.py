"""WenYan dashboard entry point: page config, demo corpus on first start, navigation, shared sidebar."""
from __future__ import annotations

import streamlit as st

from analysis.demo import demo_enabled, ensure_demo_corpus
from wenyan_ui import frame, glue
from wenyan_ui import strings as S

PAGES = ("corpus", "overview", "reader", "wordcloud", "sections", "statistics", "kwic", "compare")
DEFAULT_PAGE = "overview"


def load_demo_once() -> None:
    """On an empty store, ingest the demo corpus with a progress bar (first start only)."""
    store = glue.store()
    if not demo_enabled() or store.counts()["articles"] > 0:
        return
    bar = st.progress(0.0, text=S.DEMO_LOADING)
    stored = ensure_demo_corpus(store, progress=lambda share, label: bar.progress(share, text=f"{S.DEMO_LOADING} {label}"))
    bar.empty()
    glue.clear_results()
    if stored:
        st.toast(S.DEMO_DONE.format(n=stored))


st.set_page_config(page_title=S.APP_TITLE, page_icon=S.APP_ICON, layout="wide")
glue.start_web_font_build()
navigation = st.navigation([
    st.Page(f"pages/{name}.py", title=S.PAGE_TITLES[name], icon=S.PAGE_ICONS[name], url_path=name,
            default=name == DEFAULT_PAGE)
    for name in PAGES
])
with frame.error_boundary("app"):
    load_demo_once()
    st.sidebar.caption(f"**{S.APP_TITLE}** · {S.APP_TAGLINE}")
    frame.sidebar_picker()
page_name = navigation.url_path or DEFAULT_PAGE
with frame.error_boundary(page_name):
    navigation.run()
