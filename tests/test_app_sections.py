"""AppTest: 章节 Sections page."""
from __future__ import annotations

from app_support import assert_clean, demo_db, demo_template, run_page, texts  # noqa: F401 (fixtures)


def test_sections_page_shows_heatmap_lengths_statistics_and_keyness(demo_db, monkeypatch):
    app = run_page("sections", demo_db, monkeypatch)
    assert_clean(app)
    shown = texts(app)
    for heading in ("关键词 × 章节", "章节篇幅", "各章节统计数据", "各章节特色词（对数似然关键性）"):
        assert heading in shown
    assert len(app.get("plotly_chart")) == 4
    sections = app.dataframe[-1].value
    assert list(sections["章节"]) == ["导语", "关键词“向心力”", "关键词“全链条”", "关键词“加速度”", "关键词“服务圈”"]
    distinctive = app.dataframe[0].value
    assert {"章节", "词语", "G²", "效应量"} <= set(distinctive.columns)


def test_section_choice_goes_to_the_url(demo_db, monkeypatch):
    app = run_page("sections", demo_db, monkeypatch, section="3")
    assert_clean(app)
    assert app.selectbox(key="sections.pick.1").value == "关键词“加速度”"
