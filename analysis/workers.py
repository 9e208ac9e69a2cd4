"""Worker processes shared by ingest and re-analysis: their context, the pool, the cores to use."""
from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import signal
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from analysis.models import Article
from analysis.pipeline import analyze_record, lists_stopwords
from analysis.segment import Segmenter, make_segmenter

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from analysis.store import Store
    from analysis.store_words import WordListState

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkerContext:
    """What every analysing process holds: the segmenter, the stopwords, the hashes already stored."""

    segmenter: Segmenter
    stopwords: frozenset[str]
    known: frozenset[str] = field(default=frozenset())  # hashes stored with the current extractor version
    word_lists: str | None = None  # signature of the word lists read for this context (stamped on what it writes)


WORKER_GC_THRESHOLD = 20_000
_worker_context: WorkerContext | None = None  # set once per worker process by the pool initializer


def _init_worker(context: WorkerContext) -> None:
    """Pool initializer: keep the context for the tasks of this worker process."""
    global _worker_context
    _worker_context = context
    # What the worker starts with (dictionaries, tagger, lexicons, context) lives as long as the worker: keep it
    # out of the cyclic collector's scans, which otherwise walk it again and again as records are built.
    gc.freeze()
    # An article's analysis allocates tens of thousands of short-lived containers and leaves no cycles behind:
    # collecting every 700 allocations (the default) cost a twentieth of a worker's time.
    gc.set_threshold(WORKER_GC_THRESHOLD)
    # Ctrl-C is the parent's to handle (it stops the pool); workers printing tracebacks would only add noise.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def make_context(store: Store, *, known: frozenset[str] = frozenset()) -> WorkerContext:
    """The segmenter and stopwords of the store's word lists (one snapshot), and the content hashes to skip."""
    return context_from_lists(store.word_list_state(), known=known)


def context_from_lists(lists: WordListState, *, known: frozenset[str] = frozenset()) -> WorkerContext:
    """The context of one word-list snapshot, carrying its signature to stamp on what it writes."""
    return WorkerContext(make_segmenter(user_words=lists.user_words), lists_stopwords(lists), known, lists.signature)


def usable_cores() -> int:
    """Cores this process may run on (a container or taskset can allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def make_pool(context: WorkerContext, jobs: int) -> ProcessPoolExecutor:
    """A process pool whose workers hold `context` (fork when this process has a single thread)."""
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the loaded dictionary with the workers for free; a threaded host (Streamlit) must not fork.
    method = "fork" if threading.active_count() == 1 and os.name == "posix" else "spawn"
    if method == "fork":
        _warm_up(context)
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method), initializer=_init_worker,
                               initargs=(context,))


def worker_context() -> WorkerContext:
    """The context a pool worker was started with (see `make_pool`)."""
    if _worker_context is None:
        raise RuntimeError("not in an ingest worker process")
    return _worker_context


def _warm_up(context: WorkerContext) -> None:
    """Analyse a tiny article in the parent so lazily loaded dictionaries and models (POS tagger, IDF table)
    are loaded once and inherited by the forked workers instead of loaded again in each."""
    sample = Article(title="预热", text="一、总体要求\n全市新增城镇就业1.2万人，培训职工3000人次。", source="warm-up",
                     format="txt")
    try:
        analyze_record(sample, segmenter=context.segmenter, stopwords=context.stopwords)
    except Exception:  # a failure here will show, with its article, when the real work runs
        logger.exception("warm-up analysis failed")
