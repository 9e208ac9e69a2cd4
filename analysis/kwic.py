"""Keyword in context: every occurrence of a term with its left and right context, as a DataFrame."""
from __future__ import annotations

import heapq
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

import numpy as np
import pandas as pd

from analysis.models import Section, Token

KWIC_COLUMNS = ("article_id", "article", "section", "left", "keyword", "right", "start", "end")
SORT_KEYS = ("position", "left", "right")
_NEWLINE = "\n"


def find_occurrences(text: str, term: str, *, tokens: Sequence[Token] = (), whole_word: bool = True
                     ) -> list[tuple[int, int]]:
    """Spans of `term`: tokens equal to it (whole_word), else every substring match."""
    term = term.strip()
    if not term or not text:
        return []
    if whole_word and tokens:
        spans = [(t.start, t.end) for t in tokens if t.word == term]
        if spans:
            return spans
    spans, at = [], text.find(term)
    while at >= 0:
        spans.append((at, at + len(term)))
        at = text.find(term, at + len(term))
    return spans


def whole_word_spans(text: str, term: str, *, token_starts: np.ndarray, token_ends: np.ndarray
                     ) -> list[tuple[int, int]]:
    """`find_occurrences` for tokens given as sorted start/end arrays (no Token objects: KWIC over a corpus)."""
    term = term.strip()
    if not term or not text:
        return []
    candidates, at = [], text.find(term)
    while at >= 0:  # overlapping, as a token equal to the term may start anywhere
        candidates.append(at)
        at = text.find(term, at + 1)
    if candidates and len(token_starts):
        where = np.array(candidates, dtype=np.int64)
        index = np.minimum(np.searchsorted(token_starts, where), len(token_starts) - 1)
        whole = (token_starts[index] == where) & (token_ends[index] == where + len(term))
        if whole.any():
            return [(int(s), int(s) + len(term)) for s in where[whole]]
    return find_occurrences(text, term, whole_word=False)


def kwic_rows(text: str, term: str, *, tokens: Sequence[Token] = (), sections: Sequence[Section] = (),
              article_id: int = 0, article: str = "", width: int = 20, whole_word: bool = True,
              spans: Sequence[tuple[int, int]] | None = None,
              section_heads: Sequence[tuple[int, str | None]] | None = None) -> list[dict]:
    """One row per occurrence (or per given span); context is cut at `width` characters, newlines shown as spaces.

    `section_heads` ((start, title) per section) may stand in for `sections`."""
    rows = []
    if spans is None:
        spans = find_occurrences(text, term, tokens=tokens, whole_word=whole_word)
    heads = section_heads if section_heads is not None else [(s.start, s.title) for s in sections]
    for (start, end), section in zip(spans, section_labels(heads, spans)):
        rows.append({
            "article_id": article_id, "article": article, "section": section,
            "left": text[max(0, start - width):start].replace(_NEWLINE, " "), "keyword": text[start:end],
            "right": text[end:end + width].replace(_NEWLINE, " "), "start": start, "end": end,
        })
    return rows


def kwic_table(documents: Iterable[dict], term: str, *, width: int = 20, whole_word: bool = True,
               sort_by: str = "position") -> pd.DataFrame:
    """KWIC over many documents (dicts with text, tokens, sections, article_id, article)."""
    rows = [row for doc in documents for row in kwic_rows(
        doc["text"], term, tokens=doc.get("tokens", ()), sections=doc.get("sections", ()),
        article_id=doc.get("article_id", 0), article=doc.get("article", ""), width=width, whole_word=whole_word)]
    return sort_kwic(pd.DataFrame(rows, columns=list(KWIC_COLUMNS)), by=sort_by)


def kwic_over_sources(sources: Iterable[dict], term: str, *, width: int = 20, whole_word: bool = True,
                      sort_by: str = "position") -> pd.DataFrame:
    """KWIC over `Store.term_sources` dicts (token bounds as arrays; `tokens` when the store had to decode them)."""
    rows = [row for doc in sources for row in _doc_rows(doc, term, width, whole_word)]
    return sort_kwic(pd.DataFrame(rows, columns=list(KWIC_COLUMNS)), by=sort_by)


def kwic_summary_over_sources(sources: Iterable[dict], term: str, *, width: int = 20, whole_word: bool = True,
                              sort_by: str = "position", limit: int = 2000) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """The first `limit` rows of `kwic_over_sources` (same order), counts per article and section over every
    match (ties in text order), and totals; holds only `limit` rows, however many matches there are."""
    if sort_by not in SORT_KEYS:
        raise ValueError(f"sort must be one of {', '.join(SORT_KEYS)}, not {sort_by!r}")
    counts: Counter = Counter()
    articles: set[int] = set()

    def matched() -> Iterator[tuple[dict, list[tuple[int, int]]]]:
        for doc in sources:
            spans = _doc_spans(doc, term, whole_word)
            if spans:
                articles.add(doc["article_id"])
                counts.update(_section_keys(doc, spans))
                yield doc, spans

    if sort_by == "position":  # text order: rows for the first `limit` matches only, the rest just counted
        kept: list[dict] = []
        for doc, spans in matched():
            if len(kept) < limit:
                kept += _doc_rows(doc, term, width, whole_word, spans=spans[:limit - len(kept)])
    else:
        keys = {"left": lambda r: (r[1]["left"][::-1], r[1]["article_id"], r[0]),
                "right": lambda r: (r[1]["right"], r[1]["article_id"], r[0])}
        rows = (row for doc, spans in matched() for row in _doc_rows(doc, term, width, whole_word, spans=spans))
        kept = [row for _, row in heapq.nsmallest(limit, enumerate(rows), key=keys[sort_by])]
    table = pd.DataFrame(kept, columns=list(KWIC_COLUMNS))
    ranked = sorted(counts.items(), key=lambda item: -item[1])  # stable: ties stay in text order
    count_table = pd.DataFrame([(a, s, n) for (_, a, s), n in ranked], columns=["article", "section", "count"])
    return table, count_table, {"articles": len(articles), "matches": sum(counts.values())}


def _doc_spans(doc: dict, term: str, whole_word: bool) -> list[tuple[int, int]]:
    if whole_word and "token_starts" in doc:
        return whole_word_spans(doc["text"], term, token_starts=doc["token_starts"], token_ends=doc["token_ends"])
    return find_occurrences(doc["text"], term, tokens=doc.get("tokens", ()), whole_word=whole_word)


def section_labels(heads: Sequence[tuple[int, str | None]], spans: Sequence[tuple[int, int]]) -> list[str]:
    """Title of the section holding each span ((start, title) heads in order; 导语 before the first heading)."""
    starts = [start for start, _ in heads]
    labels = []
    for start, _ in spans:
        index = bisect_right(starts, start) - 1
        labels.append((heads[index][1] if index >= 0 else None) or "导语")
    return labels


def _section_keys(doc: dict, spans: Sequence[tuple[int, int]]) -> Iterator[tuple[int, str, str]]:
    """(article id, title, section title) of each span, as `kwic_rows` labels them."""
    for section in section_labels(doc["section_heads"], spans):
        yield doc["article_id"], doc["article"], section


def _doc_rows(doc: dict, term: str, width: int, whole_word: bool, *,
              spans: Sequence[tuple[int, int]] | None = None) -> list[dict]:
    if spans is None:
        spans = _doc_spans(doc, term, whole_word)
    return kwic_rows(doc["text"], term, section_heads=doc["section_heads"], article_id=doc["article_id"],
                     article=doc["article"], width=width, spans=spans)


def sort_kwic(df: pd.DataFrame, *, by: str = "position") -> pd.DataFrame:
    """Sort by position, by left context read from the keyword outwards, or by right context."""
    if by not in SORT_KEYS:
        raise ValueError(f"sort must be one of {', '.join(SORT_KEYS)}, not {by!r}")
    if df.empty or by == "position":
        return df.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)
    if by == "left":
        keyed = df.assign(_key=df["left"].map(lambda s: s[::-1]))
        return keyed.sort_values(["_key", "article_id"], kind="stable").drop(columns="_key").reset_index(drop=True)
    return df.sort_values(["right", "article_id"], kind="stable").reset_index(drop=True)


def kwic_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Occurrences per article and section, most first."""
    if df.empty:
        return pd.DataFrame(columns=["article", "section", "count"])
    counts = df.groupby(["article_id", "article", "section"], sort=False).size().reset_index(name="count")
    return counts.sort_values("count", ascending=False, kind="stable").drop(columns="article_id").reset_index(drop=True)
