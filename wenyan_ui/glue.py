"""The only Streamlit glue: cached resources (store, font), cached results keyed by plain values, view state."""
from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from analysis import corpus_views as views
from analysis import fonts, wordcloud_render
from analysis.models import Analysis
from analysis.pipeline import store_stopwords
from analysis.store import Store, resolve_db_path

APP_DIR = Path(__file__).resolve().parent.parent
STATIC_DIR = APP_DIR / "static"


# ---- resources: created once per server process, never mutated -------------------------------------------
@st.cache_resource(show_spinner=False)
def get_store(db_path: str) -> Store:
    """One Store per database file; it opens a short connection per call, so sessions can share it."""
    return Store(db_path)


def store() -> Store:
    """The store at the path the CLI would use (--db is CLI-only; WENYAN_DB or data/wenyan.sqlite3)."""
    return get_store(str(resolve_db_path()))


@st.cache_resource(show_spinner=False)
def start_web_font_build() -> threading.Thread | None:
    """Build the theme's WOFF2 in the background on first start (about a minute, once; WENYAN_BUILD_FONT=0 skips)."""
    if (STATIC_DIR / "fonts" / fonts.WEB_FONT_NAME).is_file() or os.environ.get("WENYAN_BUILD_FONT") == "0":
        return None
    thread = threading.Thread(target=fonts.ensure_web_font, args=(STATIC_DIR,), daemon=True, name="web-font")
    thread.start()
    return thread


def stamp() -> tuple:
    """Cheap fingerprint of the store's content: cached results are keyed by it, so writes invalidate them."""
    current = store()
    # The outdated count changes while a re-analysis (of any session) writes, so its results reach every page.
    return (str(current.path), tuple(current.counts().values()), current.word_list_state().signature,
            outdated_articles())


# ---- cached results (plain keys only) ------------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=64)
def articles(key: tuple, search: str = "") -> pd.DataFrame:
    """The stored articles (no text)."""
    return views.articles_frame(store(), search=search)


@st.cache_data(show_spinner=False, max_entries=256)
def get_analysis(key: tuple, article_id: int) -> Analysis:
    """An article as stored (saving the word lists re-analyses the stored articles, so its tokens are current)."""
    return store().get_analysis(article_id)


@st.cache_data(show_spinner=False, max_entries=16)
def stopwords(key: tuple) -> frozenset[str]:
    """Packaged stopwords with the user's additions and removals."""
    return store_stopwords(store())


@st.cache_data(show_spinner=False, max_entries=512)
def keywords(key: tuple, article_id: int | None, section_idx: int | None, method: str, top_k: int,
             use_stopwords: bool = True) -> pd.DataFrame:
    """Ranked keywords of the corpus (article_id None), an article or a section, as a table."""
    chosen = stopwords(key) if use_stopwords else frozenset()
    found = views.scope_keywords(store(), article_id=article_id, section_idx=section_idx, method=method,
                                 top_k=top_k, stopwords=chosen,
                                 analysis=None if article_id is None else get_analysis(key, article_id))
    return views.keywords_frame(found)


@st.cache_data(show_spinner=False, max_entries=64)
def statistics(key: tuple, article_ids: tuple[int, ...] | None) -> pd.DataFrame:
    """Statistics of the given articles (all when None)."""
    return store().get_statistics(None if article_ids is None else list(article_ids))


@st.cache_data(show_spinner=False, max_entries=64)
def filtered_statistics(key: tuple, article_ids: tuple[int, ...] | None, workforce: str, target: str,
                        units: tuple[str, ...], kinds: tuple[str, ...], qualifiers: tuple[str, ...],
                        sections: tuple[str, ...]) -> tuple[pd.DataFrame, dict[str, int]]:
    """Matching statistics (at most views.STATISTICS_ROW_LIMIT rows) and the counts of all matches, from SQL."""
    return views.query_statistics(store(), article_ids, workforce=workforce, target=target, units=units,
                                  kinds=kinds, qualifiers=qualifiers, sections=sections)


def all_statistics(article_ids: tuple[int, ...] | None, *, columns: list[str],
                   **choices) -> Callable[[], pd.DataFrame]:
    """A builder of every matching statistic with its reader link (no row cap), run when a download is clicked."""
    current = store()  # resolved now: the builder runs in a server thread, outside this script run
    return lambda: views.statistics_with_links(
        views.query_statistics(current, article_ids, limit=None, **choices)[0])[columns]


@st.cache_data(show_spinner=False, max_entries=64)
def statistics_options(key: tuple, article_ids: tuple[int, ...] | None) -> dict[str, list[str]]:
    """Units and sections present, for the statistics filters."""
    return views.statistics_options(store(), article_ids)


@st.cache_data(show_spinner=False, max_entries=64)
def largest_workforce(key: tuple, article_ids: tuple[int, ...] | None, top_k: int = 8) -> pd.DataFrame:
    """The biggest workforce counts, read in SQL."""
    return views.largest_workforce_stored(store(), article_ids, top_k=top_k)


@st.cache_data(show_spinner=False, max_entries=64)
def section_tables(key: tuple, article_id: int, top_k: int) -> dict[str, pd.DataFrame]:
    """Sections, keyword × section counts and distinctive terms of one article."""
    found, chosen = get_analysis(key, article_id), stopwords(key)
    words = list(keywords(key, article_id, None, "tfidf", top_k)["word"])
    return {"sections": views.sections_frame(found),
            "heatmap": views.heatmap_matrix(found, words=words, stopwords=chosen),
            "distinctive": views.distinctive_by_section(found, stopwords=chosen)}


@st.cache_data(show_spinner=False, max_entries=32)
def kwic_result(key: tuple, term: str, article_ids: tuple[int, ...], width: int, sort_by: str,
                whole_word: bool) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """KWIC rows (the first views.KWIC_ROW_LIMIT), counts per article/section and totals, read in batches."""
    return views.corpus_kwic_summary(store(), term, article_ids=article_ids, width=width, sort_by=sort_by,
                                     whole_word=whole_word)


def all_kwic(term: str, article_ids: tuple[int, ...], width: int, sort_by: str, whole_word: bool, *,
             drop: tuple[str, ...] = ()) -> Callable[[], pd.DataFrame]:
    """A builder of every KWIC row (no row cap), run when a download is clicked."""
    current = store()  # resolved now: the builder runs in a server thread, outside this script run
    return lambda: views.corpus_kwic(current, term, article_ids=article_ids, width=width, sort_by=sort_by,
                                     whole_word=whole_word).drop(columns=list(drop))


@st.cache_data(show_spinner=False, max_entries=64)
def cloud_layout(words: tuple[tuple[str, float], ...], width: int, height: int, shape: str, palette: str,
                 mask_png: bytes | None = None) -> wordcloud_render.CloudLayout:
    """Word positions for a cloud (a drawn shape, or the uploaded PNG as mask)."""
    mask = (wordcloud_render.mask_from_png(mask_png, width=width) if mask_png
            else wordcloud_render.shape_mask(shape, width=width, height=height))
    return wordcloud_render.layout_cloud(dict(words), width=width, height=height, mask=mask, palette=palette,
                                         max_words=len(words))


@st.cache_data(show_spinner=False, max_entries=64)
def cloud_png(layout: wordcloud_render.CloudLayout, scale: int = 1) -> bytes:
    """A cloud layout drawn as PNG bytes (scale 2 for the download)."""
    import io

    buffer = io.BytesIO()
    wordcloud_render.render_image(layout, scale=scale).save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def clear_results() -> None:
    """After a write: drop every cached result (the stamp would miss writes that keep counts equal)."""
    st.cache_data.clear()


def reanalyze(*, progress: Callable[[int, int], None] | None = None) -> int:
    """Re-analyse the articles not yet analysed with the current user words and stopwords; how many were redone."""
    from analysis import pipeline

    try:
        return pipeline.reanalyze(store(), progress=progress)
    finally:  # even a partial run changed stored keywords and tokens
        clear_results()


def outdated_articles() -> int:
    """Articles not yet re-analysed with the current word lists (never cached: one index scan)."""
    from analysis import reanalysis

    return reanalysis.count_outdated(store())


# ---- view state: URL query parameters mirror the selections ----------------------------------------------
def query_int(name: str) -> int | None:
    """An integer URL parameter, None when absent or malformed."""
    value = st.query_params.get(name)
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def query_choice(name: str, choices: tuple[str, ...] | list[str], default: str) -> str:
    """A URL parameter restricted to known choices."""
    value = st.query_params.get(name)
    return value if value in choices else default


def set_query(**values: object) -> None:
    """Write view state into the URL (None removes a key), so a link reproduces the view."""
    for name, value in values.items():
        if value is None:
            st.query_params.pop(name, None)
        elif st.query_params.get(name) != str(value):
            st.query_params[name] = str(value)


@st.cache_data(show_spinner=False, max_entries=256)
def keyword_list(key: tuple, article_id: int, top_k: int) -> tuple:
    """An article's TF-IDF keywords as Keyword values (for comparisons)."""
    return views.keywords_from_frame(keywords(key, article_id, None, "tfidf", top_k))


@st.cache_data(show_spinner=False, max_entries=64)
def distinctive(key: tuple, article_ids: tuple[int, ...], labels: tuple[str, ...]) -> pd.DataFrame:
    """Keyness of each article against the other compared ones."""
    from analysis import compare

    current = store()
    counts = {label: current.article_term_counts(i) for i, label in zip(article_ids, labels)}
    return compare.distinctive_keywords(counts, top_k=10)
