"""Real-server fixtures: `streamlit run app.py` on a free port with a temporary WENYAN_DB, driven by chromium."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks.procs import streamlit_server  # noqa: E402 (the repository root is put on the path first)

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
PAGES = ("corpus", "overview", "reader", "wordcloud", "sections", "statistics", "kwic", "compare")
DEFAULT_PAGE = "overview"  # served at "/": Streamlit ignores the url_path of the default page


def page_url(base: str, name: str, query: str = "") -> str:
    return f"{base}/{'' if name == DEFAULT_PAGE else name}{query}"


@pytest.fixture(scope="session")
def web_font() -> Path:
    """The theme's WOFF2 (built once, ~1 min) so screenshots show the shipped font."""
    sys.path.insert(0, str(REPO))
    from analysis.fonts import ensure_web_font

    return ensure_web_font(REPO / "static")


@pytest.fixture(scope="session")
def server(tmp_path_factory, web_font):
    """(base_url, db_path) of a live server on an empty store (the demo corpus loads on first visit)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (make browser)")
    db = tmp_path_factory.mktemp("e2e") / "wenyan.sqlite3"
    with streamlit_server(db, log_path=db.parent / "server.log") as (url, _, _):
        yield url, db


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (make browser)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1800}, locale="zh-CN")
    tab = context.new_page()
    yield tab
    context.close()


def wait_idle(tab, *, timeout_ms: int = 60_000) -> None:
    """Wait until the page shows its title and Streamlit has finished running the script."""
    tab.wait_for_selector("h1", timeout=timeout_ms)
    tab.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=timeout_ms)
    tab.wait_for_timeout(300)


def assert_clean(tab) -> None:
    """No exception box, no traceback, no crash message from the error boundary."""
    assert tab.locator('[data-testid="stException"]').count() == 0
    body = tab.content()
    assert "Traceback" not in body
    assert "页面出现意外错误" not in body
    assert "Page not found" not in body
