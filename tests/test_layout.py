"""find_layout: news metadata lines (kicker, subtitle, byline, dateline, source, editor, caption, signature)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.layout import Layout, find_layout, parse_date, settle_title

ARTICLES = Path(__file__).parent / "data" / "articles"
BODY = "今年以来，全市新增就业12万人，完成年度目标的41%。"


def metadata(text: str) -> list[tuple[str, str]]:
    return [(text[start:end], kind) for start, end, kind in find_layout(text).spans]


SPAN_CASES = [
    (f"本报记者 王晓 通讯员 李明\n{BODY}", [("本报记者 王晓 通讯员 李明", "byline")]),
    (f"记者 王晓\n{BODY}", [("记者 王晓", "byline")]),
    (f"文/王晓\n{BODY}", [("文/王晓", "byline")]),
    (f"作者：赵一鸣\n{BODY}", [("作者：赵一鸣", "byline")]),
    (f"工人日报—中工网记者 张三\n{BODY}", [("工人日报—中工网记者 张三", "byline")]),
    (f"{BODY}\n（成都日报 记者 侯初）", [("（成都日报 记者 侯初）", "byline")]),
    (f"本报北京4月28日电 {BODY}", [("本报北京4月28日电", "dateline")]),
    (f"新华社北京4月27日电（记者 张悦 李航）{BODY}", [("新华社北京4月27日电（记者 张悦 李航）", "dateline")]),
    (f"本报讯（记者 王晓）{BODY}", [("本报讯（记者 王晓）", "dateline")]),
    (f"本报讯（记者 王晓）\n{BODY}", [("本报讯（记者 王晓）", "dateline")]),
    (f"{BODY}\n《人民日报》（2026年04月29日第 08 版）", [("《人民日报》（2026年04月29日第 08 版）", "source")]),
    (f"来源：工人日报 2026-04-20\n{BODY}", [("来源：工人日报 2026-04-20", "source")]),
    (f"{BODY}\n（来源：劳动保障报）", [("（来源：劳动保障报）", "source")]),
    (f"{BODY}\n责编：张三", [("责编：张三", "editor")]),
    (f"{BODY}\n责任编辑：李四", [("责任编辑：李四", "editor")]),
    (f"{BODY}\n(责编 章华维)", [("(责编 章华维)", "editor")]),
    (f"{BODY}\n【责任编辑：孙明】", [("【责任编辑：孙明】", "editor")]),
    (f"{BODY}\n编辑：黄磊 审核：马骏", [("编辑：黄磊 审核：马骏", "editor")]),
    (f"{BODY}\n图为职工在实训。本报记者 林晓雨 摄", [("图为职工在实训。本报记者 林晓雨 摄", "caption")]),
    (f"{BODY}\n（新华社记者 张三 摄）", [("（新华社记者 张三 摄）", "caption")]),
    (f"{BODY}\n工作室负责人在车间调试设备。受访者供图", [("工作室负责人在车间调试设备。受访者供图", "caption")]),
    (f"▲职工在车间调试设备\n{BODY}", [("▲职工在车间调试设备", "caption")]),
    (f"{BODY}\n（完）", [("（完）", "end")]),
    (f"{BODY}（完）", [("（完）", "end")]),
    (f"{BODY}\n（新华社发）", [("（新华社发）", "caption")]),
    (f"2026年04月29日\n{BODY}", [("2026年04月29日", "date")]),
    (f"2026-04-29 08:30 来源：工人日报\n{BODY}", [("2026-04-29 08:30 来源：工人日报", "source")]),
    # the seed's ending: byline and an unclosed editor bracket at the end of the last paragraph
    ("贡献成都力量。（成都日报 记者 侯初）  (责编 章华维 罗昱",
     [("（成都日报 记者 侯初）", "byline"), ("(责编 章华维 罗昱", "editor")]),
    (f"{BODY}\n市人力资源和社会保障局\n2026年4月28日",
     [("市人力资源和社会保障局", "signature"), ("2026年4月28日", "signature")]),
    (f"引题：聚焦技能\n{BODY}", [("引题：聚焦技能", "kicker")]),
    (f"原标题：零工市场开到社区\n{BODY}", [("原标题：零工市场开到社区", "subtitle")]),
    (f"稳就业 惠民生\n一季度新增就业308万人\n——发布会侧记\n{BODY}",
     [("稳就业 惠民生", "kicker"), ("一季度新增就业308万人", "title"), ("——发布会侧记", "subtitle")]),
    (f"一季度新增就业308万人\n——发布会侧记\n{BODY}",
     [("一季度新增就业308万人", "title"), ("——发布会侧记", "subtitle")]),
    # not metadata
    ("记者从市人社局获悉，今年全市新增就业12万人。", []),
    (f"编辑部门开展技能培训\n{BODY}", []),
    (f"{BODY}\n记者手记\n{BODY}", []),
    (f"一、总体要求\n——坚持稳中求进\n{BODY}", []),  # a numbered heading with its deck, not a title block
    (f"{BODY}\n本报北京4月28日电 {BODY}", []),  # a dateline only opens the article
    (f"{BODY}\n这是一幅用镜头记录时代的纪实摄影作品，值得细看。", []),
]


@pytest.mark.parametrize(("text", "expected"), SPAN_CASES, ids=[f"case{n:02d}" for n in range(len(SPAN_CASES))])
def test_metadata_spans(text: str, expected: list):
    assert metadata(text) == expected


@pytest.mark.parametrize(("text", "field", "expected"), [
    (f"稳就业 惠民生\n一季度新增就业308万人\n——发布会侧记\n{BODY}", "kicker", "稳就业 惠民生"),
    (f"引题：聚焦技能、聚焦服务\n{BODY}", "kicker", "聚焦技能、聚焦服务"),
    (f"——发布会侧记\n{BODY}", "subtitle", "发布会侧记"),
    (f"副题：发布会侧记\n{BODY}", "subtitle", "发布会侧记"),
    (f"原标题 ：零工市场开到社区\n{BODY}", "subtitle", "原标题：零工市场开到社区"),
    (f"{BODY}\n（成都日报 记者 侯初）", "byline", "成都日报 记者 侯初"),
    (f"新华社北京4月27日电（记者 张悦 李航）{BODY}", "byline", "记者 张悦 李航"),
    (f"本报北京4月28日电 {BODY}", "byline", "本报北京4月28日电"),
    (f"本报记者 王晓\n本报北京4月28日电 {BODY}", "byline", "本报记者 王晓"),
    (f"{BODY}\n《人民日报》（2026年04月29日第 08 版）", "date", "2026-04-29"),
    (f"来源：工人日报 2026-04-20\n{BODY}", "date", "2026-04-20"),
    (f"{BODY}\n市人力资源和社会保障局\n二〇二六年四月二十八日", "date", "2026-04-28"),
    (f"本报北京4月28日电 {BODY}", "date", None),  # no year in a dateline
    (f"2026年4月28日，{BODY}", "date", None),  # a date in running text is not the article date
    (f"2026年04月29日\n{BODY}", "date", "2026-04-29"),
    (f"2026-04-29 08:30 来源：工人日报\n{BODY}", "date", "2026-04-29"),
])
def test_layout_fields(text: str, field: str, expected: str | None):
    assert getattr(find_layout(text), field) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2026年04月29日第 08 版", "2026-04-29"),
    ("发布时间：2026/4/9 08:30", "2026-04-09"),
    ("2026-12-31", "2026-12-31"),
    ("2026年2月30日", None),
    ("二〇二六年十二月三十一日", "2026-12-31"),
    ("4月28日电", None),
    ("", None),
])
def test_parse_date(text: str, expected: str | None):
    assert parse_date(text) == expected


# Issue 3 point 4.1: a date line near the top is metadata and gives the date, whatever else shares the line.
DATE_LINE_CASES = [
    ("2023年3月6日", "date", "2023-03-06"),
    ("2023年03月06日 星期一", "date", "2023-03-06"),
    ("2023年3月6日（星期一）", "date", "2023-03-06"),
    ("2024-05-06", "date", "2024-05-06"),
    ("2024/5/6", "date", "2024-05-06"),
    ("2024.05.06", "date", "2024-05-06"),
    ("【2024-05-06】", "date", "2024-05-06"),
    ("2024年5月6日 10时32分", "date", "2024-05-06"),
    ("二〇二四年五月六日", "date", "2024-05-06"),
    ("2024-05-06 10:32", "source", "2024-05-06"),  # the web page form; kept as the previous engineer's kind
    ("2024-05-06 10:32:18", "source", "2024-05-06"),
    ("2025年9月3日 来源：安徽日报", "source", "2025-09-03"),
    ("2025年9月3日　来源：安徽日报　作者：吴梦琪", "source", "2025-09-03"),
    ("2025年9月3日 安徽日报", "source", "2025-09-03"),
    ("2025-09-03 | 中国新闻网", "source", "2025-09-03"),
    ("2025年9月3日 星期三 第05版", "source", "2025-09-03"),
    ("2025年9月3日 极目新闻", "source", "2025-09-03"),
    ("2024年1月25日　济南市根治拖欠农民工工资工作领导小组办公室", "source", "2024-01-25"),
    ("发布时间：2024年7月19日", "source", "2024-07-19"),
    ("发布时间：2024-07-19 08:30　来源：长江日报", "source", "2024-07-19"),
    ("日期：2024年7月19日", "source", "2024-07-19"),
    ("更新时间：2024-07-19", "source", "2024-07-19"),
]


@pytest.mark.parametrize(("line", "kind", "date"), DATE_LINE_CASES, ids=[c[0] for c in DATE_LINE_CASES])
def test_date_line_near_the_top_is_metadata_and_gives_the_date(line: str, kind: str, date: str):
    text = f"{line}\n{BODY}\n{BODY}"
    layout = find_layout(text)
    assert metadata(text) == [(line, kind)]
    assert layout.date == date


@pytest.mark.parametrize("line", [
    "2024年5月6日，全市召开就业工作会议。",  # running text
    "2024年5月6日 全市召开就业工作会议",  # what follows the date is no source
    "2024年 稳就业开新局",  # no day
    "5月6日 来源：安徽日报",  # no year: no date, but the 来源 label keeps it metadata (checked below)
])
def test_lines_that_only_start_with_a_date_give_no_date(line: str):
    text = f"{line}\n{BODY}"
    assert find_layout(text).date is None
    assert [kind for _, kind in metadata(text)] == (["source"] if "来源" in line else [])


# Issue 3 point 4.2 and 4.3: datelines ending in 电 / 讯 / 消息, with or without a date, under any paper's name.
DATELINE_CASES = [
    ("本报长沙4月15日讯（记者 王某 通讯员 李某）", "记者 王某 通讯员 李某"),
    ("本报讯（记者 王某 通讯员 李某）", "记者 王某 通讯员 李某"),
    ("本报北京4月15日消息", "本报北京4月15日消息"),
    ("本报北京2024年4月15日电", "本报北京2024年4月15日电"),
    ("长江日报讯（记者 王某）", "记者 王某"),
    ("长江日报讯 ", "长江日报讯"),
    ("工人日报北京4月15日讯（记者 王某）", "记者 王某"),
    ("新华社北京3月5日电", "新华社北京3月5日电"),
    ("新华社北京3月5日电（记者 张悦）", "记者 张悦"),
    ("新华社北京三月五日电 ", "新华社北京三月五日电"),
    ("中新网成都5月6日电 (记者 刘洋)", "记者 刘洋"),
    ("北京3月5日电", "北京3月5日电"),
    ("央视网消息", "央视网消息"),
    ("央视网消息（新闻联播）：", "央视网消息（新闻联播）"),
    ("人民网北京电", "人民网北京电"),
    ("人民网北京电（记者 王某）", "记者 王某"),
    ("极目新闻讯（记者 王某）", "记者 王某"),
]


@pytest.mark.parametrize("separator", ["", "\n"], ids=["run-in", "own-line"])
@pytest.mark.parametrize(("dateline", "byline"), DATELINE_CASES, ids=[c[0].strip() for c in DATELINE_CASES])
def test_dateline_opening_the_body(dateline: str, byline: str, separator: str):
    text = f"{dateline}{separator}{BODY}"
    layout = find_layout(text)
    assert metadata(text) == [(dateline.strip(), "dateline")]
    assert layout.byline == byline
    assert layout.date == ("2024-04-15" if "2024年" in dateline else None)


@pytest.mark.parametrize("text", [
    "合作社电商平台带动农户增收，全年销售额超过1亿元。",
    "合作社电商\n" + BODY,
    "北京3月5日电视台播出了技能大赛专题片。",
    "记者从市人社局获悉，今年全市新增就业12万人。",
    "本报记者获悉消息称，全市新增就业12万人。",
    "人民日报社论指出，就业是最基本的民生。",
    "网讯科技公司今年新招聘员工300人。",
])
def test_text_that_only_resembles_a_dateline(text: str):
    assert [kind for _, kind in metadata(text)] == []


def test_byline_line_is_not_taken_for_a_dateline():
    assert metadata(f"本报通讯员 王振宇\n{BODY}") == [("本报通讯员 王振宇", "byline")]
    assert metadata(f"极目新闻记者 王某\n{BODY}") == [("极目新闻记者 王某", "byline")]


# Issue 3 point 4.5a: a kicker (引题) on a file's first line is taken as the title by the loader; the title line
# over the —— subtitle at the top of the body shows which line is which.
SETTLE_CASES = [
    ("聚焦技能 服务发展", f"一季度新增就业308万人\n——发布会侧记\n{BODY}", True,
     ("一季度新增就业308万人", "聚焦技能 服务发展")),
    ("一季度新增就业308万人", f"一季度新增就业308万人\n——发布会侧记\n{BODY}", True, ("一季度新增就业308万人", None)),
    ("一季度新增就业308万人", f"稳就业 惠民生\n一季度新增就业308万人\n——发布会侧记\n{BODY}", True,
     ("一季度新增就业308万人", "稳就业 惠民生")),
    ("一季度新增就业308万人", f"——发布会侧记\n{BODY}", True, ("一季度新增就业308万人", None)),
    ("一季度新增就业308万人", f"技能提升有奔头\n{BODY}", True, ("一季度新增就业308万人", None)),
    ("", f"一季度新增就业308万人\n——发布会侧记\n{BODY}", True, ("一季度新增就业308万人", None)),
    # a title given by the file's metadata (docx properties, <h1>) is kept
    ("首页 - 某某新闻网", f"一季度新增就业308万人\n——发布会侧记\n{BODY}", False, ("首页 - 某某新闻网", None)),
]


@pytest.mark.parametrize(("title", "body", "first_line", "expected"), SETTLE_CASES,
                         ids=[f"case{n}" for n in range(len(SETTLE_CASES))])
def test_settle_title(title: str, body: str, first_line: bool, expected: tuple):
    assert settle_title(title, find_layout(body), first_line=first_line) == expected


def test_loader_takes_a_kicker_on_the_first_line_as_the_kicker():
    from analysis.loaders import load_bytes

    page = f"聚焦技能 服务发展\n\n一季度新增就业308万人\n——发布会侧记\n本报记者 王晓\n{BODY}\n{BODY}\n"
    [article] = load_bytes(page.encode("utf-8"), "kicker.txt")
    assert (article.kicker, article.title, article.subtitle) == ("聚焦技能 服务发展", "一季度新增就业308万人", "发布会侧记")


def test_empty_text_gives_empty_layout():
    assert find_layout("") == Layout()
    assert find_layout(" \n\u3000") == Layout()


@pytest.mark.parametrize("golden_path", sorted(ARTICLES.glob("*.sections.json")), ids=lambda p: p.name.split(".")[0])
def test_article_layout_matches_golden(golden_path: Path):
    golden = json.loads(golden_path.read_text(encoding="utf-8"))
    lines = golden_path.with_name(golden_path.name.replace(".sections.json", ".txt")).read_text("utf-8").split("\n")
    text = "\n".join(line.strip() for line in lines[1:] if line.strip())
    layout = find_layout(text)
    assert (layout.date, layout.kicker, layout.subtitle, layout.byline) == (
        golden["date"], golden.get("kicker"), golden.get("subtitle"), golden.get("byline"))


FRAGMENTS = st.sampled_from([
    "本报记者 ", "王晓", "通讯员", "（", "）", "(", ")", "【", "】", "责编", "责任编辑：", "来源：", "摄", "图为", "供图",
    "——", "原标题：", "引题：", "本报北京4月28日电", "新华社", "2026年4月28日", "二〇二六年四月二十八日", "《人民日报》",
    "局", "。", "，", " ", "\n", "\u3000", "就业", "第 08 版",
    "长江日报讯", "央视网消息", "人民网北京电", "本报长沙4月15日讯", "2024-05-06 10:32", "星期一", "来源：安徽日报", "|",
])
TEXTS = st.lists(FRAGMENTS | st.text(max_size=3), max_size=30).map("".join) | st.text(max_size=200)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_spans_are_sorted_disjoint_nonempty_and_in_bounds(text: str):
    layout = find_layout(text)
    previous_end = 0
    for start, end, kind in layout.spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        assert kind in {"kicker", "title", "subtitle", "byline", "dateline", "source", "editor", "caption",
                        "date", "signature", "end"}
        previous_end = end
    assert layout.date is None or parse_date(layout.date) == layout.date
