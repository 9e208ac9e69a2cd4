"""IDF tables for term ranking: jieba's reference table (read as data), corpus IDF, and IDF of unseen terms."""
from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Sequence

import jieba

# jieba ships a reference IDF table (~270k words from a general corpus); read as data, never via jieba.analyse.
REFERENCE_IDF_FILE = Path(jieba.__file__).resolve().parent / "analyse" / "idf.txt"


@lru_cache(maxsize=1)
def reference_idf() -> Mapping[str, float]:
    """jieba's reference IDF table as a read-only mapping."""
    table: dict[str, float] = {}
    with REFERENCE_IDF_FILE.open(encoding="utf-8") as handle:
        for line in handle:
            word, _, value = line.strip().partition(" ")
            if word and value:
                table[word] = float(value)
    return _ReadOnlyIdf(table)


class _ReadOnlyIdf(dict):
    """A dict that refuses writes (shared across sessions), carrying its median for unseen words."""

    def __init__(self, table: Mapping[str, float]) -> None:
        super().__init__(table)
        values = sorted(table.values())
        self.median = values[len(values) // 2] if values else 1.0

    def _refuse(self, *args, **kwargs):
        raise TypeError("IDF tables are shared and read-only; build a new one instead")

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = _refuse  # type: ignore[assignment]

    def __reduce__(self):
        return (_ReadOnlyIdf, (dict(self),))


def corpus_idf(doc_freqs: Mapping[str, int], n_docs: int) -> Mapping[str, float]:
    """Smoothed IDF log((1 + n) / (1 + df)) + 1 from document frequencies of a corpus."""
    if n_docs <= 0:
        return _ReadOnlyIdf({})
    return _ReadOnlyIdf({w: math.log((1 + n_docs) / (1 + df)) + 1.0 for w, df in doc_freqs.items() if df > 0})


def term_idf(term: str, idf: Mapping[str, float], *, parts: Sequence[str] = (), default: float | None = None) -> float:
    """IDF of a term; a mined phrase absent from the table gets the sum of its parts' IDF (capped)."""
    if term in idf:
        return idf[term]
    if default is None:
        default = idf_default(idf)
    if len(parts) > 1:
        # independence: a phrase is about as rare as its parts together; capped so it cannot swamp the list
        return min(sum(idf.get(p, default) for p in parts), 2.0 * default)
    return default


def idf_default(idf: Mapping[str, float]) -> float:
    """The IDF given to unseen words: the table's median."""
    return getattr(idf, "median", None) or _median(idf)


def _median(idf: Mapping[str, float]) -> float:
    values = sorted(idf.values())
    return values[len(values) // 2] if values else 1.0


@lru_cache(maxsize=1 << 16)
def reference_term_idf(term: str) -> float:
    """IDF of a term against the reference table (memoised per process: the same terms recur in every article)."""
    return term_idf(term, reference_idf(), parts=reference_split(term))


@lru_cache(maxsize=1 << 16)
def reference_split(term: str) -> tuple[str, ...]:
    """`split_term` on the reference table's vocabulary, memoised per process."""
    return split_term(term, reference_idf())


def split_term(term: str, vocabulary: Mapping[str, float], *, max_len: int = 6) -> tuple[str, ...]:
    """Forward maximum matching of a term absent from the vocabulary (产业生态圈 -> 产业, 生态圈)."""
    if term in vocabulary or len(term) < 3:
        return (term,)
    pieces, i = [], 0
    while i < len(term):
        j = next((j for j in range(min(len(term), i + max_len), i + 1, -1) if term[i:j] in vocabulary), i + 1)
        pieces.append(term[i:j])
        i = j
    return tuple(pieces)
