"""AppTest: 检索 KWIC page."""
from __future__ import annotations

from app_support import assert_clean, demo_db, demo_template, run_page, texts  # noqa: F401 (fixtures)


def test_kwic_asks_for_a_term(demo_db, monkeypatch):
    app = run_page("kwic", demo_db, monkeypatch)
    assert_clean(app)
    assert "输入一个词语" in texts(app)


def test_kwic_finds_a_term_across_the_corpus(demo_db, monkeypatch):
    app = run_page("kwic", demo_db, monkeypatch, q="产业工人")
    assert_clean(app)
    table = app.dataframe[0].value
    assert (table["关键词"] == "产业工人").all() and table["文章"].nunique() > 1
    counts = app.dataframe[1].value
    assert counts["频次"].sum() == len(table)


def test_kwic_sorts_and_limits_to_the_article(demo_db, monkeypatch):
    app = run_page("kwic", demo_db, monkeypatch, q="产业工人", scope="article")
    app.selectbox(key="kwic.sort").set_value("right").run()
    assert_clean(app)
    table = app.dataframe[0].value
    assert table["文章"].nunique() == 1
    assert list(table["右侧语境"]) == sorted(table["右侧语境"])


def test_unknown_term_warns(demo_db, monkeypatch):
    app = run_page("kwic", demo_db, monkeypatch, q="不存在的词语乙丙丁")
    assert_clean(app)
    assert app.warning[0].value == "没有找到该词语。"
