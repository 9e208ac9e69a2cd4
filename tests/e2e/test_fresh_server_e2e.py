"""A freshly started server whose very first request is a deep link (/kwic?q=…): the page must come up inside
the app (shared sidebar, navigation, error boundary), once, and its downloads must hold the whole table."""
from __future__ import annotations

import io
import os

import pandas as pd
import pytest
from conftest import CHROMIUM, SCREENSHOTS, assert_clean, wait_idle

pytestmark = pytest.mark.e2e

N_ROWS = 2300
DISTRICTS = ("东城", "西城", "南岗", "北湖")
LEDGER = "某市职工技能培训结业情况汇总\n\n" + "\n".join(
    f"　　{DISTRICTS[i % 4]}区第{i % 9 + 1}期培训班结业，参训职工{i + 40}人。" for i in range(N_ROWS)) + "\n"


@pytest.fixture
def fresh_server(tmp_path):
    """A new `streamlit run app.py` process on a store holding one long ledger; no request has reached it yet."""
    from analysis.corpus_views import ingest_uploads
    from analysis.store import Store
    from benchmarks.procs import streamlit_server

    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian chromium is not installed (make browser)")
    db = tmp_path / "wenyan.sqlite3"
    assert [r["status"] for r in ingest_uploads([("ledger.txt", LEDGER.encode())], store=Store(db))] == ["stored"]
    env = {"WENYAN_DEMO": "0", "WENYAN_BUILD_FONT": "0"}
    with streamlit_server(db, log_path=tmp_path / "server.log", env=env) as (url, _, _):
        yield url  # the health check runs no script: the process is still fresh


def test_first_request_deep_link_shows_the_app_and_downloads_everything(fresh_server, page, tmp_path):
    page.goto(f"{fresh_server}/kwic?q=%E8%81%8C%E5%B7%A5&scope=article")  # 职工
    wait_idle(page, timeout_ms=120_000)
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=60_000)
    wait_idle(page)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "fresh_deep_link_kwic.png"), full_page=True)
    assert_clean(page)
    assert page.locator("h1").count() == 1 and "检索" in page.locator("h1").inner_text()
    nav = page.locator('[data-testid="stSidebarNav"] a')
    titles = [text.split()[-1] for text in nav.all_inner_texts()]  # icon ligature, then the title
    assert titles == ["语料库", "概览", "阅读", "词云", "章节", "数据", "检索", "对比"]  # app.py's menu, not pages/
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.get_by_text("按标题搜索").count() == 1 and sidebar.get_by_text("文章", exact=True).count() == 1
    assert page.get_by_text("共 2,300 条").count() == 1
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="下载 CSV").first.click()
    target = tmp_path / "kwic.csv"
    info.value.save_as(target)
    table = pd.read_csv(io.BytesIO(target.read_bytes()), encoding="utf-8-sig")
    assert len(table) == N_ROWS and (table["关键词"] == "职工").all()


def test_first_request_to_statistics_then_the_sidebar_menu(fresh_server, page):
    """Another fresh process, first request /statistics: the capped table says so; then the app's menu works."""
    page.goto(f"{fresh_server}/statistics?scope=article")
    wait_idle(page, timeout_ms=120_000)
    assert_clean(page)
    assert page.locator("h1").count() == 1 and "数据" in page.locator("h1").inner_text()
    assert page.get_by_text("共 2,300 条").count() == 1
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text="阅读").first.click()
    page.locator("h1").filter(has_text="阅读").wait_for(timeout=30_000)
    page.locator(".wy-stat").first.wait_for(timeout=30_000)  # 2,300 highlighted figures take a moment to draw
    wait_idle(page)
    assert_clean(page)
    page.screenshot(path=str(SCREENSHOTS / "fresh_deep_link_then_reader.png"), full_page=True)


def test_saving_word_lists_reanalyses_with_progress(fresh_server, page):
    """Corpus page (also a first request): a saved user word re-analyses the stored article; pages show it."""
    page.goto(f"{fresh_server}/corpus")
    wait_idle(page, timeout_ms=120_000)
    page.get_by_text("用户词典与停用词").click()
    box = page.get_by_label("用户词典（每行一个词，分词时保持完整）")
    box.fill("参训职工")
    page.get_by_role("button", name="保存词表").click()  # straight from typing: the box commits on blur first
    page.get_by_text("已按新词表重新分析 1 篇文章").wait_for(timeout=120_000)
    wait_idle(page)
    assert_clean(page)
    page.screenshot(path=str(SCREENSHOTS / "fresh_word_lists_saved.png"), full_page=True)
    assert box.input_value() == "参训职工"
    page.goto(f"{fresh_server}/kwic?q=%E5%8F%82%E8%AE%AD%E8%81%8C%E5%B7%A5&scope=article")  # 参训职工, a whole word now
    page.get_by_text("共 2,300 条").wait_for(timeout=60_000)  # re-cutting the 52,000-character ledger takes a moment
    assert_clean(page)


def test_two_analysts_saving_word_lists_keep_both_words(fresh_server, browser, tmp_path):
    """Two browser sessions open the word lists; the second saves after the first without reloading: both stay."""
    tabs = []
    for _ in range(2):
        tab = browser.new_context(viewport={"width": 1400, "height": 1400}, locale="zh-CN").new_page()
        tab.goto(f"{fresh_server}/corpus")
        wait_idle(tab, timeout_ms=120_000)
        tab.get_by_text("用户词典与停用词").click()
        tabs.append(tab)
    for tab, word in zip(tabs, ("第一位分析员的词", "第二位分析员的词")):
        tab.get_by_label("用户词典（每行一个词，分词时保持完整）").fill(word)
        tab.get_by_role("button", name="保存词表").click()
        tab.get_by_text("已按新词表重新分析 1 篇文章").wait_for(timeout=120_000)
        wait_idle(tab)
        assert_clean(tab)
    box = tabs[1].get_by_label("用户词典（每行一个词，分词时保持完整）")
    assert box.input_value() == "第一位分析员的词\n第二位分析员的词"  # the merged list, in the second session
    tabs[1].screenshot(path=str(SCREENSHOTS / "fresh_two_sessions_word_lists.png"), full_page=True)
    for tab in tabs:
        tab.context.close()
