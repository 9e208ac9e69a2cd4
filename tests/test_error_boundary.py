"""Error boundary (issue 7): an unexpected exception on any page shows one short Chinese message with a reference id;
the traceback goes to the log file and never to the page."""
from __future__ import annotations

import re
import shutil
import sqlite3
import tomllib
from pathlib import Path

import pytest
from app_support import run_page
from streamlit.testing.v1 import AppTest
from reliability_cases import ARTICLE

from analysis.corpus_views import ingest_uploads
from analysis.store import Store
from wenyan_ui import frame
from wenyan_ui import strings as S

REPO = Path(__file__).resolve().parent.parent
PAGES = ("corpus", "overview", "reader", "wordcloud", "sections", "statistics", "kwic", "compare")
SECRET = "秘密细节-/srv/secret/path-8c1f"  # in the exception message: must reach the log, never the page
CRASH_RE = re.compile(re.escape(S.PAGE_CRASH).replace(re.escape("{ref}"), "(?P<ref>[0-9a-f]{8})"))


@pytest.fixture(scope="module")
def one_article_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("boundary") / "one.sqlite3"
    rows = ingest_uploads([("one.txt", ARTICLE.encode("utf-8"))], store=Store(path))
    assert [r["status"] for r in rows] == ["stored"]
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def one_article_db(one_article_template, tmp_path) -> Path:
    return Path(shutil.copyfile(one_article_template, tmp_path / "wenyan.sqlite3"))


def _explode(*args, **kwargs):
    raise RuntimeError(f"unexpected failure: {SECRET}")


def _page_texts(app) -> str:
    kinds = ("title", "subheader", "caption", "markdown", "info", "warning", "success", "error", "exception", "code",
             "text", "json")
    return "\n".join(str(e.value) for kind in kinds for e in getattr(app, kind))


def _run_through_app(page: str, db: Path, monkeypatch) -> AppTest:
    """Run app.py with `page` as the default page, so it goes through st.navigation and the boundary in app.py."""
    monkeypatch.setenv("WENYAN_DB", str(db))
    monkeypatch.setenv("WENYAN_DEMO", "0")
    monkeypatch.setattr(frame, "DEFAULT_PAGE", page)
    return AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()


def _assert_boundary_caught(app, page: str) -> None:
    assert not app.exception, [e.value for e in app.exception]
    messages = [e.value for e in app.error]
    assert len(messages) == 1, messages
    match = CRASH_RE.fullmatch(messages[0])
    assert match, messages[0]
    shown = _page_texts(app)
    assert SECRET not in shown and "Traceback" not in shown and "RuntimeError" not in shown
    log = frame.log_path().read_text(encoding="utf-8")
    line = next(line for line in log.splitlines() if match["ref"] in line)
    assert f"page {page} failed" in line
    entry = log[log.index(line):][:4000]
    assert "Traceback" in entry and SECRET in entry


@pytest.mark.parametrize("page", PAGES)
def test_unexpected_exception_shows_a_reference_and_logs_the_traceback(page, one_article_db, monkeypatch):
    """Every page starts with frame.page_header; making it raise checks that app.py wraps every page."""
    called = []
    monkeypatch.setattr(frame, "page_header", lambda name: called.append(name) or _explode())
    _assert_boundary_caught(_run_through_app(page, one_article_db, monkeypatch), page)
    assert called == [page]  # the page itself ran (and raised), not the default one


@pytest.mark.xfail(strict=True, reason="a page/ folder puts Streamlit in v1 multipage mode until st.navigation has "
                   "run once in the process: the first request of a fresh server for a deep link (/kwic) runs "
                   "pages/kwic.py alone, outside app.py's boundary (reported: rename pages/ to e.g. views/)")
def test_first_deep_link_request_is_inside_the_boundary_too(one_article_db, monkeypatch):
    """AppTest resets Streamlit's page mode on every run, as a freshly started server has it."""
    monkeypatch.setattr(frame, "page_header", _explode)
    app = run_page("kwic", one_article_db, monkeypatch)
    _assert_boundary_caught(app, "kwic")


def test_errors_in_the_shared_frame_are_caught_too(one_article_db, monkeypatch):
    monkeypatch.setattr(frame, "sidebar_picker", _explode)
    app = _run_through_app("overview", one_article_db, monkeypatch)
    assert not app.exception
    assert any(CRASH_RE.fullmatch(e.value) for e in app.error)
    assert SECRET not in _page_texts(app)


def test_streamlit_never_shows_error_details_in_the_browser():
    """Uncaught errors outside the boundary (should one slip through) show no traceback to the user."""
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] in ("none", False)


def test_crash_message_is_short_chinese_with_a_reference():
    message = S.PAGE_CRASH.format(ref="0123abcd")
    assert re.search(r"[\u4e00-\u9fff]", message) and "0123abcd" in message and len(message) < 80
