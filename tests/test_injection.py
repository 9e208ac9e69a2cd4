"""Injection (issue 7): SQL only through parameters, formula-safe exports, user text never rendered as HTML/markdown."""
from __future__ import annotations

import csv
import io
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from app_support import copy_store, run_page, uploaded_store

from analysis import exports
from analysis.store import Store

REPO = Path(__file__).resolve().parent.parent
PAGES = ("corpus", "overview", "reader", "wordcloud", "sections", "statistics", "kwic", "compare")
# Payloads that a browser would run or a markdown renderer would turn into markup, each with its own marker.
HTML_PAYLOADS = (
    "<script>alert('XSS1')</script>",
    "<img src=x onerror=alert('XSS2')>",
    "<style>body{display:none}/*XSS5*/</style>",
    "<a href=\"javascript:alert('XSS6')\">链接</a>",
)
MARKDOWN_PAYLOADS = ("[点我](javascript:alert('XSS3'))", "![图](http://evil.example/XSS4.png)")
TITLE_SCRIPT = HTML_PAYLOADS[0] + "职工之家建设"
TITLE_SQL = "'); DROP TABLE articles;-- 职工书屋"
TITLE_FORMULA = "=HYPERLINK(\"http://evil.example/XSS7\",\"点击\")职工培训"
USER_WORDS = (HTML_PAYLOADS[1], "**粗体**", MARKDOWN_PAYLOADS[0])
SEARCH_PAYLOAD = "<script>alert('XSS9')</script>"
KWIC_PAYLOAD = "<img src=x onerror=alert('XSS10')>"
FILE_NAME = HTML_PAYLOADS[1] + ".txt"
TEXT_SAFE_TYPES = {"dataframe", "arrow_data_frame", "table", "code", "text", "json", "selectbox", "multiselect",
                   "radio", "text_input", "text_area", "plotly_chart", "download_button", "select_slider", "image",
                   "imgs", "number_input", "toggle", "checkbox", "slider", "button", "form_submit_button"}
ARTICLES = {
    FILE_NAME: (f"{TITLE_SCRIPT}\n\n本报讯 今年以来，全市新建职工之家120个，服务职工3.5万人次。\n"
                f"一、{HTML_PAYLOADS[1]}阵地建设\n各区工会投入资金860万元，改造活动场所45处。{MARKDOWN_PAYLOADS[0]}\n"
                f"二、{MARKDOWN_PAYLOADS[1]}服务提升\n{HTML_PAYLOADS[2]}职工满意度达到96%。{HTML_PAYLOADS[3]}\n"),
    "sql.txt": f"{TITLE_SQL}\n\n本报讯 全市职工书屋今年新增图书2.3万册，服务职工1.8万人次，职工之家同步开放。\n",
    "-2+3=cmd.txt": f"{TITLE_FORMULA}\n\n本报讯 职工培训中心今年培训职工5600人次，职工之家开展活动80场。\n",
    "page.html": ("<html><body><h1>&lt;script&gt;alert('XSS11')&lt;/script&gt;职工运动会</h1>"
                  "<p>本报讯 第三届职工运动会日前举行，共有2100名职工参赛，职工之家提供后勤保障。</p></body></html>"),
}


@pytest.fixture(scope="module")
def payload_template(tmp_path_factory) -> Path:
    """A store filled through the upload path with hostile titles, headings, text, file names and user words."""
    files = [(name, text.encode("utf-8")) for name, text in ARTICLES.items()]
    return uploaded_store(tmp_path_factory.mktemp("payload") / "payload.sqlite3", files, user_words=USER_WORDS)


@pytest.fixture
def payload_db(payload_template, tmp_path) -> Path:
    return copy_store(payload_template, tmp_path)


# ---- SQL ---------------------------------------------------------------------------------------------------
def test_sql_payload_titles_are_stored_and_found_verbatim(payload_db):
    store = Store(payload_db)
    assert [r["title"] for r in store.list_articles(search=TITLE_SQL)] == [TITLE_SQL]
    assert store.list_articles(search="' OR '1'='1") == []
    assert store.list_articles(search="%") == [] and store.list_articles(search="_") == []
    assert store.counts()["articles"] == len(ARTICLES)
    assert store.articles_with_term("'; DELETE FROM token_counts;--") == []
    store.add_stopwords(["'); DROP TABLE stopwords;--"])
    store.remove_user_words(["x' OR '1'='1"])
    assert store.list_stopwords() == ["'); DROP TABLE stopwords;--"]
    assert sorted(store.list_user_words()) == sorted(USER_WORDS)
    with sqlite3.connect(payload_db) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "sections", "keywords", "statistics", "token_counts", "user_words", "stopwords"} <= tables


# f-strings in SQL may only splice these names (constants and internal choices), never user values.
SQL_FSTRING_RE = re.compile(r"""(?:execute|executemany|executescript|read_sql_query)\(\s*f["']([^"']*)["']""")
SQL_SPLICE_RE = re.compile(r"\{([^}:!]+)")
# `where` is store_queries.statistics_where(): constant column names joined with "?" placeholders only.
ALLOWED_SPLICES = {"table", "BUSY_TIMEOUT_MS", "column", "aggregate", "_IDS_FILTER", "_LIST_COLUMNS", "where"}


def test_sql_fstrings_splice_only_constants():
    found = []
    for path in (REPO / "analysis").glob("*.py"):
        for statement in SQL_FSTRING_RE.findall(path.read_text(encoding="utf-8")):
            found += [(path.name, name.strip()) for name in SQL_SPLICE_RE.findall(statement)]
    assert {name for _, name in found} <= ALLOWED_SPLICES, found


# ---- formula injection -----------------------------------------------------------------------------------------
FORMULAS = ["=1+1", "+SUM(A1:A2)", "-2+3", "@SUM(1,1)", "\t=1+1", "\r=1+1", "=HYPERLINK(\"http://x\",\"y\")"]


def test_csv_export_neutralises_formulas():
    frame = pd.DataFrame({"标题": FORMULAS, "数值": range(-3, len(FORMULAS) - 3), "=列": ["普通文本"] * len(FORMULAS)})
    rows = list(csv.reader(io.StringIO(exports.to_csv_bytes(frame).decode("utf-8-sig"), newline="")))
    assert rows[0] == ["标题", "数值", "'=列"]
    assert [r[0] for r in rows[1:]] == ["'" + f for f in FORMULAS]
    assert [r[1] for r in rows[1:]] == [str(n) for n in range(-3, len(FORMULAS) - 3)]  # numbers stay numbers
    assert all(r[2] == "普通文本" for r in rows[1:])


def test_csv_export_keeps_a_carriage_return_inside_its_cell():
    """A bare CR must be quoted: spreadsheets treat it as a row break, and the next "row" would be a formula."""
    data = exports.to_csv_bytes(pd.DataFrame({"标题": ["职工\r=1+1", "下一行"]})).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data, newline="")))
    assert rows == [["标题"], ["职工\r=1+1"], ["下一行"]]


def test_xlsx_export_writes_formulas_as_text():
    frame = pd.DataFrame({"标题": FORMULAS})
    sheet = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx_bytes(frame))).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [c.data_type for c in cells] == ["s"] * len(FORMULAS)
    assert [c.value.replace("_x000D_", "\r") for c in cells] == ["'" + f for f in FORMULAS]  # xlsx escapes CR


@pytest.mark.parametrize("command", ["stats", "keywords"])
def test_cli_csv_output_neutralises_a_formula_title(command, tmp_path):
    path = tmp_path / "formula.txt"
    path.write_text(ARTICLES["-2+3=cmd.txt"], encoding="utf-8")
    env = {**os.environ, "WENYAN_LOG_DIR": str(tmp_path / "logs")}
    done = subprocess.run([sys.executable, "-m", "analysis", command, str(path), "--format", "csv"], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert len(rows) > 1 and {r[0] for r in rows[1:]} == {"'" + TITLE_FORMULA}
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)


# ---- HTML and markdown on every page ---------------------------------------------------------------------
def _nodes(node):
    children = getattr(node, "children", None)
    for child in (children.values() if isinstance(children, dict) else ()):
        yield child
        yield from _nodes(child)


def _strings(node, *names: str) -> list[str]:
    found = []
    for name in names:
        try:
            value = getattr(node, name)
        except Exception:  # AppTest raises for attributes an element kind does not have
            continue
        if isinstance(value, str):
            found.append(value)
    return found


def rendered_markup(app) -> list[tuple[str, str]]:
    """(element type, string) for everything Streamlit renders as markdown or HTML: values of markdown-like
    elements and st.html bodies, labels and help texts of every element."""
    found = []
    for node in _nodes(app._tree):
        kind = getattr(node, "type", "")
        names = ("label", "help", "placeholder") + (() if kind in TEXT_SAFE_TYPES else ("value", "body"))
        found += [(kind, s) for s in _strings(node, *names)]
    return found


def plain_texts(app) -> str:
    """Every option, value and table cell shown as plain text (where the payloads are allowed to appear)."""
    parts = []
    for node in _nodes(app._tree):
        if getattr(node, "type", "") in TEXT_SAFE_TYPES:
            for name in ("value", "options"):
                try:
                    parts.append(str(getattr(node, name)))
                except Exception:
                    continue
    return "\n".join(parts)


def assert_no_raw_payload(app) -> None:
    for kind, text in rendered_markup(app):
        for payload in HTML_PAYLOADS + (SEARCH_PAYLOAD, KWIC_PAYLOAD):
            assert payload not in text, (kind, text[:300])
        # Escaped text such as "&lt;img onerror=…&gt;" is harmless; a raw tag or link target is not.
        for fragment in ("<script", "<img", "href=\"javascript:", "](javascript:"):
            assert fragment not in text.lower(), (kind, text[:300])
        if kind != "html":  # st.html does not render markdown
            for payload in MARKDOWN_PAYLOADS + USER_WORDS:
                assert payload not in text, (kind, text[:300])


def _payload_article_id(db: Path) -> int:
    return next(r["id"] for r in Store(db).list_articles() if r["title"] == TITLE_SCRIPT)


@pytest.mark.parametrize("page", PAGES)
def test_page_never_renders_user_text_as_markup(page, payload_db, monkeypatch):
    monkeypatch.setenv("WENYAN_DEMO", "0")
    app = run_page(page, payload_db, monkeypatch, article=str(_payload_article_id(payload_db)))
    app.text_input(key="nav.search").set_value(SEARCH_PAYLOAD).run()
    if page == "kwic":
        app.text_input(key="kwic.term").set_value(KWIC_PAYLOAD).run()
        app.text_input(key="kwic.term").set_value("职工").run()
    assert not app.exception, [e.value for e in app.exception]
    assert_no_raw_payload(app)
    assert TITLE_SCRIPT in plain_texts(app)  # the payload is on the page, as plain text (the sidebar picker)


def test_reader_shows_payloads_escaped(payload_db, monkeypatch):
    """The reader builds HTML itself: every payload arrives as escaped text, none as markup."""
    monkeypatch.setenv("WENYAN_DEMO", "0")
    app = run_page("reader", payload_db, monkeypatch, article=str(_payload_article_id(payload_db)))
    bodies = "\n".join(text for kind, text in rendered_markup(app) if kind == "html")
    assert "&lt;script&gt;alert(&#x27;XSS1&#x27;)&lt;/script&gt;" in bodies  # the title
    assert "&lt;img src=x onerror=alert(&#x27;XSS2&#x27;)&gt;" in bodies  # a section heading
    assert_no_raw_payload(app)


def test_corpus_page_word_lists_and_file_names_stay_text(payload_db, monkeypatch):
    monkeypatch.setenv("WENYAN_DEMO", "0")
    app = run_page("corpus", payload_db, monkeypatch)
    assert set(USER_WORDS) <= set(app.text_area[0].value.splitlines())
    app.text_area[1].set_value(HTML_PAYLOADS[2] + "\n" + MARKDOWN_PAYLOADS[1])
    next(b for b in app.button if b.label == "保存词表").click().run()
    assert not app.exception
    assert_no_raw_payload(app)
    assert FILE_NAME in plain_texts(app)  # the source column of the articles table
