"""Bad-input matrix (issue 7): every case through the CLI (`ingest`, `load`) and the Corpus page's upload function.

Each case gives a correct result or one clear message, within seconds, and leaves the stored articles unchanged.
The cases and their expected outcomes live in reliability_cases.py (docs/reliability.md lists them).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from app_support import run_page
from reliability_cases import CASES, PNG_HEADER, Case, write_case

from analysis.corpus_views import ingest_uploads
from analysis.ingest_report import NEXT_STEP_RE
from analysis.pipeline import ingest
from analysis.store import Store
from wenyan_ui import strings as S

REPO = Path(__file__).resolve().parent.parent
CLI_WORKERS = 2  # subprocesses at once: most of a CLI run is interpreter start-up, which overlaps well
CHINESE_RE = re.compile(r"[\u4e00-\u9fff]")
# An English message must tell the user what to do next.
INSTRUCTION_RE = re.compile(r"\b(save|use|split|check|fix|re-create|re-save|re-export|re-download|choose|name|rename|"
                            r"try|retry|open|unpack|convert|write|add|remove|give|please)\b")
GOOD_TITLE = "海东市举办春风行动专场招聘会"
GOOD_ARTICLE = (f"{GOOD_TITLE}\n\n本报讯 海东市人社局近日举办春风行动专场招聘会，"
                "共有230家企业提供就业岗位5600余个，现场达成就业意向1800余人。\n")


def _params(cases: tuple[Case, ...]) -> list:
    marks = {c.id: [pytest.mark.xfail(strict=True, reason=c.xfail)] if c.xfail else [] for c in cases}
    return [pytest.param(c, id=c.id, marks=marks[c.id]) for c in cases]


def _snapshot(db: Path) -> list[dict]:
    return Store(db).list_articles()


def _checkpointed_copy(source: Path, target: Path) -> Path:
    with sqlite3.connect(source) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(source, target)
    return target


@pytest.fixture(scope="module")
def good_db(tmp_path_factory) -> Path:
    """A store already holding one good article; every case runs on its own copy."""
    folder = tmp_path_factory.mktemp("good")
    (folder / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    store = Store(folder / "good.sqlite3")
    assert ingest([folder / "good.txt"], store=store, jobs=1).stored == 1
    return _checkpointed_copy(store.path, folder / "template.sqlite3")


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    before: list
    after: list
    db: Path


def _run_cli(case: Case, command: str, folder: Path, template: Path) -> Run:
    work = folder / f"{case.id}-{command}"
    work.mkdir(parents=True)
    path = write_case(case, work)
    db = _checkpointed_copy(template, work / "store.sqlite3")
    before = _snapshot(db)
    args = [sys.executable, "-m", "analysis", command, str(path)] + (["--db", str(db)] if command == "ingest" else [])
    env = {**os.environ, "WENYAN_LOG_DIR": str(work / "logs"), "WENYAN_DB": str(db)}
    started = time.perf_counter()
    done = subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, timeout=180)
    seconds = time.perf_counter() - started
    return Run(done.returncode, done.stdout, done.stderr, seconds, before, _snapshot(db), db)


# `ingest` costs ~2 s of start-up per run (imports, dictionary): one case per error type and the tricky ones run on
# their own; all the other files (the heavy ones too) go through one folder ingest, started in the same pool.
INGEST_EACH = frozenset({
    "empty_txt", "empty_zip", "random_txt", "png_as_txt", "ext_doc", "corrupt_docx", "jsonl_broken_line",
    "csv_no_text_column", "file_50mb", "zip_3000_files", "jsonl_lone_surrogate", "chinese_english_emoji",
})
FOLDER_CASES = tuple(c for c in CASES if c.id not in INGEST_EACH)
CLI_JOBS = [(c, cmd) for c in sorted(CASES, key=lambda c: -c.seconds) for cmd in ("ingest", "load")
            if cmd == "load" or c.id in INGEST_EACH]


def _run_folder_ingest(folder: Path, template: Path) -> Run:
    inbox = folder / "inbox"
    for case in FOLDER_CASES:
        write_case(case, inbox)
    db = _checkpointed_copy(template, folder / "folder.sqlite3")
    before = _snapshot(db)
    env = {**os.environ, "WENYAN_LOG_DIR": str(folder / "logs")}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "analysis", "ingest", str(inbox), "--db", str(db), "--jobs", "1"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    return Run(done.returncode, done.stdout, done.stderr, time.perf_counter() - started, before, _snapshot(db), db)


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory, good_db) -> dict[tuple[str, str], Run]:
    """The CLI jobs and the folder ingest, a few subprocesses at a time (heaviest first)."""
    folder = tmp_path_factory.mktemp("cli")
    with ThreadPoolExecutor(CLI_WORKERS) as pool:
        whole = pool.submit(_run_folder_ingest, folder, good_db)
        runs = pool.map(lambda job: _run_cli(*job, folder, good_db), CLI_JOBS)
        return {(case.id, cmd): run for (case, cmd), run in zip(CLI_JOBS, runs)} | {("*", "folder"): whole.result()}


def _found_in(case: Case, titles_and_texts: list[str]) -> bool:
    return any(case.contains in item for item in titles_and_texts)


def _assert_one_error_line(run: Run, *, strict: bool) -> str:
    """Exactly one `error:` line, last; `strict`: nothing else on stderr. Returns the whole explanation."""
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("error:")]
    assert len(errors) == 1 and lines[-1] == errors[0], run.stderr
    if strict:
        assert lines == errors, run.stderr
    # ingest may add its progress bar and one `skipped: <file>: <reason>` line per bad file before the error.
    others = [line for line in lines[:-1] if not line.startswith("[")]
    assert all(line.startswith("skipped: ") for line in others), run.stderr
    return "\n".join(others + errors)


def _cli_params() -> list:
    return [pytest.param(case, cmd, id=f"{cmd}-{case.id}", marks=param.marks)
            for case, cmd in CLI_JOBS for param in _params((case,))]


@pytest.mark.parametrize(("case", "command"), _cli_params())
def test_cli_gives_a_result_or_one_error_line(case: Case, command: str, cli_runs):
    run = cli_runs[(case.id, command)]
    assert "Traceback" not in run.stderr + run.stdout
    assert "internal error" not in run.stderr, run.stderr
    assert run.seconds < case.seconds, f"{command} took {run.seconds:.1f} s"
    if run.returncode == 0:
        assert "ok" in case.outcomes, f"expected {case.expect}, the command succeeded"
        assert "error:" not in run.stderr
        if command == "load":
            loaded = json.loads(run.stdout)
            records = loaded if isinstance(loaded, list) else [loaded]
            assert _found_in(case, [r["title"] + "\n" + r["text"] for r in records])
        else:
            assert run.after[: len(run.before)] == run.before  # nothing stored before changed
            new = [Store(run.db).get_article(row["id"]) for row in run.after[len(run.before):]]
            assert new and _found_in(case, [a.title + "\n" + a.text for a in new])
        return
    assert run.returncode == 1, run.stderr
    assert [o for o in case.outcomes if o != "ok"], f"expected a result, got: {run.stderr}"
    explanation = _assert_one_error_line(run, strict=command == "load")
    assert CHINESE_RE.search(explanation) or INSTRUCTION_RE.search(explanation), explanation
    assert run.after == run.before


@pytest.mark.parametrize("case", _params(CASES))
def test_upload_gives_a_result_or_one_chinese_message(case: Case, good_db, tmp_path):
    """The function the Corpus page calls for an upload; the page shows S.ERRORS[error] for a failed file."""
    db = _checkpointed_copy(good_db, tmp_path / "store.sqlite3")
    store = Store(db)
    before = store.list_articles()
    data = case.build()
    started = time.perf_counter()
    rows = ingest_uploads([(case.filename, data)], store=store)
    assert time.perf_counter() - started < case.seconds
    statuses = {row["status"] for row in rows}
    if statuses == {"stored"}:
        assert "ok" in case.outcomes, f"expected {case.expect}, the upload was stored"
        after = store.list_articles()
        assert after[: len(before)] == before
        new = [store.get_article(row["article_id"]) for row in rows]
        assert _found_in(case, [a.title + "\n" + a.text for a in new])
        return
    assert len(rows) == 1 and statuses == {"error"}, rows
    assert rows[0]["error"] in case.outcomes, rows[0]
    shown = S.ERRORS.get(rows[0]["error"], S.ERROR_GENERIC)
    assert rows[0]["error"] in S.ERRORS and CHINESE_RE.search(shown)  # a specific Chinese sentence, not the generic one
    assert store.list_articles() == before


def test_folder_ingest_reports_each_bad_file(cli_runs):
    """The cases not ingested one by one, as one folder: each bad file is one `skipped:` line, the rest stored."""
    run = cli_runs[("*", "folder")]
    assert run.returncode == 0 and "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr
    assert run.seconds < sum(c.seconds for c in FOLDER_CASES) / 3
    skipped = [line for line in run.stderr.splitlines() if line.startswith("skipped: ")]
    # In a folder, files of unsupported types are ignored silently (a file named directly is always reported).
    ignored = [c for c in FOLDER_CASES if not _supported(c.filename)]
    assert not [line for c in ignored for line in skipped if f"/{c.id}/" in line]
    failed = [c for c in FOLDER_CASES if not _loads_ok(c) and c not in ignored]
    for case in failed:
        mentions = [line for line in skipped if f"/{case.id}/{case.filename}: " in line]
        assert len(mentions) == 1, (case.id, run.stderr)
        assert len(mentions[0].split(": ", 2)[-1]) > 10  # a reason follows the file name
        assert NEXT_STEP_RE.search(mentions[0]), mentions[0]  # … and, after a "; ", what to do
    assert len(skipped) == len(failed), run.stderr
    assert run.after[: len(run.before)] == run.before
    stored = [Store(run.db).get_article(row["id"]) for row in run.after[len(run.before):]]
    for case in FOLDER_CASES:
        if _loads_ok(case):
            assert _found_in(case, [a.title + "\n" + a.text for a in stored]), case.id


def _supported(filename: str) -> bool:
    from analysis.errors import UnsupportedFormat
    from analysis.loaders import format_of

    try:
        format_of(filename)
    except UnsupportedFormat:
        return False
    return True


def _loads_ok(case: Case) -> bool:
    """Whether the engine loads this case today (cases accepting either outcome are checked per file elsewhere)."""
    from analysis.errors import AnalysisError
    from analysis.loaders import load_bytes

    if case.outcomes == ("ok",):
        return True
    if "ok" not in case.outcomes:
        return False
    try:
        load_bytes(case.build(), case.filename)
    except AnalysisError:
        return False
    return True


def test_matrix_has_at_least_forty_cases():
    assert len(CASES) >= 40
    assert len({c.id for c in CASES}) == len(CASES)


def test_corpus_page_shows_a_chinese_message_for_a_bad_upload(good_db, tmp_path, monkeypatch):
    """AppTest: a PNG named .txt is reported in Chinese on the page, nothing is stored, no exception."""
    db = _checkpointed_copy(good_db, tmp_path / "store.sqlite3")
    monkeypatch.setenv("WENYAN_DEMO", "0")
    app = run_page("corpus", db, monkeypatch)
    app.get("file_uploader")[0].set_value(("photo.txt", PNG_HEADER + bytes(64), "text/plain"))
    next(b for b in app.button if b.label == S.UPLOAD_BUTTON).click().run()
    assert not app.exception, [e.value for e in app.exception]
    shown = "\n".join(str(e.value) for e in [*app.error, *app.warning, *app.success])
    shown += "\n" + app.dataframe[0].value.to_string()
    assert S.ERRORS["UnsupportedFormat"] in shown
    assert "失败 1 个" in shown
    assert [r["title"] for r in Store(db).list_articles()] == [GOOD_TITLE]
