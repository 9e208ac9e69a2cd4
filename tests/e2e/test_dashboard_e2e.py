"""Browser tests: every page of the real server in headless chromium, an upload, and hostile article text."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import PAGES, REPO, SCREENSHOTS, assert_clean, page_url, wait_idle

pytestmark = pytest.mark.e2e

SEED = REPO / "demo" / "000_9d4a661cd42be132.txt"
XSS_TITLE = ('<script>window.__xss=1</script>恶意标题<img src=x onerror="window.__xss=2">'
             "[链接](javascript:window.__xss=6)**粗体**")
XSS_BODY = (
    "<style>body{display:none}</style>产业工人培训人数达到600万人。\n"
    "[点我](javascript:window.__xss=3) 与 <a href=\"javascript:window.__xss=4\">链接</a>。\n"
    "![图片](https://example.invalid/x.png) <iframe src=\"javascript:window.__xss=5\"></iframe>技能人才超过32%。"
)


def _upload(tab, base: str, files: list[Path]) -> str:
    tab.goto(f"{base}/corpus")
    wait_idle(tab)
    tab.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files([str(f) for f in files])
    tab.get_by_role("button", name="分析并入库").click()
    tab.get_by_text("完成：入库").wait_for(timeout=120_000)
    wait_idle(tab)
    return tab.content()


def test_every_page_renders_after_uploading_the_seed(server, page, tmp_path):
    base, _ = server
    SCREENSHOTS.mkdir(exist_ok=True)
    started = time.perf_counter()
    page.goto(base)
    wait_idle(page, timeout_ms=180_000)  # first visit ingests the demo corpus
    first_start = time.perf_counter() - started
    body = _upload(page, base, [SEED])  # the seed is in the demo corpus already
    assert "完成：入库 0 篇，重复 1 篇，失败 0 个。" in body
    timings = {}
    for name in PAGES:
        started = time.perf_counter()
        query = "?q=%E4%BA%A7%E4%B8%9A%E5%B7%A5%E4%BA%BA" if name == "kwic" else ""  # 产业工人
        page.goto(page_url(base, name, query))
        wait_idle(page)
        timings[name] = time.perf_counter() - started
        assert_clean(page)
        assert page.locator("h1").first.inner_text().strip()
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    print(f"first start {first_start:.2f}s; page loads", {k: round(v, 2) for k, v in timings.items()})


def test_hostile_article_is_shown_as_text_and_runs_nothing(server, page, tmp_path):
    base, db = server
    hostile = tmp_path / "<img src=x onerror=alert(7)>.jsonl"  # the file name is hostile too
    hostile.write_text(json.dumps({"title": XSS_TITLE, "text": XSS_BODY}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    body = _upload(page, base, [hostile])
    assert "已入库" in body

    import sys

    sys.path.insert(0, str(REPO))
    from analysis.store import Store

    article_id = Store(db).list_articles(search="恶意标题")[0]["id"]
    for name in PAGES:
        query = f"?article={article_id}" + ("&q=%3Cscript%3E&scope=article" if name == "kwic" else "")
        page.goto(page_url(base, name, query))
        wait_idle(page)
        assert_clean(page)
        assert page.evaluate("() => window.__xss") is None, name
        assert page.locator("img[src='x']").count() == 0, name
        assert page.locator("iframe[src^='javascript']").count() == 0, name
        assert page.locator("a[href^='javascript']").count() == 0, name
        assert page.locator("img[src*='example.invalid']").count() == 0, name
        assert page.evaluate("() => getComputedStyle(document.body).display") != "none", name
        if name in ("overview", "reader", "sections"):
            shown = page.inner_text("body")
            assert "<script>window.__xss=1</script>恶意标题" in shown and "**粗体**" in shown, name
        page.screenshot(path=str(SCREENSHOTS / f"xss_{name}.png"), full_page=True)
    assert dialogs == []


def test_figure_and_table_downloads(server, page, tmp_path):
    base, _ = server
    page.goto(page_url(base, "wordcloud"))
    wait_idle(page)
    saved = {}
    for label, suffix in (("下载 PNG", ".png"), ("下载 SVG", ".svg"), ("下载 CSV", ".csv")):
        with page.expect_download(timeout=60_000) as info:
            page.get_by_role("button", name=label).first.click()
        target = tmp_path / f"{label}{suffix}"
        info.value.save_as(target)
        saved[suffix] = target.read_bytes()
    assert saved[".png"].startswith(b"\x89PNG")
    assert b"<svg" in saved[".svg"][:200] and b"font/woff2;base64" in saved[".svg"]
    assert saved[".csv"].startswith(b"\xef\xbb\xbf")
    page.goto(page_url(base, "overview"))
    wait_idle(page)
    with page.expect_download(timeout=60_000) as info:  # a plotly figure rendered by kaleido in chromium
        page.get_by_role("button", name="下载 SVG").first.click()
    figure = tmp_path / "figure.svg"
    info.value.save_as(figure)
    assert "<svg" in figure.read_text(encoding="utf-8")[:300] and "产业工人" in figure.read_text(encoding="utf-8")
