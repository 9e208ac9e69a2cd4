"""The shared frame of every page: header, article picker, error boundary, metric cards, downloads."""
from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from html import escape
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import ScriptControlException

from analysis import exports
from wenyan_ui import glue
from wenyan_ui import strings as S

LOG_ENV = "WENYAN_LOG_DIR"
# Shown with thousands separators (6,000,000).
LOCALIZED_NUMBERS = ("value", "value_max", "n_chars", "n_statistics", "n_workforce", "count")
PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2, "filename": "wenyan"}}
CSS = """<style>
.wy-article{font-size:1.35rem;font-weight:600;color:#1f2d3d;margin:.1rem 0 .2rem;line-height:1.5}
.wy-sub{color:#5b6b7b;font-size:.95rem;margin-bottom:.4rem}
div[data-testid="stMetric"]{background:#fbf7f4;border:1px solid #eee3dc;border-radius:10px;padding:.6rem .9rem}
</style>"""
# Streamlit 1.67 offers no way to translate the file uploader (streamlit/streamlit#13500), so its three English
# texts are drawn at size 0 and Chinese ones put after them. Selectors use data-testid and element structure only
# (no generated class names); if a Streamlit upgrade changes them, the English texts simply come back.
_DROPZONE = '[data-testid="stFileUploaderDropzone"]'
_UPLOADER_TEXTS = {
    f'{_DROPZONE} button [data-testid="stMarkdownContainer"] p': S.UPLOADER_BROWSE,  # "Upload"
    '[data-testid="stFileUploaderDropzoneInstructions"] span': S.UPLOADER_HINT,  # "50MB per file"
    f"{_DROPZONE} > div:not([data-testid]) > span": S.UPLOADER_DROP,  # "Drag and drop files here" (while dragging)
}


def uploader_css(*, max_upload_mb: int) -> str:
    """The stylesheet that shows the file uploader's texts in Chinese (static strings only, no user text)."""
    rules = [f'{selector}{{font-size:0}}{selector}::after{{content:"{text.format(mb=max_upload_mb)}";font-size:.875rem}}'
             for selector, text in _UPLOADER_TEXTS.items()]
    return "<style>" + "\n".join(rules) + "</style>"


def log_path() -> Path:
    """logs/wenyan.log next to app.py, or under WENYAN_LOG_DIR."""
    return Path(os.environ.get(LOG_ENV) or glue.APP_DIR / "logs") / "wenyan.log"


@st.cache_resource(show_spinner=False)
def _file_logger(path: str) -> logging.Logger:
    """Tracebacks go to a rotated log file, never to the page."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    logger = logging.getLogger(f"wenyan.ui.{path}")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return logger


@contextmanager
def error_boundary(page: str) -> Iterator[None]:
    """Run a page; an unexpected error is logged with a reference id and shown as one Chinese sentence."""
    try:
        yield
    except ScriptControlException:  # st.rerun / st.stop / switch_page are control flow, not errors
        raise
    except Exception:
        reference = uuid.uuid4().hex[:8]
        _file_logger(str(log_path())).exception("page %s failed, reference %s", page, reference)
        st.error(S.PAGE_CRASH.format(ref=reference), icon=":material/error:")


PAGES = ("corpus", "overview", "reader", "wordcloud", "sections", "statistics", "kwic", "compare")
DEFAULT_PAGE = "overview"


def navigation():
    """The app's pages with Chinese titles; English file names and URL paths (/reader, /kwic …)."""
    return st.navigation([
        st.Page(f"pages/{name}.py", title=S.PAGE_TITLES[name], icon=S.PAGE_ICONS[name], url_path=name,
                default=name == DEFAULT_PAGE)
        for name in PAGES
    ])


def shell() -> None:
    """The shared frame around every page: page config, demo corpus on first start, sidebar picker."""
    st.set_page_config(page_title=S.APP_TITLE, page_icon=S.APP_ICON, layout="wide")
    glue.start_web_font_build()
    with error_boundary("shell"):
        _load_demo_once()
        st.sidebar.caption(f"**{S.APP_TITLE}** · {S.APP_TAGLINE}")
        sidebar_picker()


def _load_demo_once() -> None:
    """On an empty store, ingest the demo corpus with a progress bar (first start only)."""
    from analysis.demo import demo_enabled, ensure_demo_corpus

    store = glue.store()
    if not demo_enabled() or store.counts()["articles"] > 0:
        return
    bar = st.progress(0.0, text=S.DEMO_LOADING)
    stored = ensure_demo_corpus(
        store, progress=lambda share, label: bar.progress(share, text=f"{S.DEMO_LOADING} {label}"))
    bar.empty()
    glue.clear_results()
    if stored:
        st.toast(S.DEMO_DONE.format(n=stored))


def run_app() -> None:
    """The app's entry: navigation, the shared frame, then the chosen page inside the error boundary."""
    page = navigation()
    shell()
    with error_boundary(page.url_path or DEFAULT_PAGE):
        page.run()


def _run_app_instead_of_page() -> None:
    """Run a page through app.py's entry when Streamlit started it alone, then stop this outer run.

    A `pages/` folder next to app.py puts a fresh Streamlit process in its old multipage mode until st.navigation
    has run once, so the first request for /kwic executes pages/kwic.py by itself: no error boundary, no shared
    sidebar. Running the app's entry here renders the page once, through the boundary, and st.navigation switches
    the process to app.py routing for every later run (AppTest resets the mode on every run, so it takes this path).
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        run_app()
        st.stop()


def page_header(page: str) -> None:
    """Icon + Chinese title + one-line intro, the same on every page (run through app.py if started alone)."""
    _run_app_instead_of_page()
    st.html(CSS + uploader_css(max_upload_mb=int(st.get_option("server.maxUploadSize"))))
    st.title(f"{S.PAGE_ICONS[page]} {S.PAGE_TITLES[page]}", anchor=False)
    st.caption(S.PAGE_INTROS[page])


def open_page(page: str) -> tuple[int, tuple]:
    """The opening of every article page: header, the picked article (or a hint and stop), the store stamp."""
    page_header(page)
    article_id = require_article()
    if article_id is None:
        st.stop()
    return article_id, glue.stamp()


def scope_control(key: str, *, default: str = "article", where=st) -> str:
    """Article / corpus switch, synced with ?scope= in the URL."""
    chosen = where.segmented_control(S.SCOPE_LABEL, list(S.TWO_SCOPES), format_func=S.SCOPES.get, key=key,
                                     default=glue.query_choice("scope", S.TWO_SCOPES, default)) or default
    glue.set_query(scope=chosen)
    return chosen


def show_title(title: str, subtitle: str | None = None) -> None:
    """An article's title (user text: escaped, never markdown)."""
    extra = f'<div class="wy-sub">{escape(subtitle)}</div>' if subtitle else ""
    st.html(f'<div class="wy-article">{escape(title or S.UNTITLED)}</div>{extra}')


def current_article_id() -> int | None:
    """The article picked in the sidebar (None when the store is empty)."""
    return st.session_state.get("nav.article_id")


def title_map(articles: pd.DataFrame) -> dict[int, str]:
    """Article id -> title for pickers (untitled articles get a placeholder)."""
    return {int(i): t or S.UNTITLED for i, t in zip(articles["id"], articles["title"])}


def sidebar_picker() -> None:
    """Shared sidebar: title search and article picker, synced with ?article= in the URL."""
    frame = glue.articles(glue.stamp())
    with st.sidebar:
        search = st.text_input(S.SIDEBAR_SEARCH, key="nav.search")
        ids = [int(i) for i in frame["id"]]
        found = [int(i) for i in frame[frame["title"].str.contains(search, regex=False)]["id"]] if search else ids
        if not found and ids:
            st.caption(S.NO_MATCH)
        ids = found or ids
        if not ids:
            st.session_state["nav.article_id"] = None
            return
        wanted = glue.query_int("article") or st.session_state.get("nav.article_id")
        if wanted in ids and st.session_state.get("nav.article") != wanted:
            st.session_state["nav.article"] = wanted
        titles = title_map(frame)
        chosen = st.selectbox(S.SIDEBAR_ARTICLE, ids, key="nav.article", format_func=lambda i: titles.get(i, str(i)))
    st.session_state["nav.article_id"] = chosen
    glue.set_query(article=chosen)


def metric_cards(values: dict[str, int]) -> None:
    """One bordered card per headline number, labels from strings.METRICS."""
    for column, (name, value) in zip(st.columns(len(values)), values.items()):
        column.metric(S.METRICS[name], f"{value:,}", border=True)


def localize(df: pd.DataFrame) -> pd.DataFrame:
    """Column names in Chinese and code values (kind, qualifier, booleans) as words, for display and export."""
    shown = df.copy()
    for column, names in (("kind", S.KINDS), ("qualifier", S.QUALIFIERS), ("status", S.STATUS)):
        if column in shown:
            shown[column] = shown[column].map(lambda v, n=names: n.get(v, v))
    if "section" in shown:
        shown["section"] = shown["section"].fillna(S.LEAD_LABEL)
    for column in ("is_target", "is_workforce"):
        if column in shown:
            shown[column] = shown[column].map({True: S.YES_NO_ALL["yes"], False: S.YES_NO_ALL["no"]})
    return shown.rename(columns=S.COLUMNS)


def upload_results(report: list[dict]) -> pd.DataFrame:
    """Per-file upload outcomes with the engine's error class turned into one Chinese sentence."""
    results = pd.DataFrame(report, columns=["file", "status", "title", "error", "message"])
    results["message"] = [S.ERRORS.get(e, S.ERROR_GENERIC) if e else "" for e in results["error"]]
    return results.drop(columns="error")


def table(df: pd.DataFrame, *, name: str, key: str, height: int | str = "auto",
          full: Callable[[], pd.DataFrame] | None = None, **options) -> None:
    """A localized dataframe with CSV and XLSX downloads under it.

    `full` builds the whole table when the screen shows only its first rows; it runs only when a download is
    clicked (in a server thread without a script context, so it must not call st.* or read the URL).
    """
    shown = localize(df)
    config = {name: st.column_config.NumberColumn(format="localized", width="medium")
              for name in LOCALIZED_NUMBERS if name in df}
    config |= options.pop("column_config", {})
    options["column_config"] = {S.COLUMNS.get(k, k): v for k, v in config.items()}
    st.dataframe(shown, hide_index=True, height=height, placeholder="—", **options)
    whole = (lambda: localize(full())) if full is not None else (lambda: shown)
    downloads = st.container(horizontal=True)
    downloads.download_button(S.DOWNLOAD_CSV, lambda: exports.to_csv_bytes(whole()), file_name=f"wenyan_{name}.csv",
                              mime="text/csv", key=f"{key}.csv", on_click="ignore", icon=":material/download:")
    downloads.download_button(S.DOWNLOAD_XLSX, lambda: exports.to_xlsx_bytes(whole()), file_name=f"wenyan_{name}.xlsx",
                              mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                              key=f"{key}.xlsx", on_click="ignore", icon=":material/download:")


def figure(fig: go.Figure, *, name: str, key: str) -> None:
    """A plotly chart with PNG and SVG downloads (rendered by kaleido only when clicked)."""
    st.plotly_chart(fig, key=f"{key}.chart", config=PLOTLY_CONFIG)
    if exports.chromium_path() is None:
        st.caption(S.EXPORT_UNAVAILABLE)
        return
    downloads = st.container(horizontal=True)
    for label, fmt, mime in ((S.DOWNLOAD_PNG, "png", "image/png"), (S.DOWNLOAD_SVG, "svg", "image/svg+xml")):
        downloads.download_button(label, lambda fmt=fmt: exports.figure_bytes(fig, fmt=fmt), mime=mime,
                                  file_name=f"wenyan_{name}.{fmt}", key=f"{key}.{fmt}", on_click="ignore",
                                  icon=":material/image:")


def require_article() -> int | None:
    """The current article id, or an info box (and None) when the store is empty."""
    article_id = current_article_id()
    if article_id is None:
        st.info(S.NO_ARTICLES)
    return article_id
