"""Encoding detection: BOMs, strict UTF-8, GB18030/Big5/UTF-16 candidates judged by Chinese plausibility."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.encoding import COMMON_CHARS, decode_bytes, detect_encoding, sniff_binary
from analysis.errors import DecodeFailed, UnsupportedFormat
from analysis.loaders import detect_encoding as exported_detect_encoding

SIMPLIFIED = "市总工会今年组织开展职工技能竞赛，参赛人数比去年增加两成。"
TRADITIONAL = "臺北市勞動局舉辦職場安全講座，說明高溫作業的防護措施。"

CASES = [
    (SIMPLIFIED, "utf-8", "utf-8"),
    (SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
    (SIMPLIFIED, "utf-16", "utf-16"),
    (SIMPLIFIED, "utf-16-le", "utf-16-le"),
    (SIMPLIFIED, "utf-16-be", "utf-16-be"),
    (SIMPLIFIED, "utf-32", "utf-32"),
    (SIMPLIFIED, "gb18030", "gb18030"),
    (SIMPLIFIED, "gbk", "gb18030"),
    (SIMPLIFIED, "gb2312", "gb18030"),
    (TRADITIONAL, "big5", "big5"),
    ("高雄港貨櫃裝", "big5", "big5"),  # short: decided by the Big5 frequent-character block
    ("职工技能", "gb18030", "gb18030"),
    ("勞工權益", "big5", "big5"),
    (TRADITIONAL, "gb18030", "gb18030"),
    (TRADITIONAL, "utf-16", "utf-16"),
    ("plain ASCII text, 2026", "utf-8", "utf-8"),
    ("ASCII stored as UTF-16 without a BOM", "utf-16-le", "utf-16-le"),
]


@pytest.mark.parametrize(("text", "written_as", "reported"), CASES)
def test_detects_and_decodes(text: str, written_as: str, reported: str) -> None:
    data = text.encode(written_as)
    assert decode_bytes(data) == (text, reported)
    assert detect_encoding(data) == exported_detect_encoding(data) == reported


def test_declared_charset_is_used_only_when_utf8_fails() -> None:
    gbk = SIMPLIFIED.encode("gbk")
    assert decode_bytes(gbk, declared="gb2312") == (SIMPLIFIED, "gb18030")
    utf8 = SIMPLIFIED.encode("utf-8")
    assert decode_bytes(utf8, declared="gb2312") == (SIMPLIFIED, "utf-8")  # a wrong declaration loses to UTF-8
    assert decode_bytes(gbk, declared="no-such-codec") == (SIMPLIFIED, "gb18030")


def test_western_legacy_text_falls_back_to_charset_normalizer() -> None:
    text = "Café au lait, crème brûlée et pâté: a menu written on an old Windows machine.\n" * 3
    decoded, _ = decode_bytes(text.encode("cp1252"))
    # Single-byte code pages cannot be told apart reliably on short text; the ASCII letters must survive.
    assert len(decoded) == len(text)
    assert [a for a in decoded if a.isascii()] == [b for b in text if b.isascii()]


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_refused(seed: int) -> None:
    with pytest.raises(DecodeFailed):
        decode_bytes(random.Random(seed).randbytes(2048))


@pytest.mark.parametrize(
    ("head", "kind"),
    [(b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff\xe0", "JPEG"), (b"PK\x03\x04", "zip"), (b"%PDF-1.7", "PDF")],
)
def test_binary_signatures_are_named(head: str, kind: str) -> None:
    assert kind in sniff_binary(head + b"\x00" * 20)
    with pytest.raises(UnsupportedFormat, match=kind):
        decode_bytes(head + b"\x00" * 20)


def test_damaged_bom_text_says_where() -> None:
    with pytest.raises(DecodeFailed, match="byte"):
        decode_bytes(b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8")[:-1])


def test_control_heavy_utf8_is_refused() -> None:
    with pytest.raises(DecodeFailed):
        decode_bytes(bytes(range(1, 32)) * 10)


COMMON = sorted(COMMON_CHARS)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(COMMON + list("，。、 0123456789")), min_size=8, max_size=200),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "gb18030"]))
def test_common_chinese_text_round_trips(text: str, encoding: str) -> None:
    if encoding == "gb18030" and sum(ch in COMMON_CHARS for ch in text) < 8:
        return  # too few ideographs to tell GB18030 from the other candidates
    try:
        if text.encode(encoding).decode("utf-8") == text:
            return  # bytes that are valid UTF-8 are read as UTF-8 (pure ASCII, for example)
    except UnicodeDecodeError:
        pass
    assert decode_bytes(text.encode(encoding))[0] == text
