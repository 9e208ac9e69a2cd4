"""Word lists in the store: edits in one transaction, the signature stamped on articles, and the schema-1 migration."""
from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from analysis import reanalysis
from analysis.models import Article
from analysis.pipeline import analyze_record, reanalyze
from analysis.segment import make_segmenter
from analysis.store import Store
from analysis.store_schema import SCHEMA_VERSION, schema_statements
from analysis.store_words import WordListState

V1_STORE = Path(__file__).parent / "data" / "store" / "schema_v1.sqlite3"
V1_TITLES = ["江城推进新就业形态劳动者权益保障", "湖州产业工人队伍建设改革观察", "北岭县稳岗返还政策落地见效"]


def record(title: str, text: str, *, user_words=()):
    return analyze_record(Article(title=title, text=text, source=f"{title}.txt", format="txt"),
                          segmenter=make_segmenter(user_words=user_words), stopwords=frozenset())


def stamps(path: Path) -> list:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT word_lists FROM articles ORDER BY id")]


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "old.sqlite3"
    shutil.copyfile(V1_STORE, target)
    return target


def test_signature_depends_on_the_words_only() -> None:
    one = WordListState(("乙", "甲"), frozenset({"停"}), frozenset())
    assert one.signature == WordListState(("甲", "乙"), frozenset({"停"}), frozenset()).signature
    assert len({one.signature, WordListState(("甲",), frozenset({"停"}), frozenset()).signature,
                WordListState(("乙", "甲"), frozenset(), frozenset({"停"})).signature,  # removed is not added
                WordListState((), frozenset(), frozenset()).signature}) == 4


def test_edits_change_the_signature_and_undoing_them_restores_it(tmp_path: Path) -> None:
    store = Store(tmp_path / "w.sqlite3")
    empty = store.word_list_state().signature
    store.edit_word_lists(add_user_words=[" 新就业形态 ", ""], add_stopwords=["记者"])
    state = store.word_list_state()
    assert state.user_words == ("新就业形态",) and state.added_stopwords == {"记者"}
    assert state.signature != empty
    store.remove_stopwords(["工作"])
    assert store.stopword_changes() == (frozenset({"记者"}), frozenset({"工作"}))
    store.edit_word_lists(remove_user_words=["新就业形态"], reset_stopwords=["记者", "工作"])
    assert store.word_list_state().signature == empty


def test_new_articles_are_stamped_with_the_lists_they_were_analysed_with(tmp_path: Path) -> None:
    store = Store(tmp_path / "w.sqlite3")
    store.add_user_words(["技能人才"])
    current = store.word_list_state().signature
    store.save_records([record("甲市培训技能人才", "甲市今年培训技能人才3000人。", user_words=["技能人才"])])
    store.save_records([record("乙市发放补贴", "乙市发放稳岗补贴1200万元。")], word_lists="older-lists")
    assert stamps(store.path) == [current, "older-lists"]
    assert store.outdated_article_ids(current) == [2] and store.count_outdated_articles() == 1
    store.replace_analyses([(2, record("乙市发放补贴", "乙市发放稳岗补贴1200万元。", user_words=["技能人才"]),
                             False)], word_lists=current)
    assert store.count_outdated_articles() == 0
    store.add_stopwords(["今年"])
    assert store.count_outdated_articles() == 2


def test_a_schema_1_store_opens_without_loss_and_its_articles_count_as_outdated(v1_copy: Path) -> None:
    with sqlite3.connect(v1_copy) as conn:
        assert conn.execute("SELECT value FROM meta").fetchone() == ("1",)
        before = {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                  for table in ("articles", "sections", "statistics", "token_counts", "corpus_terms", "keywords")}
    store = Store(v1_copy)
    assert store.counts() == {"articles": 3, "chars": 191, "sections": 4, "statistics": 8,
                              "workforce_statistics": 5, "terms": 40, "user_words": 2, "stopwords": 2}
    with sqlite3.connect(v1_copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT value FROM meta").fetchone() == (SCHEMA_VERSION,)
        for table, rows in before.items():  # every old row unchanged; articles gained one NULL column
            now = conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            assert now == ([r + (None,) for r in rows] if table == "articles" else rows)
    assert [r["title"] for r in store.list_articles()] == V1_TITLES
    assert store.list_user_words() == ["产业工人队伍建设改革", "新就业形态"]
    # unknown which lists they were analysed with (a re-analysis may have stopped): all wait for one
    assert reanalysis.count_outdated(store) == 3
    analyses = [store.get_analysis(i) for i in (1, 2, 3)]
    assert reanalyze(store) == 3 and reanalysis.count_outdated(store) == 0
    # the fixture was analysed with these very lists, so re-analysing it gives back its tokens, sections and
    # statistics (keyword lists may differ: term filtering has improved since the fixture was written)
    def parts(a):
        return a.article, a.tokens, a.sections, a.statistics

    assert [parts(store.get_analysis(i)) for i in (1, 2, 3)] == [parts(a) for a in analyses]
    assert "产业工人队伍建设改革" in {t.word for t in analyses[1].tokens}
    assert Store(v1_copy).count_outdated_articles() == 0  # opening again changes nothing


def test_a_schema_1_store_without_word_lists_is_current(v1_copy: Path) -> None:
    """Never-edited lists: the packaged ones were the only lists its articles can have been analysed with."""
    with sqlite3.connect(v1_copy) as conn:
        conn.execute("DELETE FROM user_words")
        conn.execute("DELETE FROM stopwords")
        # the file was written by an older extractor; only the word lists are in question here
        conn.execute("UPDATE articles SET extractor_version = ?", (reanalysis.EXTRACTOR_VERSION,))
    store = Store(v1_copy)
    assert stamps(v1_copy) == [store.word_list_state().signature] * 3
    assert reanalysis.count_outdated(store) == 0


def test_two_processes_opening_an_old_store_at_once_migrate_it_once(v1_copy: Path) -> None:
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def open_store() -> None:
        barrier.wait()
        try:
            Store(v1_copy).counts()
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    with sqlite3.connect(v1_copy) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(articles)")]
    assert columns.count("word_lists") == 1 and columns[-1] == "word_lists"


def test_a_store_of_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    Store(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(ValueError, match="newer"):
        Store(path)


def test_schema_statements_split_the_script_whole() -> None:
    """Semicolons inside comments do not cut a statement; each piece runs alone."""
    script = "CREATE TABLE a (x TEXT); -- a comment; with a semicolon\nCREATE TABLE b (\n y TEXT -- ;\n);\n"
    statements = schema_statements(script)
    assert len(statements) == 2 and statements[1].startswith("CREATE TABLE b")
    conn = sqlite3.connect(":memory:")
    for statement in statements:
        conn.execute(statement)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master ORDER BY name")] == ["a", "b"]


def _table_totals(path: Path) -> tuple:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM sections), "
                            "(SELECT COUNT(*) FROM statistics), "
                            "(SELECT COUNT(*) FROM statistics WHERE is_workforce)").fetchone()


def test_counts_kept_beside_the_rows_equal_the_rows_through_saves_replacements_and_deletes(tmp_path: Path) -> None:
    """Store.counts sums articles.n_* over an index; they must always equal the rows themselves."""
    store = Store(tmp_path / "t.sqlite3")
    store.save_records([record("甲市培训技能人才", "一、总体情况\n甲市今年培训技能人才3000人，发放补贴1200万元。"),
                        record("乙市发放补贴", "乙市发放稳岗补贴1200万元，惠及职工8万人。")])
    store.replace_analyses([(2, record("乙市发放补贴", "乙市发放稳岗补贴1200万元，惠及职工8万人。",
                                       user_words=["稳岗补贴"]), True)])
    store.delete_article(1)
    counts = store.counts()
    assert (counts["articles"], counts["sections"], counts["statistics"], counts["workforce_statistics"]) == (
        _table_totals(store.path)) and counts["statistics"] >= 2


def test_a_schema_2_store_gains_the_totals_index_and_keeps_its_rows(tmp_path: Path) -> None:
    store = Store(tmp_path / "v2.sqlite3")
    store.save_records([record("甲市培训技能人才", "甲市今年培训技能人才3000人。")])
    with sqlite3.connect(store.path) as conn:  # what a schema-2 file looked like
        conn.execute("DROP INDEX articles_totals")
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
        before = conn.execute("SELECT * FROM articles").fetchall()
    reopened = Store(store.path)
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (SCHEMA_VERSION,)
        assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles_totals'").fetchone() == (1,)
        assert conn.execute("SELECT * FROM articles").fetchall() == before
    assert reopened.counts()["articles"] == 1
