"""Comparing articles: shared and distinctive keywords, statistics side by side."""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import pandas as pd

from analysis.models import Keyword


def shared_keywords(keyword_sets: Mapping[str, Sequence[Keyword]], *, min_articles: int = 2) -> pd.DataFrame:
    """Words in the keyword lists of at least `min_articles` articles; one weight column per article."""
    weights = {label: {k.word: k.weight for k in kws} for label, kws in keyword_sets.items()}
    seen = Counter(word for table in weights.values() for word in table)
    words = [w for w, n in seen.items() if n >= min_articles]
    if not words:
        return pd.DataFrame(columns=["word", "n_articles", *weights])
    frame = pd.DataFrame({"word": words, "n_articles": [seen[w] for w in words]})
    for label, table in weights.items():
        frame[label] = [table.get(w) for w in words]
    frame["_total"] = frame[list(weights)].fillna(0).sum(axis=1)
    ordered = frame.sort_values(["n_articles", "_total"], ascending=False, kind="stable")
    return ordered.drop(columns="_total").reset_index(drop=True)


def distinctive_keywords(term_counts: Mapping[str, Mapping[str, int]], *, top_k: int = 10) -> pd.DataFrame:
    """Per article, the terms most over-used against the other compared articles (log-likelihood keyness)."""
    from analysis.keywords import keyness

    total = Counter()
    for counts in term_counts.values():
        total.update(counts)
    rows = []
    for label, counts in term_counts.items():
        own = Counter(counts)
        for rank, keyword in enumerate(keyness(own, total - own, top_k=top_k), start=1):
            rows.append({"article": label, "rank": rank, "word": keyword.word, "count": keyword.count,
                         "g2": keyword.weight, "effect_size": keyword.effect_size})
    return pd.DataFrame(rows, columns=["article", "rank", "word", "count", "g2", "effect_size"])


def keyword_weights_long(keyword_sets: Mapping[str, Sequence[Keyword]], words: Sequence[str]) -> pd.DataFrame:
    """Long table (word, article, weight) of the chosen words, for grouped bar charts."""
    rows = [{"word": w, "article": label, "weight": {k.word: k.weight for k in kws}.get(w, 0.0)}
            for label, kws in keyword_sets.items() for w in words]
    return pd.DataFrame(rows, columns=["word", "article", "weight"])


def statistics_side_by_side(stats: pd.DataFrame, labels: Mapping[int, str], *,
                            workforce_only: bool = True) -> pd.DataFrame:
    """Rows subject + unit, one column per article holding the figure as written (several joined by ；)."""
    columns = list(labels.values())
    if stats.empty:
        return pd.DataFrame(columns=["subject", "unit", *columns])
    chosen = stats[stats["is_workforce"]] if workforce_only else stats
    chosen = chosen[chosen["article_id"].isin(list(labels))].assign(article=lambda d: d["article_id"].map(labels))
    if chosen.empty:
        return pd.DataFrame(columns=["subject", "unit", *columns])
    table = chosen.pivot_table(index=["subject", "unit"], columns="article", values="text",
                               aggfunc=lambda texts: "；".join(dict.fromkeys(texts)))
    table = table.reindex(columns=[c for c in columns if c in table.columns])
    table["_n"] = table.notna().sum(axis=1)
    table = table.sort_values("_n", ascending=False, kind="stable").drop(columns="_n")
    return table.reset_index().rename_axis(columns=None).fillna("")
