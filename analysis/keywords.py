"""Term ranking: frequency, TF-IDF (corpus or reference IDF), TextRank and log-likelihood keyness."""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Collection, Iterable, Mapping, Sequence

from analysis.idf import (REFERENCE_IDF_FILE, corpus_idf, idf_default, reference_idf, reference_split,  # noqa: F401
                          reference_term_idf, split_term, term_idf)
from analysis.models import Keyword

METHODS = ("freq", "tfidf", "textrank")
def extract_keywords(
    words: Sequence[str],
    *,
    method: str = "tfidf",
    top_k: int = 10,
    idf: Mapping[str, float] | None = None,
    parts: Mapping[str, Sequence[str]] | None = None,
    boost_words: Collection[str] = (),
    boost: float = 1.0,
    window: int = 5,
) -> tuple[Keyword, ...]:
    """Top terms of already filtered words (phrases joined) by freq | tfidf | textrank.

    `parts` maps a mined term to its words (else it is split on the IDF vocabulary); words in `boost_words`
    (e.g. the title's) weigh (1 + boost) times more; a term's part is dropped below the term unless it
    also stands alone often (freq keeps raw counts).
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    counts = Counter(words)
    if not counts or top_k <= 0:
        return ()
    idf = reference_idf() if idf is None else idf
    parts = dict(parts or {})
    if method == "freq":
        scores = {w: float(c) for w, c in counts.items()}
    elif method == "tfidf":
        scores = tfidf_scores(counts, idf=idf, parts=parts)
    else:
        scores = textrank_scores(words, window=window)
    for word in set(boost_words) & scores.keys():
        scores[word] *= 1.0 + boost
    keywords = [Keyword(w, round(s, 6), counts[w]) for w, s in _top_scores(scores, counts, 3 * top_k)]
    if method != "freq":
        keywords = drop_nested(keywords, parts=_with_split_parts(keywords, parts, idf))
    return tuple(keywords[:top_k])


def _top_scores(scores: Mapping[str, float], counts: Mapping[str, int], n: int) -> list[tuple[str, float]]:
    """The n best (word, score): highest score, then count, then word; only those near the top are key-sorted."""
    values = sorted(scores.values(), reverse=True)  # floats sort in C
    cut = values[min(n, len(values)) - 1]
    near_top = [item for item in scores.items() if item[1] >= cut]
    return sorted(near_top, key=lambda item: (-item[1], -counts[item[0]], item[0]))[:n]


def tfidf_scores(counts: Mapping[str, int], *, idf: Mapping[str, float],
                 parts: Mapping[str, Sequence[str]]) -> dict[str, float]:
    """Term frequency (share of the words) times IDF; unknown terms are split on the IDF vocabulary."""
    total = sum(counts.values())
    default = idf_default(idf)
    if idf is reference_idf() and not parts:  # the ingest case: unseen terms' IDF is memoised per process
        known = idf.get  # IDF values are positive, so `or` only reaches the memo for unseen terms
        return {w: c / total * (known(w) or reference_term_idf(w)) for w, c in counts.items()}
    # most terms are in the table: split only the others (the split is what term_idf would use)
    return {w: c / total * (idf[w] if w in idf else term_idf(w, idf, parts=parts.get(w) or split_term(w, idf),
                                                             default=default))
            for w, c in counts.items()}


def _with_split_parts(keywords: Sequence[Keyword], parts: Mapping[str, Sequence[str]],
                      idf: Mapping[str, float]) -> dict[str, Sequence[str]]:
    known = dict(parts)
    for keyword in keywords:
        if keyword.word not in known and keyword.word not in idf and len(keyword.word) >= 4:
            pieces = reference_split(keyword.word) if idf is reference_idf() else split_term(keyword.word, idf)
            if len(pieces) > 1:
                known[keyword.word] = pieces
    return known


def textrank_scores(words: Sequence[str], *, window: int = 5, damping: float = 0.85,
                    iterations: int = 50, tolerance: float = 1e-6) -> dict[str, float]:
    """PageRank over an undirected graph of words co-occurring within `window` positions."""
    edges: dict[str, Counter] = defaultdict(Counter)
    for i, word in enumerate(words):
        for other in words[i + 1:i + window]:
            if other != word:
                edges[word][other] += 1
                edges[other][word] += 1
    nodes = sorted(set(words))
    if len(nodes) == 1:
        return {nodes[0]: 1.0}
    strength = {w: sum(edges[w].values()) for w in nodes}
    rank = dict.fromkeys(nodes, 1.0 / len(nodes))
    for _ in range(iterations):
        new = {
            w: (1 - damping) / len(nodes)
            + damping * sum(rank[o] * c / strength[o] for o, c in edges[w].items())
            for w in nodes
        }
        delta = sum(abs(new[w] - rank[w]) for w in nodes)
        rank = new
        if delta < tolerance:
            break
    return rank


def keyness(target_counts: Mapping[str, int], reference_counts: Mapping[str, int], *,
            top_k: int = 20, min_count: int = 2) -> tuple[Keyword, ...]:
    """Words over-represented in the target: log-likelihood G2 (weight) and log2 ratio (effect size)."""
    target_total = sum(target_counts.values())
    reference_total = sum(reference_counts.values())
    if target_total == 0 or reference_total == 0:
        return ()
    results = []
    for word, a in target_counts.items():
        b = reference_counts.get(word, 0)
        if a < min_count or a / target_total <= b / reference_total:
            continue
        results.append(Keyword(word, round(log_likelihood(a, b, target_total, reference_total), 6), a,
                               round(log_ratio(a, b, target_total, reference_total), 6)))
    results.sort(key=lambda k: (-k.weight, -k.count, k.word))
    return tuple(results[:top_k])


def log_likelihood(a: int, b: int, target_total: int, reference_total: int) -> float:
    """Dunning's G2 for a word seen a times in the target and b times in the reference."""
    expected_a = target_total * (a + b) / (target_total + reference_total)
    expected_b = reference_total * (a + b) / (target_total + reference_total)
    g2 = 0.0
    if a:
        g2 += a * math.log(a / expected_a)
    if b:
        g2 += b * math.log(b / expected_b)
    return 2.0 * g2


def log_ratio(a: int, b: int, target_total: int, reference_total: int) -> float:
    """Hardie's log ratio (binary log of relative frequencies), 0.5 added to a zero count."""
    return math.log2(((a or 0.5) / target_total) / ((b or 0.5) / reference_total))


def document_frequencies(documents: Iterable[Iterable[str]]) -> Counter:
    """In how many documents each word occurs."""
    freqs: Counter = Counter()
    for words in documents:
        freqs.update(set(words))
    return freqs


def extract_terms(words: Sequence[str], *, stopwords: Collection[str],
                  corpus_phrases: Collection[tuple[str, ...]] = frozenset(),
                  extra_text: Sequence[Sequence[str]] = ()) -> tuple[list[str], dict[str, tuple[str, ...]]]:
    """Content terms of a full word sequence with its mined phrases (and `corpus_phrases`) joined, + their parts."""
    from analysis.phrases import mine_phrases
    from analysis.segment import content_words, load_function_words, load_generic_verbs

    # generic words (建设, 保障) may sit inside or end a term; only function words break one
    phrases = mine_phrases([words, *extra_text], stopwords=load_function_words(),
                           edge_stopwords=load_generic_verbs()) | frozenset(corpus_phrases)
    return content_words(words, stopwords=stopwords, phrases=phrases), phrase_parts(phrases)


def rank_terms(words: Sequence[str], *, stopwords: Collection[str], method: str = "tfidf", top_k: int = 10,
               idf: Mapping[str, float] | None = None, corpus_phrases: Collection[tuple[str, ...]] = frozenset(),
               title_words: Sequence[str] = (), title_boost: float = 1.0) -> tuple[Keyword, ...]:
    """The default keyword list of a text's full word sequence (tokens, stopwords included): terms, ranked.

    Terms that also occur in the title (`title_words`, segmented) weigh (1 + title_boost) times more.
    """
    return terms_and_keywords(words, stopwords=stopwords, method=method, top_k=top_k, idf=idf,
                              corpus_phrases=corpus_phrases, title_words=title_words, title_boost=title_boost)[1]


def terms_and_keywords(words: Sequence[str], *, stopwords: Collection[str], method: str = "tfidf", top_k: int = 10,
                       idf: Mapping[str, float] | None = None,
                       corpus_phrases: Collection[tuple[str, ...]] = frozenset(), title_words: Sequence[str] = (),
                       title_boost: float = 1.0) -> tuple[list[str], tuple[Keyword, ...]]:
    """A text's counted terms (phrases mined with its title) and `rank_terms`' keyword list, from one mining."""
    from analysis.segment import content_words

    terms, parts = extract_terms(words, stopwords=stopwords, corpus_phrases=corpus_phrases,
                                 extra_text=[title_words] if title_words else [])
    in_title = content_words(title_words, stopwords=stopwords, phrases=list(map(tuple, parts.values())))
    # no `parts`: terms are split on the IDF vocabulary, exactly as for terms read back from the store
    return terms, extract_keywords(terms, method=method, top_k=top_k, idf=idf, boost_words=in_title,
                                   boost=title_boost)


def section_terms(section_words: Sequence[Sequence[str]], *, stopwords: Collection[str],
                  corpus_phrases: Collection[tuple[str, ...]] = frozenset()) -> list[list[str]]:
    """Content terms of each section (full word sequences); phrases are mined over the whole article."""
    from analysis.phrases import mine_phrases
    from analysis.segment import load_function_words, load_generic_verbs

    phrases = mine_phrases(section_words, stopwords=load_function_words(),
                           edge_stopwords=load_generic_verbs()) | frozenset(corpus_phrases)
    return [extract_terms(words, stopwords=stopwords, corpus_phrases=phrases)[0] for words in section_words]


def rank_sections(
    section_words: Sequence[Sequence[str]],
    *,
    stopwords: Collection[str],
    method: str = "tfidf",
    top_k: int = 10,
    idf: Mapping[str, float] | None = None,
    corpus_phrases: Collection[tuple[str, ...]] = frozenset(),
) -> tuple[tuple[Keyword, ...], ...]:
    """Keywords of each section (full word sequences); terms are mined over the whole article."""
    per_section = section_terms(section_words, stopwords=stopwords, corpus_phrases=corpus_phrases)
    return tuple(extract_keywords(terms, method=method, top_k=top_k, idf=idf) for terms in per_section)


def drop_nested(ranked: Sequence[Keyword], *, parts: Mapping[str, Sequence[str]],
                min_share: float = 1.0) -> list[Keyword]:
    """Drop a part of better-ranked terms unless it stands alone at least `min_share` times as often as they occur."""
    kept: list[Keyword] = []
    joined = ""  # the kept words, "|"-separated: one substring test rules most words out
    for keyword in ranked:
        word = keyword.word
        if word in joined:
            holders = sum(k.count for k in kept if word in k.word and word != k.word and _is_nested(word, k.word, parts))
            if keyword.count < min_share * holders:
                continue
        kept.append(keyword)
        joined += "|" + word
    return kept


def _is_nested(word: str, term: str, parts: Mapping[str, Sequence[str]]) -> bool:
    """True when `word` is adjacent words of the term, or itself a mined term inside it (职业技能等级 in …制度)."""
    if word in parts:
        return True
    phrase = parts.get(term, ())
    return any("".join(phrase[i:j]) == word for i in range(len(phrase)) for j in range(i + 1, len(phrase) + 1))


def phrase_parts(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Joined phrase -> its words (for IDF of terms absent from the table)."""
    return {"".join(p): tuple(p) for p in phrases}
