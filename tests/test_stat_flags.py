"""Workforce and target flags: what is counted decides (money by recipient, counts by measure word and head)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import stat_flags
from analysis import stat_lexicon as lex
from analysis.stat_flags import counted_thing, is_target, is_workforce
from analysis.statistics import extract_statistics

WORKFORCE_CASES = [
    # money judged by its recipient
    ("专项经费", "区里给该技能大师工作室拨付30万元专项经费。", "money", "元", False),
    ("资助", "全区将培育劳模创新工作室20个，每个给予5万元资助。", "money", "元", False),
    ("运行经费", "区总工会安排运行经费120万元用于驿站改造升级。", "money", "元", False),
    ("一次性奖励", "新获评示范基地的，每家给予一次性奖励8万元。", "money", "元", False),
    ("经济损失", "劳动监察大队为农民工挽回经济损失860万元。", "money", "元", True),
    # a rate whose subject is only the firms it applies to
    ("小微企业", "其中，小微企业按上年度实际缴纳失业保险费的90%返还。", "percent", "%", True),
    ("大型企业", "大型企业稳岗返还比例为30%。", "percent", "%", True),
    ("新业态企业工会建会率", "全区新业态企业工会建会率达到88%。", "percent", "%", False),
    ("结业考核合格率", "首期培训学员86名，结业考核合格率达到97%。", "percent", "%", True),
    # counts: the thing counted, whatever modifies it
    ("大学生创业项目", "今年共孵化大学生创业项目260个。", "count", "个", False),
    ("服务站点", "全区新建户外劳动者服务站点45个。", "count", "个", False),
    ("行政村", "招聘专员深入18个行政村登记务工意愿。", "count", "个", False),
    ("青年人才公寓", "今年筹集青年人才公寓1500套。", "count", "套", False),
    ("劳务品牌", "全省已培育省级劳务品牌60个。", "count", "个", False),
    ("竞赛项目", "本次职工技能大赛共设竞赛项目30项。", "count", "项", True),
    ("技能人才自主评价", "全市已有37家企业开展技能人才自主评价。", "count", "家", False),
    ("家政技能培训", "县人社局今年开展家政技能培训26期。", "count", "期", False),
    ("技能人才", "全市新增高技能人才1.2万人。", "count", "人", True),
]


@pytest.mark.parametrize(("subject", "sentence", "kind", "unit", "expected"), WORKFORCE_CASES)
def test_workforce_follows_what_is_counted(subject, sentence, kind, unit, expected):
    assert is_workforce(subject, sentence, kind=kind, unit=unit) is expected


def test_a_head_count_is_never_a_counted_thing():
    sentence = "车间组建攻关项目团队，吸纳一线职工42名参与。"
    assert is_workforce("攻关项目", sentence, kind="count", unit="名") is True
    assert is_workforce("攻关项目", sentence, kind="count", unit="个") is False
    assert counted_thing("职工", "人") is None


@pytest.mark.parametrize(("document", "expected"), [((5, 1), True), ((0, 3), False)])
def test_the_payer_leaves_money_to_the_article(document, expected):
    assert is_workforce("专项资金", "市财政每年安排专项资金3000万元。", kind="money", document=document) is expected


def test_each_month_is_not_each_institution():
    assert is_workforce("奖金", "每个月额外发放300元奖金。", kind="money", document=(2, 0)) is True


def _target(sentence: str, number: str, **flags) -> bool:
    start = sentence.index(number)
    return is_target(sentence, start, start + len(number), **flags)


@pytest.mark.parametrize(("sentence", "number", "flags", "expected"), [
    ("工作人员登记农村劳动力求职意愿1300余人。", "1300余人", {}, False),
    ("各地劳动力争相外出务工，春节后返岗2.3万人。", "2.3万人", {}, False),
    ("力求全年新增就业1.2万人。", "1.2万人", {}, True),
    ("力争明年把失业保险金标准每人每月提高50元。", "50元", {"standard": True}, True),
    ("将对新录用员工按每人800元的标准给予补贴。", "800元", {"standard": True}, False),
    ("市财政每年安排就业补助资金不低于2亿元。", "不低于2亿元", {"standard": True, "minimum": True}, True),
])
def test_target_cues(sentence, number, flags, expected):
    assert _target(sentence, number, **flags) is expected


def test_extracted_flags_follow_recipients():
    text = ("区总工会通报\n\n今年区总工会为职工挽回经济损失360万元。全区培育劳模创新工作室12个，每个给予8万元资助。"
            "小微企业按上年度实际缴纳失业保险费的90%返还。")
    flags = {s.text: s.is_workforce for s in extract_statistics(text)}
    assert flags["360万元"] is True
    assert flags["8万元"] is False
    assert flags["90%"] is True
    assert flags["12个"] is False



# The fast scans (stat_flags.TARGET_CUE_LED/YEARS, WORKFORCE_START/NON_WORKFORCE_START) must agree with the plain
# rules they speed up; texts are drawn from the characters the cues and lexicon words are made of.
CUE_TEXT = st.text(alphabet="力争将新增年内底前到至2025一二两三，,；:今后未来计划要达目标为截已工人才职岗位企业收入",
                   max_size=24)
LEXICON_WORDS = sorted(set(lex.WORKFORCE_WORDS + lex.WORKFORCE_WORDS_EXTRA + lex.NON_WORKFORCE_WORDS
                           + lex.NON_WORKFORCE_WORDS_EXTRA))
# Whole lexicon words, words missing their first character (so words overlap and nest) and filler characters.
LEXICON_PIECES = st.sampled_from(LEXICON_WORDS) | st.sampled_from(LEXICON_WORDS).map(lambda w: w[1:]) | st.text(
    alphabet="人工职业技能的和在", max_size=3)


@settings(max_examples=300, deadline=None)
@given(CUE_TEXT)
def test_no_goal_cue_starts_where_an_n_years_cue_does(text):
    """TARGET_CUE lists the N年内 cue last: that reorders nothing only if no other cue can start at the same offset."""
    for at in range(len(text)):
        assert not (stat_flags.TARGET_CUE_YEARS.match(text, at) and stat_flags.TARGET_CUE_LED.match(text, at))
    assert stat_flags._has_target_cue.__wrapped__(text) == bool(stat_flags.TARGET_CUE.search(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(LEXICON_PIECES, max_size=8))
def test_lexicon_counts_equal_one_search_per_word_start(pieces):
    """count_lexicon's one-scan count equals counting the offsets that start a word, one search each."""
    text = "".join(pieces)
    expected = tuple(sum(1 for _ in stat_flags._word_hits(text, pattern))
                     for pattern in (stat_flags.WORKFORCE_HIT, stat_flags.NON_WORKFORCE_HIT))
    assert stat_flags.count_lexicon.__wrapped__(text) == expected
