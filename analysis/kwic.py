"""Keyword in context: every occurrence of a term with its left and right context, as a DataFrame."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

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


def section_title_at(sections: Sequence[Section], offset: int, *, lead_label: str = "导语") -> str:
    """Title of the section holding `offset` (lead label before the first heading)."""
    starts = [s.start for s in sections]
    index = bisect_right(starts, offset) - 1
    if index < 0:
        return lead_label
    return sections[index].title or lead_label


def kwic_rows(text: str, term: str, *, tokens: Sequence[Token] = (), sections: Sequence[Section] = (),
              article_id: int = 0, article: str = "", width: int = 20, whole_word: bool = True) -> list[dict]:
    """One row per occurrence; context is cut at `width` characters, newlines shown as spaces."""
    rows = []
    for start, end in find_occurrences(text, term, tokens=tokens, whole_word=whole_word):
        rows.append({
            "article_id": article_id, "article": article, "section": section_title_at(sections, start),
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
