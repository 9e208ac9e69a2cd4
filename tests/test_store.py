"""Store: round trips on real SQLite files, idempotence, statistics refresh, deletion, concurrency, kill -9."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.models import Analysis, Article, Keyword, Section, Statistic, Token
from analysis.store import Store, resolve_db_path
from analysis.store_rows import content_hash, decode_spans, encode_spans

REPO = Path(__file__).resolve().parent.parent
TEXT = "成都600万产业工人进阶。全市累计免费培训超50万人次。\n关键词“向心力”\n产业工人队伍不断壮大。"


def make_analysis(text: str = TEXT, *, title: str = "成都产业工人", stats_value: float = 6_000_000.0) -> Analysis:
    """A small hand-built analysis whose every part is checked against the text by the tests."""
    article = Article(title=title, text=text, source="demo.txt", format="txt", encoding="utf-8",
                      subtitle="副题", date="2026-04-29")
    tokens = (Token("成都", 0, 2), Token("600", 2, 5), Token("万", 5, 6), Token("产业工人", 6, 10))
    heading = text.index("关键词")
    sections = (Section(None, None, 0, None, 0, heading - 1, text[: heading - 1]),
                Section("关键词“向心力”", None, 1, None, heading, len(text), text[heading:]))
    keywords = (Keyword("产业工人", 2.5, 2), Keyword("培训", 1.25, 1))
    stat = Statistic(text="600万", start=2, end=6, sentence="成都600万产业工人进阶。", section=None,
                     value=stats_value, unit="人", kind="count", qualifier="exact", is_target=False,
                     subject="产业工人", is_workforce=True, spans=((2, 6),))
    return Analysis(article, tokens, sections, keywords, (stat,))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "wenyan.sqlite3")


def test_analysis_round_trip(store: Store) -> None:
    analysis = make_analysis()
    article_id, created = store.save_analysis(analysis, term_counts={"产业工人": 2, "培训": 1})
    assert created
    assert store.get_analysis(article_id) == analysis
    assert store.get_article(article_id) == analysis.article
    assert store.get_sections(article_id) == analysis.sections
    assert store.article_term_counts(article_id) == {"产业工人": 2, "培训": 1}


def test_tokens_that_are_not_slices_survive(store: Store) -> None:
    base = make_analysis()
    odd = Analysis(base.article, base.tokens + (Token("六百万", 2, 6),), base.sections, (), ())
    article_id, _ = store.save_analysis(odd)
    assert store.get_analysis(article_id).tokens == odd.tokens


articles = st.builds(
    Article,
    title=st.text(max_size=30),
    text=st.text(max_size=200),
    source=st.text(min_size=1, max_size=20),
    format=st.sampled_from(["txt", "md", "html", "docx", "pdf", "csv", "xlsx", "jsonl"]),
    encoding=st.none() | st.sampled_from(["utf-8", "gb18030", "utf-16"]),
    subtitle=st.none() | st.text(max_size=20),
    kicker=st.none() | st.text(max_size=20),
    date=st.none() | st.dates().map(lambda d: d.isoformat()),
    presegmented=st.booleans(),
    raw_text=st.none() | st.text(max_size=200),
    token_spans=st.none() | st.lists(st.tuples(st.integers(0, 2**31 - 1), st.integers(0, 2**31 - 1)),
                                     max_size=50).map(tuple),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article=articles)
def test_article_round_trip_property(article: Article) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "p.sqlite3")
        article_id, created = store.save_analysis(Analysis(article, (), (), (), ()))
        assert created
        assert store.get_article(article_id) == article


@given(spans=st.lists(st.tuples(st.integers(0, 2**31 - 1), st.integers(0, 2**31 - 1)), max_size=100))
def test_span_codec_round_trip(spans: list[tuple[int, int]]) -> None:
    assert decode_spans(encode_spans(spans)) == tuple(spans)


def test_span_codec_is_compact_for_touching_tokens() -> None:
    spans = [(i * 2, i * 2 + 2) for i in range(10_000)]
    assert len(encode_spans(spans)) <= 2 * 10_000 + 1  # a byte per gap and per length, not eight per token
    assert encode_spans(spans)[:1] == b"\x00"  # bytes, read without inflating


def test_span_codec_falls_back_to_zlib_for_long_gaps_and_reads_older_stores() -> None:
    import zlib

    import numpy as np

    far = [(0, 2), (2, 4), (900, 1_000_000)]
    assert encode_spans(far)[:1] != b"\x00" and decode_spans(encode_spans(far)) == tuple(far)
    # what stores written before the byte format hold: zlib-compressed int32 deltas
    legacy = zlib.compress(np.diff(np.array([0, 2, 2, 4, 5, 9]), prepend=0).astype("<i4").tobytes(), 1)
    assert decode_spans(legacy) == ((0, 2), (2, 4), (5, 9))


def test_reingest_is_a_noop(store: Store) -> None:
    analysis = make_analysis()
    first = store.save_analysis(analysis, term_counts={"产业工人": 2}, extractor_version="v1")
    before = (store.counts(), store.corpus_term_counts(), store.doc_freqs())
    second = store.save_analysis(analysis, term_counts={"产业工人": 2}, extractor_version="v1")
    assert first == (first[0], True) and second == (first[0], False)
    assert (store.counts(), store.corpus_term_counts(), store.doc_freqs()) == before
    assert before[0]["articles"] == 1 and before[1] == {"产业工人": 2}


def test_same_text_with_another_title_is_a_new_article(store: Store) -> None:
    one = store.save_analysis(make_analysis(title="甲"))
    two = store.save_analysis(make_analysis(title="乙"))
    assert one[0] != two[0] and two[1]


def test_extractor_version_change_replaces_statistics(store: Store) -> None:
    article_id, _ = store.save_analysis(make_analysis(stats_value=1.0), extractor_version="v1")
    store.save_analysis(make_analysis(stats_value=2.0), extractor_version="v1")
    assert store.get_analysis(article_id).statistics[0].value == 1.0  # same version: untouched
    assert store.stale_article_ids("v2") == [article_id]
    store.save_analysis(make_analysis(stats_value=2.0), extractor_version="v2")
    assert store.get_analysis(article_id).statistics[0].value == 2.0
    assert store.stale_article_ids("v2") == []
    assert store.list_articles()[0]["extractor_version"] == "v2"
    assert store.known_hashes(extractor_version="v2") == {content_hash(make_analysis().article)}


def test_delete_keeps_other_articles_and_corpus_totals(store: Store) -> None:
    one, _ = store.save_analysis(make_analysis(title="甲"), term_counts={"产业工人": 2, "培训": 1})
    two, _ = store.save_analysis(make_analysis(title="乙"), term_counts={"产业工人": 3})
    assert store.corpus_term_counts() == {"产业工人": 5, "培训": 1}
    assert store.doc_freqs() == {"产业工人": 2, "培训": 1}
    assert store.delete_article(one) is True
    assert store.delete_article(one) is False
    assert store.corpus_term_counts() == {"产业工人": 3}
    assert store.doc_freqs() == {"产业工人": 1}
    assert [a["id"] for a in store.list_articles()] == [two]
    assert store.get_analysis(two) == make_analysis(title="乙")
    with pytest.raises(KeyError):
        store.get_article(one)


def test_subset_term_counts_match_the_articles(store: Store) -> None:
    counts = [Counter({"就业": 3, "培训": 1}), Counter({"就业": 1, "工匠": 4}), Counter({"工匠": 1})]
    ids = [store.save_analysis(make_analysis(title=str(i)), term_counts=c)[0] for i, c in enumerate(counts)]
    assert store.corpus_term_counts(ids[:2]) == dict(counts[0] + counts[1])
    assert store.doc_freqs(ids[1:]) == {"就业": 1, "工匠": 2}
    assert store.corpus_term_counts() == dict(counts[0] + counts[1] + counts[2])
    assert store.articles_with_term("工匠") == [ids[1], ids[2]]


def test_listing_counts_and_statistics_table(store: Store) -> None:
    article_id, _ = store.save_analysis(make_analysis())
    [row] = store.list_articles()
    assert row["id"] == article_id and row["n_chars"] == len(TEXT)
    assert (row["n_sections"], row["n_statistics"], row["n_workforce"]) == (2, 1, 1)
    assert store.list_articles(search="产业") and not store.list_articles(search="不存在")
    assert store.counts()["articles"] == 1 and store.counts()["chars"] == len(TEXT)
    table = store.get_statistics()
    assert list(table["value"]) == [6_000_000.0] and table["is_workforce"].tolist() == [True]
    assert table["article_title"].tolist() == ["成都产业工人"] and table["spans"].tolist() == [((2, 6),)]
    assert store.get_statistics([article_id + 1]).empty


def test_keyword_cache(store: Store) -> None:
    article_id, _ = store.save_analysis(make_analysis())
    assert store.get_keywords(article_id, method="textrank", section_idx=1) == ()
    ranked = (Keyword("向心力", 1.0, 1), Keyword("产业工人", 0.5, 1))
    store.save_keywords(article_id, ranked, method="textrank", section_idx=1)
    store.save_keywords(article_id, ranked, method="textrank", section_idx=1)  # replaces, no duplicates
    assert store.get_keywords(article_id, method="textrank", section_idx=1) == ranked
    assert store.get_keywords(article_id) == make_analysis().keywords


def test_user_words_and_stopwords(store: Store) -> None:
    store.add_user_words(["产业工人", " 新就业形态 ", "", "产业工人"])
    assert store.list_user_words() == ["产业工人", "新就业形态"]
    store.remove_user_words(["产业工人"])
    assert store.list_user_words() == ["新就业形态"]
    store.add_stopwords(["进一步"])
    store.remove_stopwords(["发展"])
    assert store.stopword_changes() == ({"进一步"}, {"发展"})
    store.add_stopwords(["发展"])
    store.reset_stopwords(["进一步"])
    assert store.stopword_changes() == ({"发展"}, frozenset())
    assert store.list_stopwords() == ["发展"]


def test_resolve_db_path_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WENYAN_DB", str(tmp_path / "env" / "e.sqlite3"))
    assert resolve_db_path(tmp_path / "cli" / "c.sqlite3") == tmp_path / "cli" / "c.sqlite3"
    assert (tmp_path / "cli").is_dir()
    assert resolve_db_path() == tmp_path / "env" / "e.sqlite3"
    monkeypatch.delenv("WENYAN_DB")
    monkeypatch.chdir(tmp_path)
    assert resolve_db_path() == Path("data") / "wenyan.sqlite3"
    assert (tmp_path / "data").is_dir()


def test_reads_while_another_thread_writes(store: Store) -> None:
    errors: list[BaseException] = []
    done = threading.Event()

    def write() -> None:
        try:
            for i in range(120):
                store.save_analysis(make_analysis(title=f"文章{i}"), term_counts={"就业": 1})
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            done.set()

    def read() -> None:
        last = 0
        try:
            while not done.is_set():
                n = store.counts()["articles"]
                assert n >= last  # a reader never sees a shrinking corpus
                last = n
                listed = store.list_articles()
                if listed:
                    store.get_analysis(listed[-1]["id"])
                    assert store.corpus_term_counts().get("就业", 0) >= len(listed)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write)] + [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    assert store.counts()["articles"] == 120 and store.doc_freqs() == {"就业": 120}


WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[2])
    from tests.test_store import make_analysis
    from analysis.store import Store
    store = Store(sys.argv[1])
    for i in range(100000):
        store.save_analysis(make_analysis(title=f"文章{i}"), term_counts={"就业": 1, f"词{i}": 2})
        if i == 5:
            print("ready", flush=True)
""")


def test_kill_9_leaves_every_article_whole_or_absent(tmp_path: Path) -> None:
    db = tmp_path / "crash.sqlite3"
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(REPO)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"
    time.sleep(0.5)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        partial = conn.execute(
            "SELECT COUNT(*) FROM articles a WHERE n_sections != (SELECT COUNT(*) FROM sections WHERE article_id = a.id)"
            " OR n_statistics != (SELECT COUNT(*) FROM statistics WHERE article_id = a.id)"
            " OR 2 != (SELECT COUNT(*) FROM keywords WHERE article_id = a.id)"
            " OR 2 != (SELECT COUNT(*) FROM token_counts WHERE article_id = a.id)").fetchone()[0]
        df = conn.execute("SELECT df FROM corpus_terms WHERE term = '就业'").fetchone()[0]
    assert n > 5 and partial == 0 and df == n
    store = Store(db)  # reopening after the crash works and writing continues without duplicates
    assert store.save_analysis(make_analysis(title="文章0"))[1] is False
    assert store.counts()["articles"] == n
