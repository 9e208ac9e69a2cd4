"""Encoding detection: BOMs, strict UTF-8, GB18030/Big5/UTF-16 candidates judged by Chinese plausibility."""
from __future__ import annotations

import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.encoding import COMMON_CHARS, decode_bytes, decode_cut, detect_encoding, sniff_binary
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
    data = b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8")
    damaged = data[:12] + b"\xff" + data[13:]
    with pytest.raises(DecodeFailed, match="byte 9 is not valid utf-8.*damaged; re-save it as UTF-8"):
        decode_bytes(damaged)


# (text, encoding, bytes cut off the end): a download stopped inside the last character.
CUT_CASES = [
    (SIMPLIFIED, "utf-8", 1), (SIMPLIFIED, "utf-8", 2), (SIMPLIFIED, "utf-8-sig", 1), (SIMPLIFIED, "utf-8-sig", 2),
    (SIMPLIFIED, "utf-16", 1), (SIMPLIFIED, "utf-32", 1), (SIMPLIFIED, "utf-32", 3), (SIMPLIFIED, "gb18030", 1),
    (TRADITIONAL, "big5", 1), (SIMPLIFIED, "utf-16-le", 1), ("职工技能竞赛𠀀", "gb18030", 2),
]


@pytest.mark.parametrize(("text", "encoding", "cut"), CUT_CASES)
def test_a_character_cut_off_at_the_end_is_dropped(text: str, encoding: str, cut: int) -> None:
    decoded, found = decode_bytes(text.encode(encoding)[:-cut])
    assert decoded == text[:-1]
    assert found == {"gbk": "gb18030"}.get(encoding, encoding)


def test_only_the_very_end_may_be_cut() -> None:
    data = SIMPLIFIED.encode("utf-8")
    with pytest.raises(DecodeFailed, match=r"UTF-8 up to byte 12 \(line 1\)"):
        decode_bytes(data[:12] + data[13:])  # one byte missing in the middle: damaged, not truncated
    with pytest.raises(UnicodeDecodeError):
        decode_cut(data[:-1] + b"\n", "utf-8")


def test_utf8_damaged_in_the_middle_names_the_line() -> None:
    data = f"{TITLE_UTF8}\n{SIMPLIFIED}\n".encode("utf-8")
    at = data.index("竞".encode("utf-8"))
    with pytest.raises(DecodeFailed, match=rf"UTF-8 up to byte {at} \(line 2\).*damaged or mixes encodings"):
        decode_bytes(data[:at] + b"\xff\xfe" + data[at + 3:])


TITLE_UTF8 = "西宁市开展冬季职工技能大比武"
GBK_BODY = "本报讯 比赛设置电工、焊工、数控车工等12个工种。\n市总工会负责人表示，将为获奖职工落实技能津贴。"


@pytest.mark.parametrize(("data", "text", "encoding"), [
    (f"{TITLE_UTF8}\n".encode() + GBK_BODY.encode("gbk"), f"{TITLE_UTF8}\n{GBK_BODY}", "mixed: utf-8+gb18030"),
    (GBK_BODY.encode("gbk") + "\n（完）编辑：王敏\n".encode(), f"{GBK_BODY}\n（完）编辑：王敏\n", "mixed: utf-8+gb18030"),
    (b"\xef\xbb\xbf" + f"{TITLE_UTF8}\r\n".encode() + GBK_BODY.replace("\n", "\r\n").encode("gbk"),
     f"{TITLE_UTF8}\r\n" + GBK_BODY.replace("\n", "\r\n"), "mixed: utf-8+gb18030"),
    (f"{TITLE_UTF8}\n\n".encode() + TRADITIONAL.encode("big5"), f"{TITLE_UTF8}\n\n{TRADITIONAL}", "mixed: utf-8+big5"),
    # 一专业 in GBK is valid UTF-8 (һרҵ), but reads better as GBK, like the other GBK line
    ("一专业\n".encode("gbk") + f"{SIMPLIFIED}\n".encode() + GBK_BODY.encode("gbk"),
     f"一专业\n{SIMPLIFIED}\n{GBK_BODY}", "mixed: utf-8+gb18030"),
])
def test_utf8_and_legacy_lines_in_one_file_are_each_decoded(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)


def test_a_short_line_that_reads_better_as_gbk_is_not_taken_for_utf8() -> None:
    data = GBK_BODY.encode("gbk") + b"\n" + "é".encode("utf-8")  # C3 A9: UTF-8 é, GBK 茅
    assert decode_bytes(data) == (GBK_BODY + "\n茅", "gb18030")


def test_mixed_detection_stays_fast_on_a_large_file() -> None:
    data = f"{SIMPLIFIED}\n".encode() * 100_000 + GBK_BODY.encode("gbk")  # ~9 MB, 100,000 UTF-8 lines
    started = time.perf_counter()
    text, encoding = decode_bytes(data)
    assert encoding == "mixed: utf-8+gb18030" and text.endswith(GBK_BODY)
    assert time.perf_counter() - started < 5


CJK_WORD = st.text(alphabet=st.sampled_from(sorted(COMMON_CHARS)), min_size=2, max_size=12)
LINE_TAIL = st.text(alphabet=st.sampled_from(sorted(COMMON_CHARS) + list("，。、 0123456789ab")), max_size=20)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(CJK_WORD, LINE_TAIL, st.sampled_from(["utf-8", "gbk"])), min_size=1, max_size=8))
def test_lines_in_utf8_and_gbk_round_trip(lines: list[tuple[str, str, str]]) -> None:
    try:
        data = b"\n".join((word + tail).encode(encoding) for word, tail, encoding in lines)
    except UnicodeEncodeError:
        return  # a traditional character GBK lacks
    encodings = {encoding for _, _, encoding in lines}
    if encodings != {"utf-8"} and _is_utf8(data):
        return  # GBK lines whose bytes are valid UTF-8 (一专 reads һר) in a file valid as UTF-8: read as UTF-8
    expected = {"utf-8": "utf-8", "gbk": "gb18030"}.get(encodings.pop(), "") if len(encodings) == 1 else ""
    text, found = decode_bytes(data)
    assert text == "\n".join(word + tail for word, tail, _ in lines)
    assert found == (expected or "mixed: utf-8+gb18030")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_utf8_text_with_stray_nul_bytes_is_text() -> None:
    data = SIMPLIFIED.encode("utf-8").replace("，".encode("utf-8"), "，".encode("utf-8") + b"\x00" * 3)
    assert decode_bytes(data) == (SIMPLIFIED.replace("，", "，\x00\x00\x00"), "utf-8")  # the loader drops NULs


def test_a_file_of_nul_bytes_says_so() -> None:
    with pytest.raises(DecodeFailed, match="only NUL bytes"):
        decode_bytes(b"\x00" * 4096)


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


PIECES = ["职工技能大比武".encode(), "职工技能大比武".encode("gbk"), "臺北市勞工局".encode("big5"), "一专".encode("gbk"),
          "𠀀".encode("gb18030"), "é".encode(), b"\n", b"\r\n", b"abc ", b"\x00", b"\xff", b"\xe8"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12), st.integers(0, 3))
def test_pasted_and_cut_fragments_decode_or_raise_decode_failed(pieces: list[bytes], cut: int) -> None:
    data = b"".join(pieces)
    data = data[: len(data) - cut] if cut < len(data) else data
    try:
        text, encoding = decode_bytes(data)
    except DecodeFailed:
        return
    assert isinstance(text, str) and encoding
