"""detect_sections: seed golden, 21 hand-checked article goldens, demo corpus, (text, expected) tables, properties."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.sections import detect_sections, normalize_title

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "articles"
SEED = Path(__file__).resolve().parents[1] / "demo" / "000_9d4a661cd42be132.txt"
DEMO = Path(__file__).parent.parent / "demo"
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


# Issue 3 point 4: metadata lines at the top (date lines, datelines under any paper's name) are never headings.
TOP_METADATA_LINES = [
    "2023年3月6日",
    "2025年9月3日 来源：安徽日报",
    "2024-05-06 10:32",
    "发布时间：2024年7月19日",
    "2023年3月6日 星期一",
    "2024年1月25日　济南市根治拖欠农民工工资工作领导小组办公室",
    "5月6日 来源：安徽日报",
    "本报长沙4月15日讯（记者 王某 通讯员 李某）",
    "本报长沙4月15日消息",
    "长江日报讯（记者 王某）",
    "新华社北京3月5日电",
    "中新网成都5月6日电",
    "央视网消息",
    "人民网北京电",
    "本报记者 王晓 通讯员 李明",
]


@pytest.mark.parametrize("line", TOP_METADATA_LINES)
def test_metadata_line_at_the_top_is_cut_from_the_lead_and_is_no_heading(line: str):
    sections = detect_sections(f"{line}\n{BODY}\n技能提升有奔头\n{BODY}")
    assert [(s.title, s.level) for s in sections] == [(None, 0), ("技能提升有奔头", 1)]
    assert sections[0].text == BODY


@pytest.mark.parametrize("dateline", [line for line in TOP_METADATA_LINES if line.endswith(("电", "讯", "）", "消息"))])
def test_run_in_dateline_is_cut_from_the_lead(dateline: str):
    lead, first = detect_sections(f"{dateline}{SHORT_BODY}\n（一）甲项工作\n{BODY}")
    assert (lead.text, first.title) == (SHORT_BODY, "（一）甲项工作")


# Issue 3 point 4.5b: a run-in head of 31–40 characters when it is one plain clause ending in 。 with text after it.
LONG_RUNIN_CASES = [
    ("（一）健全覆盖全民、统筹城乡、公平统一、安全规范、可持续的多层次社会保障体系。", True),
    ("（二）推动职业技能培训与产业发展需求精准对接，提升劳动者就业创业能力。", True),
    ("3. 推动职业技能培训与产业发展需求精准对接，提升劳动者就业创业能力。", True),
    # a sentence, not a head: two commas, figures, or nothing after it in the paragraph
    ("（三）各地要把稳就业摆在突出位置，压实工作责任，确保各项政策落地见效。", False),
    ("（四）全市城镇新增就业12.6万人完成年度目标任务并保持就业形势总体稳定态势。", False),
    ("（五）健全覆盖全民、统筹城乡、公平统一、安全规范、可持续的多层次社会保障体系的长效机制和制度框架。", False),
]


@pytest.mark.parametrize(("head", "is_heading"), LONG_RUNIN_CASES,
                         ids=[f"case{n}" for n in range(len(LONG_RUNIN_CASES))])
def test_long_run_in_head(head: str, is_heading: bool):
    sections = detect_sections(f"导语。\n{head}{SHORT_BODY}\n{BODY}")
    expected = [None, head.rstrip("。")] if is_heading else [None]
    assert [section.title for section in sections] == expected


def test_long_one_sentence_numbered_line_without_text_after_it_is_no_heading():
    line = "（一）推动职业技能培训与产业发展需求精准对接，提升劳动者就业创业能力。"
    assert [s.title for s in detect_sections(f"导语。\n{line}\n{BODY}")] == [None]


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
    "长江日报讯", "央视网消息", "本报长沙4月15日讯", "2024-05-06 10:32", "2025年9月3日 来源：安徽日报",
    "推动职业技能培训与产业发展需求精准对接，提升劳动者就业创业能力",
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


# Issue 3 point 4.4: every demo article gets a date and its headings are headings, never layout metadata.
# These patterns are written independently of analysis.layout, from what a reader calls a byline/date/source line.
LOOKS_LIKE_METADATA_RE = re.compile(
    r"^[（(【]?\s*\d{4}\s*[-/.年]\s*\d{1,2}"  # opens with a full date
    r"|来源|稿源|发布时间|责编|责任编辑|编辑[：:]|记者|通讯员|评论员|^作者"
    r"|^(?:本报|新华社|中新社|中新网|人民网|央视网)|日[电讯]|[电讯][（(]|消息[（(：:]|^[\u4e00-\u9fff]{2,8}(?:报|网)讯"
    r"|摄[）)]?$|^[（(](?:完|全文完)[）)]$|^《[^》]+》\s*[（(]"
)
# The lead may open with a date in running text (2024年7月18日，…), not with a date line, source or dateline.
LEAD_OPENS_WITH_METADATA_RE = re.compile(
    r"^[（(【]?\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*(?:\d{1,2}日|\d{1,2}(?![\d日]))(?![，,])"
    r"|^[（(【]?(?:来源|稿源|发布时间|责编|责任编辑)|^《[^》]+》\s*[（(]"
    r"|^(?:本报|新华社|中新社|中新网|人民网|央视网)|^[^，。]{0,14}日[电讯]|^[\u4e00-\u9fff]{2,8}(?:报|网)讯"
    r"|^(?:本报)?(?:记者|通讯员|评论员)\s*[\u4e00-\u9fff]{2,4}(?:\s|$)"
)
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DEMO_FILES = sorted(p for p in DEMO.glob("*.txt") if p != SEED)  # ours; the seed carries no date


def test_demo_corpus_is_present():
    assert len(DEMO_FILES) >= 12


@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda path: path.stem)
def test_demo_article_has_a_date_and_no_metadata_heading(path: Path):
    from analysis.loaders import load_path

    article = load_path(path)[0]
    assert article.date is not None and ISO_DATE_RE.match(article.date), article.date
    year = re.search(r"_(20\d\d)_", path.name)
    if year:  # the demo files are named NN_city_YEAR_topic.txt
        assert article.date[:4] == year.group(1)
    sections = detect_sections(article.text)
    assert sections, "every demo article has a body"
    for section in sections:
        for label in (section.title, section.subheading):
            assert label is None or not LOOKS_LIKE_METADATA_RE.search(label), label
    first_line = sections[0].text.split("\n", 1)[0]
    assert not LEAD_OPENS_WITH_METADATA_RE.match(first_line), f"metadata left at the start: {first_line}"
