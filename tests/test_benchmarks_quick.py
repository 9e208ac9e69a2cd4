"""CI regression guard: the quick benchmark runs end to end and prints its table (figures go to the CI log).

Not a timed assertion: a shared 2-core CI machine is too noisy for one. It only checks that every measurement
ran and produced a figure, so a change that breaks the ingest CLI, the store queries or a page's data call
shows up here, and the log keeps the numbers for comparison between runs.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_quick_benchmark_completes_and_prints_its_table(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    run = subprocess.run([sys.executable, "-m", "benchmarks", "--quick", "--out", str(out)], cwd=REPO,
                         capture_output=True, text=True, timeout=300)
    print(run.stdout)  # shown in the CI log with -s or -rA; the JSON holds the same figures
    assert run.returncode == 0, run.stderr[-3000:]
    assert "measurement" in run.stdout and "bare jieba.lcut" in run.stdout
    results = json.loads(out.read_text(encoding="utf-8"))
    [ingest] = results["ingest"].values()
    assert results["baseline"]["chars_per_s"] > 0 and ingest["chars_per_s"] > 0
    assert ingest["reader_errors"] == 0 and ingest["reader_queries"] > 0
    assert "stored 150," in ingest["summary"]
    assert set(results["pages"]) >= {"corpus_keywords", "statistics_table", "section_heatmap", "kwic_corpus",
                                      "compare_two", "word_cloud"}
    assert all(call["cold_s"] > 0 and call["warm_s"] > 0 for call in results["pages"].values())
