"""Real-server fixtures: `streamlit run app.py` on a free port with a temporary WENYAN_DB, driven by chromium."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
PAGES = ("corpus", "overview", "reader", "wordcloud", "sections", "statistics", "kwic", "compare")
DEFAULT_PAGE = "overview"  # served at "/": Streamlit ignores the url_path of the default page


def page_url(base: str, name: str, query: str = "") -> str:
    return f"{base}/{'' if name == DEFAULT_PAGE else name}{query}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, *, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError("streamlit did not become healthy")


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
        pytest.skip("Debian chromium is not installed (make e2e-deps)")
    db = tmp_path_factory.mktemp("e2e") / "wenyan.sqlite3"
    port = _free_port()
    env = {**os.environ, "WENYAN_DB": str(db)}
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
               "--server.headless", "true", "--server.fileWatcherType", "none"]
    log = open(db.parent / "server.log", "wb")
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process)
        yield url, db
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (make e2e-deps)")
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
