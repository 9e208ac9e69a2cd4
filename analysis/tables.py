"""Readers for row-per-article formats (CSV, XLSX, JSON Lines): bytes → one `Extracted` per row."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence

from analysis.encoding import decode_bytes
from analysis.errors import CorruptFile, MissingColumn, TooLarge
from analysis.dates import parse_date
from analysis.formats import Extracted, check_unpacked_size, guard_parser

MAX_TABLE_ROWS = 100_000
# Column names recognised case-insensitively, most specific first.
TEXT_COLUMN_NAMES = ("正文", "内容", "全文", "文本", "text", "content", "body", "article")
TITLE_COLUMN_NAMES = ("标题", "题目", "title", "headline", "name")
DATE_COLUMN_NAMES = ("日期", "发布日期", "发布时间", "时间", "date", "published", "pubdate")
CSV_DELIMITERS = (",", "\t", ";", "|")


def find_columns(
    header: Sequence[object], *, text_column: str | None = None, title_column: str | None = None, source: str
) -> tuple[int, int | None, int | None]:
    """Indexes of the (text, title, date) columns; MissingColumn when no text column can be found."""
    names = [str(name).strip().lstrip("\ufeff").lower() if name is not None else "" for name in header]
    listed = "、".join(str(name) for name in header if name not in (None, "")) or "(none)"
    text_index = _pick_column(names, text_column, TEXT_COLUMN_NAMES)
    if text_index is None:
        wanted = repr(text_column) if text_column else "正文/内容/text"
        raise MissingColumn(f"no text column {wanted} found among the columns {listed}; rename the column that "
                            "holds the article text to 正文 or text, or choose it as the text column", source=source)
    title_index = _pick_column(names, title_column, TITLE_COLUMN_NAMES)
    if title_column and title_index is None:
        raise MissingColumn(f"no title column {title_column!r} found among the columns {listed}; choose one of "
                            "them", source=source)
    return text_index, title_index, _pick_column(names, None, DATE_COLUMN_NAMES)


def _pick_column(names: list[str], explicit: str | None, candidates: Iterable[str]) -> int | None:
    wanted = (explicit.strip().lower(),) if explicit else candidates
    for candidate in wanted:
        if candidate in names:
            return names.index(candidate)
    return None


def rows_to_extracted(
    rows: Iterable[Sequence[object]], *, text_column: str | None, title_column: str | None, source: str,
    encoding: str | None = None,
) -> list[Extracted]:
    """One Extracted per data row with non-empty text; rows are numbered from 1 after the header."""
    iterator = iter(rows)
    header = next(iterator, None)
    if header is None:
        return []
    text_index, title_index, date_index = find_columns(
        header, text_column=text_column, title_column=title_column, source=source
    )
    found = []
    for number, row in enumerate(iterator, start=1):
        if number > MAX_TABLE_ROWS:
            raise TooLarge(f"table has more than {MAX_TABLE_ROWS} rows; split it", source=source)
        text = _cell(row, text_index)
        if not text.strip():
            continue
        title = _cell(row, title_index).strip() or None
        date = parse_date(row[date_index]) if date_index is not None and date_index < len(row) else None
        found.append(Extracted(body=text, title=title, date=date, encoding=encoding, locator=f"#{number}"))
    return found


def _cell(row: Sequence[object], index: int | None) -> str:
    if index is None or index >= len(row) or row[index] is None:
        return ""
    return str(row[index])


def read_csv(data: bytes, *, source: str, text_column: str | None = None,
             title_column: str | None = None) -> list[Extracted]:
    """CSV in any detected encoding; the delimiter is the one the header line uses most."""
    text, encoding = decode_bytes(data, source=source)
    text = text.lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = max(CSV_DELIMITERS, key=first_line.count)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        if "field larger" in str(exc):
            raise TooLarge(f"a CSV cell is longer than {csv.field_size_limit()} characters; use .xlsx or .jsonl",
                           source=source) from exc
        raise CorruptFile(f"CSV cannot be parsed ({exc}); check quoting or save it again", source=source) from exc
    return rows_to_extracted(rows, text_column=text_column, title_column=title_column, source=source,
                             encoding=encoding)


def read_xlsx(data: bytes, *, source: str, text_column: str | None = None,
              title_column: str | None = None) -> list[Extracted]:
    """The first sheet that has a text column; one row = one article."""
    check_unpacked_size(data, kind="xlsx", source=source)
    import openpyxl  # here, not at module import: it costs ~0.1 s per process start

    book = guard_parser(lambda: openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True),
                           kind="xlsx", source=source)
    try:
        last_error: MissingColumn | None = None
        for sheet in book.worksheets:
            rows = guard_parser(lambda: list(sheet.iter_rows(max_row=MAX_TABLE_ROWS + 2, values_only=True)),
                                   kind="xlsx", source=source)
            try:
                return rows_to_extracted(rows, text_column=text_column, title_column=title_column, source=source)
            except MissingColumn as exc:
                last_error = exc
        raise last_error or MissingColumn("workbook has no sheets; add a sheet with a 正文 or text column",
                                            source=source)
    finally:
        book.close()


def read_jsonl(data: bytes, *, source: str, text_column: str | None = None,
               title_column: str | None = None) -> list[Extracted]:
    """One JSON object per line; a broken line stops the load with its line number (nothing is skipped silently)."""
    text, encoding = decode_bytes(data, source=source)
    found = []
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorruptFile(f"line {number} is not valid JSON ({exc.msg}); fix or remove that line",
                              source=source) from exc
        if not isinstance(record, dict):
            raise CorruptFile(f"line {number} is not a JSON object; write one object with title and text keys "
                              "per line", source=source)
        keys = list(record)
        rows = rows_to_extracted([keys, [record[key] for key in keys]], text_column=text_column,
                                 title_column=title_column, source=f"{source} line {number}", encoding=encoding)
        found.extend(Extracted(body=row.body, title=row.title, date=row.date, encoding=encoding,
                               locator=f"#{number}") for row in rows)
    return found
