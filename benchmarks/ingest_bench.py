"""Ingest measurements: the bare-jieba baseline and the real CLI (`python -m analysis ingest`), with a reader."""
from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from benchmarks.procs import PeakSampler

REPO = Path(__file__).resolve().parent.parent
# A dashboard refreshes about twice a second at most; at 50 ms the reader's own counting queries (tens of ms
# each on the 10k store) took a quarter of the two cores the ingest is measured on.
READER_PAUSE_S = 0.5


def run_baseline(folder: Path) -> dict:
    """Bare jieba.lcut over the corpus files in one fresh process."""
    result = _json_of("benchmarks.jieba_baseline", folder)
    result["chars_per_s"] = result["chars"] / result["seconds"]
    return result


def _json_of(module: str, *args: object) -> dict:
    """Run `python -m module args…` in a fresh process and parse the JSON object it prints last."""
    out = subprocess.run([sys.executable, "-m", module, *map(str, args)], cwd=REPO, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def run_floor(folder: Path, *, jobs: int, chars: int) -> dict:
    """Read + segment only on `jobs` processes (benchmarks/floor.py), from process start to exit."""
    started = time.perf_counter()
    result = _json_of("benchmarks.floor", folder, jobs)
    result["seconds"] = time.perf_counter() - started
    return result | {"chars": chars, "chars_per_s": chars / result["seconds"]}


def run_stages(folder: Path, n_articles: int) -> dict:
    """CPU ms per article of each ingest stage, in one process (benchmarks/stages.py)."""
    return _json_of("benchmarks.stages", folder, n_articles)


def run_reanalyze(db: Path, *, jobs: int) -> dict:
    """`pipeline.reanalyze` of a copy of `db` after a user word and a stopword are added."""
    return _json_of("benchmarks.reanalyze_bench", db, jobs)


class _Reader(threading.Thread):
    """Runs the dashboard's list/count queries against the store while an ingest writes to it."""

    def __init__(self, db: Path) -> None:
        super().__init__(daemon=True, name="store-reader")
        self.db, self.latencies, self.errors, self.stop = db, [], [], threading.Event()

    def run(self) -> None:
        from analysis.store import Store

        store = Store(self.db)
        while not self.stop.is_set():
            started = time.perf_counter()
            try:
                store.counts()
                store.list_articles(limit=50)
                store.list_articles(search="就业", limit=20)
            except Exception as exc:  # a locked or broken store is what this measures
                self.errors.append(repr(exc))
            self.latencies.append(time.perf_counter() - started)
            time.sleep(READER_PAUSE_S)


def run_cli_ingest(folder: Path, db: Path, *, jobs: int, chars: int, with_reader: bool = True) -> dict:
    """Time `python -m analysis ingest folder --db db --jobs N` from process start to exit."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    from analysis.store import Store

    Store(db)  # schema first, so the reader can start at once
    reader = _Reader(db) if with_reader else None
    command = [sys.executable, "-m", "analysis", "ingest", str(folder), "--db", str(db), "--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cpu_before = _children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if reader is not None:
        reader.start()
    with PeakSampler(process.pid) as sampler:
        stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    cpu_seconds = _children_cpu() - cpu_before  # the CLI and its workers (it waits for them before exiting)
    if reader is not None:
        reader.stop.set()
        reader.join()
    if process.returncode != 0:
        raise RuntimeError(f"ingest failed ({process.returncode}): {stderr[-2000:]}")
    result = {"seconds": seconds, "cpu_seconds": cpu_seconds, "chars": chars, "chars_per_s": chars / seconds,
              "peak_rss_mb": sampler.peak / 2**20,
              "peak_pss_mb": sampler.peak_pss / 2**20,
              "summary": stdout.strip().splitlines()[-1], "progress_last": _last_progress(stderr),
              "db_mb": sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db}{s}").exists()) / 2**20}
    if reader is not None:
        lat = reader.latencies or [0.0]
        result |= {"reader_queries": len(reader.latencies), "reader_max_s": max(lat),
                   "reader_median_s": statistics.median(lat), "reader_errors": len(reader.errors)}
    return result


def _children_cpu() -> float:
    """User + system CPU seconds of this process's finished, waited-for children (and theirs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _last_progress(stderr: str) -> str:
    lines = [line.strip() for line in stderr.replace("\r", "\n").splitlines() if "articles/s" in line]
    return lines[-1] if lines else ""
