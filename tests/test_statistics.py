"""The statistics extractor: values, units, qualifiers, subjects, traps, the seed and invariants."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.models import Section
from analysis.statistics import EXTRACTOR_VERSION, extract_statistics

DATA = Path(__file__).parent / "data"
SEED = Path(__file__).resolve().parents[1] / "demo" / "000_9d4a661cd42be132.txt"


def only(text: str):
    stats = extract_statistics(text)
    assert len(stats) == 1, [(s.text, s.value, s.subject) for s in stats]
    return stats[0]


@pytest.mark.parametrize(("sentence", "value", "unit", "kind", "qualifier", "subject"), [
    ("全市城镇新增就业12.3万人。", 123_000, "人", "count", "exact", "城镇新增就业"),
    ("成都现有600万产业工人。", 6_000_000, "人", "count", "exact", "产业工人"),
    ("全市累计免费培训50万人次。", 500_000, "人次", "count", "exact", "免费培训"),
    ("高技能人才占技能人才比重超过32%。", 32, "%", "percent", "more_than", "高技能人才占技能人才比重"),
    ("高新技术产业产值突破万亿元。", 1e12, "元", "money", "more_than", "高新技术产业产值"),
    ("全年新落户青年人才47万余人。", 470_000, "人", "count", "more_than", "新落户青年人才"),
    ("城镇调查失业率为5.1%。", 5.1, "%", "percent", "exact", "城镇调查失业率"),
    ("全市发放职业技能培训补贴1.46亿元。", 146_000_000, "元", "money", "exact", "职业技能培训补贴"),
    ("惠及企业职工约9万人。", 90_000, "人", "count", "about", "企业职工"),
    ("全市举办招聘会1260场。", 1260, "场", "count", "exact", "招聘会"),
    ("提供岗位超过42万个。", 420_000, "个", "count", "more_than", "岗位"),
    ("技能人才中高级工以上占比近三成。", 30, "%", "percent", "about", None),
    ("平台在渝骑手近十二万名。", 120_000, "名", "count", "about", "骑手"),
    ("全市共有各级劳动模范4600余名。", 4600, "名", "count", "more_than", "劳动模范"),
    ("产量同比增长1.2倍。", 1.2, "倍", "multiple", "exact", None),
    ("平均工资比上年提高3个百分点。", 3, "个百分点", "percentage_points", "exact", None),
    ("新建标准化厂房约260万平方米。", 2_600_000, "平方米", "measure", "about", "标准化厂房"),
    ("全市技工院校在校生不足5万人。", 50_000, "人", "count", "less_than", "技工院校在校生"),
    ("困难职工帮扶资金不少于3000万元。", 30_000_000, "元", "money", "at_least", "困难职工帮扶资金"),
    ("本次招聘会进场企业218家左右。", 218, "家", "count", "about", None),
    ("全市职工总数达到1,234人。", 1234, "人", "count", "exact", None),
    ("该区新建职工书屋三百六十个。", 360, "个", "count", "exact", None),
])
def test_statistic_fields(sentence, value, unit, kind, qualifier, subject):
    stat = only(sentence)
    assert (stat.value, stat.unit, stat.kind, stat.qualifier) == (pytest.approx(value), unit, kind, qualifier)
    if subject is not None:
        assert stat.subject == subject


@pytest.mark.parametrize(("sentence", "low", "high", "unit"), [
    ("月收入普遍在3至5万元。", 30_000, 50_000, "元"),
    ("每人补贴三五万元。", 30_000, 50_000, "元"),
    ("本科生起薪每月8000元至1.2万元。", 8000, 12_000, "元"),
    ("收入比普通务工人员高出三至五成。", 30, 50, "%"),
    ("单场招聘会吸引3—5万人次。", 30_000, 50_000, "人次"),
])
def test_ranges(sentence, low, high, unit):
    stat = only(sentence)
    assert (stat.value, stat.value_max, stat.unit) == (low, high, unit)


@pytest.mark.parametrize(("sentence", "is_target"), [
    ("力争全年城镇新增就业22万人以上。", True),
    ("到2027年，全市高技能人才总量达到80万人。", True),
    ("今年计划培训农民工3万人次。", True),
    ("预计全年发放补贴2亿元。", True),
    ("全年城镇新增就业22万人。", False),
    ("截至2023年底，全市已有技能人才300万人。", False),
    ("实施成都工匠培育五年计划，1812名成都工匠脱颖而出。", False),
])
def test_targets(sentence, is_target):
    assert only(sentence).is_target is is_target


@pytest.mark.parametrize(("sentence", "is_workforce"), [
    ("全市新增高技能人才2.3万人。", True),
    ("全市发放稳岗返还资金2.7亿元，惠及职工86万人。", True),
    ("全市规模以上工业增加值增长11.2%。", False),
    ("全市新建职工书屋120家。", False),
    ("本届马拉松报名人数达到20.6万人。", False),
    ("全市实现固定资产投资3000亿元。", False),
])
def test_workforce(sentence, is_workforce):
    assert extract_statistics(sentence)[0].is_workforce is is_workforce


@pytest.mark.parametrize("sentence", [
    "2024年5月1日，第四十八届职工运动会在第08版报道。",
    "成都是全国首批试点城市，正一步一个脚印前行，一字之差意味深长。",
    "党的二十大和十九大精神，十五五规划，一汽丰田和C919、U13、5G都是名字。",
    "他今年35岁，从业20年，两年来半个月就回一次家。",
    "一是加强培训；二是完善政策，出台16条措施，从五方面推进三项举措。",
    "咨询电话028-12345678，也可拨打12333热线。",
    "千方百计抓就业，实施十大工程，办好百万职工技能大赛。",
    "2024—2026年，一系列政策陆续出台，一手抓发展，一手抓民生。",
])
def test_not_statistics(sentence):
    assert extract_statistics(sentence) == ()


def test_presegmented_text_gives_the_same_figures():
    raw = "成都有600万产业工人，新落户青年人才47万余人，占比超过32%，服务1.5亿人次。"
    spaced = "成都 有 600 万 产业工人 ， 新 落户 青年 人才 47 万余 人 ， 占 比 超过 32 % ， 服务 1.5 亿人次 。"
    fields = lambda stats: [(s.value, s.unit, s.qualifier) for s in stats]  # noqa: E731
    assert fields(extract_statistics(spaced)) == fields(extract_statistics(raw))
    assert [s.text for s in extract_statistics(spaced)] == ["600 万", "47 万余 人", "超过 32 %", "1.5 亿人次"]


def test_repeated_figure_is_reported_once_with_all_spans():
    text = "成都有600万产业工人。这600万产业工人是城市的脊梁。"
    stat = only(text)
    assert [text[a:b] for a, b in stat.spans] == ["600万", "600万"]


def test_section_and_sentence_are_filled():
    text = "导语里没有数字。\n一、就业\n全市城镇新增就业12万人。"
    sections = (Section(None, None, 0, None, 0, 9, text[:9]), Section("一、就业", None, 1, None, 9, len(text), text[9:]))
    stat = only_with_sections(text, sections)
    assert (stat.section, stat.sentence) == ("一、就业", "全市城镇新增就业12万人。")


def only_with_sections(text, sections):
    stats = extract_statistics(text, sections=sections)
    assert len(stats) == 1
    return stats[0]


def test_empty_text_gives_nothing():
    assert extract_statistics("") == () and extract_statistics("  \n ") == ()
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


def seed_display_text() -> str:
    """The seed's display text through the loader (title dropped, spaces between CJK tokens removed)."""
    from analysis.loaders import load_path

    return load_path(SEED)[0].text


def test_seed_gives_exactly_the_thirteen_statistics_of_the_issue():
    expected = json.loads((DATA / "seed_statistics.json").read_text(encoding="utf-8"))
    text = seed_display_text()
    got = [dict(value=s.value, unit=s.unit, kind=s.kind, qualifier=s.qualifier, is_target=s.is_target,
                subject=s.subject, is_workforce=s.is_workforce) for s in extract_statistics(text)]
    assert sorted(got, key=lambda d: d["value"]) == sorted(expected["statistics"], key=lambda d: d["value"])
    for stat in extract_statistics(text):
        for trap in expected["not_statistics"]:
            for i in range(len(text)):
                i = text.find(trap, i)
                if i < 0:
                    break
                assert not any(a < i + len(trap) and i < b for a, b in stat.spans), (trap, stat.text)
                i += 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("0123456789.,%万亿千百十一二三四五六七八九两零人名个元近超过余多以上左右至—成倍第年月日 \n，。、“”的职工就业培训")), max_size=80))
def test_extractor_never_raises_and_spans_hold(text):
    for stat in extract_statistics(text):
        assert text[stat.start:stat.end] == stat.text
        assert all(0 <= a < b <= len(text) for a, b in stat.spans)
        assert stat.kind in {"count", "money", "percent", "percentage_points", "multiple", "measure"}
        assert stat.qualifier in {"exact", "about", "more_than", "at_least", "less_than"}


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=120))
def test_extractor_never_raises_on_any_text(text):
    for stat in extract_statistics(text):
        assert text[stat.start:stat.end] == stat.text


@pytest.mark.parametrize(("sentence", "expected"), [
    ("专职司机平均在线时长9.6小时。", [(9.6, "小时", "measure")]),
    ("硕士及以上学历岗位占四分之一左右。", [(25, "%", "percent")]),
    ("全市生产总值翻一番。", [(2, "倍", "multiple")]),
    ("对涉及10人以上的群体性欠薪线索，要求24小时内到场处置。", []),
    ("全市新开工亿元以上项目1126个。", [(1126, "个", "count")]),
    ("金牌86枚、银牌86枚、铜牌86枚。", [(86, "枚", "count")] * 3),
])
def test_measured_durations_fractions_thresholds_and_lists(sentence, expected):
    assert [(s.value, s.unit, s.kind) for s in extract_statistics(sentence)] == expected


def test_distributive_list_gives_each_item_its_number():
    stats = extract_statistics("城镇职工基本养老保险、失业保险、工伤保险参保人数分别达到698.2万人、312.5万人、356.4万人。")
    assert [s.subject for s in stats] == ["城镇职工基本养老保险", "失业保险", "工伤保险"]


@pytest.mark.parametrize(("text", "subjects"), [
    # a change predicate names no quantity: the figure compared is the one before with the same unit
    ("今年前10个月，全国城镇新增就业1105万人，完成全年目标任务的92.1%，同比增加12万人。",
     ["城镇新增就业", None, "城镇新增就业"]),
    ("全市工会会员总数达到312.6万人，比上年末净增8.4万人。", ["工会会员", "工会会员"]),
    # a clause opening with 比 compares the figure before it
    ("高级技师的平均年薪达到18.6万元，比同企业普通操作工高出1.4倍。", ["高级技师的平均年薪", "高级技师的平均年薪"]),
    # 从…中推荐 names a source, not the start of a change
    ("近三年，广州从一线产业工人中推荐产生劳动模范和先进工作者946名。", ["劳动模范和先进工作者"]),
    # a quoted name after the measure word is what is counted
    ("今年5月，该市为首批50名“羊城工匠”颁发了证书。", ["羊城工匠"]),
    # the last people noun of a compound after the count
    ("全市2.3万名技工院校学生到企业跟岗实习。", ["技工院校学生"]),
    # parallel items before one count are counted together
    ("全市新开设订单班、冠名班146个。", ["订单班、冠名班"]),
    # an age band belongs to the group measured
    ("25—29岁劳动力失业率为7.2%。", ["25—29岁劳动力失业率"]),
    # a bracketed level and 取得 before a people noun are not part of what is counted
    ("取得初级工（五级）、技师（二级）证书的，分别补贴1000元、3000元。", ["初级工", "技师"]),
    # a change verb alone names nothing: 缩短到7个小时 measures the same thing as 18个小时
    ("单件加工时间从18个小时缩短到7个小时。", ["单件加工时间", "单件加工时间"]),
])
def test_subject_grammar(text, subjects):
    got = [s.subject for s in extract_statistics(text)]
    assert len(got) == len(subjects), got
    assert all(want is None or have == want for have, want in zip(got, subjects)), got


def test_share_noun_and_plan_word_inside_subjects():
    assert [s.subject for s in extract_statistics("今年取证人员中，农民工占比为38%。")] == ["农民工占比"]
    assert [s.subject for s in extract_statistics("明年学校计划招生5000人。")] == ["招生"]


def test_activity_count_keeps_its_verb_and_people():
    stat = only("今年夏天，全市驿站日均服务户外劳动者约3.5万人次。")
    assert stat.subject == "服务户外劳动者" and stat.unit == "人次"


def test_stripped_text_counts_after_a_head_noun():
    stats = extract_statistics("全市 建成 零工 市场 零工 驿站 56 ， 技能 大师 工作室 168 。")
    assert [(s.value, s.unit, s.subject) for s in stats] == [(56, "个", "零工市场零工驿站"), (168, "个", "技能大师工作室")]


def test_stripped_text_bare_counts_inside_a_run_on_sentence():
    stats = extract_statistics("建成 户外 劳动者 服务 站点 1200 全年 服务 户外 劳动者 。 每年 开发 不少 3000 就业 见习 岗位 。")
    assert [(s.value, s.qualifier) for s in stats] == [(1200, "exact"), (3000, "at_least")]
    assert stats[0].subject == "户外劳动者服务站点"


def test_a_clause_after_a_people_count_is_not_its_subject():
    stat = extract_statistics("力争 全年 城镇 新增 就业 22 万人 城镇 调查 失业率 控制 5.5% 以内 。")[0]
    assert stat.value == 220_000 and stat.subject == "城镇新增就业"


def test_figures_under_a_plan_heading_are_targets():
    text = ("一、发展基础\n全市城镇新增就业68.2万人。\n二、主要目标\n技能人才总量达到280万人。\n"
            "建成站点不少于800个，去年已建成500个。")
    flags = [(s.value, s.is_target) for s in extract_statistics(text)]
    assert flags == [(682_000, False), (2_800_000, True), (800, True), (500, False)]


def test_target_cues_after_the_number_and_before_把():
    assert only("全年1200万人左右的城镇新增就业目标有望顺利完成。").is_target
    assert only("今年计划把培训规模扩大到6万人次以上。").is_target


@pytest.mark.parametrize(("sentence", "workforce"), [
    ("学员培训合格率达到91.3%。", True),          # a generic rate head defers to its modifier
    ("单件加工时间为18小时。", False),             # a physical measure is the workforce's only when it says so
    ("专职司机平均在线时长9.6小时。", True),        # working time is
    ("一般公共预算收入增长9.2%。", False),
])
def test_workforce_of_rates_measures_and_public_finance(sentence, workforce):
    assert only(sentence).is_workforce is workforce


def test_hours_with_个_are_measured_in_小时_and_years_in_a_job_are_not_figures():
    assert [s.unit for s in extract_statistics("单件加工时间从18个小时缩短到7个小时。")] == ["小时", "小时"]
    assert extract_statistics("他已经在车床前站了31个年头。") == ()


def test_tagger_splits_function_characters_glued_by_the_hmm():
    from analysis.stat_tagging import pos_tokens

    text = "全区农民工工资专用账户开设率达98.6%，占新招员工的六成以上"
    words = [t.word for t in pos_tokens(text, (0, len(text)))]
    assert "率达" not in words and "占新招" not in words and "达" in words and "占" in words
    assert "".join(words) == text


def test_a_second_分别_reuses_the_items_named_before_the_first():
    stats = extract_statistics("截至9月底，全国失业保险、工伤保险参保人数分别为2.4亿人、2.98亿人，"
                               "分别比上年末增加570万人、917万人。")
    assert [s.subject for s in stats] == ["失业保险", "工伤保险", "失业保险", "工伤保险"]


def test_an_amount_in_its_own_clause_is_the_fund_named_before():
    stats = extract_statistics("市总工会为1.6万名困难职工发放生活救助金，每人1000元至3000元。")
    assert [(s.value, s.value_max, s.subject) for s in stats] == [
        (16_000, None, "困难职工"), (1000, 3000, "生活救助金")]


@pytest.mark.parametrize(("sentence", "subject"), [
    ("该公司现有员工2300余人。", "员工"),                       # a verb of having is not part of what is counted
    ("我市累计服务灵活就业人员8万余人次。", "服务灵活就业人员"),  # 累计 tallies; the activity is 服务…
])
def test_having_and_tally_words_are_not_subjects(sentence, subject):
    assert only(sentence).subject == subject
