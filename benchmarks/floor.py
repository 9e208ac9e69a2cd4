"""The part of ingest no analysis can avoid: read every file and segment it, on N processes, nothing else.

Run as `python -m benchmarks.floor DIR JOBS`; prints JSON. benchmarks.ingest_bench.run_floor times it from process
start to exit, as it times the ingest CLI: the same loaders and segmenter, without keywords, statistics or the
store, so the fastest an ingest built on them could be (compared with the >= 6x target in benchmarks/README.md).
"""
from __future__ import annotations

import json
import sys
from multiprocessing import get_context
from pathlib import Path

from analysis import loaders
from analysis.segment import Segmenter, make_segmenter, segment_words

CHUNK = 50  # files per task, as ingest groups small files
_segmenter: list[Segmenter] = []  # one per worker process, set by the pool initializer


def _init() -> None:
    _segmenter.append(make_segmenter())


def _read_and_cut(paths: list[str]) -> int:
    return sum(len(segment_words(loaders.load_path(p)[0], segmenter=_segmenter[0])[0]) for p in paths)


def main(folder: str, jobs: int) -> None:
    paths = sorted(str(p) for p in Path(folder).glob("*.txt"))
    with get_context("fork").Pool(jobs, initializer=_init) as pool:
        words = sum(pool.map(_read_and_cut, [paths[i:i + CHUNK] for i in range(0, len(paths), CHUNK)]))
    print(json.dumps({"articles": len(paths), "words": words, "jobs": jobs}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
