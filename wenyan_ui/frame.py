"""The shared frame of every page: header, article picker, error boundary, metric cards, downloads."""
from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
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

LOG_DIR = glue.APP_DIR / "logs"
log = logging.getLogger("wenyan.ui")
PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2, "filename": "wenyan"}}
CSS = """<style>
.wy-article{font-size:1.35rem;font-weight:600;color:#1f2d3d;margin:.1rem 0 .2rem;line-height:1.5}
.wy-sub{color:#5b6b7b;font-size:.95rem;margin-bottom:.4rem}
div[data-testid="stMetric"]{background:#fbf7f4;border:1px solid #eee3dc;border-radius:10px;padding:.6rem .9rem}
</style>"""


@st.cache_resource(show_spinner=False)
def _file_logger() -> logging.Logger:
    """Tracebacks go to logs/wenyan.log (rotated), never to the page."""
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(LOG_DIR / "wenyan.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return log


@contextmanager
def error_boundary(page: str) -> Iterator[None]:
    """Run a page; an unexpected error is logged with a reference id and shown as one Chinese sentence."""
    try:
        yield
    except ScriptControlException:  # st.rerun / st.stop / switch_page are control flow, not errors
        raise
    except Exception:
        reference = uuid.uuid4().hex[:8]
        _file_logger().exception("page %s failed, reference %s", page, reference)
        st.error(S.PAGE_CRASH.format(ref=reference), icon=":material/error:")


def _leave_pages_folder_mode() -> None:
    """Run pages through app.py's st.navigation even on a server's very first request.

    Streamlit treats a `pages/` folder as the old multipage mode until st.navigation has run once in the
    process, so a first request for /reader would run pages/reader.py without app.py's frame. Streamlit
    clears this class flag itself in st.navigation; clearing it here and rerunning routes through app.py.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def page_header(page: str) -> None:
    """Icon + Chinese title + one-line intro, the same on every page."""
    _leave_pages_folder_mode()
    st.html(CSS)
    st.title(f"{S.PAGE_ICONS[page]} {S.PAGE_TITLES[page]}", anchor=False)
    st.caption(S.PAGE_INTROS[page])


def show_title(title: str, subtitle: str | None = None) -> None:
    """An article's title (user text: escaped, never markdown)."""
    extra = f'<div class="wy-sub">{escape(subtitle)}</div>' if subtitle else ""
    st.html(f'<div class="wy-article">{escape(title)}</div>{extra}')


def current_article_id() -> int | None:
    """The article picked in the sidebar (None when the store is empty)."""
    return st.session_state.get("nav.article_id")


def sidebar_picker() -> None:
    """Shared sidebar: title search and article picker, synced with ?article= in the URL."""
    frame = glue.articles(glue.stamp())
    with st.sidebar:
        search = st.text_input(S.SIDEBAR_SEARCH, key="nav.search")
        ids = [int(i) for i in frame["id"]]
        if search:
            ids = [int(i) for i in frame[frame["title"].str.contains(search, regex=False)]["id"]] or ids
        if not ids:
            st.session_state["nav.article_id"] = None
            return
        wanted = glue.query_int("article") or st.session_state.get("nav.article_id")
        if wanted in ids and st.session_state.get("nav.article") != wanted:
            st.session_state["nav.article"] = wanted
        titles = dict(zip(frame["id"].astype(int), frame["title"]))
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
            shown[column] = shown[column].map({True: "是", False: "否"})
    return shown.rename(columns=S.COLUMNS)


def table(df: pd.DataFrame, *, name: str, key: str, height: int | str = "auto", **options) -> None:
    """A localized dataframe with CSV and XLSX downloads under it."""
    shown = localize(df)
    if "column_config" in options:
        options["column_config"] = {S.COLUMNS.get(k, k): v for k, v in options["column_config"].items()}
    st.dataframe(shown, hide_index=True, height=height, placeholder="—", **options)
    downloads = st.container(horizontal=True)
    downloads.download_button(S.DOWNLOAD_CSV, lambda: exports.to_csv_bytes(shown), file_name=f"wenyan_{name}.csv",
                         mime="text/csv", key=f"{key}.csv", on_click="ignore", icon=":material/download:")
    downloads.download_button(S.DOWNLOAD_XLSX, lambda: exports.to_xlsx_bytes(shown), file_name=f"wenyan_{name}.xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          key=f"{key}.xlsx", on_click="ignore", icon=":material/download:")


def figure(fig: go.Figure, *, name: str, key: str) -> None:
    """A plotly chart with PNG and SVG downloads (rendered by kaleido only when clicked)."""
    st.plotly_chart(fig, key=f"{key}.chart", config=PLOTLY_CONFIG)
    if exports.chromium_path() is None:
        st.caption(S.EXPORT_UNAVAILABLE)
        return
    downloads = st.container(horizontal=True)
    downloads.download_button(S.DOWNLOAD_PNG, lambda: exports.figure_bytes(fig, fmt="png"), file_name=f"wenyan_{name}.png",
                         mime="image/png", key=f"{key}.png", on_click="ignore", icon=":material/image:")
    downloads.download_button(S.DOWNLOAD_SVG, lambda: exports.figure_bytes(fig, fmt="svg"), file_name=f"wenyan_{name}.svg",
                          mime="image/svg+xml", key=f"{key}.svg", on_click="ignore", icon=":material/image:")


def require_article() -> int | None:
    """The current article id, or an info box (and None) when the store is empty."""
    article_id = current_article_id()
    if article_id is None:
        st.info(S.NO_ARTICLES)
    return article_id


def log_path() -> Path:
    return LOG_DIR / "wenyan.log"
