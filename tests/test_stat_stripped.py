"""Rules for seed-style text (jieba-segmented, stopwords 人/个/年/月/日/到/至/以上 stripped): stat_stripped."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.stat_mentions import compact_text, find_mentions
from analysis.stat_stripped import is_stripped_sentence, join_stripped_ranges, stripped_target
from analysis.statistics import extract_statistics


def _values(text: str) -> list[float]:
    return [s.value for s in extract_statistics(text)]


# Stripped sentences written for these tests (not taken from the gold set): a bare number whose 人/个 was stripped,
# closing its clause before a verb, a new clause or the full stop.
STRIPPED_FIGURES = [
    ("全区 扶持 自主 创业 2400 带动 就业 7300 。", [2400, 7300]),
    ("春季 招聘会 现场 达成 就业 意向 512 网上 投递 简历 4 万余 份 。", [512, 40000]),
    ("全年 帮助 就业 困难 人员 实现 就业 4500 。", [4500]),
    ("返乡 创业 带动 就业 一万三千 余 。", [13000]),
    ("新建 户外 劳动者 服务站点 45 职工 书屋 130 。", [45, 130]),
    ("全县 建成 县级 技能 大师 工作室 16 省级 示范 工作室 5 。", [16, 5]),
    ("全市 服务站 总数 达到 268 今年 以来 服务 职工 3 万人次 。", [268, 30000]),
    ("今年 计划 招收 学徒 860 。", [860]),
    ("全区 技能 人才 占 从业 人员 比重 达到 三成 新建 技能 大师 工作室 12 。", [30, 12]),
    ("开发 城乡 公益性 岗位 2 万个 优先 安置 困难 群众 。", [20000]),
    # (其中)7(人)成为…: a smaller bare count glued to a people count is the part that did something
    ("老 师傅 带出 徒弟 50 多名 7 成为 高级技师 。", [50, 7]),
    # 36(、)11: two counts whose 、 was stripped fall, so they are no range whose 至 went
    ("他 带 徒弟 36 11 个 成为 技师 。", [36, 11]),
    ("全区 新建 “ 职工 书屋 ” 60 覆盖 职工 2 万余 。", [60, 20000]),  # a quoted name before the count
    ("岗位 需求 达到 求职 人数 两倍 。", [2]),  # 人数 is a noun here, not the vague 数 of 数十
]


@pytest.mark.parametrize("text, expected", STRIPPED_FIGURES)
def test_stripped_figures_are_found(text, expected):
    assert _values(text) == expected


# Numbers that stripping made look like figures: dates whose 年/月/日 went, spans whose 年 went, generations,
# a lone 1, scale words, readings. None of them is a statistic.
STRIPPED_NON_FIGURES = [
    ("本报讯 记者 王明 通讯员 李华 10 28 全区 人社 部门 召开 座谈会 。", (10, 28)),
    ("2023 11 启动 根治 欠薪 专项 行动 。", (2023, 11)),
    ("去年 11 区 总工会 开展 送温暖 活动 。", (11,)),
    ("活动 7 持续 9 发放 防暑 物资 。", (7, 9)),
    ("新华社 北京 3 15 日电 记者 张华 记者 15 人社部 获悉 。", (3, 15)),
    ("这是 一位 90 数控 技工 车间 里 最 年轻 。", (90,)),
    ("老 师傅 进厂 干 整整 35 退休 带出 徒弟 40 。", (35,)),
    ("毕业 两年 未 就业 青年 签订 1 劳动合同 给予 补贴 。", (1,)),
    ("老李 电子厂 工作 12 今年 回乡 开店 。", (12,)),
    ("本 办法 自 发布 之日起 施行 有效期 2 。", (2,)),
    ("最高 气温 达到 37 ℃ 停止 露天 作业 。", (37,)),
    ("全区 失业率 连续 两个 下降 。", (2,)),
    ("力争 实现 百 企业 建会 全覆盖 。", (100,)),
    ("全市 新开工 亿元 项目 86 总投资 突破 500 亿元 。", (1e8,)),
    ("对 涉及 20 群体性 欠薪 事件 实行 挂牌 督办 。", (20,)),  # 20(人以上): a rule's class boundary
    ("公寓 租期 最长 可达 3 。", (3,)),  # 最长…3(年): a cap on a span
    ("夏季 送清凉 6 持续 8 区 总工会 安排 资金 80 万元 。", (6, 8)),  # 6(月)持续(到)8(月)
]


@pytest.mark.parametrize("text, absent", STRIPPED_NON_FIGURES)
def test_stripped_non_figures_are_left_out(text, absent):
    assert not set(absent) & set(_values(text))


# Running prose keeps its commas, 人 and 月/日: the general rules decide and these rules never fire.
RAW_COUNTEREXAMPLES = [
    ("10月28日，全区人社部门召开座谈会。", ()),
    ("老李在电子厂工作了12年，今年回乡开店。", ()),
    ("本办法自发布之日起施行，有效期2年。", ()),
    ("下一步，我们要一步一个脚印抓好落实。", ()),
    ("全区扶持自主创业2400人，带动就业7300人。", (2400, 7300)),
    ("技师、高级技师分别补贴3500元、4500元。", (3500, 4500)),
]


@pytest.mark.parametrize("text, expected", RAW_COUNTEREXAMPLES)
def test_raw_prose_is_left_to_the_general_rules(text, expected):
    assert tuple(_values(text)) == expected


def test_a_stripped_range_before_zhijian_is_one_figure():
    [stat] = extract_statistics("每个 示范点 给予 5 万元 20 万元 之间 一次性 补助 。")
    assert (stat.value, stat.value_max, stat.unit) == (50000, 200000, "元")


def test_a_per_item_standard_of_two_amounts_is_one_range():
    [stat] = extract_statistics("认定 实训 基地 每个 给予 5 万元 20 万元 补助 。")
    assert (stat.value, stat.value_max, stat.unit) == (50000, 200000, "元")


def test_amounts_back_to_back_without_zhijian_stay_a_list():
    assert _values("初级工 中级工 高级工 证书 补贴 800 元 1200 元 1800 元 。") == [800, 1200, 1800]


def test_join_stripped_ranges_needs_rising_amounts_of_one_unit():
    compact, _ = compact_text("售价 900 万元 600 万元 之间 。")
    assert len(join_stripped_ranges(compact, find_mentions(compact))) == 2


STRIPPED_TARGETS = [
    ("规划 2030 全市 技能 人才 总量 达到 300 万人 。", True),
    ("区 总工会 负责人 表示 一步 推动 新建 爱心 驿站 80 。", True),
    ("人社局 提出 2027 年底 建成 零工 驿站 60 。", True),
    ("2024 全市 新增 就业 12 万人 。", False),
    ("今年 以来 累计 建成 零工 驿站 60 。", False),
    ("规划 2030 已 建成 零工 驿站 60 。", False),
]


@pytest.mark.parametrize("text, target", STRIPPED_TARGETS)
def test_stripped_goal_cues(text, target):
    stats = extract_statistics(text)
    assert stats and stats[-1].is_target is target


def test_stripped_target_ignores_sentences_with_commas():
    sentence = "规划2030年，全市技能人才总量达到300万人。"
    assert not stripped_target(sentence, sentence.index("300"))


@pytest.mark.parametrize("sentence, stripped", [
    ("全区扶持自主创业2400带动就业7300。", True),
    ("全区扶持自主创业2400人，带动就业7300人。", False),
    ("共2400。", False),
])
def test_is_stripped_sentence(sentence, stripped):
    assert is_stripped_sentence(sentence, (0, len(sentence))) is stripped


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="全市扶持创业带动就业新建驿站12345670，、；。 ", max_size=50))
def test_no_stripped_rule_fires_in_a_sentence_with_a_clause_mark(text):
    sentence = text + "，"
    assert not is_stripped_sentence(sentence, (0, len(sentence)))
    assert not stripped_target(sentence, len(sentence))
