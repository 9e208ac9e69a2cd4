"""Re-analysis in place after the word lists change: same ids, one short transaction per batch, both cores."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence

from analysis import workers
from analysis.pipeline import analyze_record
from analysis.statistics import EXTRACTOR_VERSION
from analysis.store import Store
from analysis.store_rows import ArticleRecord

logger = logging.getLogger(__name__)

BATCH = 32  # articles per task and per write transaction
POOL_CHARS = 1_000_000  # below this (~15 s of work) starting worker processes costs more than it saves

Replacement = tuple[int, ArticleRecord, bool]  # (article id, record, with_statistics)


def reanalyze_store(store: Store, *, progress: Callable[[int, int], None] | None = None,
                    jobs: int | None = None) -> int:
    """See `pipeline.reanalyze`: only the articles not yet analysed with the stored word lists (or whose
    statistics came from another extractor version); each is stamped when written, so a run that stops
    halfway is finished by the next one. Stops early when the word lists change meanwhile."""
    state = store.word_list_state()
    ids = store.outdated_article_ids(state.signature, extractor_version=EXTRACTOR_VERSION)
    if not ids:
        return 0
    context = workers.context_from_lists(state)
    jobs = max(1, jobs or workers.usable_cores())
    batches = [ids[i:i + BATCH] for i in range(0, len(ids), BATCH)]
    small = jobs == 1 or len(batches) == 1 or store.counts()["chars"] < POOL_CHARS
    results = _in_process(store, batches, context) if small else _pooled(store, batches, context, jobs)
    done = 0
    for batch, replacements in results:
        if store.word_list_state().signature != state.signature:
            break  # saved again meanwhile: what is left is outdated anyway; the next run uses the new lists
        store.replace_analyses(replacements, word_lists=state.signature)
        done += len(batch)
        if progress is not None:
            progress(done, len(ids))
    return done


def count_outdated(store: Store) -> int:
    """How many articles `reanalyze_store` would redo now (cheap: one index scan)."""
    return store.count_outdated_articles(extractor_version=EXTRACTOR_VERSION)


def _reanalyze_batch(store_path: str, article_ids: Sequence[int],
                     context: workers.WorkerContext | None = None) -> list[Replacement]:
    """Read and re-analyse a batch of articles (in a worker, or in-process with `context`)."""
    context = context or workers.worker_context()
    out: list[Replacement] = []
    for article_id, article, version in Store(store_path).get_articles(article_ids):
        stale = version != EXTRACTOR_VERSION  # statistics of another extractor version are redone too
        try:
            record = analyze_record(article, segmenter=context.segmenter, stopwords=context.stopwords,
                                    with_statistics=stale)
        except Exception:  # a bug on one article must not stop the rest; that article keeps its analysis
            logger.exception("re-analysis failed for article %s", article_id)
            continue
        out.append((article_id, record, stale))
    return out


def _in_process(store: Store, batches: list[list[int]], context) -> Iterator[tuple[list[int], list]]:
    for batch in batches:
        yield batch, _reanalyze_batch(str(store.path), batch, context)


def _pooled(store: Store, batches: list[list[int]], context, jobs: int) -> Iterator[tuple[list[int], list]]:
    """Batches analysed by `jobs` workers, yielded as they finish (written by the caller, in this process)."""
    from concurrent.futures import as_completed

    pool = workers.make_pool(context, jobs)
    try:
        futures = {pool.submit(_reanalyze_batch, str(store.path), batch): batch for batch in batches}
        for future in as_completed(futures):
            yield futures[future], future.result()
    finally:  # on an error or Ctrl-C, drop the queued batches; what is written stays whole
        pool.shutdown(wait=True, cancel_futures=True)
