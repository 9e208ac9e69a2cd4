"""Multi-word term mining over adjacent tokens: cohesion (PMI) and boundary freedom (left/right entropy)."""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import compress, count, groupby, repeat
from operator import add, sub
from typing import Collection, Iterable, Sequence

# A token that breaks a phrase: anything without a letter (punctuation, numbers, whitespace).
HAS_LETTER = re.compile(r"[^\W\d_]")
Phrase = tuple[str, ...]
# Conjunctions that join the parts of official names (人力资源和社会保障厅) but never start or end a term.
INNER_WORDS = frozenset({"和", "与"})
# A term does not open or close on a numeral or measure word (600 万 产业工人 is no term "万产业工人").
NUMERAL_WORD = re.compile(r"[零〇一二三四五六七八九十百千万亿两几多余个]+")


def phrase_units(words: Iterable[str], *, stopwords: Collection[str] = frozenset()) -> list[list[str]]:
    """Runs of adjacent lettered, non-stopword words: the stretches a phrase may span."""
    words = list(words)
    joinable = _joinable(words, stopwords)
    return [list(run) for keep, run in groupby(words, joinable.__contains__) if keep]


def _joinable(words: Sequence[str], stopwords: Collection[str]) -> set[str]:
    return {w for w in set(words) if (w not in stopwords or w in INNER_WORDS) and _has_letter(w)}


@lru_cache(maxsize=1 << 17)
def _has_letter(word: str) -> bool:
    return HAS_LETTER.search(word) is not None  # memoised: the same words recur in every article


def _flatten(token_lists: Iterable[Sequence[str]], stopwords: Collection[str]) -> tuple[list[str | int], int]:
    """One sequence with a distinct int between units, so n-grams never cross a break and breaks
    count as distinct neighbours (a phrase at a sentence edge is free on that side); and its word count."""
    sequence: list[str | int] = []
    breaks = 0
    for tokens in token_lists:
        joinable = _joinable(tokens, stopwords)
        for keep, run in groupby(tokens, joinable.__contains__):
            if keep:
                sequence.extend(run)
                sequence.append(len(sequence))
                breaks += 1
    return sequence, len(sequence) - breaks


def _edge_entropy(neighbour_counts: list[int], count: int) -> float:
    """Entropy of a gram's neighbours; an occurrence at a unit edge counts as its own distinct neighbour."""
    missing = count - sum(neighbour_counts)
    values = neighbour_counts + [1] * missing if missing > 0 else neighbour_counts
    total = sum(values)
    return -sum(c / total * math.log(c / total) for c in values)


def _neighbours(positions: list[int], grams: list[Phrase], sequence: list[str | int], n: int,
                candidates: set[Phrase]) -> tuple[dict[Phrase, list[int]], dict[Phrase, list[int]]]:
    """Left and right neighbour counts of each candidate, in order of first occurrence.

    `grams[i]` is the n-gram starting at `positions[i]`. Only positions holding a candidate reach Python
    (compress/map/Counter run in C); the sequence's first position has no left neighbour (a unit edge)."""
    left: dict[Phrase, list[int]] = defaultdict(list)
    right: dict[Phrase, list[int]] = defaultdict(list)
    hits = list(map(candidates.__contains__, grams))
    at, found = list(compress(positions, hits)), list(compress(grams, hits))
    for (gram, _), seen in Counter(zip(found, map(sequence.__getitem__, map(add, at, repeat(n))))).items():
        right[gram].append(seen)
    skip = 1 if at and at[0] == 0 else 0
    for (_, gram), seen in Counter(zip(map(sequence.__getitem__, map(sub, at[skip:], repeat(1))),
                                       found[skip:])).items():
        left[gram].append(seen)
    return left, right


def _cohesion(gram: Phrase, count: int, counts: dict[int, Counter], n_words: int) -> float:
    """The weakest split's normalised PMI (1: the parts only ever occur together; 0: independent).

    Normalised so that short texts, where every word is frequent, are judged like long ones."""
    if count >= n_words:
        return 1.0
    pmi = min(
        math.log(count * n_words / (counts[k][gram[:k]] * counts[len(gram) - k][gram[k:]]))
        for k in range(1, len(gram))
    )
    return pmi / -math.log(count / n_words)


def mine_phrases(
    token_lists: Iterable[Sequence[str]],
    *,
    min_count: int = 2,
    max_words: int = 4,
    max_chars: int = 14,
    min_npmi: float = 0.4,
    min_entropy: float = 0.6,
    stopwords: Collection[str] = frozenset(),
    edge_stopwords: Collection[str] = frozenset(),
) -> frozenset[Phrase]:
    """Word n-grams (2..max_words) frequent, cohesive and free at both edges: the text's multi-word terms.

    `stopwords` (function words) break phrases; `edge_stopwords` (generic verbs such as 加快, 引导) may sit
    inside a term but never open or close one (no verb-object "引导产业工人", no "产业体系相适应").
    """
    sequence, n_words = _flatten(token_lists, stopwords)
    if n_words < 2:
        return frozenset()
    unigrams: list[Phrase] = list(zip(sequence))
    counts = {1: Counter(unigrams)}
    positions, grams = list(range(len(sequence) - 1)), list(zip(sequence, sequence[1:]))
    found: set[Phrase] = set()
    for n in range(2, max_words + 1):
        counts[n] = Counter(grams)
        # a break is a distinct int, so a gram seen twice never holds one
        repeated = [gram for gram, count in counts[n].items()
                    if count >= min_count and (min_count > 1 or all(w.__class__ is str for w in gram))]
        if not repeated:
            break  # no n-gram repeats, so no longer one does either
        cohesive = {gram for gram in repeated if len("".join(gram)) <= max_chars
                    and _has_term_edges(gram, edge_stopwords)
                    and _cohesion(gram, counts[n][gram], counts, n_words) >= min_npmi}
        left, right = _neighbours(positions, grams, sequence, n, cohesive)
        found.update(gram for gram in cohesive if _edge_entropy(left[gram], counts[n][gram]) >= min_entropy
                     and _edge_entropy(right[gram], counts[n][gram]) >= min_entropy)
        if n < max_words:
            positions, grams = _extend(positions, grams, set(repeated), unigrams, n)
    return frozenset(found)


def _extend(positions: list[int], grams: list[Phrase], repeated: set[Phrase], unigrams: list[Phrase],
            n: int) -> tuple[list[int], list[Phrase]]:
    """The (n+1)-grams that can still repeat: those opening with a repeated n-gram (their counts stay exact)."""
    keep = list(map(repeated.__contains__, grams))
    positions = list(compress(positions, keep))
    grams = list(compress(grams, keep))
    while positions and positions[-1] + n >= len(unigrams):  # no word after the sequence's end
        positions.pop()
        grams.pop()
    return positions, list(map(add, grams, map(unigrams.__getitem__, map(add, positions, repeat(n)))))


def _has_term_edges(gram: Phrase, edge_stopwords: Collection[str]) -> bool:
    first, last = gram[0], gram[-1]
    if any(len(w) == 1 and w not in INNER_WORDS for w in gram[1:-1]):
        return False  # a lone character inside is a slogan's verb (担当 讲 奉献) or HMM debris (工 变 匠)
    if first in INNER_WORDS or last in INNER_WORDS or first in edge_stopwords or last in edge_stopwords:
        return False
    return NUMERAL_WORD.fullmatch(first) is None and NUMERAL_WORD.fullmatch(last) is None


def merge_phrases(words: Sequence[str], phrases: Collection[Phrase]) -> list[str]:
    """Join every occurrence of a phrase into one word, longest match first, left to right."""
    if not phrases:
        return list(words)
    by_first: dict[str, list[Phrase]] = defaultdict(list)
    for phrase in phrases:
        by_first[phrase[0]].append(phrase)
    for options in by_first.values():
        options.sort(key=len, reverse=True)
    merged: list[str] = []
    position = 0  # words before it are already in `merged`
    # only the few positions whose word opens some phrase reach Python; compress/map run in C
    for i in compress(count(), map(by_first.__contains__, words)):
        if i < position:
            continue  # inside a phrase just joined
        for phrase in by_first[words[i]]:
            if tuple(words[i:i + len(phrase)]) == phrase:
                merged.extend(words[position:i])
                merged.append("".join(phrase))
                position = i + len(phrase)
                break
    merged.extend(words[position:])
    return merged
