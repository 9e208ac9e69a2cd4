"""Composition and ingest: real loaders, real jieba, real SQLite files, real worker processes."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from analysis import ingest_pool
from analysis.loaders import load_path
from analysis.pipeline import (analyze, article_keywords, article_terms, ingest, refresh_statistics, section_keywords,
                               store_stopwords)
from analysis.sections import detect_sections
from analysis.segment import load_stopwords, make_segmenter
from analysis.statistics import EXTRACTOR_VERSION, extract_statistics
from analysis.store import Store

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "demo" / "000_9d4a661cd42be132.txt"
SEED_SECTIONS = [None, "关键词“向心力”", "关键词“全链条”", "关键词“加速度”", "关键词“服务圈”"]
# Short texts of our own, in the register of local news (one per file; the folder tests mix in bad files).
NEWS = [
    ("市人社局召开新就业形态劳动者权益保障推进会", "会议指出，今年以来全市新增城镇就业12.6万人，城镇调查失业率控制在5%以内。\n\n"
     "下一步，将扩大新就业形态劳动者职业伤害保障试点，推动平台企业落实用工责任。"),
    ("县总工会为一线职工送清凉", "入伏以来，县总工会组织20支慰问小分队，走访建筑工地、环卫站点和快递网点80余个，"
     "为3200名一线职工送去防暑降温物资。\n\n工会负责人表示，将持续做好高温天气劳动保护工作。"),
    ("开发区举办职业技能竞赛", "本次竞赛设焊工、电工、数控车工等8个项目，吸引来自46家企业的500多名选手参赛。\n\n"
     "获得各项目前三名的选手将按规定晋升相应职业技能等级。"),
    ("职业院校毕业生就业签约率创新高", "截至6月底，全市职业院校应届毕业生就业签约率达到93.5%，比去年同期提高2.1个百分点。\n\n"
     "学校与企业共建实训基地，推动人才培养与产业需求精准对接。"),
]

N_CRASH_FILES = 1000  # enough that the kill lands mid-ingest even when writes are batched


@pytest.fixture(scope="module")
def segmenter():
    return make_segmenter()


def write_news(folder: Path, *, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, (title, body) in enumerate(NEWS[start:], start=start):
        path = folder / f"news_{i}.txt"
        path.write_text(f"{title}\n\n{body}", encoding="utf-8")
        paths.append(path)
    return paths


def store_snapshot(store: Store) -> list:
    return [(row, store.get_analysis(row["id"]), store.article_term_counts(row["id"])) for row in store.list_articles()]


def test_analyze_composes_the_engine_on_the_seed(segmenter) -> None:
    [article] = load_path(SEED)
    analysis = analyze(article, segmenter=segmenter, top_k=15)
    assert analysis.article is article
    assert [s.title for s in analysis.sections] == SEED_SECTIONS
    assert analysis.statistics == extract_statistics(article.text, sections=detect_sections(article.text))
    assert all(article.text[t.start:t.end] == t.word for t in analysis.tokens)
    # a pre-segmented article keeps the author's tokens
    assert {(t.start, t.end) for t in analysis.tokens} >= set(article.token_spans)
    assert 0 < len(analysis.keywords) <= 15
    weights = [k.weight for k in analysis.keywords]
    assert weights == sorted(weights, reverse=True)
    assert "产业工人" in [k.word for k in analysis.keywords][:5]  # the seed's subject, mentioned ~40 times


def test_section_keywords_and_keyness(segmenter) -> None:
    [article] = load_path(SEED)
    analysis = analyze(article, segmenter=segmenter)
    stopwords = load_stopwords()
    freq = section_keywords(analysis, method="freq", top_k=5, stopwords=stopwords)
    assert len(freq) == len(analysis.sections) and all(0 < len(ks) <= 5 for ks in freq)
    keyness = section_keywords(analysis, method="keyness", top_k=5, stopwords=stopwords)
    assert all(k.effect_size is not None and k.effect_size > 0 for ks in keyness for k in ks)
    with pytest.raises(ValueError):
        article_keywords(analysis, method="keyness", stopwords=stopwords)
    with pytest.raises(ValueError):
        section_keywords(analysis, method="lda")


def test_ingest_folder_with_good_and_bad_files(tmp_path: Path) -> None:
    store = Store(tmp_path / "w.sqlite3")
    first = ingest(write_news(tmp_path / "old", start=3), store=store, jobs=1)
    assert first.stored == 1
    before = store_snapshot(store)
    folder = tmp_path / "inbox"
    write_news(folder / "sub")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "random.txt").write_bytes(os.urandom(4096))
    (folder / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # unsupported type in a folder: ignored
    (folder / ".hidden.txt").write_text("隐藏文件", encoding="utf-8")
    with zipfile.ZipFile(folder / "tools.zip", "w") as tools:  # nothing readable inside: reported, not silent
        tools.writestr("setup.exe", b"MZ")
    seen = []
    report = ingest([folder, tmp_path / "missing"], store=store, jobs=1, progress=seen.append)
    assert (report.stored, report.duplicates, len(report.errors), report.ignored) == (3, 1, 5, 2)
    assert {Path(e.source).name for e in report.errors} == {"empty.txt", "random.txt", "broken.xlsx", "missing",
                                                            "tools.zip"}
    assert all(e.message and e.error_type for e in report.errors)
    assert {e.error_type for e in report.errors} <= {"EmptyText", "DecodeFailed", "CorruptFile", "InputNotFound",
                                                     "UnsupportedFormat"}
    assert {i.source for i in report.items if i.status == "stored"} == {f"inbox/sub/news_{i}.txt" for i in range(3)}
    [duplicate] = [i for i in report.items if i.status == "duplicate"]
    assert duplicate.article_id == first.items[0].article_id and duplicate.source == "inbox/sub/news_3.txt"
    assert seen[-1].files_done == seen[-1].files_total == 8 and seen[-1].articles == 4
    after = {row["id"]: (row, a, c) for row, a, c in store_snapshot(store)}
    for row, analysis, counts in before:  # nothing already stored changed
        assert after[row["id"]][1:] == (analysis, counts)
    assert store.counts()["articles"] == 4


def test_ingest_stores_what_analyze_computes(tmp_path: Path, segmenter) -> None:
    store = Store(tmp_path / "w.sqlite3")
    path = write_news(tmp_path / "one", start=2)[0]
    report = ingest([path], store=store, jobs=1)
    [item] = report.items
    stored = store.get_analysis(item.article_id)
    [article] = load_path(path)
    fresh = analyze(article, segmenter=segmenter)
    assert stored.tokens == fresh.tokens and stored.sections == fresh.sections
    assert stored.statistics == fresh.statistics and stored.keywords == fresh.keywords
    stopwords = store_stopwords(store)
    title_words = segmenter.cut(article.title)  # phrases are mined over the text and its title
    assert store.article_term_counts(item.article_id) == Counter(article_terms(fresh.tokens, stopwords=stopwords,
                                                                               title_words=title_words))
    assert store.list_articles()[0]["extractor_version"] == EXTRACTOR_VERSION


def test_pool_ingest_equals_in_process_ingest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_pool, "IN_PROCESS_BYTES", 0)  # force worker processes on a small input
    folder = tmp_path / "corpus"
    write_news(folder)
    lines = [json.dumps({"title": f"第{i}篇：{t}", "text": b}, ensure_ascii=False) for i, (t, b) in enumerate(NEWS * 4)]
    (folder / "many.jsonl").write_text("\n".join(lines), encoding="utf-8")  # 16 articles: fanned out in chunks
    with zipfile.ZipFile(folder / "bundle.zip", "w") as bundle:  # 6 one-article members and a bad one
        for i, (title, body) in enumerate(NEWS + NEWS[:2]):
            bundle.writestr(f"inner/z{i}.txt", f"{title}（压缩包{i}）\n\n{body}")
        bundle.writestr("inner/bad.txt", b"")
    serial, parallel = Store(tmp_path / "serial.sqlite3"), Store(tmp_path / "parallel.sqlite3")
    one = ingest([folder], store=serial, jobs=1)
    seen = []
    two = ingest([folder], store=parallel, jobs=2, progress=seen.append)
    assert one.stored == two.stored == 26
    # a file counts as done only when all of its fanned-out articles are
    assert [p.files_done for p in seen] == sorted(p.files_done for p in seen)
    assert (seen[-1].files_done, seen[-1].files_total, seen[-1].articles) == (6, 6, 26)
    assert seen[-1].bytes_done == seen[-1].bytes_total and seen[-1].eta_seconds == 0
    assert [e.source for e in one.errors] == [e.source for e in two.errors] == ["corpus/bundle.zip/inner/bad.txt"]
    assert {i.source for i in two.items if i.status == "stored"} >= {f"corpus/bundle.zip/inner/z{i}.txt" for i in range(6)}
    by_title = lambda s: {r["title"]: (s.get_analysis(r["id"]), s.article_term_counts(r["id"])) for r in s.list_articles()}
    assert by_title(serial) == by_title(parallel)
    assert serial.corpus_term_counts() == parallel.corpus_term_counts()


def test_user_words_from_the_store_reach_the_segmenter(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write_news(folder, start=0)
    plain, custom = Store(tmp_path / "plain.sqlite3"), Store(tmp_path / "custom.sqlite3")
    custom.add_user_words(["新就业形态劳动者"])
    ingest([folder], store=plain, jobs=1)
    ingest([folder], store=custom, jobs=1)
    tokens = lambda s: {t.word for r in s.list_articles() for t in s.get_analysis(r["id"]).tokens}
    assert "新就业形态劳动者" not in tokens(plain) and "新就业形态劳动者" in tokens(custom)
    assert custom.corpus_term_counts()["新就业形态劳动者"] == 1  # once in the body (titles are not counted)


def test_reingest_after_an_extractor_upgrade_refreshes_statistics(tmp_path: Path) -> None:
    store = Store(tmp_path / "w.sqlite3")
    paths = write_news(tmp_path / "news")
    ingest(paths, store=store, jobs=1)
    with sqlite3.connect(store.path) as conn:  # as if an older extractor had written these rows
        conn.execute("UPDATE articles SET extractor_version = 'old'")
        conn.execute("DELETE FROM statistics")
    report = ingest(paths, store=store, jobs=1)
    assert report.updated == len(NEWS) and report.stored == 0
    assert store.stale_article_ids(EXTRACTOR_VERSION) == []
    assert all(r["n_statistics"] > 0 for r in store.list_articles())


def test_refresh_statistics_upgrades_only_stale_articles(tmp_path: Path) -> None:
    store = Store(tmp_path / "w.sqlite3")
    ingest(write_news(tmp_path / "news"), store=store, jobs=1)
    expected = {r["id"]: store.get_analysis(r["id"]).statistics for r in store.list_articles()}
    stale_id = min(expected)
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE articles SET extractor_version = 'old' WHERE id = ?", (stale_id,))
        conn.execute("DELETE FROM statistics WHERE article_id = ?", (stale_id,))
    calls = []
    assert refresh_statistics(store, progress=lambda done, total: calls.append((done, total))) == 1
    assert calls == [(1, 1)] and refresh_statistics(store) == 0
    assert {r["id"]: store.get_analysis(r["id"]).statistics for r in store.list_articles()} == expected


@pytest.mark.slow
def test_kill_9_during_ingest_then_rerun(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    import pandas  # noqa: F401  (imported now so the reads below are quick while the ingest runs)

    for i in range(N_CRASH_FILES):
        title, body = NEWS[i % len(NEWS)]
        (folder / f"{i:03d}.txt").write_text(f"{title}（{i}）\n\n{body}", encoding="utf-8")
    db = tmp_path / "crash.sqlite3"
    env = dict(os.environ, PYTHONPATH=str(REPO), WENYAN_LOG_DIR=str(tmp_path / "logs"))
    command = [sys.executable, "-m", "analysis", "ingest", str(folder), "--db", str(db), "--jobs", "1"]
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and child.poll() is None:  # the store answers while the ingest writes
        if db.exists() and Store(db).counts()["articles"] >= 5:
            reader = Store(db)
            listed = reader.list_articles()
            assert reader.get_analysis(listed[-1]["id"]).article.title == listed[-1]["title"]
            assert len(reader.get_statistics([r["id"] for r in listed])) == sum(r["n_statistics"] for r in listed)
            break
        time.sleep(0.05)
    os.killpg(child.pid, signal.SIGKILL)
    child.wait()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = conn.execute(
            "SELECT COUNT(*) FROM articles a WHERE n_sections != (SELECT COUNT(*) FROM sections WHERE article_id = a.id)"
            " OR n_statistics != (SELECT COUNT(*) FROM statistics WHERE article_id = a.id)"
            " OR NOT EXISTS (SELECT 1 FROM token_counts WHERE article_id = a.id)").fetchone()[0]
    assert partial == 0
    stored_before = Store(db).counts()["articles"]
    assert 0 < stored_before < N_CRASH_FILES
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert Store(db).counts()["articles"] == N_CRASH_FILES
    assert f"stored {N_CRASH_FILES - stored_before}, duplicates {stored_before}," in rerun.stdout
