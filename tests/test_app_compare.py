"""AppTest: 对比 Compare page."""
from __future__ import annotations

from app_support import assert_clean, demo_db, demo_template, run_page, texts  # noqa: F401 (fixtures)


def test_compare_two_articles(demo_db, monkeypatch):
    app = run_page("compare", demo_db, monkeypatch)
    assert_clean(app)
    assert app.query_params["ids"] == "1,2"
    assert "共有关键词" in texts(app) and "统计数据并排（劳动力相关）" in texts(app)
    side = app.dataframe[-1].value
    assert {"统计对象", "单位"} <= set(side.columns) and len(side.columns) == 4


def test_compare_three_articles_from_the_url(demo_db, monkeypatch):
    app = run_page("compare", demo_db, monkeypatch, ids="1,3,5")
    assert_clean(app)
    assert app.multiselect(key="compare.ids").value == [1, 3, 5]
    distinctive = [d.value for d in app.dataframe if "G²" in d.value.columns][0]
    assert distinctive["文章"].nunique() == 3


def test_one_article_is_not_enough(demo_db, monkeypatch):
    app = run_page("compare", demo_db, monkeypatch, ids="2")
    app.multiselect(key="compare.ids").set_value([2]).run()
    assert_clean(app)
    assert "请至少选择两篇文章。" in texts(app)
