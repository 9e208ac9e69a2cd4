"""pipeline.reanalyze: the stored corpus re-analysed in place after the user dictionary or stopwords change."""
from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from analysis import reanalysis
from analysis.pipeline import analyze, article_terms, ingest, reanalyze, store_stopwords
from analysis.segment import make_segmenter
from analysis.store import Store

# Our own short reports; 新就业形态劳动者 recurs, so a user word changes tokens, terms and keywords.
NEWS = [
    ("市总工会开展新就业形态劳动者入会集中行动", "今年以来，市总工会推动新就业形态劳动者入会，新建驿站36个。\n\n"
     "外卖骑手、网约车司机等新就业形态劳动者可在驿站休息、充电、饮水，全年服务超过12万人次。"),
    ("区人社局发布春季招聘岗位", "春节过后，区人社局组织42家企业发布岗位1800个，涵盖制造、物流和养老服务。\n\n"
     "对吸纳新就业形态劳动者的平台企业，区里给予每人1000元的一次性补贴。"),
    ("职业技能培训惠及一线职工", "全年开展职业技能培训2.3万人次，其中新就业形态劳动者培训6000人次。\n\n"
     "培训合格率达到92%，一线职工技能水平稳步提高。"),
]
USER_WORD = "新就业形态劳动者"


def ingest_news(tmp_path: Path, name: str = "w") -> Store:
    folder = tmp_path / f"{name}_news"
    folder.mkdir()
    for i, (title, body) in enumerate(NEWS):
        (folder / f"{i}.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")
    store = Store(tmp_path / f"{name}.sqlite3")
    assert ingest([folder], store=store, jobs=1).stored == len(NEWS)
    return store


def corpus_mismatches(store: Store) -> int:
    """Terms whose corpus totals differ from the sum of the articles' counts (must be none)."""
    with sqlite3.connect(store.path) as conn:
        return conn.execute(
            "WITH t AS (SELECT term, SUM(count) AS count, COUNT(*) AS df FROM token_counts GROUP BY term) "
            "SELECT (SELECT COUNT(*) FROM t LEFT JOIN corpus_terms c ON c.term = t.term "
            "        WHERE c.count IS NOT t.count OR c.df IS NOT t.df)"
            "     + (SELECT COUNT(*) FROM corpus_terms WHERE term NOT IN (SELECT term FROM t))").fetchone()[0]


def test_user_word_reaches_every_stored_article_in_place(tmp_path: Path) -> None:
    store = ingest_news(tmp_path)
    before = {r["id"]: store.get_analysis(r["id"]) for r in store.list_articles()}
    some_id = min(before)
    store.save_keywords(some_id, before[some_id].keywords[:3], method="textrank")  # an on-demand cached list
    assert not any(t.word == USER_WORD for a in before.values() for t in a.tokens)
    store.add_user_words([USER_WORD])
    seen = []
    assert reanalyze(store, progress=lambda done, total: seen.append((done, total))) == len(NEWS)
    assert seen[-1] == (len(NEWS), len(NEWS))
    segmenter, stopwords = make_segmenter(user_words=[USER_WORD]), store_stopwords(store)
    total = 0
    for article_id, old in before.items():  # same ids; tokens, terms and keywords as a fresh analysis gives
        stored, fresh = store.get_analysis(article_id), analyze(old.article, segmenter=segmenter, stopwords=stopwords)
        assert stored.tokens == fresh.tokens and stored.keywords == fresh.keywords
        assert stored.sections == old.sections and stored.statistics == old.statistics
        expected = Counter(article_terms(fresh.tokens, stopwords=stopwords, title_words=segmenter.cut(old.article.title)))
        assert store.article_term_counts(article_id) == expected
        total += expected[USER_WORD]
    assert store.corpus_term_counts()[USER_WORD] == total >= 3  # whole now (吸纳新… may still cut as 纳新)
    assert any(t.word == USER_WORD for t in store.get_analysis(some_id).tokens)
    assert store.get_keywords(some_id, method="textrank") == ()  # stale cached lists are dropped
    assert corpus_mismatches(store) == 0
    assert [r["n_tokens"] for r in store.list_articles()] == [len(store.get_analysis(i).tokens) for i in before]


def test_added_stopword_leaves_terms_and_keywords(tmp_path: Path) -> None:
    store = ingest_news(tmp_path)
    assert store.corpus_term_counts()["培训"] >= 2
    store.add_stopwords(["培训"])
    reanalyze(store)
    assert "培训" not in store.corpus_term_counts() and corpus_mismatches(store) == 0
    assert all(k.word != "培训" for r in store.list_articles() for k in store.get_keywords(r["id"]))


def test_worker_processes_give_the_in_process_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = ingest_news(tmp_path, "one"), ingest_news(tmp_path, "two")
    for store in (one, two):
        store.add_user_words([USER_WORD])
    monkeypatch.setattr(reanalysis, "POOL_CHARS", 0)
    monkeypatch.setattr(reanalysis, "BATCH", 1)  # three batches over two workers
    assert reanalyze(one, jobs=1) == reanalyze(two, jobs=2) == len(NEWS)
    def snapshot(store: Store) -> list:
        found = [store.get_analysis(i) for i in store.article_ids()]
        return [(a.tokens, a.keywords, a.sections, a.statistics, store.article_term_counts(i))
                for i, a in zip(store.article_ids(), found)]

    assert snapshot(one) == snapshot(two) and one.corpus_term_counts() == two.corpus_term_counts()


def test_statistics_of_another_extractor_version_are_redone(tmp_path: Path) -> None:
    store = ingest_news(tmp_path)
    expected = {i: store.get_analysis(i).statistics for i in store.article_ids()}
    stale_id = min(expected)
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE articles SET extractor_version = 'old' WHERE id = ?", (stale_id,))
        conn.execute("DELETE FROM statistics WHERE article_id = ?", (stale_id,))
        conn.execute("DELETE FROM sections WHERE article_id = ?", (stale_id,))
    reanalyze(store)
    assert {i: store.get_analysis(i).statistics for i in store.article_ids()} == expected
    assert store.stale_article_ids("old") == store.article_ids() and len(store.get_sections(stale_id)) >= 1


def test_an_interrupted_run_leaves_each_article_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = ingest_news(tmp_path)
    store.add_user_words([USER_WORD])
    monkeypatch.setattr(reanalysis, "BATCH", 1)

    def stop_after_first(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        reanalyze(store, progress=stop_after_first, jobs=1)
    tokens = [{t.word for t in store.get_analysis(i).tokens} for i in store.article_ids()]
    assert [USER_WORD in words for words in tokens] == [True, False, False]  # first new, the rest old
    assert corpus_mismatches(store) == 0


def test_empty_store_is_a_no_op(tmp_path: Path) -> None:
    assert reanalyze(Store(tmp_path / "empty.sqlite3")) == 0


def test_an_interrupted_run_is_counted_and_the_next_run_finishes_only_the_rest(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    store = ingest_news(tmp_path)
    assert reanalysis.count_outdated(store) == 0  # ingest stamps the lists it analysed with
    store.add_user_words([USER_WORD])
    assert reanalysis.count_outdated(store) == len(NEWS)
    monkeypatch.setattr(reanalysis, "BATCH", 1)

    def stop_after_first(done: int, total: int) -> None:
        raise RuntimeError("the page was left")

    with pytest.raises(RuntimeError):
        reanalyze(store, progress=stop_after_first, jobs=1)
    first, *rest = store.article_ids()
    assert reanalysis.count_outdated(store) == len(NEWS) - 1
    # a marker: re-analysing an article drops its cached keyword lists
    store.save_keywords(first, store.get_keywords(first)[:2], method="textrank")
    seen = []
    assert reanalyze(store, progress=lambda done, total: seen.append((done, total)), jobs=1) == len(rest)
    assert seen == [(1, 2), (2, 2)] and reanalysis.count_outdated(store) == 0
    assert len(store.get_keywords(first, method="textrank")) == 2  # the finished article was not redone
    segmenter = make_segmenter(user_words=[USER_WORD])
    for article_id in store.article_ids():
        stored = store.get_analysis(article_id)
        assert stored.tokens == analyze(stored.article, segmenter=segmenter, stopwords=store_stopwords(store)).tokens
    assert corpus_mismatches(store) == 0 and reanalyze(store) == 0


def test_a_run_stops_when_the_lists_change_meanwhile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another session saved during the run: nothing analysed with the older lists is written after that."""
    store = ingest_news(tmp_path)
    store.add_user_words([USER_WORD])
    monkeypatch.setattr(reanalysis, "BATCH", 1)

    def save_elsewhere(done: int, total: int) -> None:
        if done == 1:
            Store(store.path).add_stopwords(["驿站"])

    assert reanalyze(store, progress=save_elsewhere, jobs=1) == 1
    assert reanalysis.count_outdated(store) == len(NEWS)  # the first is outdated again, the rest still are
    assert reanalyze(store, jobs=1) == len(NEWS) and reanalysis.count_outdated(store) == 0
    assert "驿站" not in store.corpus_term_counts() and corpus_mismatches(store) == 0


KILLED_RUN = """
import sys, time
from analysis import reanalysis
from analysis.store import Store
reanalysis.BATCH = 1
def slow(done, total):
    print(done, flush=True)
    time.sleep(30)  # killed here, after the first batch was committed
reanalysis.reanalyze_store(Store(sys.argv[1]), progress=slow, jobs=1)
"""


def test_a_killed_run_leaves_the_rest_counted_for_the_next_run(tmp_path: Path) -> None:
    """The server restarted mid-run (kill -9): the store is whole and the next run does only what is left."""
    import subprocess
    import sys

    store = ingest_news(tmp_path)
    store.add_user_words([USER_WORD])
    repo = Path(__file__).resolve().parent.parent
    run = subprocess.Popen([sys.executable, "-c", KILLED_RUN, str(store.path)], cwd=repo, stdout=subprocess.PIPE,
                           text=True)
    try:
        assert run.stdout.readline().strip() == "1"
    finally:
        run.kill()
        run.wait(timeout=30)
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert reanalysis.count_outdated(store) == len(NEWS) - 1
    assert reanalyze(store, jobs=1) == len(NEWS) - 1 and reanalysis.count_outdated(store) == 0
    assert corpus_mismatches(store) == 0


def test_an_ingest_stamps_the_word_lists_it_analysed_with_not_those_saved_meanwhile(tmp_path):
    """Another session saving a user word mid-ingest leaves the new articles counted as stale, then fixed."""
    folder = tmp_path / "news"
    folder.mkdir()
    for i, (title, body) in enumerate(NEWS):
        (folder / f"{i}.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")
    store = Store(tmp_path / "mid.sqlite3")
    saved = []

    def save_once(state) -> None:  # runs in the ingesting process before anything is written
        if not saved:
            Store(store.path).add_user_words([USER_WORD])
            saved.append(True)

    assert ingest([folder], store=store, jobs=1, progress=save_once).stored == len(NEWS)
    assert reanalysis.count_outdated(store) == len(NEWS)
    assert reanalyze(store) == len(NEWS) and reanalysis.count_outdated(store) == 0
    tokens = [t.word for t in store.get_analysis(store.list_articles()[0]["id"]).tokens]
    assert USER_WORD in tokens
