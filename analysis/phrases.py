"""Multi-word term mining over adjacent tokens: cohesion (PMI) and boundary freedom (left/right entropy)."""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
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
    joinable = {w for w in set(words) if HAS_LETTER.search(w) and (w not in stopwords or w in INNER_WORDS)}
    units: list[list[str]] = [[]]
    for word in words:
        if word in joinable:
            units[-1].append(word)
        elif units[-1]:
            units.append([])
    return [unit for unit in units if unit]


def _flatten(token_lists: Iterable[Sequence[str]], stopwords: Collection[str]) -> list[str | int]:
    """One sequence with a distinct int between units, so n-grams never cross a break and breaks
    count as distinct neighbours (a phrase at a sentence edge is free on that side)."""
    sequence: list[str | int] = []
    for tokens in token_lists:
        for unit in phrase_units(tokens, stopwords=stopwords):
            sequence.extend(unit)
            sequence.append(len(sequence))
    return sequence


def _ngram_counts(sequence: list[str | int], n: int) -> Counter:
    return Counter(zip(*(sequence[i:] for i in range(n))))


def _entropy(counter: Counter) -> float:
    total = sum(counter.values())
    return -sum(c / total * math.log(c / total) for c in counter.values())


def _neighbours(longer: Counter, candidates: set[Phrase]) -> tuple[dict, dict]:
    """Left and right neighbour counts of each candidate, read off the (n+1)-gram counts."""
    left: dict[Phrase, Counter] = defaultdict(Counter)
    right: dict[Phrase, Counter] = defaultdict(Counter)
    for gram, count in longer.items():
        if gram[:-1] in candidates:
            right[gram[:-1]][gram[-1]] += count
        if gram[1:] in candidates:
            left[gram[1:]][gram[0]] += count
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
    sequence = _flatten(token_lists, stopwords)
    words_only = [w for w in sequence if isinstance(w, str)]
    n_words = len(words_only)
    if n_words < 2:
        return frozenset()
    counts = {1: _ngram_counts(sequence, 1), 2: _ngram_counts(sequence, 2)}
    found: set[Phrase] = set()
    for n in range(2, max_words + 1):
        counts[n + 1] = _ngram_counts(sequence, n + 1)
        if max(counts[n].values(), default=0) < min_count:
            break  # no n-gram repeats, so no longer one does either
        candidates = {
            gram for gram, count in counts[n].items()
            if count >= min_count and all(isinstance(w, str) for w in gram) and len("".join(gram)) <= max_chars
            and _has_term_edges(gram, edge_stopwords)
        }
        left, right = _neighbours(counts[n + 1], candidates)
        for gram in candidates:
            count = counts[n][gram]
            if _cohesion(gram, count, counts, n_words) < min_npmi:
                continue
            if _entropy(_with_edges(left[gram], count)) >= min_entropy and _entropy(
                _with_edges(right[gram], count)
            ) >= min_entropy:
                found.add(gram)
    return frozenset(found)


def _has_term_edges(gram: Phrase, edge_stopwords: Collection[str]) -> bool:
    first, last = gram[0], gram[-1]
    if any(len(w) == 1 and w not in INNER_WORDS for w in gram[1:-1]):
        return False  # a lone character inside is a slogan's verb (担当 讲 奉献) or HMM debris (工 变 匠)
    if first in INNER_WORDS or last in INNER_WORDS or first in edge_stopwords or last in edge_stopwords:
        return False
    return NUMERAL_WORD.fullmatch(first) is None and NUMERAL_WORD.fullmatch(last) is None


def _with_edges(neighbours: Counter, count: int) -> Counter:
    """Occurrences at a unit edge have no neighbour gram: each counts as its own distinct neighbour."""
    missing = count - sum(neighbours.values())
    if missing <= 0:
        return neighbours
    spread = Counter(neighbours)
    for i in range(missing):
        spread[(None, i)] = 1
    return spread


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
    i = 0
    while i < len(words):
        for phrase in by_first.get(words[i], ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                merged.append("".join(phrase))
                i += len(phrase)
                break
        else:
            merged.append(words[i])
            i += 1
    return merged
