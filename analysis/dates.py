"""The one date parser: metadata values (HTML meta, front matter, table cells) and layout lines → ISO yyyy-mm-dd."""
from __future__ import annotations

import datetime as dt
import re

# 2026-04-29, 2026/4/9, 2026.4.9, 2026年4月29日 (日 optional, spaces and mixed separators tolerated: 2026年04-29).
DATE_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
COMPACT_DATE_RE = re.compile(r"^(\d{4})(\d\d)(\d\d)$")  # a whole value such as 20260429
CN_DATE_RE = re.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


def parse_date(value: object) -> str | None:
    """The first real date in a datetime, date or text (2026-04-29, 2026年4月29日, 二〇二六年四月二十九日, 20260429)."""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    if value is None:
        return None
    text = str(value).strip()
    for match in DATE_RE.finditer(text):
        iso = _iso(*(int(group) for group in match.groups()))
        if iso:
            return iso
    compact = COMPACT_DATE_RE.match(text)
    if compact:
        return _iso(*(int(group) for group in compact.groups()))
    written = CN_DATE_RE.search(text)
    if written:
        year = int("".join(str(CN_DIGITS[c]) for c in written.group(1)))
        return _iso(year, _cn_number(written.group(2)), _cn_number(written.group(3)))
    return None


def _cn_number(numeral: str) -> int:
    """一..三十一 as an int (enough for months and days)."""
    if "十" not in numeral:
        return CN_DIGITS.get(numeral, 0)
    tens, _, ones = numeral.partition("十")
    return (CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
