"""Downloads: CSV with BOM and formula neutralising, XLSX strings never formulas, figure PNG/SVG."""
from __future__ import annotations

import io

import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis import exports

HOSTILE = pd.DataFrame({"词语": ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tcmd", "产业工人"],
                        "频次": [1, -2, 3, 4, 5, 6]})


@pytest.mark.parametrize(("cell", "expected"), [
    ("=1+1", "'=1+1"), ("+86 123", "'+86 123"), ("-5", "'-5"), ("@A1", "'@A1"), ("\t=1", "'\t=1"),
    ("产业工人", "产业工人"), ("a=b", "a=b"), ("", ""), (-5, -5), (None, None),
])
def test_neutralize_cell(cell, expected):
    assert exports.neutralize_cell(cell) == expected


def test_csv_has_bom_and_neutralised_text_but_numbers_intact():
    data = exports.to_csv_bytes(HOSTILE)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(back["词语"]) == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2+3", "'@SUM(A1)", "'\tcmd", "产业工人"]
    assert list(back["频次"]) == [1, -2, 3, 4, 5, 6]


def test_csv_header_is_neutralised_too():
    data = exports.to_csv_bytes(pd.DataFrame({"=cmd": [1]}))
    assert data.decode("utf-8-sig").splitlines()[0] == "'=cmd"


def test_xlsx_keeps_strings_as_strings():
    book = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx_bytes(HOSTILE)))
    sheet = book.active
    cells = [sheet.cell(row=r, column=1) for r in range(2, 8)]
    assert all(c.data_type == "s" for c in cells)
    assert cells[0].value == "'=HYPERLINK(\"http://x\")" and cells[5].value == "产业工人"
    assert [sheet.cell(row=r, column=2).value for r in range(2, 8)] == [1, -2, 3, 4, 5, 6]
    assert sheet.cell(row=1, column=1).value == "词语"


def test_empty_frame_exports():
    assert exports.to_csv_bytes(pd.DataFrame()).startswith(b"\xef\xbb\xbf")
    assert exports.to_xlsx_bytes(pd.DataFrame(columns=["a"]))[:2] == b"PK"


@pytest.mark.slow
@pytest.mark.skipif(exports.chromium_path() is None, reason="chromium is not installed")
def test_figure_png_and_svg_through_chromium():
    figure = go.Figure(go.Bar(x=["产业工人", "技能人才"], y=[3, 5]))
    png = exports.figure_bytes(figure, fmt="png", width=400, height=300, scale=1)
    assert png.startswith(b"\x89PNG") and len(png) > 5000
    svg = exports.figure_bytes(figure, fmt="svg", width=400, height=300).decode("utf-8")
    assert svg.lstrip().startswith("<svg") and "产业工人" in svg
    with pytest.raises(ValueError, match="png or svg"):
        exports.figure_bytes(figure, fmt="gif")
