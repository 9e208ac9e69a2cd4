"""The machine a run happened on, the results table printed to the terminal, and results.json."""
from __future__ import annotations

import json
import os
import platform
from pathlib import Path


def machine() -> dict:
    """Cores, memory, CPU model and Python of this machine."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    return {"cores": len(os.sched_getaffinity(0)), "memory_gb": round(mem_kb / 2**20, 1), "cpu": model,
            "python": platform.python_version(), "system": f"{platform.system()} {platform.release()}"}


def _status(value: float | None, limit: float | None, *, at_least: bool = False) -> str:
    if value is None or limit is None:
        return ""
    ok = value >= limit if at_least else value < limit
    return "ok" if ok else "MISS"


def format_table(rows: list[tuple]) -> str:
    """Rows of (measurement, figure, target, status) as an aligned text table (CJK-free, so widths line up)."""
    header = ("measurement", "figure", "target", "")
    rows = [header] + [tuple(str(c) for c in r) for r in rows]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def table_rows(results: dict) -> list[tuple]:
    """The figures worth printing, each with its target and whether it is met."""
    rows: list[tuple] = []
    base = results.get("baseline")
    if base:
        rows.append((f"bare jieba.lcut, 1 process ({base['articles']} articles)",
                     f"{base['chars_per_s'] / 1e6:.2f} M chars/s ({base['seconds']:.1f} s)", "baseline", ""))
    for name, ingest in results.get("ingest", {}).items():
        rows += _ingest_rows(name, ingest)
    floor = results.get("floor")
    if floor:  # no target: how much of the >= 6x budget reading and segmenting alone take
        rows.append((f"floor: read + segment only, --jobs {floor['jobs']} ({floor['articles']} articles)",
                     f"{floor['chars_per_s'] / 1e6:.2f} M chars/s ({floor['seconds']:.1f} s), "
                     f"{floor['ratio_to_baseline']:.2f}x baseline", "", ""))
    rows += _engine_rows(results)
    for name, call in results.get("pages", {}).items():
        warm_limit = 1.0
        rows.append((f"page data {name} ({results.get('pages_store', '')})",
                     f"cold {call['cold_s']:.2f} s, warm {call['warm_s']:.2f} s", f"< 3 s / < {warm_limit:g} s",
                     "ok" if call["cold_s"] < 3 and call["warm_s"] < warm_limit else "MISS"))
    return rows + _app_rows(results.get("app"))


def _ingest_rows(name: str, ingest: dict) -> list[tuple]:
    ratio = ingest.get("ratio_to_baseline")
    rows = [(f"ingest {name} via CLI --jobs {ingest['jobs']}",
             f"{ingest['chars_per_s'] / 1e6:.2f} M chars/s ({ingest['seconds']:.1f} s)"
             + (f", {ratio:.2f}x baseline" if ratio else ""),
             ">= 6x" if ratio else "", _status(ratio, 6.0, at_least=True) if ratio else "")]
    if "cpu_seconds" in ingest:  # CPU is what other processes on a shared machine disturb least
        rows.append((f"ingest {name}: CPU of CLI + workers", f"{ingest['cpu_seconds']:.1f} s, "
                     f"{ingest['cpu_seconds'] / ingest['seconds']:.2f} cores busy on average, "
                     f"{ingest['cpu_seconds'] * 1000 / int(name):.1f} ms per article", "", ""))
    if "limit_s" in ingest:
        rows.append((f"ingest {name}: wall time", f"{ingest['seconds']:.1f} s", f"< {ingest['limit_s']} s",
                     _status(ingest["seconds"], ingest["limit_s"])))
    rows.append((f"ingest {name}: peak RSS incl. workers",
                 f"{ingest['peak_rss_mb']:.0f} MB (PSS {ingest.get('peak_pss_mb', 0):.0f} MB)", "< 2048 MB",
                 _status(ingest["peak_rss_mb"], 2048)))
    if "reader_max_s" in ingest:
        rows.append((f"ingest {name}: reader list/count during ingest",
                     f"max {ingest['reader_max_s']:.2f} s, median {ingest['reader_median_s'] * 1000:.0f} ms, "
                     f"{ingest['reader_queries']} runs, {ingest['reader_errors']} errors", "queryable",
                     "ok" if ingest["reader_errors"] == 0 else "MISS"))
    return rows


def _engine_rows(results: dict) -> list[tuple]:
    """Where an article's ingest time goes, and re-analysis after a word-list change (figures, no targets)."""
    rows = []
    stages = results.get("stages")
    if stages:
        split = ", ".join(f"{k} {v:.1f}" for k, v in stages["ms_per_article"].items())
        rows.append((f"ingest CPU per article, 1 process ({stages['articles']} articles)", f"{split} ms", "", ""))
    again = results.get("reanalyze")
    if again:
        rows.append((f"reanalyze {again['articles']} articles after a word-list change, --jobs {again['jobs']}",
                     f"{again['seconds']:.1f} s ({again['chars_per_s'] / 1e6:.2f} M chars/s)", "", ""))
    return rows


def _app_rows(app: dict | None) -> list[tuple]:
    if not app:
        return []
    if "skipped" in app:
        return [("app", app["skipped"], "", "")]
    slowest = max(app["page_visit_s"].items(), key=lambda kv: kv[1])
    return [
        ("app first paint (new tab, server warm)", f"{app['first_paint_s']:.2f} s "
         f"(script done {app['first_complete_s']:.2f} s)", "< 3 s", _status(app["first_paint_s"], 3)),
        ("app first paint (fresh server)", f"{app['first_paint_cold_s']:.2f} s "
         f"(script done {app['first_complete_cold_s']:.2f} s)", "", ""),
        ("app page visits (first visit each)", f"slowest {slowest[0]} {slowest[1]:.2f} s", "", ""),
        ("app server RSS after all pages", f"{app['server_rss_mb']:.0f} MB (PSS "
         f"{app.get('server_pss_mb', 0):.0f} MB)", "< 500 MB", _status(app["server_rss_mb"], 500)),
    ]


def write_json(results: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
