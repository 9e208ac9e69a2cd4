"""Plotly figure builders: Chinese labels, the CJK font, empty input handled, options honoured."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import charts

KEYWORDS = pd.DataFrame({"word": ["产业工人", "技能人才", "培训"], "weight": [0.9, 0.5, 0.2]})
STATS = pd.DataFrame({
    "subject": ["产业工人", "高技能人才", "产业领军人才"], "unit": ["人", "人", "名"], "section": [None, "甲", "乙"],
    "value": [6_000_000, 470_000, 1_500], "is_target": [False, False, True], "text": ["600万", "47万余", "1500名"],
    "article_title": ["一", "一", "二"],
})


def test_keywords_figure_puts_the_best_word_on_top():
    figure = charts.keywords_figure(KEYWORDS, title="核心关键词")
    bar = figure.data[0]
    assert list(bar.y) == ["培训", "技能人才", "产业工人"] and bar.orientation == "h"
    assert figure.layout.xaxis.title.text == "权重" and figure.layout.title.text == "核心关键词"
    assert "Noto Sans" in figure.layout.font.family


@pytest.mark.parametrize("builder", [charts.keywords_figure, charts.section_lengths_figure, charts.heatmap_figure,
                                     charts.keyness_figure, charts.compare_keywords_figure])
def test_empty_frames_give_a_message_not_an_error(builder):
    figure = builder(pd.DataFrame())
    assert figure.layout.annotations[0].text == "暂无数据" and not figure.data


def test_heatmap_keeps_rows_and_columns():
    matrix = pd.DataFrame({"导语": [1, 0], "第一部分": [3, 2]}, index=["工人", "培训"])
    figure = charts.heatmap_figure(matrix)
    heat = figure.data[0]
    assert list(heat.x) == ["导语", "第一部分"] and list(heat.y) == ["工人", "培训"]
    assert heat.z.tolist() == [[1, 3], [0, 2]]


def test_statistics_figure_separates_targets_and_switches_to_log():
    figure = charts.statistics_figure(STATS, by="subject", log_scale=True)
    names = [trace.name for trace in figure.data]
    assert names == ["实际值", "目标值"]
    assert list(figure.data[1].y) == ["产业领军人才"] and figure.data[1].marker.pattern.shape == "/"
    assert figure.layout.xaxis.type == "log"
    assert charts.statistics_figure(STATS, by="section").data[0].y[0] == "导语"


def test_stacked_counts_figure_stacks_workforce_and_other():
    frame = pd.DataFrame({"section": ["导语", "甲"], "workforce": [2, 1], "other": [0, 3]})
    figure = charts.stacked_counts_figure(frame, category="section")
    assert figure.layout.barmode == "stack" and [t.name for t in figure.data] == ["劳动力相关", "其他"]


def test_compare_and_keyness_figures():
    long = pd.DataFrame({"word": ["工人", "工人"], "article": ["甲", "乙"], "weight": [0.3, 0.1]})
    assert [t.name for t in charts.compare_keywords_figure(long).data] == ["甲", "乙"]
    keyness = pd.DataFrame({"word": ["工人", "农民"], "effect_size": [1.5, -0.5]})
    bar = charts.keyness_figure(keyness).data[0]
    assert list(bar.y) == ["农民", "工人"] and bar.marker.color[1] == charts.ACCENT


def test_user_text_is_escaped_for_plotly_labels():
    hostile = pd.DataFrame({"word": ["<b>粗</b>", "<a href='javascript:x'>链</a>"], "weight": [2, 1]})
    labels = list(charts.keywords_figure(hostile).data[0].y)
    assert labels == ["&lt;a href='javascript:x'&gt;链&lt;/a&gt;", "&lt;b&gt;粗&lt;/b&gt;"]
    long = pd.DataFrame({"word": ["工人"], "article": ["<script>甲</script>"], "weight": [1.0]})
    assert charts.compare_keywords_figure(long).data[0].name == "&lt;script&gt;甲&lt;/script&gt;"
