"""Pre-segmented text: detection, display form, and exact display→raw offsets (seed and a seed-style fixture)."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.loaders import load_bytes, load_path
from analysis.presegmented import is_presegmented, map_span_to_raw, to_display

DATA = Path(__file__).parent / "data" / "loaders"
SEED = Path(__file__).resolve().parents[1] / "demo" / "000_9d4a661cd42be132.txt"

DISPLAY_CASES = [
    ("600 万 产业工人", "600万产业工人"),
    ("47 万余", "47万余"),
    ("32 %", "32%"),
    ("1.5 亿人次", "1.5亿人次"),
    ("IPC 手工", "IPC手工"),
    ("由量 大到 质强   成都", "由量大到质强 成都"),  # a run of 2+ spaces was an original space
    ("关键词  “ 向心力 ”", "关键词“向心力”"),  # …but not next to CJK punctuation
    ("。” 走出 党史", "。”走出党史"),
    ("Hello world 你好", "Hello world你好"),
    ("Hello , world", "Hello, world"),
    ("记者   侯初 ）", "记者 侯初）"),
    ("第一 段\n第二 段", "第一段\n第二段"),
    ("  前后 空格  ", "前后空格"),
    ("", ""),
]


@pytest.mark.parametrize(("raw", "display"), DISPLAY_CASES)
def test_display_form(raw: str, display: str) -> None:
    assert to_display(raw)[0] == display


DETECT_CASES = [
    ("产业工人 队伍 建设 改革 深化改革 组成部分 习近平 总书记 推进", True),
    ("春 眠 不 觉 晓 处 处 闻 啼 鸟", True),
    ("产业工人队伍建设改革是全面深化改革的重要组成部分，总书记多次作出重要指示。", False),
    ("由量 大到 质强", False),  # two spaced pairs: too little evidence
    ("The quick brown fox jumps over the lazy dog again and again", False),
    ("成都 高新区 与 重庆 两江新区 签署 合作 协议 ， 共建 产业 园区 。", True),
    ("本报记者 王晓 李明\n全市职工技能提升行动今年累计培训四十七万人次，覆盖全部产业功能区。", False),
]


@pytest.mark.parametrize(("text", "expected"), DETECT_CASES)
def test_is_presegmented(text: str, expected: bool) -> None:
    assert is_presegmented(text) is expected


def _assert_spans_map_back(raw: str, display: str, spans: tuple[tuple[int, int], ...], offsets: list[int]) -> None:
    assert len(offsets) == len(display) + 1 and offsets[-1] == len(raw)
    assert offsets == sorted(offsets)
    assert [display[s:e] for s, e in spans] == raw.split()
    for start, end in spans:
        raw_start, raw_end = map_span_to_raw(offsets, start, end)
        assert raw[raw_start:raw_end] == display[start:end]
    covered = {i for s, e in spans for i in range(s, e)}
    for index, char in enumerate(display):
        if index not in covered:  # a rendered gap: a space or newline that is also one in the raw text
            assert char in " \n" and raw[offsets[index]].isspace()


def test_seed_style_fixture() -> None:
    [article] = load_path(DATA / "seed_style.txt")
    assert article.title == "技能强则产业强 本市20万职工提技"
    assert article.subtitle == "原标题：技能强则产业强 20万职工提技！"
    assert article.presegmented is True
    assert article.text.split("\n") == [
        "今年以来本市总工会实施职工技能提升行动累计培训职工47万余人次。",
        "关键词“练本领”",
        "产业工人比武练兵",
        "全市高技能人才占技能人才比重达到32%，比上年提高2.5个百分点。",
        "“职工服务平台全年服务1.5亿人次。”IPC手工焊接项目首次纳入比赛。",
    ]
    display, spans, offsets = to_display(article.raw_text)
    assert (display, spans) == (article.text, article.token_spans)
    assert article.raw_text.split("\n")[1] == "关键词  “ 练 本领 ”"
    _assert_spans_map_back(article.raw_text, display, spans, offsets)


def test_seed_article() -> None:
    [article] = load_path(SEED)
    assert article.title == "由量大到质强 成都600万产业工人进阶"
    assert article.subtitle == "原标题：由量大到质强 600万产业工人进阶？"
    assert (article.presegmented, article.format, article.encoding) == (True, "txt", "utf-8")
    assert "成都600万产业工人" in article.title
    for phrase in ("超过32%", "47万余", "1.5亿人次", "IPC手工焊接", "600万产业工人"):
        assert phrase in article.text
    lines = article.text.split("\n")
    assert [line for line in lines if line.startswith("关键词")] == [
        "关键词“向心力”", "关键词“全链条”", "关键词“加速度”", "关键词“服务圈”",
    ]
    assert lines[lines.index("关键词“向心力”") + 1] == "产业工人城市改革发展同呼吸共命运"
    assert "  " not in article.text and "\t" not in article.text and "\u3000" not in article.text
    display, spans, offsets = to_display(article.raw_text)
    assert (display, spans) == (article.text, article.token_spans)
    _assert_spans_map_back(article.raw_text, display, spans, offsets)


def test_seed_style_in_utf16_loads_the_same() -> None:
    raw = (DATA / "seed_style.txt").read_text(encoding="utf-8")
    [from_txt] = load_path(DATA / "seed_style.txt")
    [from_utf16] = load_bytes(raw.encode("utf-16"), "seed.txt")
    assert (from_utf16.title, from_utf16.text, from_utf16.encoding) == (from_txt.title, from_txt.text, "utf-16")


TOKEN = st.text(alphabet=st.characters(blacklist_categories=("Zs", "Cc", "Zl", "Zp", "Cs")), min_size=1, max_size=6)
GAP = st.sampled_from([" ", " ", " ", "  ", "   ", "\n", " \n ", "\u3000", "\t"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(TOKEN, GAP), max_size=40), st.sampled_from(["", " ", "  "]))
def test_offsets_map_back_for_arbitrary_token_sequences(pairs: list[tuple[str, str]], lead: str) -> None:
    raw = lead + "".join(token + gap for token, gap in pairs)
    display, spans, offsets = to_display(raw)
    _assert_spans_map_back(raw, display, spans, offsets)
    assert len(spans) == len(pairs)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("产业工人 队伍建设\n\u3000　。“”，600万%IPCa.")))
def test_offsets_map_back_for_arbitrary_mixed_text(raw: str) -> None:
    display, spans, offsets = to_display(raw)
    _assert_spans_map_back(raw, display, spans, offsets)
