"""Browser test: the corpus page's file uploader reads in Chinese (a stylesheet swaps Streamlit's English texts)."""
from __future__ import annotations

import pytest
from conftest import SCREENSHOTS, assert_clean, page_url, wait_idle

pytestmark = pytest.mark.e2e

SHOWN_TEXT = """(selector) => {
  const el = document.querySelector(selector);
  const after = getComputedStyle(el, '::after');
  return {own: getComputedStyle(el).fontSize, after: after.content, afterSize: after.fontSize};
}"""
DROPZONE = '[data-testid="stFileUploaderDropzone"]'


def test_the_uploader_shows_chinese_texts_only(server, page):
    base, _ = server
    page.goto(page_url(base, "corpus"))
    wait_idle(page, timeout_ms=180_000)  # the first visit may load the demo corpus
    assert_clean(page)
    button = page.evaluate(SHOWN_TEXT, f'{DROPZONE} button [data-testid="stMarkdownContainer"] p')
    hint = page.evaluate(SHOWN_TEXT, '[data-testid="stFileUploaderDropzoneInstructions"] span')
    assert button == {"own": "0px", "after": '"选择文件"', "afterSize": "14px"}
    assert hint == {"own": "0px", "after": '"或将文件拖放到此处 · 每个文件不超过 50 MB"', "afterSize": "14px"}
    page.evaluate("""() => { const dt = new DataTransfer(); dt.items.add(new File(['x'], 'a.txt'));
        document.querySelector('[data-testid="stFileUploaderDropzone"]')
          .dispatchEvent(new DragEvent('dragenter', {dataTransfer: dt, bubbles: true})); }""")
    page.locator(f"{DROPZONE} > div:not([data-testid]) > span").wait_for()
    dragging = page.evaluate(SHOWN_TEXT, f"{DROPZONE} > div:not([data-testid]) > span")
    assert dragging["own"] == "0px" and dragging["after"] == '"松开鼠标即可添加文件"'
    SCREENSHOTS.mkdir(exist_ok=True)
    page.locator('[data-testid="stFileUploader"]').screenshot(path=str(SCREENSHOTS / "corpus_uploader_drag.png"))
