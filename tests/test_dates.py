"""The one date parser, shared by the loaders (metadata values) and layout (metadata lines in the text)."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import article_text, formats, layout, tables
from analysis.dates import parse_date

CN_DIGITS = "〇一二三四五六七八九"


@pytest.mark.parametrize(("value", "expected"), [
    # values the loaders see: HTML meta / <time>, front matter, table cells
    ("2026-04-29T08:30:00+08:00", "2026-04-29"),
    (dt.datetime(2026, 4, 29, 8, 30), "2026-04-29"),
    (dt.date(2025, 11, 20), "2025-11-20"),
    ("20260429", "2026-04-29"),
    ("2026 / 4 / 9", "2026-04-09"),
    ("2026年4月29", "2026-04-29"),
    (20260429, "2026-04-29"),  # an xlsx cell typed as a number
    (None, None),
    ("明天", None),
    ("202604290", None),
    # lines layout sees in the text
    ("2026年04月29日第 08 版", "2026-04-29"),
    ("发布时间：2026/4/9 08:30", "2026-04-09"),
    ("二〇二六年十二月三十一日", "2026-12-31"),
    ("二〇二六年二月三十日", None),
    ("2026年2月30日 更正于2026年3月1日", "2026-03-01"),  # the first real date wins
    ("4月28日电", None),  # a dateline without a year
    ("", None),
])
def test_parse_date(value: object, expected: str | None) -> None:
    assert parse_date(value) == expected


def test_loaders_and_layout_share_one_parser() -> None:
    assert layout.parse_date is formats.parse_date is tables.parse_date is article_text.parse_date is parse_date


def _chinese_year(year: int) -> str:
    return "".join(CN_DIGITS[int(d)] for d in str(year))


def _chinese_number(n: int) -> str:
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else CN_DIGITS[tens]) + "十" if tens else "") + (CN_DIGITS[ones] if ones else "")


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.sampled_from(["{y}-{m:02d}-{d:02d}", "{y}/{m}/{d}", "{y}.{m}.{d}", "{y}年{m}月{d}日", "{y}{m:02d}{d:02d}",
                        "发布时间：{y}-{m:02d}-{d:02d} 10:32", "《工人日报》（{y}年{m:02d}月{d:02d}日 第 03 版）", "cn"]))
def test_every_written_form_parses_back(date: dt.date, form: str) -> None:
    if form == "cn":
        text = f"{_chinese_year(date.year)}年{_chinese_number(date.month)}月{_chinese_number(date.day)}日"
    else:
        text = form.format(y=date.year, m=date.month, d=date.day)
    assert parse_date(text) == date.isoformat()


@given(st.text(max_size=60))
def test_arbitrary_text_gives_none_or_a_real_iso_date(text: str) -> None:
    found = parse_date(text)
    assert found is None or dt.date.fromisoformat(found).isoformat() == found
