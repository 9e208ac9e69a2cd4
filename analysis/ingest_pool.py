"""Parallel ingest: workers load and analyse, the parent writes short batches to the store."""
from __future__ import annotations

import logging
import os
import queue
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from analysis import loaders
from analysis.errors import AnalysisError, UnsupportedFormat
from analysis.ingest_report import IngestItem, IngestProgress, IngestReport
from analysis.models import Article
from analysis.pipeline import analyze_record
from analysis.statistics import EXTRACTOR_VERSION
from analysis.store import Store
from analysis.store_rows import content_hash
from analysis.workers import WorkerContext, make_context, make_pool, usable_cores, worker_context

logger = logging.getLogger(__name__)

SPLIT_AT = 4  # a worker analyses this many articles of a file itself and hands the rest back for fan-out
CHUNK = 8  # articles per fanned-out task
TASK_FILES = 16  # small files per task: one task per file made the pool's own overhead a tenth of the work
TASK_BYTES = 96 * 1024
BATCH_RECORDS = 256  # articles per write transaction (each article is whole or absent either way)
BATCH_SECONDS = 1.0  # WAL readers are never blocked by a write; batching amortises the corpus-term upserts
IN_PROCESS_BYTES = 32 * 1024  # below this (about a second of analysis), worker processes cost more than they save


# ---- work done in the worker processes (or in-process for small inputs) ------------------------------------
def _analyze_articles(pairs: Sequence[tuple[str, Article]], context: WorkerContext) -> list[tuple]:
    """Outcomes: ("record", source, record, n_chars) | ("known", source, (hash, title), n_chars) | ("error", …)."""
    outcomes: list[tuple] = []
    for source, article in pairs:
        digest = content_hash(article)
        if digest in context.known:
            outcomes.append(("known", source, (digest, article.title), article.n_chars))
            continue
        try:
            record = analyze_record(article, segmenter=context.segmenter, stopwords=context.stopwords)
        except Exception as exc:  # a bug on one article must not stop an archive's ingest; it is logged
            logger.exception("analysis failed for %s", source)
            outcomes.append(("error", source, f"internal error while analysing {article.title!r}: {exc!r}"))
            continue
        outcomes.append(("record", source, record, article.n_chars))
    return outcomes


def _relabel(article: Article, name: str, label: str) -> Article:
    """Sources read as paths relative to what the user named (folder/sub/file.txt, folder/a.zip/member.txt)."""
    if label == name or not article.source.startswith(name):
        return article
    return replace(article, source=label + article.source[len(name):])


def _process_file(path: str, label: str, context: WorkerContext | None = None) -> tuple[str, list[tuple]]:
    """Load one file (or zip) and analyse its first articles; the rest come back as ("more", pairs)."""
    context = context or worker_context()
    name = Path(path).name
    outcomes: list[tuple] = []
    pairs: list[tuple[str, Article]] = []
    try:
        for source, loaded in loaders.iter_path(path):
            source = label + source[len(name):] if source.startswith(name) else source
            if isinstance(loaded, AnalysisError):
                outcomes.append(("error", source, str(loaded), type(loaded).__name__))
            else:
                pairs.extend((source, _relabel(a, name, label)) for a in loaded)
    except Exception as exc:  # unreadable by a bug in a loader: report the file, keep the ingest going
        logger.exception("loading failed for %s", path)
        outcomes.append(("error", label, f"internal error while loading: {exc!r}"))
    if not pairs and not outcomes:  # e.g. a zip holding only files of unsupported types
        outcomes.append(("error", label, "no readable articles found", "EmptyText"))
    outcomes.extend(_analyze_articles(pairs[:SPLIT_AT], context))
    if len(pairs) > SPLIT_AT:
        outcomes.append(("more", label, pairs[SPLIT_AT:]))
    return path, outcomes


def _process_files(batch: Sequence[tuple[str, str]], context: WorkerContext | None = None) -> list[tuple[str, list]]:
    """`_process_file` of each (path, label) of a task."""
    return [_process_file(path, label, context) for path, label in batch]


def _process_chunk(pairs: Sequence[tuple[str, Article]], context: WorkerContext | None = None) -> tuple[None, list]:
    return None, _analyze_articles(pairs, context or worker_context())


def _tasks(files: Sequence[tuple[str, str, int]]) -> list[list[tuple[str, str]]]:
    """Consecutive files grouped up to TASK_FILES files or TASK_BYTES bytes; a big file is a task alone."""
    tasks: list[list[tuple[str, str]]] = []
    size = TASK_BYTES
    for path, label, file_size in files:
        if len(tasks) == 0 or len(tasks[-1]) >= TASK_FILES or size + file_size > TASK_BYTES:
            tasks.append([])
            size = 0
        tasks[-1].append((path, label))
        size += file_size
    return tasks


# ---- orchestration in the parent process: fan out, then write in short batches ------------------------------
def expand_paths(paths: Iterable[str | os.PathLike]) -> tuple[list[tuple[str, str, int]], list[IngestItem], int]:
    """(path, label, size) of every file to read, missing paths as errors, and how many files were ignored.

    Like the loaders, a folder's hidden files and files of unsupported types are ignored; a file named
    directly is always read (and reported when it cannot be)."""
    files: list[tuple[str, str, int]] = []
    missing: list[IngestItem] = []
    ignored = 0
    for path in map(Path, paths):
        if not path.exists():
            missing.append(IngestItem(str(path), "error", message=f"{path}: no such file or folder; check the path",
                                      error_type="InputNotFound"))
        elif not path.is_dir():
            files.append((str(path), str(path), path.stat().st_size))
        for root, dirs, names in os.walk(path) if path.is_dir() else ():
            dirs[:] = sorted(d for d in dirs if not d.startswith(loaders.SKIPPED_NAME_PREFIXES))
            for name in sorted(names):
                file = Path(root, name)
                if name.startswith(loaders.SKIPPED_NAME_PREFIXES) or not _supported(name):
                    ignored += 1
                    continue
                label = f"{path.name}/{file.relative_to(path).as_posix()}"
                files.append((str(file), label, file.stat().st_size))
    return files, missing, ignored


def _supported(name: str) -> bool:
    try:
        loaders.format_of(name)
    except UnsupportedFormat:
        return False
    return True


def _run_in_process(files: Sequence[tuple[str, str, int]], context: WorkerContext):
    for path, label, _ in files:
        _, outcomes = _process_file(path, label, context)
        done = [o for o in outcomes if o[0] != "more"]
        for o in outcomes:
            if o[0] == "more":
                done.extend(_analyze_articles(o[2], context))
        yield path, done


def _run_pool(files: Sequence[tuple[str, str, int]], context: WorkerContext, jobs: int):
    """Yield (finished file or None, outcomes) as workers finish; a file's extra articles are fanned out."""
    done: queue.Queue = queue.Queue()
    pool = make_pool(context, jobs)
    try:
        outstanding: dict[str, int] = {}  # tasks not yet finished per file: a file is done when all are

        def submit(function: Callable, paths: Sequence[str], *args) -> None:
            for path in paths:
                outstanding[path] = outstanding.get(path, 0) + 1
            try:
                future = pool.submit(function, *args)
            except RuntimeError as exc:  # the pool broke (a worker was killed): report instead of hanging
                done.put([(path, [("error", path, f"internal error: worker pool stopped ({exc!r})")])
                          for path in paths])
                return
            future.add_done_callback(lambda f: done.put(_result_or_error(f, paths)))

        for task in _tasks(files):
            submit(_process_files, [path for path, _ in task], task)
        while outstanding:
            for path, outcomes in done.get():
                for o in outcomes:
                    if o[0] == "more":
                        for i in range(0, len(o[2]), CHUNK):
                            submit(_process_chunk, [path], o[2][i:i + CHUNK])
                outstanding[path] -= 1
                finished = outstanding[path] == 0
                if finished:
                    del outstanding[path]
                yield (path if finished else None), [o for o in outcomes if o[0] != "more"]
    finally:  # on Ctrl-C or an error, drop the queued work instead of finishing it first
        pool.shutdown(wait=True, cancel_futures=True)


def _result_or_error(future, paths: Sequence[str]) -> list[tuple[str, list[tuple]]]:
    """(path, outcomes) of each file of a finished task (one entry for a fanned-out chunk)."""
    try:
        result = future.result()
    except Exception as exc:  # a worker died (killed, out of memory): report its work, keep the rest
        logger.error("ingest worker failed on %s: %r", ", ".join(paths), exc)
        return [(path, [("error", path, f"internal error: worker failed ({exc!r})")]) for path in paths]
    return [(paths[0], result[1])] if isinstance(result, tuple) else result


class _Writer:
    """Collects outcomes and writes them in short transactions, so readers are never blocked for long."""

    def __init__(self, store: Store, *, word_lists: str | None = None) -> None:
        self.store, self.items, self.pending, self.flushed_at = store, [], [], time.monotonic()
        self.word_lists = word_lists  # what the records were analysed with, not what is stored when they land

    def add(self, outcome: tuple) -> None:
        kind, source = outcome[0], outcome[1]
        if kind == "error":
            error_type = outcome[3] if len(outcome) > 3 else "InternalError"
            self.items.append(IngestItem(source, "error", message=outcome[2], error_type=error_type))
        else:
            self.pending.append(outcome)
        if len(self.pending) >= BATCH_RECORDS or time.monotonic() - self.flushed_at >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        records = [o for o in self.pending if o[0] == "record"]
        results = iter(self.store.save_records([o[2] for o in records], word_lists=self.word_lists)) if records else iter(())
        for o in self.pending:
            if o[0] == "known":
                digest, title = o[2]
                self.items.append(IngestItem(o[1], "duplicate", self.store.find_article_id(digest), title, n_chars=o[3]))
                continue
            article_id, created, replaced = next(results)
            status = "stored" if created else "updated" if replaced else "duplicate"
            self.items.append(IngestItem(o[1], status, article_id, o[2].article[1], n_chars=o[3]))
        self.pending, self.flushed_at = [], time.monotonic()


def run_ingest(paths: Iterable[str | os.PathLike], *, store: Store, jobs: int | None = None,
           progress: Callable[[IngestProgress], None] | None = None) -> IngestReport:
    """Load, analyse and store every article under `paths`; bad files are reported, never fatal."""
    started = time.perf_counter()
    files, missing, ignored = expand_paths(paths)
    bytes_total = sum(size for _, _, size in files)
    context = make_context(store, known=store.known_hashes(extractor_version=EXTRACTOR_VERSION))
    jobs = max(1, jobs or usable_cores())
    small = jobs == 1 or bytes_total <= IN_PROCESS_BYTES
    results = _run_in_process(files, context) if small else _run_pool(files, context, jobs)
    sizes = {path: size for path, _, size in files}
    writer = _Writer(store, word_lists=context.word_lists)
    writer.items.extend(missing)
    try:
        _consume(results, writer, progress, sizes=sizes, total=(len(files), bytes_total), started=started)
    except KeyboardInterrupt:
        writer.flush()  # keep what is already analysed; a rerun skips it
        raise
    writer.flush()
    return IngestReport(tuple(writer.items), time.perf_counter() - started, files=len(files), ignored=ignored)


def _consume(results, writer: _Writer, progress, *, sizes: dict[str, int], total: tuple[int, int],
             started: float) -> None:
    """Feed outcomes to the writer and report progress after each finished task."""
    files_done = bytes_done = articles = chars = 0
    for path, outcomes in results:
        for outcome in outcomes:
            writer.add(outcome)
            if outcome[0] != "error":
                articles, chars = articles + 1, chars + outcome[3]
        if path is not None:
            files_done, bytes_done = files_done + 1, bytes_done + sizes.get(path, 0)
        if progress is not None:
            progress(IngestProgress(files_done, total[0], bytes_done, total[1], articles, chars,
                                    time.perf_counter() - started))
