"""Composition: one article -> Analysis; keywords per section and keyness on demand; many files -> the store."""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from analysis import keywords as kw
from analysis.models import Analysis, Article, Keyword, Token
from analysis.sections import detect_sections
from analysis.segment import Segmenter, content_words, load_stopwords, segment
from analysis.statistics import EXTRACTOR_VERSION, extract_statistics
from analysis.store_rows import ArticleRecord, make_record

if TYPE_CHECKING:
    from analysis.ingest_pool import IngestProgress, IngestReport
    from analysis.store import Store

DEFAULT_KEYWORD_METHOD = "tfidf"
KEYWORD_METHODS = ("freq", "tfidf", "textrank", "keyness")


def article_terms(tokens: Iterable[Token], *, stopwords: frozenset[str]) -> list[str]:
    """The words counted for keywords and corpus statistics."""
    return content_words(tokens, stopwords=stopwords)


def analyze(article: Article, *, segmenter: Segmenter, idf: Mapping[str, float] | None = None, top_k: int = 20,
            stopwords: frozenset[str] | None = None, method: str = DEFAULT_KEYWORD_METHOD) -> Analysis:
    """Sections, tokens, article keywords and statistics of one article."""
    stopwords = load_stopwords() if stopwords is None else stopwords
    return _analyze_with_terms(article, segmenter=segmenter, idf=idf, top_k=top_k, stopwords=stopwords,
                               method=method)[0]


def _analyze_with_terms(article: Article, *, segmenter: Segmenter, idf: Mapping[str, float] | None, top_k: int,
                        stopwords: frozenset[str], method: str) -> tuple[Analysis, list[str]]:
    sections = detect_sections(article.text)
    tokens = segment(article, segmenter=segmenter)
    words = article_terms(tokens, stopwords=stopwords)
    keywords = kw.extract_keywords(words, method=method, top_k=top_k, idf=idf)
    statistics = extract_statistics(article.text, sections=sections)
    return Analysis(article, tokens, sections, keywords, statistics), words


def analyze_record(article: Article, *, segmenter: Segmenter, stopwords: frozenset[str],
                   top_k: int = 20) -> ArticleRecord:
    """An Analysis already turned into store rows (what ingest workers send to the writer)."""
    analysis, words = _analyze_with_terms(article, segmenter=segmenter, idf=None, top_k=top_k, stopwords=stopwords,
                                          method=DEFAULT_KEYWORD_METHOD)
    return make_record(analysis, term_counts=Counter(words), keyword_method=DEFAULT_KEYWORD_METHOD,
                       extractor_version=EXTRACTOR_VERSION)


def section_terms(analysis: Analysis, *, stopwords: frozenset[str]) -> list[list[str]]:
    """Per section, the counted words of the tokens that start inside it."""
    return [article_terms([t for t in analysis.tokens if s.start <= t.start < s.end], stopwords=stopwords)
            for s in analysis.sections]


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
                     reference_counts: Mapping[str, int] | None = None) -> tuple[Keyword, ...]:
    """Article keywords by any method; keyness needs `reference_counts` (the rest of the corpus)."""
    _check_method(method)
    stopwords = load_stopwords() if stopwords is None else stopwords
    words = article_terms(analysis.tokens, stopwords=stopwords)
    if method != "keyness":
        return kw.extract_keywords(words, method=method, top_k=top_k, idf=idf)
    if not reference_counts:
        raise ValueError("keyness needs reference counts: the rest of the corpus or of the article")
    return kw.keyness(Counter(words), reference_counts, top_k=top_k)


def _check_method(method: str) -> None:
    if method not in KEYWORD_METHODS:
        raise ValueError(f"method must be one of {', '.join(KEYWORD_METHODS)}, not {method!r}")


def store_stopwords(store: Store) -> frozenset[str]:
    """The packaged stopwords with the user's additions and removals from the store."""
    added, removed = store.stopword_changes()
    return load_stopwords(extra=added) - removed


def ingest(paths: Iterable[str | os.PathLike], *, store: Store, jobs: int | None = None,
           progress: Callable[[IngestProgress], None] | None = None) -> IngestReport:
    """Load, analyse and store every article under `paths` (files, folders, zips) with `jobs` processes."""
    from analysis.ingest_pool import run_ingest  # the pool module imports this one

    return run_ingest(paths, store=store, jobs=jobs, progress=progress)
