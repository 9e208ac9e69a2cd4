"""Crash safety (issue 7): kill -9 during an ingest of 1,000 articles loses nothing that was stored and breaks nothing.

"Complete" is defined from the store's schema: an article row owns its sections (n_sections rows), statistics
(n_statistics rows), its article-level keywords (tfidf, section_idx NULL; at least one), and its token_counts
(one row per counted term, at least one), and corpus_terms equals the sum of all token_counts.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
N_ARTICLES = 1000
CITIES = ("西宁", "兰州", "银川", "呼和浩特", "南宁", "昆明", "贵阳", "拉萨", "乌鲁木齐", "海口")
TRADES = ("电工", "焊工", "数控车工", "养老护理员", "网约配送员", "快递员", "茶艺师", "电子商务师")


def article_text(i: int) -> str:
    """A short, unique union-news article with a lead, two numbered sections and several numbers."""
    city, trade = CITIES[i % len(CITIES)], TRADES[i % len(TRADES)]
    return (f"{city}市第{i + 1}期{trade}技能培训班结业\n\n"
            f"本报讯 {city}市总工会日前举办第{i + 1}期{trade}技能培训班，{30 + i % 50}名职工参加培训并全部结业。\n"
            f"一、培训情况\n培训为期{5 + i % 10}天，理论课程占比{40 + i % 20}%，实操考核合格率达到{90 + i % 10}%。\n"
            f"二、下一步安排\n市总工会将投入资金{10 + i % 90}万元，计划全年培训{trade}{1000 + i}人次，"
            f"推动{trade}队伍建设。\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("crash") / "articles"
    folder.mkdir()
    for i in range(N_ARTICLES):
        (folder / f"{i:04d}.txt").write_text(article_text(i), encoding="utf-8")
    return folder


def _ingest(folder: Path, db: Path, log_dir: Path) -> subprocess.Popen:
    env = {**os.environ, "WENYAN_LOG_DIR": str(log_dir)}
    # A session of its own: kill -9 reaches the whole job (parent and pool workers), as a shell's kill of the job.
    return subprocess.Popen([sys.executable, "-m", "analysis", "ingest", str(folder), "--db", str(db)], cwd=REPO,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the file or its tables do not exist yet
        return 0


def _kill_when_stored(process: subprocess.Popen, db: Path, *, at_least: int, timeout: float = 120) -> int:
    deadline = time.monotonic() + timeout
    while _count(db) < at_least:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "ingest too slow to reach the kill point"
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    return process.returncode


INCOMPLETE_SQL = """
SELECT a.id, a.title FROM articles a
WHERE a.n_sections != (SELECT COUNT(*) FROM sections s WHERE s.article_id = a.id)
   OR a.n_statistics != (SELECT COUNT(*) FROM statistics s WHERE s.article_id = a.id)
   OR NOT EXISTS (SELECT 1 FROM keywords k WHERE k.article_id = a.id AND k.method = 'tfidf' AND k.section_idx IS NULL)
   OR NOT EXISTS (SELECT 1 FROM token_counts t WHERE t.article_id = a.id)
   OR a.tokens IS NULL OR a.n_sections < 3 OR a.n_statistics < 1
"""
ORPHANS_SQL = """
SELECT (SELECT COUNT(*) FROM sections WHERE article_id NOT IN (SELECT id FROM articles))
     + (SELECT COUNT(*) FROM statistics WHERE article_id NOT IN (SELECT id FROM articles))
     + (SELECT COUNT(*) FROM keywords WHERE article_id NOT IN (SELECT id FROM articles))
     + (SELECT COUNT(*) FROM token_counts WHERE article_id NOT IN (SELECT id FROM articles))
"""
CORPUS_MISMATCH_SQL = """
WITH totals AS (SELECT term, SUM(count) AS count, COUNT(*) AS df FROM token_counts GROUP BY term)
SELECT COUNT(*) FROM totals t LEFT JOIN corpus_terms c ON c.term = t.term
WHERE c.term IS NULL OR c.count != t.count OR c.df != t.df
"""


def assert_store_consistent(db: Path) -> int:
    """Integrity ok, every article complete, no orphans, corpus totals in step; returns the article count."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute(INCOMPLETE_SQL).fetchall() == []
        assert conn.execute(ORPHANS_SQL).fetchone()[0] == 0
        assert conn.execute(CORPUS_MISMATCH_SQL).fetchone()[0] == 0
        return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]


@pytest.mark.slow
def test_kill_9_mid_ingest_then_rerun(corpus, tmp_path):
    """Killed twice (at a quarter and at about 60 %), then run to the end: whole articles only, no duplicates."""
    db = tmp_path / "crash.sqlite3"
    survived = 0
    for share in (0.25, 0.6):
        process = _ingest(corpus, db, tmp_path / "logs")
        assert _kill_when_stored(process, db, at_least=max(survived + 1, int(N_ARTICLES * share))) == -signal.SIGKILL
        now = assert_store_consistent(db)
        assert survived < now < N_ARTICLES, "the kill did not land mid-way"
        survived = now

    rerun = _ingest(corpus, db, tmp_path / "logs")
    stdout, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, stderr
    assert stdout.startswith(f"stored {N_ARTICLES - survived}, duplicates {survived},"), stdout
    assert assert_store_consistent(db) == N_ARTICLES
    with sqlite3.connect(db) as conn:
        titles = [r[0] for r in conn.execute("SELECT title FROM articles")]
    assert len(set(titles)) == N_ARTICLES
    assert set(titles) == {article_text(i).split("\n", 1)[0] for i in range(N_ARTICLES)}
