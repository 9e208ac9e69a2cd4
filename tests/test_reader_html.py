"""The reader's HTML: marks in place, hover details, section headings, and user text always escaped."""
from __future__ import annotations

import re

from analysis import reader_html
from analysis.models import Keyword, Section, Statistic

TEXT = "导语说有600万产业工人。\n关键词“向心力”\n同呼吸共命运\n培训超过50万人次。"
HEAD = TEXT.index("关键词")
SECTIONS = (Section(None, None, 0, None, 0, HEAD, TEXT[:HEAD]),
            Section("关键词“向心力”", "同呼吸共命运", 1, None, HEAD, len(TEXT), TEXT[HEAD:]))


def _stat(text: str, *, workforce: bool = True, target: bool = False) -> Statistic:
    start = TEXT.index(text)
    return Statistic(text, start, start + len(text), "", None, 6e6, "人", "count", "exact", target, "产业工人",
                     workforce)


def test_statistics_and_keywords_are_marked_with_hover_details():
    html = reader_html.article_html(TEXT, sections=SECTIONS, statistics=[_stat("600万")],
                                    keywords=[Keyword("产业工人", 0.5)])
    assert '<span class="wy-stat wy-work" title="数值：6,000,000 人 · 限定：确数 · 对象：产业工人 · 劳动力相关">600万</span>' in html
    assert '<span class="wy-kw" title="关键词第 1 位 · 权重 0.5">产业工人</span>' in html


def test_headings_are_shown_once_and_sections_can_be_isolated():
    html = reader_html.article_html(TEXT, sections=SECTIONS)
    assert html.count("关键词“向心力”") == 1 and '<h3 id="sec-1">' in html
    assert '<div class="wy-subhead">同呼吸共命运</div>' in html
    only = reader_html.article_html(TEXT, sections=SECTIONS, only_section=1)
    assert "导语说" not in only and "培训超过50万人次" in only


def test_statistics_win_over_overlapping_keywords():
    html = reader_html.article_html(TEXT, sections=SECTIONS, statistics=[_stat("600万产业工人")],
                                    keywords=[Keyword("产业工人", 0.5)])
    assert 'class="wy-kw"' not in html


def test_hostile_text_is_escaped_everywhere():
    evil = '<script>alert(1)</script><img src=x onerror=alert(2)>[点](javascript:alert(3))"\''
    text = evil + "\n正文"
    sections = (Section(evil, evil, 1, None, 0, len(text), text),)
    stat = Statistic("正文", len(evil) + 1, len(evil) + 3, "", None, 1, "人", "count", "exact", False, evil, True)
    html = reader_html.article_html(text, sections=sections, statistics=[stat], keywords=[Keyword(evil, 1)])
    body = html.split("</style>", 1)[1]
    assert "<script>" not in body and "<img" not in body
    assert "&lt;script&gt;" in body and "&quot;" in body
    assert not re.search(r'title="[^"]*<', body)


def test_tooltip_mentions_targets_ranges_and_other_data():
    stat = Statistic("3至5万元", 0, 5, "", None, 30000, "元", "money", "about", True, "补贴", False, value_max=50000)
    assert reader_html.statistic_tooltip(stat) == "数值：30,000–50,000 元 · 限定：约数 · 对象：补贴 · 目标值 · 非劳动力数据"


def test_format_number():
    assert [reader_html.format_number(v) for v in (6e6, 1e12, 32.0, 1.5, 0.125)] == [
        "6,000,000", "1,000,000,000,000", "32", "1.5", "0.125"]


def test_a_group_heading_shows_its_sub_sections():
    text = "一、总体要求\n（一）目标\n到2027年培训10万人。\n（二）原则\n坚持就业优先。\n二、保障措施\n加强领导。"
    starts = [text.index(h) for h in ("一、", "（一）", "（二）", "二、")]
    ends = starts[1:] + [len(text)]
    parents = (None, 0, 0, None)
    sections = tuple(Section(text[s:text.index("\n", s)], None, 1 if p is None else 2, p, s, e, text[s:e])
                     for s, e, p in zip(starts, ends, parents))
    assert reader_html.section_family(sections, 0) == {0, 1, 2}
    html = reader_html.article_html(text, sections=sections, only_section=0)
    assert "到2027年培训10万人" in html and "坚持就业优先" in html and "加强领导" not in html


def test_run_in_heading_is_not_repeated_in_its_paragraph():
    text = "（一）扩大覆盖。全市建立党组织1.2万家。"
    sections = (Section("（一）扩大覆盖", None, 1, None, 0, len(text), text),)
    html = reader_html.article_html(text, sections=sections)
    assert html.count("（一）扩大覆盖") == 1 and "<p>全市建立党组织1.2万家。</p>" in html
