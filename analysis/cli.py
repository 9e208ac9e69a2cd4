"""`python -m analysis …`: a thin command line over the library (exit 0 ok, 1 bad input, 2 bad usage)."""
from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from analysis.cli_output import (article_record, make_progress_printer, one_or_list, print_csv, print_json,
                                 print_table, section_record, statistic_record, summary_line)
from analysis.errors import NEXT_STEPS, AnalysisError, EmptyText, InputNotFound, next_step

logger = logging.getLogger(__name__)

LOG_DIR_ENV = "WENYAN_LOG_DIR"
KEYWORD_METHODS = ("freq", "tfidf", "textrank", "keyness")


# ---- commands over one file --------------------------------------------------------------------------------
def _load(path: str) -> list:
    from analysis.loaders import load_path

    if not Path(path).exists():
        raise InputNotFound(f"{path}: no such file or folder", source=path)
    articles = load_path(path)
    if not articles:
        raise EmptyText(f"{path}: no article found", source=path)
    return articles


def cmd_load(args: argparse.Namespace) -> int:
    records = [article_record(a) for a in _load(args.file)]
    if args.format == "table":
        columns = ("title", "date", "format", "encoding", "presegmented", "n_chars", "source")
        print_table(columns, [[r[c] for c in columns] for r in records])
    else:
        print_json(one_or_list(records))
    return 0


def cmd_sections(args: argparse.Namespace) -> int:
    from analysis.sections import detect_sections

    results = [{"title": a.title, "sections": [section_record(s) for s in detect_sections(a.text)]}
               for a in _load(args.file)]
    if args.format == "table":
        columns = ("level", "parent", "start", "end", "n_chars", "title", "subheading")
        print_table(("article",) + columns,
                    [[r["title"]] + [s[c] for c in columns] for r in results for s in r["sections"]])
    else:
        print_json(one_or_list(results))
    return 0


def cmd_keywords(args: argparse.Namespace) -> int:
    from analysis.cli_keywords import keyword_results

    results = keyword_results(_load(args.file), method=args.method, by_section=args.by_section, top_k=args.top,
                              db=args.db)
    if args.format == "csv":
        header = ("article", "section", "rank", "word", "weight", "count", "effect_size")
        rows = [[r["title"], group.get("title"), rank + 1, k["word"], k["weight"], k["count"], k.get("effect_size")]
                for r in results for group in r.get("sections", [{"title": None, "keywords": r.get("keywords")}])
                for rank, k in enumerate(group["keywords"])]
        print_csv(header, rows)
    else:
        print_json(one_or_list(results))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from analysis.models import Statistic
    from analysis.sections import detect_sections
    from analysis.statistics import extract_statistics

    results = []
    for article in _load(args.file):
        stats = extract_statistics(article.text, sections=detect_sections(article.text))
        kept = [statistic_record(s) for s in stats if s.is_workforce or not args.workforce_only]
        results.append({"title": article.title, "statistics": kept})
    if args.format == "csv":
        fields = [f.name for f in dataclasses.fields(Statistic)]
        rows = [[r["title"]] + [json.dumps(s[f]) if f == "spans" else s[f] for f in fields]
                for r in results for s in r["statistics"]]
        print_csv(["article"] + fields, rows)
    else:
        print_json(one_or_list(results))
    return 0


def cmd_eval_stats(args: argparse.Namespace) -> int:
    from analysis.stats_eval import evaluate_statistics, format_eval_report

    if not Path(args.directory).is_dir():
        raise InputNotFound(f"{args.directory}: no such folder; give the folder holding the .txt and .gold.json files")
    print(format_eval_report(evaluate_statistics(args.directory)))
    return 0


# ---- commands over the store -------------------------------------------------------------------------------
def open_store(db: str | None):
    """The store for --db / WENYAN_DB / the default; a bad path or a file that is no database is the user's to fix."""
    import sqlite3

    from analysis.store import Store, resolve_db_path

    try:
        path = resolve_db_path(db)
        return Store(path)
    except (sqlite3.Error, OSError) as exc:
        raise AnalysisError(f"cannot open the database {db or os.environ.get('WENYAN_DB') or 'data/wenyan.sqlite3'}"
                            f" ({_one_line(exc)}); give another file with --db or WENYAN_DB") from exc


def cmd_ingest(args: argparse.Namespace) -> int:
    from analysis.ingest_report import skip_line
    from analysis.pipeline import ingest

    store = open_store(args.db)
    show, finish = make_progress_printer()
    report = ingest(args.paths, store=store, jobs=args.jobs, progress=show)
    finish()
    for item in report.errors:
        print(skip_line(item), file=sys.stderr)
    print(summary_line(report))
    if report.errors and not (report.stored or report.duplicates or report.updated):
        raise AnalysisError("no article could be read from the given paths; fix the files listed above and retry")
    if not (report.errors or report.stored or report.duplicates or report.updated):  # an empty zip or folder
        raise AnalysisError("no article found in the given paths (empty archives or folders, or only unsupported "
                            "file types); check the paths")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    rows = open_store(args.db).list_articles()
    if args.format == "table":
        columns = ("id", "title", "date", "n_chars", "n_sections", "n_statistics", "n_workforce")
        print_table(columns, [[r[c] for c in columns] for r in rows])
    else:
        print_json(rows)
    return 0


# ---- parsing and error handling ----------------------------------------------------------------------------
def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The argparse tree of every command."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description="WenYan (文眼): analyse Chinese articles.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, handler, help_text: str, formats: Sequence[str] = ("json",)) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        if formats:
            p.add_argument("--format", choices=formats, default=formats[0], help="output format (default: %(default)s)")
        return p

    command("load", cmd_load, "read a file and print its articles", ("json", "table")).add_argument("file")
    command("sections", cmd_sections, "print an article's sections", ("json", "table")).add_argument("file")
    p = command("keywords", cmd_keywords, "print keywords of an article or of each section", ("json", "csv"))
    p.add_argument("file")
    p.add_argument("--method", choices=KEYWORD_METHODS, default="tfidf", help="ranking (default: %(default)s)")
    p.add_argument("--by-section", action="store_true", help="one list per section")
    p.add_argument("--top", type=_positive_int, default=10, metavar="N", help="how many keywords (default: %(default)s)")
    p.add_argument("--db", help="store whose user words, stopwords and corpus are used (when it exists)")
    p = command("stats", cmd_stats, "print the statistics an article reports", ("json", "csv"))
    p.add_argument("file")
    p.add_argument("--workforce-only", action="store_true", help="only workforce statistics")
    command("eval-stats", cmd_eval_stats, "score the statistics extractor on an annotated folder",
            ()).add_argument("directory")
    p = command("ingest", cmd_ingest, "analyse files, folders and zips into the store", ())
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--db", help="SQLite file (default: $WENYAN_DB or data/wenyan.sqlite3)")
    p.add_argument("--jobs", type=_positive_int, help="worker processes (default: all cores)")
    command("list", cmd_list, "list the stored articles", ("json", "table")).add_argument(
        "--db", help="SQLite file (default: $WENYAN_DB or data/wenyan.sqlite3)")
    return parser


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def error_message(exc: AnalysisError) -> str:
    """`<what>; <what to do>` in one line."""
    message = _one_line(str(exc)) or type(exc).__name__
    if exc.source and exc.source not in message:
        message = f"{exc.source}: {message}"
    name = next((cls.__name__ for cls in type(exc).__mro__ if cls.__name__ in NEXT_STEPS), None)
    return message if ";" in message else f"{message}; {next_step(name)}"


def _log_path() -> Path:
    return Path(os.environ.get(LOG_DIR_ENV, "logs")) / "wenyan-cli.log"


def configure_logging() -> None:
    """Engine logs (with tracebacks) go to the log file, never to the terminal; jieba's chatter is muted."""
    import jieba  # its import resets its logger to DEBUG, so mute it after importing

    jieba.setLogLevel(logging.WARNING)
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        _log_path().parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(_log_path(), encoding="utf-8", delay=True)
        handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(name)s %(levelname)s %(message)s"))
    except OSError:
        handler = logging.NullHandler()
    root.addHandler(handler)


def _log_unexpected() -> str | None:
    """Write the traceback to the log file; its path, or None when no log could be written."""
    try:
        with _log_path().open("a", encoding="utf-8") as log:
            log.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} {' '.join(sys.argv)}\n{traceback.format_exc()}\n")
        return str(_log_path())
    except OSError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the exit status."""
    args = build_parser().parse_args(argv)
    configure_logging()
    try:
        return args.handler(args)
    except AnalysisError as exc:
        print(f"error: {error_message(exc)}", file=sys.stderr)
    except KeyboardInterrupt:
        print("error: interrupted; what was stored before stays stored, run the command again to finish",
              file=sys.stderr)
        return 130
    except BrokenPipeError:  # `… | head` closed the pipe: not an error of ours
        sys.stderr.close()
        return 0
    except Exception as exc:  # never a traceback on the terminal: one line, details in the log
        where = _log_unexpected()
        detail = f"; details in {where}" if where else ""
        print(f"error: internal error ({type(exc).__name__}: {_one_line(exc)}){detail}; please report it",
              file=sys.stderr)
    return 1
