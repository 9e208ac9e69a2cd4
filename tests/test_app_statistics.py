"""AppTest: 数据 Statistics page."""
from __future__ import annotations

from app_support import assert_clean, demo_db, demo_template, run_page  # noqa: F401 (fixtures)


def test_statistics_table_links_and_chart(demo_db, monkeypatch):
    app = run_page("statistics", demo_db, monkeypatch)
    assert_clean(app)
    table = app.dataframe[0].value
    assert len(table) == 13  # the seed's thirteen figures (issue 4)
    assert table["link"].str.startswith("reader?article=1&stat=").all()
    assert app.get("plotly_chart")


def test_filters_narrow_the_table(demo_db, monkeypatch):
    app = run_page("statistics", demo_db, monkeypatch)
    app.radio(key="stats.workforce").set_value("yes").run()
    assert_clean(app)
    table = app.dataframe[0].value
    assert (table["劳动力相关"] == "是").all() and 0 < len(table) < 13
    app.radio(key="stats.target").set_value("yes").run()
    assert (app.dataframe[0].value["目标值"] == "是").all()


def test_corpus_scope_adds_the_article_column(demo_db, monkeypatch):
    app = run_page("statistics", demo_db, monkeypatch, scope="corpus")
    assert_clean(app)
    table = app.dataframe[0].value
    assert "文章" in table.columns and table["文章"].nunique() > 5
