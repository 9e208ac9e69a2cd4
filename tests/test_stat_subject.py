"""Subject grammar: the phrase trims of stat_clause/stat_left/stat_subject, on raw and seed-style (stripped) text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.stat_clause import heads_unit
from analysis.stat_subject import last_listed_people, predicate
from analysis.stat_tagging import pos_tokens
from analysis.stat_tokens import Tok
from analysis.stat_trims import (
    after_agent,
    after_clause_verb,
    after_event,
    after_honour,
    after_inner_place,
    after_inner_time,
    after_organisation,
    after_possessive,
    after_repeat,
    after_scope_noun,
    after_transfer,
    from_kept_verb,
    with_class_verb,
    without_goal_verb,
    without_trailing_place,
)
from analysis.statistics import extract_statistics

TRIMS = (after_agent, after_event, after_honour, after_inner_place, after_inner_time, after_organisation,
         after_possessive, after_repeat, after_transfer, from_kept_verb, without_goal_verb, without_trailing_place,
         last_listed_people, after_clause_verb, after_scope_noun)


def tokens(phrase: str) -> list[Tok]:
    return pos_tokens(phrase, (0, len(phrase)))


def joined(toks: list[Tok]) -> str:
    return "".join(t.word for t in toks)


@pytest.mark.parametrize(("trim", "phrase", "expected"), [
    # a run of people nouns with no 、 or 等 between them (stopword-stripped text): the last one names the class
    (last_listed_people, "网约车司机货车司机新就业形态会员", "新就业形态会员"),
    (last_listed_people, "网络主播互联网营销师新职业从业者", "新职业从业者"),
    (last_listed_people, "职工医疗互助保障参保职工", "职工医疗互助保障参保职工"),  # a verb inside: one phrase
    (last_listed_people, "困难职工和一线职工", "困难职工和一线职工"),  # joined on purpose: counted together
    (last_listed_people, "产业工人劳模", "产业工人劳模"),  # a short tail is a compound, not a list
    # the object of a transfer verb is what the amount counts
    (after_transfer, "拿回工资", "工资"),
    (after_transfer, "带出徒弟", "徒弟"),
    (after_transfer, "劳动者追发工资待遇", "工资待遇"),
    (after_transfer, "城镇新增就业", "城镇新增就业"),
    # an organisation doing something is not what is counted; a case noun keeps the verb that names it
    (after_agent, "劳动人事争议仲裁机构受理案件", "受理案件"),
    (after_agent, "工会发展网约车司机会员", "网约车司机会员"),
    (after_agent, "企业职工基本养老保险参保人数", "企业职工基本养老保险参保人数"),
    # a relative clause before 的: the noun after it; a group of people keeps its clause
    (after_possessive, "首席技师开出的年薪", "年薪"),
    (after_possessive, "留厦就业的毕业生", "留厦就业的毕业生"),
    (after_possessive, "高级技师的平均年薪", "高级技师的平均年薪"),
    # places: inside the phrase they start it, at the end they say where
    (after_inner_place, "外卖平台昆明活跃骑手", "活跃骑手"),
    (after_inner_place, "全国五一劳动奖章获得者杭州职工", "全国五一劳动奖章获得者杭州职工"),
    (without_trailing_place, "骑手重庆", "骑手"),
    (after_repeat, "试点试点企业", "试点企业"),
    (without_goal_verb, "力争城镇新增就业", "城镇新增就业"),
    (from_kept_verb, "电工家政免费技能培训", "免费技能培训"),
    (from_kept_verb, "光伏发电新增装机容量", "光伏发电新增装机容量"),  # 新增 names the figure: keep the modifier
    (after_event, "网约车平台注册司机", "注册司机"),
    # the people of an organisation are measured; an organisation word that opens the name stays
    (after_organisation, "规模以上工业企业员工返岗率", "员工返岗率"),
    (after_organisation, "试点企业高技能人才平均月薪", "高技能人才平均月薪"),
    (after_organisation, "企业职工岗位技能提升培训占比", "企业职工岗位技能提升培训占比"),
    (after_organisation, "重点企业平均用工规模", "重点企业平均用工规模"),  # 用工 is no person
    (after_inner_time, "重点企业节后用工缺口", "用工缺口"),
    (after_honour, "获评全国五一劳动奖章一线职工", "一线职工"),
    (after_honour, "全国劳动模范", "全国劳动模范"),
    (after_event, "企业职工", "企业职工"),
    # a noun, a full verb and a long noun phrase make a clause (marks stripped): its object is counted
    (after_clause_verb, "维权热线受理劳动报酬争议", "劳动报酬争议"),
    (after_clause_verb, "参加工伤保险人数", "工伤保险人数"),
    (after_clause_verb, "支持农民工起诉案件", "支持农民工起诉案件"),  # a case keeps the verb that names it
    (after_clause_verb, "人才创新工作室", "人才创新工作室"),  # too short to be a clause
    # a field or a contest inside the phrase is its scope
    (after_scope_noun, "建筑领域农民工实名制覆盖率", "农民工实名制覆盖率"),
    (after_scope_noun, "全省职业技能竞赛参赛职工", "参赛职工"),
    (after_scope_noun, "职业技能竞赛", "职业技能竞赛"),
    (from_kept_verb, "补贴目录新增补贴工种", "新增补贴工种"),
])
def test_phrase_trims(trim, phrase, expected):
    assert joined(trim(tokens(phrase))) == expected


def test_a_bare_class_keeps_its_verb():
    before = tokens("全年新引进各类人才")
    assert joined(with_class_verb(before, before[-1:])) == "引进各类人才"
    before = tokens("全市共有各类人才")  # 共有 is no verb that selects whom
    assert joined(with_class_verb(before, before[-1:])) == "人才"


def test_a_quantity_noun_before_a_number_is_its_topic():
    assert heads_unit(Tok("总量", "n", 0, 2), "人") and heads_unit(Tok("招生规模", "n", 0, 4), "人")
    assert not heads_unit(Tok("企业", "n", 0, 2), "人") and not heads_unit(Tok("武汉", "ns", 0, 2), "个")


@pytest.mark.parametrize(("text", "expected"), [
    # raw text
    ("学院去年共为企业培训产业工人4.3万人次。", [("4.3万人次", "培训产业工人")]),
    ("他和工友们共拿回工资约40万元。", [("约40万元", "工资")]),
    ("全市共举办“春风行动”招聘活动1850场。", [("1850场", "招聘活动")]),
    ("满载380名农民工的8辆返岗专车从太原出发。", [("380名", "农民工"), ("8辆", "返岗专车")]),
    ("全年1200万人左右的城镇新增就业目标有望完成。", [("1200万人左右", "城镇新增就业目标")]),
    ("一年就帮车间减少废品损失近300万元。", [("近300万元", "废品损失")]),
    ("今年的目标是实现高校毕业生在陕就业创业人数不低于20万人。", [("不低于20万人", "高校毕业生在陕就业创业人数")]),
    ("厂里数控车工月薪开到1.1万元。", [("1.1万元", "厂里数控车工月薪")]),
    ("全国招聘各类人员约420万人。", [("约420万人", "招聘各类人员")]),
    # seed-style: pre-segmented, stopwords (的, 个, 人, 等, commas) stripped
    ("全市 技能 人才 总量 突破 260 万人 高技能 人才 占比 31.6% 。",
     [("突破 260 万人", "技能人才总量"), ("31.6%", "高技能人才占比")]),
    ("累计 服务 环卫工人 快递员 外卖 骑手 户外 劳动者 超过 320 万人次 。", [("超过 320 万人次", "户外劳动者")]),
    ("全市 新 发展 快递员 网约车 司机 货车司机 新 就业 形态 会员 4.3 万人 。", [("4.3 万人", "新就业形态会员")]),
    ("介绍 今年 全市 培训 家政 服务 人员 1 万人次 。", [("1 万人次", "培训家政服务人员")]),
    ("技能 人才 总量 “ 十三 ” 末 168 万人 增加 231 万人 。", [("168 万人", "技能人才总量"), ("231 万人", "技能人才总量")]),
    ("累计 培养 首席 技师 236 名 获评 全国 五一劳动奖章 一线 职工 17 。", [("236 名", "首席技师"), ("17", "一线职工")]),
])
def test_subjects_in_sentences(text, expected):
    got = [(s.text, s.subject) for s in extract_statistics(text)]
    assert got == expected


def test_a_count_is_never_named_by_a_rate_after_it():
    stats = extract_statistics("毕业生 4326 实现 就业 4252 就业率 达 98.3% 。")
    subjects = {s.value: s.subject for s in stats}
    assert not subjects[4252].endswith("率") and subjects[98.3] == "就业率"


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="全市职工工人骑手司机快递员会员培训就业服务站点工会机构受理案件拿回的和去年今年重庆昆明力争", max_size=24))
def test_trims_return_a_contiguous_part_of_their_input(phrase):
    toks = tokens(phrase)
    text = joined(toks)
    for trim in TRIMS:
        out = joined(trim(toks))
        assert out in text and (out or not text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="全市职工骑手快递员会员培训就业站点万人名个元%的和，。 1234567", max_size=60))
def test_subjects_come_from_the_sentence_and_stay_short(text):
    for stat in extract_statistics(text):
        compact = stat.sentence.replace(" ", "")
        assert stat.subject.replace(" ", "") in compact
        assert len(stat.subject) <= 24



def test_an_organisation_verb_at_the_end_leaves_the_phrase_whole():
    """工会|争会 (found by the property below): nothing follows the verb, so there is no object to keep."""
    toks = pos_tokens("工会争会", (0, 4))
    assert joined(after_agent(toks)) == "工会争会"


# --- what a head count did: the predicate read after the number ---

@pytest.mark.parametrize(("after", "expected"), [
    ("考取高级工证书。", "考取高级工证书"),
    ("在市级技能比赛中获奖。", "获奖"),  # the place frame (在…中) says where, not what
    ("被用人单位录用，", "录用"),  # the agent (被…) says by whom
    ("取得了技师、高级技师证书。", "取得了技师、高级技师证书"),  # 、 between nouns stays inside the object
    ("，其余", ""),  # no verb: nothing is named
])
def test_predicate_after_a_head_count(after: str, expected: str) -> None:
    assert predicate(tokens(after)) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["在", "被", "中", "获奖", "取得", "了", "证书", "、", "技师", "，", "3", "单位"]),
                max_size=10))
def test_predicate_is_a_piece_of_the_text(words: list[str]) -> None:
    text = "".join(words)
    assert predicate(tokens(text)) in text
