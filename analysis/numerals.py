"""Parsing of Arabic, Chinese and mixed numerals (600万, 1.5亿, 三百六十, 三五万, 1,234) into values."""
from __future__ import annotations

import re
from decimal import Decimal

CN_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS = {"万": 10**4, "亿": 10**8}
MAGNITUDES = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
# Approximate spans written with two adjacent digits: 三五万 (3-5万), 七八十 (70-80), 十五六 (15-16).
CN_APPROX_RANGE = re.compile(
    r"^(?P<head>[一二三四五六七八九]?十)?(?P<a>[一二两三四五六七八九])(?P<b>[二三四五六七八九])(?P<tail>[十百千万亿]*)$"
)
ARABIC_WITH_MAGNITUDE = re.compile(r"^(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?P<mag>[十百千万亿]*)$")
LEADING_ZERO = re.compile(r"^0\d")
RANGE_SEPARATOR = re.compile(r"至|到|—+|–|~|～|-|－")
APPROXIMATE_MARKS = re.compile(r"[余多来]")
FULL_WIDTH_TABLE = str.maketrans("０１２３４５６７８９％．，", "0123456789%.,")


FULL_WIDTH_PAIRS = tuple(zip("０１２３４５６７８９％．，", "0123456789%.,"))


def to_half_width(text: str) -> str:
    """Map full-width digits, ％ and ． to ASCII one character for one (offsets are kept)."""
    if text.isascii():
        return text
    for wide, narrow in FULL_WIDTH_PAIRS:  # str.replace scans in C; translate looks up every character
        if wide in text:
            text = text.replace(wide, narrow)
    return text


def parse_chinese_number(text: str) -> int:
    """Value of a Chinese numeral such as 三百六十, 一万二千, 二〇二四 or 万亿; ValueError if not one."""
    if not text or any(ch not in CN_DIGITS and ch not in CN_SMALL_UNITS and ch not in CN_BIG_UNITS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if len(text) > 1 and all(ch in CN_DIGITS for ch in text):
        return int("".join(str(CN_DIGITS[ch]) for ch in text))  # digit by digit: 二〇二四
    total = section = number = 0
    last_unit = 0
    for ch in text:
        if ch in CN_DIGITS:
            number = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            last_unit = CN_SMALL_UNITS[ch]
            section += (number or 1) * last_unit  # a bare 十 is 10
            number = 0
        else:
            section += number
            number = 0
            section = section or 1
            if ch == "亿":
                total, section = (total + section) * 10**8, 0
            else:
                section *= 10**4
            last_unit = CN_BIG_UNITS[ch]
    if number and last_unit >= 100 and "零" not in text and text[-2] in "百千万":
        number *= last_unit // 10  # colloquial 一万二 = 12000, 三千五 = 3500
    return total + section + number


def _magnitude(mag: str) -> float:
    """Product of magnitude characters: 万亿 → 1e12, 千万 → 1e7."""
    factor = 1.0
    for ch in mag:
        factor *= MAGNITUDES[ch]
    return factor


def parse_single(text: str) -> float:
    """Value of one numeral: Arabic (with commas and magnitude suffixes) or Chinese."""
    text = APPROXIMATE_MARKS.sub("", to_half_width(text.strip()))
    match = ARABIC_WITH_MAGNITUDE.match(text)
    if match:
        if LEADING_ZERO.match(match["num"]):
            raise ValueError(f"a code, not a quantity: {text!r}")  # 028, 0571: area codes
        return float(Decimal(match["num"].replace(",", "")) * Decimal(int(_magnitude(match["mag"]))))
    return float(parse_chinese_number(text))


def trailing_magnitude(text: str) -> str:
    """The magnitude characters a numeral ends with (47万 → 万, 三五万 → 万, 三百 → '')."""
    text = APPROXIMATE_MARKS.sub("", text)
    match = ARABIC_WITH_MAGNITUDE.match(text)
    if match:
        return match["mag"]
    tail = re.search(r"[万亿]+$", text)
    return tail.group(0) if tail and len(tail.group(0)) < len(text) else ""


def parse_quantity(text: str) -> tuple[float, float | None]:
    """(low, high) of a numeral or range: 600万 → (6e6, None); 3至5万 → (3e4, 5e4); 三五万 → (3e4, 5e4)."""
    if text.isascii() and text.isdigit():  # the common case, 1830: no magnitude, range or Chinese to read
        if LEADING_ZERO.match(text):
            raise ValueError(f"a code, not a quantity: {text!r}")
        return float(text), None
    text = to_half_width(text.strip())
    approx = CN_APPROX_RANGE.match(APPROXIMATE_MARKS.sub("", text))
    if approx and CN_DIGITS[approx["b"]] - CN_DIGITS[approx["a"]] in (1, 2):
        head = approx["head"] or ""
        if head and not approx["tail"]:  # 十五六 = 15..16
            return float(parse_chinese_number(head + approx["a"])), float(parse_chinese_number(head + approx["b"]))
        return parse_single(head + approx["a"] + approx["tail"]), parse_single(head + approx["b"] + approx["tail"])
    parts = [p for p in RANGE_SEPARATOR.split(text) if p]
    if len(parts) == 2:
        high = parse_single(parts[1])
        low_text = parts[0]
        if not trailing_magnitude(low_text):
            low_text += trailing_magnitude(parts[1])  # 3至5万: the magnitude is shared
        low = parse_single(low_text)
        if low >= high:
            raise ValueError(f"not an increasing range: {text!r}")
        return low, high
    if len(parts) != 1:
        raise ValueError(f"not a quantity: {text!r}")
    return parse_single(parts[0]), None


def to_chinese_numeral(value: int) -> str:
    """Write a non-negative integer in standard Chinese numerals (used by tests and round trips)."""
    if value == 0:
        return "零"
    yi, rest = divmod(value, 10**8)
    wan, low = divmod(rest, 10**4)
    parts = [to_chinese_numeral(yi) + "亿"] if yi else []
    if wan:
        parts += (["零"] if yi and wan < 1000 else []) + [_group_to_chinese(wan) + "万"]
    if low:
        parts += (["零"] if (yi or wan) and (low < 1000 or not wan) else []) + [_group_to_chinese(low)]
    return "".join(parts)


def _group_to_chinese(group: int) -> str:
    """A group of 1..9999 with 零 for inner gaps (一千零五, 三百六十)."""
    out, gap = [], False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = group // unit % 10
        if digit:
            out += (["零"] if gap else []) + ["零一二三四五六七八九"[digit] + name]
            gap = False
        elif out:
            gap = True
    return "".join(out)
