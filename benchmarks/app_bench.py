"""The app through the real server: `streamlit run app.py` on a free port, driven by headless Chromium."""
from __future__ import annotations

import time
from pathlib import Path

from benchmarks.procs import streamlit_server, tree_pss, tree_rss

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
SCREENS = REPO / "benchmarks" / "out" / "screens"
# (page path, query) visited after first paint; corpus scope where a page has one, the heaviest view.
VISITS = (("corpus", ""), ("overview", "?scope=corpus"), ("reader", ""), ("wordcloud", "?scope=corpus"),
          ("sections", ""), ("statistics", "?scope=corpus"), ("kwic", "?q=就业&scope=corpus"), ("compare", ""))
STABLE_S = 2.0
STATE_JS = ("() => [!!document.querySelector('[data-testid=\"stStatusWidget\"], [data-testid=\"stSkeleton\"]'),"
            " document.querySelectorAll('[data-testid]').length, document.body.innerText.length]")


def _paint(tab, url: str) -> tuple[float, float]:
    """(seconds to the first page title, seconds until the page stopped changing).

    Streamlit shows its running indicator only after a delay, so "done" is when the rendered elements have
    not changed for STABLE_S and no run is shown; the time of the last change is reported."""
    started = time.perf_counter()
    tab.goto(url)
    tab.wait_for_selector("h1", timeout=60_000)
    paint = time.perf_counter() - started
    last_state, changed_at = None, time.perf_counter()
    while time.perf_counter() - changed_at < STABLE_S and time.perf_counter() - started < 120:
        state = tab.evaluate(STATE_JS)
        if state != last_state or state[0]:
            last_state, changed_at = state, time.perf_counter()
        time.sleep(0.05)
    return paint, changed_at - started


def run_app(db: Path, log_path: Path) -> dict:
    """First paint (cold server and warm), each page's first visit, and the server's memory afterwards."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        return {"skipped": "no /usr/bin/chromium (make browser)"}
    env = {"WENYAN_DEMO": "0", "WENYAN_BUILD_FONT": "0"}
    with streamlit_server(db, log_path=log_path, env=env) as (base, process, start_seconds):
        result = {"server_start_s": start_seconds}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
            result |= _drive(browser, base, process.pid)
            browser.close()
        result["server_rss_mb"] = tree_rss(process.pid) / 2**20
        result["server_pss_mb"] = tree_pss(process.pid) / 2**20
    return result


def _drive(browser, base: str, pid: int) -> dict:
    tab = browser.new_page(viewport={"width": 1400, "height": 1000})
    cold_paint, cold_done = _paint(tab, base)
    pages, rss = {}, {"after_first_paint": round(tree_rss(pid) / 2**20)}
    SCREENS.mkdir(parents=True, exist_ok=True)
    for name, query in VISITS:
        pages[name] = round(_paint(tab, f"{base}/{'' if name == 'overview' else name}{query}")[1], 3)
        rss[name] = round(tree_rss(pid) / 2**20)
        tab.screenshot(path=str(SCREENS / f"{name}.png"))  # to check that each page really showed its data
    tab.close()
    tab = browser.new_page(viewport={"width": 1400, "height": 1000})
    warm_paint, warm_done = _paint(tab, base)
    errors = tab.locator('[data-testid="stException"]').count()
    tab.close()
    return {"first_paint_cold_s": cold_paint, "first_complete_cold_s": cold_done, "first_paint_s": warm_paint,
            "first_complete_s": warm_done, "page_visit_s": pages, "server_rss_after_mb": rss,
            "exception_boxes": errors}
