"""`python -m benchmarks [--quick]`: generate the corpora, measure, print a table, write benchmarks/out/results.json.

Full run (`make bench`, ~5 min on 2 cores): bare-jieba baseline and CLI ingest of 2,000 articles, the CPU cost
of each ingest stage, re-analysis of that store after a word-list change, ingest of 10,000 articles (~30 M chars)
with a reader querying the store meanwhile, every page's data call on that store (cold: first call in a fresh
process; warm: median of three reruns), and the app through the real server.
`--quick` (CI, < 60 s): the same measurements on 150 articles, without the 10k corpus and the browser.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import report
from benchmarks.corpus import ensure_corpus
from benchmarks.ingest_bench import REPO, run_baseline, run_cli_ingest, run_floor, run_reanalyze, run_stages
from benchmarks.page_calls import CALLS

OUT = REPO / "benchmarks" / "out"
SCALE_LIMIT_S = 60


def _page_calls(db: Path, *, fresh_process_each: bool) -> dict:
    """Every page data call; in a fresh process each (true cold) or all in one process (quick)."""
    groups = [[name] for name in CALLS] if fresh_process_each else [list(CALLS)]
    results = {}
    for names in groups:
        out = subprocess.run([sys.executable, "-m", "benchmarks.page_calls", str(db), *names], cwd=REPO, check=True,
                             capture_output=True, text=True).stdout
        results |= json.loads(out.strip().splitlines()[-1])
    return results


def _ingest(folder: Path, manifest: dict, *, jobs: int, baseline: dict | None, limit_s: float | None) -> tuple:
    db = OUT / f"store_{manifest['articles']}.sqlite3"
    print(f"ingesting {manifest['articles']} articles ({manifest['file_chars'] / 1e6:.1f} M chars) ...", flush=True)
    result = run_cli_ingest(folder, db, jobs=jobs, chars=manifest["file_chars"]) | {"jobs": jobs}
    if baseline:
        result["ratio_to_baseline"] = result["chars_per_s"] / baseline["chars_per_s"]
    if limit_s:
        result["limit_s"] = limit_s
    return db, result


def run(*, quick: bool, jobs: int, skip_app: bool, sizes: tuple[int, int]) -> dict:
    started = time.perf_counter()
    results: dict = {"machine": report.machine(), "mode": "quick" if quick else "full",
                     "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "ingest": {}}
    small, large = sizes
    folder = OUT / f"corpus_{small}"
    manifest = ensure_corpus(folder, small)
    print(f"baseline: bare jieba.lcut over {small} articles ...", flush=True)
    results["baseline"] = run_baseline(folder)
    db, results["ingest"][f"{small}"] = _ingest(folder, manifest, jobs=jobs, baseline=results["baseline"],
                                                limit_s=None)
    results["floor"] = run_floor(folder, jobs=jobs, chars=manifest["file_chars"])
    results["floor"]["ratio_to_baseline"] = results["floor"]["chars_per_s"] / results["baseline"]["chars_per_s"]
    print("ingest cost split and re-analysis ...", flush=True)
    results["stages"] = run_stages(folder, 100 if quick else 300)
    results["reanalyze"] = run_reanalyze(db, jobs=jobs)
    if not quick:
        folder = OUT / f"corpus_{large}"
        manifest = ensure_corpus(folder, large)
        db, results["ingest"][f"{large}"] = _ingest(folder, manifest, jobs=jobs, baseline=results["baseline"],
                                                    limit_s=SCALE_LIMIT_S)
    print(f"page data calls on the {db.stem} ...", flush=True)
    results["pages_store"] = f"{db.stem.split('_')[-1]} articles"
    results["pages"] = _page_calls(db, fresh_process_each=not quick)
    if not (quick or skip_app):
        from benchmarks.app_bench import run_app

        print("app through the real server ...", flush=True)
        results["app"] = run_app(db, OUT / "server.log")
    results["total_s"] = time.perf_counter() - started
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small corpus, no 10k corpus, no browser (CI)")
    parser.add_argument("--jobs", type=int, default=2, help="ingest worker processes (default: %(default)s)")
    parser.add_argument("--skip-app", action="store_true", help="no browser measurement")
    parser.add_argument("--sizes", type=int, nargs=2, metavar=("SMALL", "LARGE"), default=None,
                        help="article counts of the two corpora (default 2000 10000; quick 150 -)")
    parser.add_argument("--out", type=Path,
                        help="JSON output (default: benchmarks/out/results.json, quick: results_quick.json)")
    args = parser.parse_args(argv)
    sizes = tuple(args.sizes) if args.sizes else ((150, 0) if args.quick else (2000, 10000))
    args.out = args.out or OUT / ("results_quick.json" if args.quick else "results.json")
    results = run(quick=args.quick, jobs=args.jobs, skip_app=args.skip_app, sizes=sizes)
    report.write_json(results, args.out)
    m = results["machine"]
    print(f"\nWenYan benchmark ({results['mode']}, {results['date']}) on {m['cores']} cores, {m['memory_gb']} GB, "
          f"{m['cpu']}, Python {m['python']}")
    print(report.format_table(report.table_rows(results)))
    print(f"total {results['total_s']:.0f} s; JSON: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
