"""How the command line prints: JSON, CSV (formula-safe), tab tables, records, the progress bar, summaries."""
from __future__ import annotations

import csv
import dataclasses
import json
import sys
import time
from collections.abc import Sequence

CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # spreadsheet formula starters


def print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def one_or_list(items: list) -> object:
    """A file with one article gives an object, several give a list."""
    return items[0] if len(items) == 1 else items


def csv_cell(value: object) -> object:
    """Neutralise spreadsheet formulas in text cells (CSV injection)."""
    if isinstance(value, str) and value.startswith(CSV_FORMULA_START):
        return "'" + value
    return value


def print_csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[csv_cell(v) for v in row] for row in rows])


def print_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    print("\t".join(header))
    for row in rows:
        print("\t".join("" if v is None else str(v) for v in row))


def article_record(article) -> dict:
    """The `load` command's JSON object for one article."""
    return {"title": article.title, "subtitle": article.subtitle, "kicker": article.kicker, "date": article.date,
            "text": article.text, "source": article.source, "format": article.format,
            "encoding": article.encoding, "presegmented": article.presegmented, "n_chars": article.n_chars}


def section_record(section) -> dict:
    """The `sections` command's JSON object for one section."""
    return {"title": section.title, "subheading": section.subheading, "level": section.level,
            "parent": section.parent, "start": section.start, "end": section.end, "n_chars": section.n_chars}


def statistic_record(stat) -> dict:
    """The `stats` command's JSON object for one statistic (issue 4's record)."""
    record = dataclasses.asdict(stat)
    record["spans"] = [list(span) for span in stat.spans]
    return record


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes // 60}:{minutes % 60:02d}:{secs:02d}" if minutes >= 60 else f"{minutes:02d}:{secs:02d}"


def progress_line(p) -> str:
    """One progress-bar line: bar over bytes, files, articles, articles/s, chars/s and ETA."""
    share = p.bytes_done / p.bytes_total if p.bytes_total else 1.0
    bar = "#" * int(share * 20) + "." * (20 - int(share * 20))
    chars_rate = p.chars / p.elapsed if p.elapsed > 0 else 0.0
    return (f"[{bar}] {share:4.0%} {p.files_done}/{p.files_total} files, {p.articles} articles, "
            f"{p.articles_per_second:,.1f} articles/s, {chars_rate:,.0f} chars/s, ETA {_duration(p.eta_seconds)}")


def make_progress_printer(stream=None):
    """(show, finish): redraw the bar on a terminal (10 times a second), or log a line every 5 s otherwise."""
    stream = stream or sys.stderr
    tty = stream.isatty()
    state = {"shown": 0.0 if tty else time.monotonic(), "last": None, "printed": None}

    def show(p) -> None:
        state["last"] = p
        now = time.monotonic()
        if now - state["shown"] < (0.1 if tty else 5.0):
            return
        state["shown"], state["printed"] = now, p
        stream.write(("\r" + progress_line(p) + "\033[K") if tty else progress_line(p) + "\n")
        stream.flush()

    def finish() -> None:
        if state["last"] is not None and (tty or state["last"] is not state["printed"]):
            stream.write(("\r" + progress_line(state["last"]) + "\033[K\n") if tty else progress_line(state["last"]) + "\n")
            stream.flush()

    return show, finish


def summary_line(report) -> str:
    """The last line of `ingest`: outcome counts and throughput."""
    rate = report.n_chars / report.seconds if report.seconds > 0 else 0.0
    return (f"stored {report.stored}, duplicates {report.duplicates}, updated {report.updated}, "
            f"errors {len(report.errors)}; {report.files} files, {report.n_chars} chars in {report.seconds:.1f} s "
            f"({rate:,.0f} chars/s)")
