"""Bare `jieba.lcut` over every .txt file of a folder in one process: the baseline the issue asks for.

Run as `python -m benchmarks.jieba_baseline DIR`; prints JSON. Only the cutting is timed (the dictionary is
loaded first), which makes the baseline as fast as it can be and the ratio against it conservative.
"""
from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path


def main(folder: str) -> None:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
    started = time.perf_counter()
    jieba.initialize()
    init_seconds = time.perf_counter() - started
    started = time.perf_counter()
    n_words = sum(len(jieba.lcut(text)) for text in texts)
    seconds = time.perf_counter() - started
    print(json.dumps({"articles": len(texts), "chars": sum(map(len, texts)), "words": n_words,
                      "seconds": seconds, "init_seconds": init_seconds}))


if __name__ == "__main__":
    main(sys.argv[1])
