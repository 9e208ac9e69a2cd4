"""The `keywords` command's computation: article or section keywords by any method, as JSON-ready dicts."""
from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from analysis.errors import AnalysisError
from analysis.models import Analysis, Article, Keyword
from analysis.pipeline import article_keywords, article_terms, section_keywords, store_stopwords
from analysis.sections import detect_sections
from analysis.segment import Segmenter, load_stopwords, make_segmenter, segment
from analysis.store import DB_ENV, DEFAULT_DB, Store
from analysis.store_rows import content_hash


def existing_store(db: str | None) -> Store | None:
    """The store named by --db / WENYAN_DB / the default, only when that file exists (never creates one)."""
    path = Path(db or os.environ.get(DB_ENV) or DEFAULT_DB)
    if not path.is_file():
        return None
    try:
        return Store(path)
    except sqlite3.Error as exc:
        raise AnalysisError(f"cannot open the database {path} ({exc}); give another file with --db or WENYAN_DB") from exc


def keyword_record(keyword: Keyword, *, method: str) -> dict:
    """One keyword as JSON; effect_size only for keyness."""
    record = {"word": keyword.word, "weight": round(float(keyword.weight), 6), "count": keyword.count}
    if method == "keyness":
        record["effect_size"] = None if keyword.effect_size is None else round(float(keyword.effect_size), 6)
    return record


def keyword_results(articles: Sequence[Article], *, method: str, by_section: bool, top_k: int,
                    db: str | None = None) -> list[dict]:
    """Per article {"title", "method", "keywords"} or, by section, {"title", "method", "sections": [...]}."""
    store = existing_store(db)
    segmenter = make_segmenter(user_words=store.list_user_words() if store else ())
    stopwords = store_stopwords(store) if store else load_stopwords()
    analyses = [Analysis(a, segment(a, segmenter=segmenter), detect_sections(a.text), (), ()) for a in articles]
    results = []
    for index, analysis in enumerate(analyses):
        head = {"title": analysis.article.title, "method": method}
        if by_section:
            lists = section_keywords(analysis, method=method, top_k=top_k, stopwords=stopwords)
            head["sections"] = [{"title": s.title, "keywords": [keyword_record(k, method=method) for k in ks]}
                                for s, ks in zip(analysis.sections, lists)]
        else:
            reference = (_reference(analyses, index, stopwords, store, segmenter=segmenter)
                         if method == "keyness" else None)
            ranked = article_keywords(analysis, method=method, top_k=top_k, stopwords=stopwords,
                                      reference_counts=reference, segmenter=segmenter)
            head["keywords"] = [keyword_record(k, method=method) for k in ranked]
        results.append(head)
    return results


def _reference(analyses: Sequence[Analysis], index: int, stopwords: frozenset[str], store: Store | None, *,
               segmenter: Segmenter) -> Counter:
    """The rest of the file's articles, else the stored corpus without this article.

    Terms are mined with each article's title, as ingest counts them, so both references count alike."""
    if len(analyses) > 1:
        return Counter(w for i, a in enumerate(analyses) if i != index
                       for w in article_terms(a.tokens, stopwords=stopwords,
                                              title_words=segmenter.cut(a.article.title) if a.article.title else ()))
    reference = Counter(store.corpus_term_counts()) if store else Counter()
    if store and reference:
        stored_id = store.find_article_id(content_hash(analyses[index].article))
        if stored_id is not None:
            reference -= Counter(store.article_term_counts(stored_id))
    if not reference:
        raise AnalysisError("keyness of a single article needs a reference corpus: ingest one first "
                            "(python -m analysis ingest FOLDER) or use --by-section")
    return reference
