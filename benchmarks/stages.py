"""Where an article's ingest time goes: each stage timed alone over the same articles, in one process.

Run as `python -m benchmarks.stages DIR N`: CPU milliseconds per article for loading, sections, segmentation,
terms and keywords (one phrase mining), statistics, building the store rows, and writing them (batches of 256
to a temporary store). Prints one JSON object. CPU time (not wall time), so other processes on the machine
disturb it less.
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path


def _cpu_ms(stage: Callable[[int], object], n: int) -> tuple[float, list]:
    started = time.process_time()
    out = [stage(i) for i in range(n)]
    return (time.process_time() - started) * 1000 / n, out


def main(folder: str, n_articles: int) -> None:
    from analysis import keywords as kw
    from analysis import loaders
    from analysis.pipeline import analyze_record
    from analysis.sections import detect_sections
    from analysis.segment import load_stopwords, make_segmenter, segment_words
    from analysis.statistics import EXTRACTOR_VERSION, extract_statistics
    from analysis.store import Store
    from analysis.store_rows import article_record

    paths = sorted(Path(folder).glob("*.txt"))[:n_articles]
    segmenter, stopwords = make_segmenter(), load_stopwords()
    n = len(paths)
    ms: dict[str, float] = {}
    ms["load"], loaded = _cpu_ms(lambda i: loaders.load_path(paths[i])[0], n)
    analyze_record(loaded[0], segmenter=segmenter, stopwords=stopwords)  # lazy tables and taggers load here
    ms["sections"], sections = _cpu_ms(lambda i: detect_sections(loaded[i].text), n)
    ms["segment"], tokens = _cpu_ms(lambda i: segment_words(loaded[i], segmenter=segmenter), n)
    ms["terms_keywords"], ranked = _cpu_ms(lambda i: kw.terms_and_keywords(
        tokens[i][0], stopwords=stopwords, top_k=20, title_words=segmenter.cut(loaded[i].title)), n)
    ms["statistics"], stats = _cpu_ms(lambda i: extract_statistics(loaded[i].text, sections=sections[i]), n)
    ms["rows"], records = _cpu_ms(lambda i: article_record(
        loaded[i], sections=sections[i], tokens=tokens[i], keywords=ranked[i][1], statistics=stats[i],
        term_counts=Counter(ranked[i][0]), extractor_version=EXTRACTOR_VERSION), n)
    with tempfile.TemporaryDirectory() as scratch:
        store = Store(Path(scratch) / "stages.sqlite3")
        ms["write"], _ = _cpu_ms(lambda i: store.save_records(records[i:i + 256]) if i % 256 == 0 else None, n)
    ms["total"] = sum(ms.values())
    print(json.dumps({"articles": n, "ms_per_article": ms}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
