"""Tables the dashboard pages show, built on the Store's public methods and the pipeline (no Streamlit)."""
from __future__ import annotations

import math
from pathlib import PurePath
from collections import Counter
from collections.abc import Callable, Sequence

import pandas as pd

from analysis import pipeline
from analysis.errors import AnalysisError
from analysis.models import Analysis, Keyword
from analysis.store import Store
from analysis.word_lists import apply_word_list_edits, save_word_lists, word_list  # noqa: F401 (moved there)

LEAD_LABEL = "导语"
SCOPES = ("article", "section", "corpus")
CORPUS_METHODS = ("freq", "tfidf")
ARTICLE_COLUMNS = ["id", "title", "date", "n_chars", "n_sections", "n_statistics", "n_workforce", "format", "source"]


def articles_frame(store: Store, *, search: str | None = None) -> pd.DataFrame:
    """One row per stored article (no text)."""
    rows = store.list_articles(search=search or None)
    frame = pd.DataFrame(rows, columns=ARTICLE_COLUMNS) if rows else pd.DataFrame(columns=ARTICLE_COLUMNS)
    frame["source"] = [PurePath(str(s)).name for s in frame["source"]]  # the file name, not the server's path
    return frame


def keywords_frame(keywords: Sequence[Keyword]) -> pd.DataFrame:
    """Keywords as a ranked table (rank, word, weight, count, effect_size)."""
    rows = [{"rank": i, "word": k.word, "weight": k.weight, "count": k.count, "effect_size": k.effect_size}
            for i, k in enumerate(keywords, start=1)]
    return pd.DataFrame(rows, columns=["rank", "word", "weight", "count", "effect_size"])


def keywords_from_frame(df: pd.DataFrame) -> tuple[Keyword, ...]:
    """Back from a keywords_frame table to Keyword values."""
    return tuple(Keyword(str(r.word), float(r.weight), int(r.count)) for r in df.itertuples(index=False))


def corpus_idf(store: Store) -> dict[str, float]:
    """Smoothed inverse document frequency over the stored corpus."""
    n_docs = store.counts()["articles"]
    return {term: math.log((1 + n_docs) / (1 + df)) + 1 for term, df in store.doc_freqs().items()}


def scope_keywords(store: Store, *, article_id: int | None, section_idx: int | None = None, method: str = "tfidf",
                   top_k: int = 50, stopwords: frozenset[str] | None = None,
                   analysis: Analysis | None = None) -> tuple[Keyword, ...]:
    """Keywords of the corpus (article_id None), an article, or one of its sections, by any method.

    `analysis` (the article, e.g. re-segmented with the current user words) saves reading it again.
    """
    if article_id is None:
        return _corpus_keywords(store, method=method, top_k=top_k, stopwords=stopwords)
    analysis = analysis or store.get_analysis(article_id)
    stopwords = pipeline.store_stopwords(store) if stopwords is None else stopwords
    idf = corpus_idf(store) if method == "tfidf" else None
    if section_idx is not None and 0 <= section_idx < len(analysis.sections):
        per_section = pipeline.section_keywords(analysis, method=method, top_k=top_k, stopwords=stopwords, idf=idf)
        return per_section[section_idx]
    reference = None
    if method == "keyness":
        own = Counter(store.article_term_counts(article_id))
        reference = Counter(store.corpus_term_counts()) - own
        if not reference:  # a one-article corpus: fall back to the article's sections as reference
            return pipeline.article_keywords(analysis, method="freq", top_k=top_k, stopwords=stopwords)
    return pipeline.article_keywords(analysis, method=method, top_k=top_k, stopwords=stopwords, idf=idf,
                                     reference_counts=reference)


def _corpus_keywords(store: Store, *, method: str, top_k: int, stopwords: frozenset[str] | None) -> tuple[Keyword, ...]:
    """Corpus-wide terms: raw counts, or counts weighted by IDF (other methods fall back to tfidf)."""
    counts = store.corpus_term_counts()
    if stopwords:
        counts = {t: c for t, c in counts.items() if t not in stopwords}
    idf = corpus_idf(store) if method != "freq" else {}
    scored = sorted(((t, c * idf.get(t, 1.0), c) for t, c in counts.items()), key=lambda r: (-r[1], r[0]))
    return tuple(Keyword(t, float(w), int(c)) for t, w, c in scored[:top_k])


def corpus_kwic(store: Store, term: str, *, article_ids: Sequence[int] | None = None, width: int = 20,
                sort_by: str = "position", whole_word: bool = True) -> pd.DataFrame:
    """KWIC over many stored articles: SQL picks the texts holding the term; tokens are read as arrays."""
    from analysis import kwic

    return kwic.kwic_over_sources(_term_sources(store, term, article_ids), term, width=width, whole_word=whole_word,
                                  sort_by=sort_by)


def corpus_kwic_summary(store: Store, term: str, *, article_ids: Sequence[int] | None = None, width: int = 20,
                        sort_by: str = "position", whole_word: bool = True,
                        limit: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """`kwic_summary(corpus_kwic(…))` in bounded memory: texts read in batches, only `limit` rows kept."""
    from analysis import kwic

    return kwic.kwic_summary_over_sources(_term_sources(store, term, article_ids), term, width=width,
                                          whole_word=whole_word, sort_by=sort_by, limit=limit or KWIC_ROW_LIMIT)


def _term_sources(store: Store, term: str, article_ids: Sequence[int] | None, *, batch: int = 300):
    """Articles holding the term, read from the store `batch` at a time, in id order."""
    term = term.strip()
    if not term:
        return
    if article_ids is not None:  # by chunks of ids: each query looks up its own ids, not the whole list again
        ordered = sorted(set(article_ids))
        for at in range(0, len(ordered), batch):
            yield from store.term_sources(term, ordered[at:at + batch])
        return
    after_id = 0
    while True:
        found = store.term_sources(term, None, after_id=after_id, limit=batch)
        yield from found
        if len(found) < batch:
            return
        after_id = found[-1]["article_id"]


KWIC_ROW_LIMIT = 2000  # context rows a page shows; the counts and totals cover every match


def kwic_summary(table: pd.DataFrame, *, limit: int = KWIC_ROW_LIMIT) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """The first `limit` KWIC rows, counts per article and section over all rows, and the totals."""
    from analysis import kwic

    totals = {"articles": int(table["article_id"].nunique()), "matches": len(table)}
    return table.head(limit).reset_index(drop=True), kwic.kwic_counts(table), totals


def section_label(analysis: Analysis, index: int) -> str:
    """Display name of a section (导语 for the lead)."""
    title = analysis.sections[index].title
    return title if title else LEAD_LABEL


def section_index_at(analysis: Analysis, offset: int) -> int:
    """Index of the section holding a text offset (0 when there are no sections)."""
    inside = [i for i, s in enumerate(analysis.sections) if s.start <= offset]
    return inside[-1] if inside else 0


def sections_frame(analysis: Analysis) -> pd.DataFrame:
    """One row per section: idx, section, subheading, level, n_chars, start, end."""
    rows = [{"idx": i, "section": section_label(analysis, i), "subheading": s.subheading or "", "level": s.level,
             "n_chars": s.n_chars, "start": s.start, "end": s.end} for i, s in enumerate(analysis.sections)]
    return pd.DataFrame(rows, columns=["idx", "section", "subheading", "level", "n_chars", "start", "end"])


def heatmap_matrix(analysis: Analysis, *, words: Sequence[str], stopwords: frozenset[str]) -> pd.DataFrame:
    """Counts of `words` (rows) in each section (columns)."""
    per_section = pipeline.section_terms(analysis, stopwords=stopwords)
    labels = _unique_labels([section_label(analysis, i) for i in range(len(analysis.sections))])
    data = {label: [Counter(terms)[w] for w in words] for label, terms in zip(labels, per_section)}
    return pd.DataFrame(data, index=list(words))


def _unique_labels(labels: list[str]) -> list[str]:
    """Number repeated section titles so they can be columns."""
    seen: Counter = Counter()
    unique = []
    for label in labels:
        seen[label] += 1
        unique.append(label if seen[label] == 1 else f"{label}（{seen[label]}）")
    return unique


def distinctive_by_section(analysis: Analysis, *, stopwords: frozenset[str], top_k: int = 8) -> pd.DataFrame:
    """Per section, terms over-used against the rest of the article (G², effect size)."""
    per_section = pipeline.section_keywords(analysis, method="keyness", top_k=top_k, stopwords=stopwords)
    rows = [{"section": section_label(analysis, i), "rank": r, "word": k.word, "count": k.count, "g2": k.weight,
             "effect_size": k.effect_size} for i, kws in enumerate(per_section) for r, k in enumerate(kws, start=1)]
    return pd.DataFrame(rows, columns=["section", "rank", "word", "count", "g2", "effect_size"])


def statistics_per_category(stats: pd.DataFrame, *, category: str = "section") -> pd.DataFrame:
    """Number of statistics per category, split into workforce / other."""
    if stats.empty:
        return pd.DataFrame(columns=[category, "workforce", "other"])
    keyed = stats.assign(**{category: stats[category].fillna(LEAD_LABEL)})
    table = keyed.groupby([category, "is_workforce"], sort=False).size().unstack(fill_value=0)
    table = table.reindex(columns=[True, False], fill_value=0)
    table.columns = ["workforce", "other"]
    return table.reset_index()


def filter_statistics(stats: pd.DataFrame, *, workforce: str = "all", units: Sequence[str] = (),
                      kinds: Sequence[str] = (), qualifiers: Sequence[str] = (), target: str = "all",
                      sections: Sequence[str] = ()) -> pd.DataFrame:
    """Rows matching every given filter; workforce/target are 'all', 'yes' or 'no'; empty lists mean all."""
    mask = pd.Series(True, index=stats.index)
    for column, choice in (("is_workforce", workforce), ("is_target", target)):
        if choice in ("yes", "no"):
            mask &= stats[column] == (choice == "yes")
    for column, chosen in (("unit", units), ("kind", kinds), ("qualifier", qualifiers)):
        if chosen:
            mask &= stats[column].isin(list(chosen))
    if sections:
        mask &= stats["section"].fillna(LEAD_LABEL).isin(list(sections))
    return stats[mask]


STATISTICS_ROW_LIMIT = 2000  # rows a statistics table or chart shows; counts and filter options cover all rows
_FLAGS = {"all": None, "yes": True, "no": False}


def _store_filters(*, workforce: str = "all", target: str = "all", units: Sequence[str] = (),
                   kinds: Sequence[str] = (), qualifiers: Sequence[str] = (), sections: Sequence[str] = ()) -> dict:
    """The page's filter choices ('all'/'yes'/'no', the lead label) as Store.find_statistics options."""
    return {"workforce": _FLAGS[workforce], "target": _FLAGS[target], "units": tuple(units), "kinds": tuple(kinds),
            "qualifiers": tuple(qualifiers), "sections": tuple(None if s == LEAD_LABEL else s for s in sections)}


def query_statistics(store: Store, article_ids: Sequence[int] | None, *, limit: int | None = STATISTICS_ROW_LIMIT,
                     **choices) -> tuple[pd.DataFrame, dict[str, int]]:
    """Like `filter_statistics` over `store.get_statistics`, but filtered, counted and capped in SQL (None: no cap)."""
    filters = _store_filters(**choices)
    return (store.find_statistics(article_ids, limit=limit, **filters),
            store.count_statistics(article_ids, **filters))


def statistics_options(store: Store, article_ids: Sequence[int] | None) -> dict[str, list[str]]:
    """Units and sections (the lead as its label) present among the statistics, for the filter widgets."""
    facets = store.statistics_facets(article_ids)
    return {"units": sorted(facets["unit"]),
            "sections": sorted({LEAD_LABEL if s is None else s for s in facets["section"]})}


def largest_workforce_stored(store: Store, article_ids: Sequence[int] | None, *, top_k: int = 8,
                             unit_kinds: Sequence[str] = ("count",)) -> pd.DataFrame:
    """`largest_workforce` read in SQL: the biggest workforce counts, largest first."""
    return store.find_statistics(article_ids, workforce=True, kinds=tuple(unit_kinds), largest_first=True,
                                 limit=top_k)


def statistics_with_links(stats: pd.DataFrame) -> pd.DataFrame:
    """Adds `link`: a relative URL opening the reader at the statistic's article and sentence."""
    links = [f"reader?article={int(a)}&stat={int(i)}" for a, i in zip(stats["article_id"], stats["idx"])]
    return stats.assign(link=links)


def overview_metrics(store: Store, *, article_id: int | None) -> dict[str, int]:
    """Headline numbers: articles, characters, statistics, workforce statistics (one article or all)."""
    if article_id is None:
        counts = store.counts()
        return {k: counts[k] for k in ("articles", "chars", "statistics", "workforce_statistics")}
    row = next((r for r in store.list_articles() if r["id"] == article_id), None)
    if row is None:
        return {"articles": 0, "chars": 0, "statistics": 0, "workforce_statistics": 0}
    return {"articles": 1, "chars": row["n_chars"], "statistics": row["n_statistics"],
            "workforce_statistics": row["n_workforce"]}


def largest_workforce(stats: pd.DataFrame, *, top_k: int = 8, unit_kinds: Sequence[str] = ("count",)) -> pd.DataFrame:
    """The biggest workforce counts (people, person-times …), largest first."""
    if stats.empty:
        return stats
    chosen = stats[stats["is_workforce"] & stats["kind"].isin(list(unit_kinds))]
    return chosen.sort_values("value", ascending=False).head(top_k)


def ingest_uploads(files: Sequence[tuple[str, bytes]], *, store: Store,
                   progress: Callable[[int, int, str], None] | None = None) -> list[dict]:
    """Load, analyse and store uploaded files one by one; one result row per article or failed file."""
    from analysis.limits import MAX_UPLOAD_BYTES  # enforced here again, after Streamlit's maxUploadSize
    from analysis.loaders import load_bytes
    from analysis.workers import context_from_lists

    # One snapshot of the word lists: its signature is stamped on what it analyses.
    context = context_from_lists(store.word_list_state())
    results = []
    for done, (name, data) in enumerate(files):
        if progress is not None:
            progress(done, len(files), name)
        try:
            records = [pipeline.analyze_record(a, segmenter=context.segmenter, stopwords=context.stopwords)
                       for a in load_bytes(data, name, max_bytes=MAX_UPLOAD_BYTES)]
        except AnalysisError as error:
            results.append({"file": name, "status": "error", "title": "", "error": type(error).__name__,
                            "message": str(error)})
            continue
        saved = store.save_records(records, word_lists=context.word_lists)
        for record, (article_id, created, _) in zip(records, saved):
            results.append({"file": name, "status": "stored" if created else "duplicate", "title": record.article[1],
                            "article_id": article_id, "error": "", "message": ""})
    if progress is not None:
        progress(len(files), len(files), "")
    return results
