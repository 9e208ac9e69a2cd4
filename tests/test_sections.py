"""detect_sections: the seed golden, 18 hand-checked article goldens, small (text, expected) tables, properties."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.sections import detect_sections, normalize_title

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "articles"
SEED = Path("/work/shared/seeds/000_9d4a661cd42be132.txt")
GOLDEN_KEYS = ("title", "subheading", "level", "parent", "start", "end")


def read_article(path: Path) -> tuple[str, str]:
    """(title, display text) of a "title line, blank line, paragraphs" file (paragraphs joined by \\n)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    body = (line.strip() for line in lines[1:])
    return lines[0].strip(), "\n".join(line for line in body if line)


def as_rows(sections) -> list[dict]:
    return [{key: getattr(section, key) for key in GOLDEN_KEYS} for section in sections]


def outline(text: str) -> list[tuple[str | None, int, int | None]]:
    return [(section.title, section.level, section.parent) for section in detect_sections(text)]


GOLDENS = sorted(ARTICLES.glob("*.sections.json"))


def test_there_are_at_least_15_article_goldens_and_two_without_headings():
    goldens = [json.loads(path.read_text(encoding="utf-8")) for path in GOLDENS]
    assert len(goldens) >= 15
    assert sum(len(golden["sections"]) == 1 and golden["sections"][0]["title"] is None for golden in goldens) >= 2


@pytest.mark.parametrize("golden_path", GOLDENS, ids=lambda path: path.name.split(".")[0])
def test_article_matches_golden(golden_path: Path):
    golden = json.loads(golden_path.read_text(encoding="utf-8"))
    title, text = read_article(golden_path.with_name(golden_path.name.replace(".sections.json", ".txt")))
    assert title == golden["title"]
    sections = detect_sections(text)
    assert as_rows(sections) == golden["sections"]
    assert all(section.text == text[section.start:section.end] for section in sections)


@pytest.mark.parametrize("golden_path", GOLDENS, ids=lambda path: path.name.split(".")[0])
def test_article_through_the_loader_matches_golden(golden_path: Path):
    from analysis.loaders import load_path

    golden = json.loads(golden_path.read_text(encoding="utf-8"))
    article = load_path(golden_path.with_name(golden_path.name.replace(".sections.json", ".txt")))[0]
    assert (article.title, article.date) == (golden["title"], golden["date"])
    assert as_rows(detect_sections(article.text)) == golden["sections"]


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present")
def test_seed_gives_lead_and_four_keyword_sections_with_subheadings():
    from analysis.loaders import load_path

    golden = json.loads((DATA / "seed_sections.json").read_text(encoding="utf-8"))
    article = load_path(SEED)[0]
    assert article.title == golden["title"] == "由量大到质强 成都600万产业工人进阶"
    sections = detect_sections(article.text)
    assert [(s.title, s.subheading) for s in sections] == [
        (None, None),
        ("关键词“向心力”", "产业工人城市改革发展同呼吸共命运"),
        ("关键词“全链条”", "产业工人工变匠”"),
        ("关键词“加速度”", "搭建产业工人建功立业舞台"),
        ("关键词“服务圈”", "加快打造产业工人高品质生活"),
    ]
    assert len(article.text) == golden["n_chars"], "the loader's display text changed: regenerate the golden"
    assert as_rows(sections) == golden["sections"]
    assert sections[-1].text.endswith("贡献成都力量。")  # the byline and (责编 … after it are not section text


BODY = "今年以来，全市累计开展职工技能培训12万人次，新增高技能人才8000人，技能人才队伍持续壮大。"
SHORT_BODY = "全市新增就业1.2万人。"

OUTLINE_CASES = [
    ("", []),
    ("  \n\u3000\n", []),
    (BODY, [(None, 0, None)]),
    # a display form that keeps the seed's gap before the quote still gives the normalised title
    (f"导语。\n关键词  “ 全链条 ”\n产业工人工变匠\n{BODY}", [(None, 0, None), ("关键词“全链条”", 1, None)]),
    (f"# 就业\n{BODY}\n## 稳岗\n{BODY}\n# 社保\n{BODY}", [("就业", 1, None), ("稳岗", 2, 0), ("社保", 1, None)]),
    (f"##稳就业\n{BODY}", [("稳就业", 1, None)]),
    (f"#稳就业#\n{BODY}", [(None, 0, None)]),  # a hashtag, not a Markdown heading
    (f"**加强技能培训**\n{BODY}", [("加强技能培训", 1, None)]),
    (f"**各地要高度重视，切实抓好落实。**\n{BODY}", [(None, 0, None)]),  # bold sentence, not a heading
    (f"一、总体要求\n（一）指导思想\n{BODY}\n（二）主要目标\n{BODY}\n二、重点任务\n{BODY}",
     [("一、总体要求", 1, None), ("（一）指导思想", 2, 0), ("（二）主要目标", 2, 0), ("二、重点任务", 1, None)]),
    (f"（一）甲项工作\n{BODY}\n一、乙项工作\n{BODY}", [("（一）甲项工作", 1, None), ("一、乙项工作", 1, None)]),
    (f"第一章 总则\n{BODY}\n第二章 实施\n第一节 申报\n{BODY}\n第二节 评审\n{BODY}",
     [("第一章 总则", 1, None), ("第二章 实施", 1, None), ("第一节 申报", 2, 1), ("第二节 评审", 2, 1)]),
    (f"第一部分 就业\n一、稳岗\n1. 返还\n{BODY}\n（1）对象\n{BODY}",
     [("第一部分 就业", 1, None), ("一、稳岗", 2, 0), ("1. 返还", 3, 1), ("（1）对象", 4, 2)]),
    (f"1、培训对象\n{BODY}\n2、培训内容\n{BODY}", [("1、培训对象", 1, None), ("2、培训内容", 1, None)]),
    ("（一）加强思想政治工作。组织宣讲320场，覆盖职工8.6万人次。", [("（一）加强思想政治工作", 1, None)]),
    ("一、坚持就业优先：把就业摆在经济社会发展的突出位置。", [("一、坚持就业优先", 1, None)]),
    ("**一是稳岗返还。**参保企业可按规定申请稳岗返还。", [("一是稳岗返还", 1, None)]),
    # not headings: enumerations and decimals that only look numbered
    ("一、二季度全市就业形势总体稳定，城镇调查失业率保持低位。", [(None, 0, None)]),
    ("1.5万名职工参加了技能比武。", [(None, 0, None)]),
    ("1、2月份，全市新增就业2.3万人。", [(None, 0, None)]),
    # one-sentence numbered lines that number list items are not headings
    (f"补贴对象包括：\n1. 本市户籍劳动者。\n2. 持有居住证的劳动者。\n{BODY}", [(None, 0, None)]),
    # short standalone lines
    (f"{BODY}\n技能提升有奔头\n{BODY}", [(None, 0, None), ("技能提升有奔头", 1, None)]),
    (f"{BODY}\n记者手记\n{BODY}", [(None, 0, None), ("记者手记", 1, None)]),
    (f"{BODY}\n一手改体制一手搭平台。\n{BODY}", [(None, 0, None)]),
    (f"{BODY}\n谢谢大家", [(None, 0, None)]),
    (f"主要包括：\n岗位练兵\n技能比武\n{BODY}", [(None, 0, None)]),
    (f"{BODY}\n（完）", [(None, 0, None)]),
    # layout lines are never headings
    (f"本报记者 王晓\n{BODY}", [(None, 0, None)]),
    (f"{BODY}\n（责编 章华维）", [(None, 0, None)]),
    (f"{BODY}\n市人力资源和社会保障局\n2026年4月28日", [(None, 0, None)]),
]


@pytest.mark.parametrize(("text", "expected"), OUTLINE_CASES, ids=[f"case{n:02d}" for n in range(len(OUTLINE_CASES))])
def test_outline(text: str, expected: list):
    assert outline(text) == expected


def test_run_in_section_text_continues_in_the_paragraph():
    text = f"导语。\n（一）加强思想政治工作。组织宣讲320场。\n（二）维护职工权益。{SHORT_BODY}"
    sections = detect_sections(text)
    assert sections[1].text == "（一）加强思想政治工作。组织宣讲320场。"
    assert sections[2].text == f"（二）维护职工权益。{SHORT_BODY}"


def test_subheading_lines():
    feature = f"{BODY}\n课程菜单越来越丰富\n从“充电”到“充能”\n{BODY}"
    assert detect_sections(feature)[1].subheading == "从“充电”到“充能”"
    dash = f"一、总体要求\n——坚持稳中求进\n{BODY}"
    assert [(s.title, s.subheading) for s in detect_sections(dash)] == [("一、总体要求", "坚持稳中求进")]


def test_leading_and_trailing_metadata_is_cut_from_sections():
    text = f"新华社北京4月27日电（记者 张悦）{SHORT_BODY}\n一、甲\n{BODY}\n图为职工在实训。记者 王晓 摄\n（责编 周文）"
    lead, first = detect_sections(text)
    assert lead.text == SHORT_BODY
    assert first.text == f"一、甲\n{BODY}"


def test_empty_lead_is_omitted_and_lead_of_metadata_only_is_omitted():
    assert detect_sections(f"一、甲\n{BODY}")[0].title == "一、甲"
    assert detect_sections(f"本报记者 王晓\n一、甲\n{BODY}")[0].title == "一、甲"


@pytest.mark.parametrize(("raw", "expected"), [
    ("关键词  “ 全 链条 ”", "关键词“全 链条”"),
    ("一、 总体要求", "一、总体要求"),
    ("第一章  总则", "第一章 总则"),
    ("**稳就业**", "稳就业"),
    ("1. Overview  of  jobs", "1. Overview of jobs"),
])
def test_normalize_title(raw: str, expected: str):
    assert normalize_title(raw) == expected


# Lines built from heading-shaped and body-shaped fragments, so the properties meet every branch.
FRAGMENTS = st.sampled_from([
    "一、", "（一）", "(二)", "第一章 ", "第二部分", "第三节", "1. ", "2、", "（1）", "①", "# ", "## ", "**", "关键词",
    "“", "”", "——", "原标题：", "本报记者 ", "王晓", "摄", "（责编 周文）", "。", "，", "：", "；", "！", " ", "\u3000",
    "\t", "加强思想政治工作", "就业", "技能人才", "2026年4月28日", "本报北京4月28日电", "新华社", "（记者 张悦）",
    "《工人日报》（2026年04月29日第 03 版）", "图为", "来源：", "1.5万", "一、二季度", "市人力资源和社会保障局",
])
LINES = st.lists(st.lists(FRAGMENTS | st.text(max_size=4), max_size=8).map("".join), max_size=12)
TEXTS = LINES.map("\n".join) | st.text(max_size=200)


def check_invariants(text: str) -> None:
    sections = detect_sections(text)
    previous_end = 0
    for index, section in enumerate(sections):
        assert previous_end <= section.start < section.end <= len(text)
        assert section.text == text[section.start:section.end]
        previous_end = section.end
        if section.title is None:
            assert index == 0 and section.level == 0 and section.parent is None
            continue
        line_start = text.rfind("\n", 0, section.start) + 1
        assert not text[line_start:section.start].strip(), "a section starts at the start of its heading line"
        heading_line = text[section.start:].split("\n", 1)[0]
        remaining = iter(heading_line)
        assert all(char in remaining for char in section.title if not char.isspace()), (section.title, heading_line)
        assert section.level >= 1
        if section.parent is not None:
            assert section.parent < index and sections[section.parent].level == section.level - 1


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_sections_are_ordered_disjoint_in_bounds_and_start_at_headings(text: str):
    check_invariants(text)


@pytest.mark.parametrize("golden_path", GOLDENS, ids=lambda path: path.name.split(".")[0])
def test_invariants_hold_on_every_article(golden_path: Path):
    check_invariants(read_article(golden_path.with_name(golden_path.name.replace(".sections.json", ".txt")))[1])
