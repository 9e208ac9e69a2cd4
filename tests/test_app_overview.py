"""AppTest: 概览 Overview page."""
from __future__ import annotations

from app_support import assert_clean, demo_db, demo_template, run_page, texts  # noqa: F401 (fixtures)


def test_overview_shows_metrics_keywords_cloud_and_workforce(demo_db, monkeypatch):
    app = run_page("overview", demo_db, monkeypatch)
    assert_clean(app)
    assert [m.label for m in app.metric] == ["文章数", "总字数", "统计数据", "劳动力数据"]
    assert app.metric[0].value == "1"
    assert "核心关键词" in texts(app) and "最大的劳动力数据" in texts(app)
    assert app.get("plotly_chart") and app.get("image")
    assert app.query_params["article"] == "1"


def test_overview_corpus_scope_counts_every_article(demo_db, monkeypatch):
    app = run_page("overview", demo_db, monkeypatch, scope="corpus")
    assert_clean(app)
    assert int(app.metric[0].value.replace(",", "")) >= 13


def test_empty_store_shows_a_friendly_message(tmp_path, monkeypatch):
    monkeypatch.setenv("WENYAN_DEMO", "0")
    app = run_page("overview", tmp_path / "empty.sqlite3", monkeypatch)
    assert_clean(app)
    assert "语料库中还没有文章" in texts(app)


def test_sidebar_search_without_a_match_says_so_and_keeps_the_article(demo_db, monkeypatch):
    app = run_page("overview", demo_db, monkeypatch)
    app.text_input(key="nav.search").set_value("没有这样的标题甲乙").run()
    assert_clean(app)
    assert "没有标题包含该词的文章。" in texts(app) and app.selectbox(key="nav.article").value == 1
    app.text_input(key="nav.search").set_value("武汉").run()
    assert "没有标题包含该词的文章。" not in texts(app)
    assert "武汉" in app.selectbox(key="nav.article").format_func(app.selectbox(key="nav.article").value)
