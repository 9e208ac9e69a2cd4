"""Re-analysis after a word-list change: `pipeline.reanalyze` over a copy of an ingested store.

Run as `python -m benchmarks.reanalyze_bench DB JOBS`: copies the store, adds a user word and a stopword (as the
corpus page does after a save), and times `reanalyze` from the call to its return. Prints one JSON object.
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

USER_WORD = "新就业形态劳动者"
STOPWORD = "工作"


def main(db: str, jobs: int) -> None:
    from analysis.pipeline import reanalyze
    from analysis.store import Store

    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "reanalyze.sqlite3"
        for suffix in ("", "-wal"):  # a WAL not yet checkpointed holds the latest articles
            if Path(f"{db}{suffix}").exists():
                shutil.copyfile(f"{db}{suffix}", f"{copy}{suffix}")
        store = Store(copy)
        store.add_user_words([USER_WORD])
        store.add_stopwords([STOPWORD])
        chars = store.counts()["chars"]
        started = time.perf_counter()
        n = reanalyze(store, jobs=jobs)
        seconds = time.perf_counter() - started
    print(json.dumps({"articles": n, "chars": chars, "seconds": seconds, "chars_per_s": chars / seconds,
                      "jobs": jobs}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
