"""Concurrency (issue 7): 8 sessions upload, browse and edit word lists at once on one store: no errors, no
`database is locked`, and no session sees another's unsaved state."""
from __future__ import annotations

import random
import sqlite3
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis import corpus_views, word_lists
from analysis.corpus_views import ingest_uploads
from analysis.store import Store
from wenyan_ui import strings as S

REPO = Path(__file__).resolve().parent.parent
N_SESSIONS = 8
ROUNDS = 6
CITIES = ("包头", "赤峰", "鄂尔多斯", "通辽", "乌海", "呼伦贝尔", "巴彦淖尔", "锡林郭勒")


def article(session: int, n: int) -> str:
    city = CITIES[session % len(CITIES)]
    return (f"{city}市第{n + 1}批新就业形态劳动者入会\n\n"
            f"本报讯 {city}市总工会本月组织第{n + 1}批新就业形态劳动者集中入会，共有{100 + session * 10 + n}名"
            f"快递员、网约配送员加入工会。\n一、服务保障\n工会为新会员送上暖心服务包{20 + n}份，开展法律咨询{5 + session}场。\n")


@pytest.fixture
def shared_db(tmp_path) -> Path:
    path = tmp_path / "shared.sqlite3"
    rows = ingest_uploads([("seed.txt", article(99, 0).encode())], store=Store(path))
    assert [r["status"] for r in rows] == ["stored"]
    return path


def _run_sessions(work: Callable[[int], None]) -> list[str]:
    """Start N_SESSIONS threads at the same instant; the tracebacks of those that failed."""
    barrier = threading.Barrier(N_SESSIONS)
    failures: list[str] = []

    def session(index: int) -> None:
        barrier.wait()
        try:
            work(index)
        except Exception:  # collected and reported by the test, whatever it is
            failures.append(traceback.format_exc())

    threads = [threading.Thread(target=session, args=(i,), name=f"session-{i}") for i in range(N_SESSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=240)
    assert not any(t.is_alive() for t in threads), "a session hung"
    return failures


def test_eight_sessions_upload_browse_and_edit_words_at_once(shared_db):
    """The calls the pages make, on one shared Store (as st.cache_resource shares it), from 8 threads."""
    store = Store(shared_db)  # one instance for every session, like glue.get_store
    uploaded: dict[int, list[int]] = {}

    def work(index: int) -> None:
        rng = random.Random(index)
        own_words = [f"会话{index}专用词{n}" for n in range(ROUNDS)]
        for n in range(ROUNDS):
            if index % 3 == 0:  # uploading
                rows = ingest_uploads([(f"s{index}_{n}.txt", article(index, n).encode())], store=store)
                assert [r["status"] for r in rows] == ["stored"], rows
                uploaded.setdefault(index, []).append(rows[0]["article_id"])
            elif index % 3 == 1:  # browsing
                ids = [int(i) for i in corpus_views.articles_frame(store)["id"]]
                found = store.get_analysis(rng.choice(ids))
                assert found.article.text and found.sections
                corpus_views.scope_keywords(store, article_id=rng.choice(ids), top_k=10)
                corpus_views.scope_keywords(store, article_id=None, top_k=20)
                store.get_statistics(None)
            else:  # editing the user dictionary and stopwords
                store.add_user_words(own_words[: n + 1])
                store.remove_user_words(own_words[:n])
                store.add_stopwords([f"会话{index}停用词"])
                assert own_words[n] in store.list_user_words()

    failures = _run_sessions(work)
    assert failures == [], "\n".join(failures)
    assert not any("database is locked" in f for f in failures)
    uploads = sum(len(v) for v in uploaded.values())
    assert uploads == ROUNDS * len([i for i in range(N_SESSIONS) if i % 3 == 0])
    assert store.counts()["articles"] == 1 + uploads
    editors = [i for i in range(N_SESSIONS) if i % 3 == 2]
    assert store.list_user_words() == sorted(f"会话{i}专用词{ROUNDS - 1}" for i in editors)
    with sqlite3.connect(shared_db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_eight_sessions_saving_word_lists_and_reanalysing_at_once(shared_db):
    """Saves and the re-analyses they start race on one file: every article's stamp tells the truth about the
    lists its stored analysis was made with, and the last run leaves nothing outdated."""
    from analysis import reanalysis
    from analysis.pipeline import analyze, reanalyze, store_stopwords
    from analysis.segment import make_segmenter

    store = Store(shared_db)
    ingest_uploads([(f"pre{n}.txt", article(n, n).encode()) for n in range(5)], store=store)

    def work(index: int) -> None:
        for n in range(2):
            word_lists.apply_word_list_edits(store, shown_user_words=store.list_user_words(),
                                              user_words=store.list_user_words() + [f"新就业形态劳动者{index}{n}"],
                                              shown_stopwords=[], stopwords=[f"服务包{index}"] if n else [])
            reanalyze(store, jobs=1)

    failures = _run_sessions(work)
    assert failures == [], "\n".join(failures)
    state = store.word_list_state()
    assert len(state.user_words) == 2 * N_SESSIONS and len(state.added_stopwords) == N_SESSIONS
    segmenter, stopwords = make_segmenter(user_words=state.user_words), store_stopwords(store)
    current = set(store.article_ids()) - set(store.outdated_article_ids(state.signature))
    for article_id in current:  # stamped with the final lists: analysed with them
        stored = store.get_analysis(article_id)
        assert stored.tokens == analyze(stored.article, segmenter=segmenter, stopwords=stopwords).tokens
    reanalyze(store, jobs=1)
    assert reanalysis.count_outdated(store) == 0
    with sqlite3.connect(shared_db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        totals = dict(conn.execute("SELECT term, SUM(count) FROM token_counts GROUP BY term").fetchall())
        assert totals == dict(conn.execute("SELECT term, count FROM corpus_terms").fetchall())


def _app(db: Path, monkeypatch) -> AppTest:
    monkeypatch.setenv("WENYAN_DB", str(db))
    monkeypatch.setenv("WENYAN_DEMO", "0")
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    app.run()
    app.switch_page("pages/corpus.py").run()
    return app


def test_unsaved_edits_stay_in_their_own_session(shared_db, monkeypatch):
    """Two AppTest sessions on one store: typed-but-unsaved words, search text and selections stay private."""
    first, second = _app(shared_db, monkeypatch), _app(shared_db, monkeypatch)
    first.text_area[0].set_value("会话一未保存的词")
    first.text_input(key="nav.search").set_value("会话一的搜索").run()
    second.run()
    assert second.text_area[0].value == ""  # nothing saved yet
    assert second.text_input(key="nav.search").value == ""
    assert "会话一未保存的词" not in repr(second.session_state) and "会话一的搜索" not in repr(second.session_state)
    first.text_area[0].set_value("会话一未保存的词")
    next(b for b in first.button if b.label == S.SAVE_WORDS).click().run()
    assert not first.exception and Store(shared_db).list_user_words() == ["会话一未保存的词"]
    second.switch_page("pages/corpus.py").run()
    assert second.text_area[0].value == "会话一未保存的词"  # saved words are shared, as intended
    assert second.text_input(key="nav.search").value == ""


def test_two_sessions_saving_word_lists_keep_both_words(shared_db, monkeypatch):
    first, second = _app(shared_db, monkeypatch), _app(shared_db, monkeypatch)
    first.text_area[0].set_value("第一位分析员的词")
    next(b for b in first.button if b.label == S.SAVE_WORDS).click().run()
    second.text_area[0].set_value("第二位分析员的词")  # this session still shows the list from before the first save
    next(b for b in second.button if b.label == S.SAVE_WORDS).click().run()
    assert Store(shared_db).list_user_words() == ["第一位分析员的词", "第二位分析员的词"]
    assert second.text_area(key="corpus.user_words").value == "第一位分析员的词\n第二位分析员的词"  # the merged list


def _save(app: AppTest) -> AppTest:
    app.button(key="corpus.save_words").click().run()
    assert not app.exception and not app.error, [e.value for e in app.error]  # the re-analysis ran cleanly too
    return app


def test_removals_and_stopwords_are_saved_as_edits_too(shared_db, monkeypatch):
    """A session removes a word and adds a stopword while another adds both kinds: every change is kept."""
    Store(shared_db).add_user_words(["旧词一", "旧词二"])
    first, second = _app(shared_db, monkeypatch), _app(shared_db, monkeypatch)
    assert first.text_area(key="corpus.user_words").value == "旧词一\n旧词二"
    first.text_area(key="corpus.user_words").set_value("旧词二")  # removes 旧词一
    first.text_area(key="corpus.stopwords").set_value("一停用词")
    first.run()
    second.text_area(key="corpus.user_words").set_value("旧词一\n旧词二\n二新词")
    second.text_area(key="corpus.stopwords").set_value("二停用词")
    _save(second)
    first.run()  # another session saved meanwhile: this session's unsaved edits stay in its boxes
    assert first.text_area(key="corpus.user_words").value == "旧词二"
    assert first.text_area(key="corpus.stopwords").value == "一停用词"
    _save(first)
    store = Store(shared_db)
    assert store.list_user_words() == ["二新词", "旧词二"] and store.list_stopwords() == ["一停用词", "二停用词"]
    assert first.text_area(key="corpus.user_words").value == "二新词\n旧词二"
    second.run()  # untouched since its save: shows the stored lists with the other session's edits
    assert second.text_area(key="corpus.user_words").value == "二新词\n旧词二"
    assert second.text_area(key="corpus.stopwords").value == "一停用词\n二停用词"


def test_saving_an_unchanged_list_changes_nothing(shared_db, monkeypatch):
    Store(shared_db).add_user_words(["已有词"])
    app = _save(_app(shared_db, monkeypatch))
    assert not app.exception and not app.error
    assert [i.value for i in app.info] == [S.WORDS_UNCHANGED] and Store(shared_db).list_user_words() == ["已有词"]


def test_word_list_edits_apply_to_the_list_stored_now(shared_db):
    """The engine half of the fix: only the words a session added or removed are written."""
    store = Store(shared_db)
    store.add_user_words(["甲", "乙"])
    store.add_stopwords(["停一"])
    store.add_user_words(["他人新增"])  # saved by someone else after this session was shown its lists
    changed = word_lists.apply_word_list_edits(
        store, shown_user_words=["甲", "乙"], user_words=[" 乙", "", "丙", "丙"],
        shown_stopwords=["停一"], stopwords=["停一", "停二"])
    assert changed
    assert store.list_user_words() == ["丙", "乙", "他人新增"] and store.list_stopwords() == ["停一", "停二"]
    assert not word_lists.apply_word_list_edits(store, shown_user_words=["乙"], user_words=["乙\n".strip()],
                                                  shown_stopwords=[], stopwords=[" "])
