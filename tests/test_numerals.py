"""Numeral parsing: Arabic, Chinese, mixed magnitudes and ranges."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.numerals import parse_chinese_number, parse_quantity, to_chinese_numeral, to_half_width


@pytest.mark.parametrize(("text", "expected"), [
    ("三百六十", 360), ("十五", 15), ("二十", 20), ("一千零五", 1005), ("一万二千", 12000), ("一万二", 12000),
    ("三千五", 3500), ("二〇二四", 2024), ("万亿", 10**12), ("三万亿", 3 * 10**12), ("一亿三千万", 130_000_000),
    ("两万", 20000), ("四十七万", 470000), ("百", 100), ("零", 0), ("壹佰贰拾", 120),
])
def test_parse_chinese_number(text, expected):
    assert parse_chinese_number(text) == expected


@pytest.mark.parametrize("text", ["", "三a", "百分", "成都"])
def test_parse_chinese_number_rejects_other_text(text):
    with pytest.raises(ValueError):
        parse_chinese_number(text)


@pytest.mark.parametrize(("text", "low", "high"), [
    ("600万", 6_000_000, None), ("1.5亿", 150_000_000, None), ("47万余", 470_000, None), ("1,234", 1234, None),
    ("三百六十", 360, None), ("万亿", 1e12, None), ("3至5万", 30_000, 50_000), ("3—5万", 30_000, 50_000),
    ("三五万", 30_000, 50_000), ("七八十", 70, 80), ("十五六", 15, 16), ("十多万", 100_000, None),
    ("１２３", 123, None), ("2.3万", 23_000, None), ("1.2千", 1200, None),
])
def test_parse_quantity(text, low, high):
    assert parse_quantity(text) == (low, high)


@pytest.mark.parametrize("text", ["5至3", "028-12345678", "1至2至3"])
def test_parse_quantity_rejects_bad_ranges(text):
    with pytest.raises(ValueError):
        parse_quantity(text)


def test_to_half_width_keeps_length():
    assert to_half_width("１２．５％") == "12.5%"


@given(st.integers(min_value=0, max_value=10**12))
def test_chinese_numerals_round_trip(value):
    assert parse_chinese_number(to_chinese_numeral(value)) == value


@given(st.integers(min_value=1, max_value=99_999), st.sampled_from([("万", 10**4), ("亿", 10**8), ("", 1)]),
       st.sampled_from(["", ".5", ".25"]))
def test_arabic_with_magnitude_round_trips(whole, magnitude, fraction):
    suffix, factor = magnitude
    text = f"{whole}{fraction}{suffix}"
    assert parse_quantity(text)[0] == pytest.approx(float(f"{whole}{fraction}") * factor)


@given(st.integers(min_value=1, max_value=10**9))
def test_comma_grouped_numbers_parse(value):
    assert parse_quantity(f"{value:,}") == (value, None)
