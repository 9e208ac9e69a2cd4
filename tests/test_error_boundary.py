"""Error boundary (issue 7): an unexpected exception on any page shows one short Chinese message with a reference id;
the traceback goes to the log file and never to the page."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from app_support import copy_store, run_page, uploaded_store
from streamlit.testing.v1 import AppTest
from reliability_cases import ARTICLE

from wenyan_ui import frame
from wenyan_ui import strings as S

REPO = Path(__file__).resolve().parent.parent
PAGES = ("corpus", "overview", "reader", "wordcloud", "sections", "statistics", "kwic", "compare")
SECRET = "秘密细节-/srv/secret/path-8c1f"  # in the exception message: must reach the log, never the page
CRASH_RE = re.compile(re.escape(S.PAGE_CRASH).replace(re.escape("{ref}"), "(?P<ref>[0-9a-f]{8})"))


@pytest.fixture(scope="module")
def one_article_template(tmp_path_factory) -> Path:
    return uploaded_store(tmp_path_factory.mktemp("boundary") / "one.sqlite3", [("one.txt", ARTICLE.encode("utf-8"))])


@pytest.fixture
def one_article_db(one_article_template, tmp_path) -> Path:
    return copy_store(one_article_template, tmp_path)


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


@pytest.fixture
def old_multipage_runs(monkeypatch) -> list[str]:
    """Records each run Streamlit starts in its pages-folder mode (a fresh process with pages/ next to app.py)."""
    from streamlit.runtime.scriptrunner import script_runner

    calls: list[str] = []
    real = script_runner._mpa_v1
    monkeypatch.setattr(script_runner, "_mpa_v1", lambda path: calls.append(path) or real(path))
    return calls


def test_first_deep_link_request_is_inside_the_boundary_too(one_article_db, monkeypatch, old_multipage_runs):
    """AppTest resets Streamlit's page mode on every run, as a freshly started server has it: pages/kwic.py is run
    alone first, hands over to the app's entry, and an error in the page body lands in app.py's boundary."""
    called = []
    monkeypatch.setattr(frame, "require_article", lambda: called.append("kwic") or _explode())  # after the header
    app = run_page("kwic", one_article_db, monkeypatch)
    assert old_multipage_runs, "the run did not start the way a fresh server's first request does"
    _assert_boundary_caught(app, "kwic")
    assert called == ["kwic"]  # the page body ran once, not once alone and once inside the app


def test_first_deep_link_request_shows_the_normal_app_once(one_article_db, monkeypatch, old_multipage_runs):
    """The first request of a fresh process for /kwic?q=… shows the KWIC page with the shared sidebar, once."""
    from streamlit.runtime.pages_manager import PagesManager

    app = run_page("kwic", one_article_db, monkeypatch, q="职工")
    assert old_multipage_runs
    assert not app.exception and not app.error, [e.value for e in app.error]
    assert [t.value for t in app.title] == [f"{S.PAGE_ICONS['kwic']} {S.PAGE_TITLES['kwic']}"]
    assert app.selectbox(key="nav.article").value == 1 and app.text_input(key="nav.search") is not None
    assert (app.dataframe[0].value["关键词"] == "职工").all() and len(app.dataframe[0].value) >= 3
    assert PagesManager.uses_pages_directory is False  # st.navigation ran: later requests are routed by app.py


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
