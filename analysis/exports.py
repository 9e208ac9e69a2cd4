"""Downloads: tables as CSV (UTF-8 with BOM, formula-safe) and XLSX, figures as PNG and SVG."""
from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from analysis import fonts

# Spreadsheet apps run cells that start with these as formulas (CSV injection); tab and CR hide them.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
FONT_CACHE_DIR = Path("data") / "fonts"


def neutralize_cell(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Copy with text cells neutralised (headers too); numbers stay numbers."""
    safe = df.copy()
    safe.columns = [neutralize_cell(str(c)) for c in safe.columns]
    for position in range(safe.shape[1]):
        column = safe.iloc[:, position]
        if not (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column)):
            safe.isetitem(position, column.map(neutralize_cell))
    return safe


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with BOM, so Excel opens Chinese text correctly."""
    # CRLF rows (RFC 4180) make the writer quote cells holding a bare "\r", which spreadsheets would otherwise
    # split into a new row whose first cell could start a formula.
    return _safe_frame(df).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_xlsx_bytes(df: pd.DataFrame, *, sheet_name: str = "WenYan") -> bytes:
    """One-sheet XLSX; strings are written as strings, never as formulas or links."""
    buffer = io.BytesIO()
    options = {"options": {"strings_to_formulas": False, "strings_to_urls": False}}
    with pd.ExcelWriter(buffer, engine="xlsxwriter", engine_kwargs=options) as writer:
        _safe_frame(df).to_excel(writer, index=False, sheet_name=sheet_name[:31])
        writer.sheets[sheet_name[:31]].set_column(0, max(0, len(df.columns) - 1), 16)
    return buffer.getvalue()


def chromium_path() -> str | None:
    """The browser kaleido drives for static export (Debian's chromium), or None when missing."""
    for candidate in (os.environ.get("BROWSER_PATH"), *CHROMIUM_CANDIDATES, shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def _prepare_chromium_env() -> None:
    """Point kaleido at Debian's chromium and let fontconfig find the pip CJK font (set once, same values)."""
    browser = chromium_path()
    if browser is None:
        raise RuntimeError("static figure export needs chromium (apt-get install chromium)")
    os.environ.setdefault("BROWSER_PATH", browser)
    os.environ.setdefault("FONTCONFIG_FILE", str(fonts.write_fontconfig(FONT_CACHE_DIR.resolve())))


def figure_bytes(figure: go.Figure, *, fmt: str = "png", width: int = 1100, height: int | None = None,
                 scale: float = 2) -> bytes:
    """A figure as PNG or SVG rendered by kaleido in headless chromium (1–3 s per call)."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown format {fmt!r}; choose png or svg")
    _prepare_chromium_env()
    height = height or int(figure.layout.height or 500)
    figure = go.Figure(figure).update_layout(margin={"l": 30, "r": 30, "t": 60, "b": 30}, title_x=0.02)
    return figure.to_image(format=fmt, width=width, height=height, scale=scale if fmt == "png" else 1)
