"""The dashboard pages' data calls, made without Streamlit through the same analysis functions the glue calls.

Run as `python -m benchmarks.page_calls DB NAME…`: for each call, `cold` is its first run in this fresh process
(imports done, nothing cached) and `warm` the median of three reruns. Prints one JSON object.
"""
from __future__ import annotations

import io
import json
import statistics
import sys
import time
from collections.abc import Callable

from analysis import compare, corpus_views as views, wordcloud_render
from analysis.pipeline import store_stopwords
from analysis.store import Store

KWIC_TERM = "就业"  # in nearly every article of the synthetic corpora: the worst case for KWIC


def _article_ids(store: Store) -> list[int]:
    return [r["id"] for r in store.list_articles()]


def sidebar(store: Store) -> object:
    """What every page run does first: the stamp (counts) and the article list for the picker."""
    store.counts()
    return views.articles_frame(store)


def corpus_keywords(store: Store) -> object:
    """概览/词云 with corpus scope: top terms of the whole corpus."""
    return views.scope_keywords(store, article_id=None, method="tfidf", top_k=15, stopwords=store_stopwords(store))


def statistics_table(store: Store) -> object:
    """数据 with corpus scope: filter options, the matching rows (capped) with their counts, linked."""
    options = views.statistics_options(store, None)
    chosen, counts = views.query_statistics(store, None)
    return options, views.statistics_with_links(chosen), counts


def overview_corpus(store: Store) -> object:
    """概览 with corpus scope: headline numbers and the largest workforce figures."""
    metrics = views.overview_metrics(store, article_id=None)
    return metrics, views.largest_workforce_stored(store, None, top_k=8)


def section_heatmap(store: Store) -> object:
    """章节: one article's sections, keyword x section heatmap and distinctive terms."""
    ids = _article_ids(store)
    article_id = ids[len(ids) // 2]
    found, stopwords = store.get_analysis(article_id), store_stopwords(store)
    words = [k.word for k in views.scope_keywords(store, article_id=article_id, method="tfidf", top_k=15,
                                                  stopwords=stopwords, analysis=found)]
    return (views.sections_frame(found), views.heatmap_matrix(found, words=words, stopwords=stopwords),
            views.distinctive_by_section(found, stopwords=stopwords))


def kwic_corpus(store: Store) -> object:
    """检索 with corpus scope for a term found in nearly every article: rows kept, counts and totals."""
    ids = tuple(_article_ids(store))
    return views.corpus_kwic_summary(store, KWIC_TERM, article_ids=ids, width=20, sort_by="position",
                                     whole_word=True)


def compare_two(store: Store) -> object:
    """对比: two articles' keywords, shared and distinctive terms, statistics side by side."""
    ids = _article_ids(store)
    chosen = (ids[0], ids[len(ids) // 3])
    labels = {i: f"#{i}" for i in chosen}
    stopwords = store_stopwords(store)
    sets = {labels[i]: views.scope_keywords(store, article_id=i, method="tfidf", top_k=20, stopwords=stopwords)
            for i in chosen}
    shared = compare.shared_keywords(sets)
    long = compare.keyword_weights_long(sets, list(shared["word"].head(12)))
    distinctive = compare.distinctive_keywords({labels[i]: store.article_term_counts(i) for i in chosen}, top_k=10)
    side = compare.statistics_side_by_side(store.get_statistics(list(chosen)), labels)
    return shared, long, distinctive, side


def word_cloud(store: Store) -> object:
    """词云 with corpus scope: 80 terms laid out on 900x560 and drawn as PNG."""
    found = views.scope_keywords(store, article_id=None, method="tfidf", top_k=80, stopwords=store_stopwords(store))
    layout = wordcloud_render.layout_cloud({k.word: k.weight for k in found}, width=900, height=560,
                                           mask=wordcloud_render.shape_mask("rectangle", width=900, height=560),
                                           palette="ink", max_words=80)
    buffer = io.BytesIO()
    wordcloud_render.render_image(layout).save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


CALLS: dict[str, Callable[[Store], object]] = {
    "sidebar": sidebar, "overview_corpus": overview_corpus, "corpus_keywords": corpus_keywords,
    "statistics_table": statistics_table,
    "section_heatmap": section_heatmap, "kwic_corpus": kwic_corpus, "compare_two": compare_two,
    "word_cloud": word_cloud,
}


def _timed(call: Callable[[Store], object], store: Store) -> float:
    started = time.perf_counter()
    call(store)
    return time.perf_counter() - started


def main(db: str, names: list[str]) -> None:
    store = Store(db)
    results = {}
    for name in names:
        cold = _timed(CALLS[name], store)
        warm = statistics.median(_timed(CALLS[name], store) for _ in range(3))
        results[name] = {"cold_s": cold, "warm_s": warm}
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:] or list(CALLS))
