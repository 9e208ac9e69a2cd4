"""Composition: one article -> Analysis; keywords per section and keyness on demand; many files -> the store."""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from analysis import keywords as kw
from analysis.models import Analysis, Article, Keyword, Section, Statistic, Token
from analysis.sections import detect_sections
from analysis.segment import Segmenter, load_stopwords, segment_words
from analysis.statistics import EXTRACTOR_VERSION, extract_statistics
from analysis.store_rows import ArticleRecord, article_record

if TYPE_CHECKING:
    from analysis.ingest_report import IngestProgress, IngestReport
    from analysis.store import Store

DEFAULT_KEYWORD_METHOD = "tfidf"
KEYWORD_METHODS = ("freq", "tfidf", "textrank", "keyness")


def article_terms(tokens: Iterable[Token], *, stopwords: frozenset[str], title_words: Sequence[str] = ()) -> list[str]:
    """The terms counted for keywords and corpus statistics: content words, mined phrases joined.

    Phrases are mined over the text and its segmented title (`title_words`), as ingest stores them."""
    return kw.extract_terms([t.word for t in tokens], stopwords=stopwords,
                            extra_text=[title_words] if title_words else [])[0]


def analyze(article: Article, *, segmenter: Segmenter, idf: Mapping[str, float] | None = None, top_k: int = 20,
            stopwords: frozenset[str] | None = None, method: str = DEFAULT_KEYWORD_METHOD) -> Analysis:
    """Sections, tokens, article keywords and statistics of one article."""
    stopwords = load_stopwords() if stopwords is None else stopwords
    parts = _analyze_parts(article, segmenter=segmenter, idf=idf, top_k=top_k, stopwords=stopwords, method=method)
    return Analysis(article, tuple(map(Token, *parts.tokens)), parts.sections, parts.keywords, parts.statistics)


class _Parts(NamedTuple):
    sections: tuple[Section, ...]
    tokens: tuple[list[str], list[int], list[int]]  # words, starts, ends: no Token objects on the ingest path
    terms: list[str]
    keywords: tuple[Keyword, ...]
    statistics: tuple[Statistic, ...]


def _analyze_parts(article: Article, *, segmenter: Segmenter, idf: Mapping[str, float] | None, top_k: int,
                   stopwords: frozenset[str], method: str, with_statistics: bool = True) -> _Parts:
    """One pass: the counted terms and the keyword list come from a single phrase mining (text + title).

    Without statistics, sections and statistics are left empty (they do not depend on the word lists)."""
    tokens = segment_words(article, segmenter=segmenter)
    terms, keywords = kw.terms_and_keywords(tokens[0], stopwords=stopwords, method=method, top_k=top_k, idf=idf,
                                            title_words=_title_words(article, segmenter))
    if not with_statistics:
        return _Parts((), tokens, terms, keywords, ())
    sections = detect_sections(article.text)
    return _Parts(sections, tokens, terms, keywords, extract_statistics(article.text, sections=sections))


def _title_words(article: Article, segmenter: Segmenter | None) -> list[str]:
    return segmenter.cut(article.title) if segmenter is not None and article.title else []


def _ranked_terms(article: Article, tokens: Iterable[Token], *, segmenter: Segmenter | None, method: str,
                  top_k: int, idf: Mapping[str, float] | None, stopwords: frozenset[str]) -> tuple[Keyword, ...]:
    """The article's default keyword list: mined terms ranked, those also in the title weighted up."""
    return kw.rank_terms([t.word for t in tokens], stopwords=stopwords, method=method, top_k=top_k, idf=idf,
                         title_words=_title_words(article, segmenter))


def analyze_record(article: Article, *, segmenter: Segmenter, stopwords: frozenset[str], top_k: int = 20,
                   with_statistics: bool = True) -> ArticleRecord:
    """An analysed article already turned into store rows (what ingest workers send to the writer).

    `with_statistics=False` (re-analysis after a word-list change) leaves sections and statistics empty."""
    parts = _analyze_parts(article, segmenter=segmenter, idf=None, top_k=top_k, stopwords=stopwords,
                           method=DEFAULT_KEYWORD_METHOD, with_statistics=with_statistics)
    return article_record(article, sections=parts.sections, tokens=parts.tokens, keywords=parts.keywords,
                          statistics=parts.statistics, term_counts=Counter(parts.terms),
                          keyword_method=DEFAULT_KEYWORD_METHOD, extractor_version=EXTRACTOR_VERSION)


def section_terms(analysis: Analysis, *, stopwords: frozenset[str]) -> list[list[str]]:
    """Per section, the counted terms of the tokens that start inside it (phrases mined over the article)."""
    return kw.section_terms([[t.word for t in analysis.tokens if s.start <= t.start < s.end]
                             for s in analysis.sections], stopwords=stopwords)


def section_keywords(analysis: Analysis, *, method: str = DEFAULT_KEYWORD_METHOD, top_k: int = 10,
                     stopwords: frozenset[str] | None = None,
                     idf: Mapping[str, float] | None = None) -> tuple[tuple[Keyword, ...], ...]:
    """Keywords of every section; keyness ranks a section against the rest of its article."""
    _check_method(method)
    stopwords = load_stopwords() if stopwords is None else stopwords
    per_section = section_terms(analysis, stopwords=stopwords)
    if method != "keyness":
        return tuple(kw.extract_keywords(words, method=method, top_k=top_k, idf=idf) for words in per_section)
    whole = Counter(w for words in per_section for w in words)
    return tuple(kw.keyness(Counter(words), whole - Counter(words), top_k=top_k) for words in per_section)


def article_keywords(analysis: Analysis, *, method: str = DEFAULT_KEYWORD_METHOD, top_k: int = 10,
                     stopwords: frozenset[str] | None = None, idf: Mapping[str, float] | None = None,
                     reference_counts: Mapping[str, int] | None = None,
                     segmenter: Segmenter | None = None) -> tuple[Keyword, ...]:
    """Article keywords by any method; keyness needs `reference_counts` (the rest of the corpus).

    With `segmenter`, terms in the title weigh more, exactly as in the list `analyze` stores."""
    _check_method(method)
    stopwords = load_stopwords() if stopwords is None else stopwords
    if method != "keyness":
        return _ranked_terms(analysis.article, analysis.tokens, segmenter=segmenter, method=method, top_k=top_k,
                             idf=idf, stopwords=stopwords)
    words = article_terms(analysis.tokens, stopwords=stopwords, title_words=_title_words(analysis.article, segmenter))
    if not reference_counts:
        raise ValueError("keyness needs reference counts: the rest of the corpus or of the article")
    return kw.keyness(Counter(words), reference_counts, top_k=top_k)


def _check_method(method: str) -> None:
    if method not in KEYWORD_METHODS:
        raise ValueError(f"method must be one of {', '.join(KEYWORD_METHODS)}, not {method!r}")


def store_stopwords(store: Store) -> frozenset[str]:
    """The packaged stopwords with the user's additions and removals from the store."""
    return lists_stopwords(store.word_list_state())


def lists_stopwords(lists) -> frozenset[str]:
    """The packaged stopwords with the additions and removals of one word-list snapshot (`Store.word_list_state`)."""
    return load_stopwords(extra=lists.added_stopwords) - lists.removed_stopwords


def refresh_statistics(store: Store, *, progress: Callable[[int, int], None] | None = None) -> int:
    """Recompute the statistics of articles stored by another extractor version; how many were refreshed."""
    stale = store.stale_article_ids(EXTRACTOR_VERSION)
    for done, article_id in enumerate(stale, start=1):
        text = store.get_article(article_id).text
        statistics = extract_statistics(text, sections=store.get_sections(article_id))
        store.replace_statistics(article_id, statistics, extractor_version=EXTRACTOR_VERSION)
        if progress is not None:
            progress(done, len(stale))
    return len(stale)


def ingest(paths: Iterable[str | os.PathLike], *, store: Store, jobs: int | None = None,
           progress: Callable[[IngestProgress], None] | None = None) -> IngestReport:
    """Load, analyse and store every article under `paths` (files, folders, zips) with `jobs` processes."""
    from analysis.ingest_pool import run_ingest  # the pool module imports this one

    return run_ingest(paths, store=store, jobs=jobs, progress=progress)


def reanalyze(store: Store, *, progress: Callable[[int, int], None] | None = None, jobs: int | None = None) -> int:
    """Re-analyse, in place, the stored articles not yet analysed with the current word lists or extractor.

    Same ids; tokens, term counts (and corpus totals) and keyword lists are recomputed (cached on-demand
    lists are dropped); sections and statistics too when their extractor version is not the current one
    (they do not depend on the word lists). One short transaction per batch of articles, so readers see
    each article old or new, never half; a killed run leaves a mix of old and new articles, each whole.
    Uses `jobs` processes (default: all cores) when the store is large enough to pay for them.
    `progress(done, total)` after every batch; returns how many articles were re-analysed."""
    from analysis.reanalysis import reanalyze_store  # the reanalysis module imports this one

    return reanalyze_store(store, progress=progress, jobs=jobs)
