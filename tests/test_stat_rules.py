"""Extractor rules of 1.2.0 (noun–number runs, 和-lists, 人次 acts, 万人 before a word, headcounts, caps, stages,
employment outcomes, merchants) and the speed rewrites of the subject grammar (same answers, less work)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.stat_left import RANGE_DASHES, _clause_mark
from analysis.stat_lists import nouns_lead
from analysis.stat_mentions import find_mentions
from analysis.stat_subject import PUNCTUATION, QUOTES, Tok, is_punct
from analysis.stat_tagging import pos_tokens
from analysis.statistics import EXTRACTOR_VERSION, extract_statistics


def figure(text: str, span: str):
    """The one statistic whose span, spaces removed, equals `span`."""
    found = [s for s in extract_statistics(text) if s.text.replace(" ", "") == span]
    assert len(found) == 1, [s.text for s in extract_statistics(text)]
    return found[0]


@pytest.mark.parametrize(("text", "span", "field", "expected"), [
    # B1: in text stripped of 个/所, a run of noun–number pairs opened by a verb counts the noun before each number
    ("全区 现有 技工 院校 23 职业 学校 58 在校生 约 6 万人 。", "23", "subject", "技工院校"),
    ("全区 现有 技工 院校 23 职业 学校 58 在校生 约 6 万人 。", "58", "subject", "职业学校"),
    ("全区 现有 技工 院校 23 职业 学校 58 在校生 约 6 万人 。", "58", "is_workforce", False),
    ("街道 建成 “ 骑手 港湾 ” 户外 劳动者 驿站 860 环卫 工人 快递员 提供 休息 服务 。", "860", "subject",
     "户外劳动者驿站"),
    ("街道 建成 “ 骑手 港湾 ” 户外 劳动者 驿站 860 环卫 工人 快递员 提供 休息 服务 。", "860", "unit", "个"),
    # …but a run opened by a number (the seed's 建设15产业生态圈66产业功能区) counts the noun after each number
    ("全县 规划 建设 12 产业 园区 40 产业 社区 。", "40", "subject", "产业社区"),
    # B2: two items joined by 和 are distributed over 分别 like a 、-list
    ("中级工和高级工月均工资分别为6500元和7800元。", "6500元", "subject", "中级工"),
    ("中级工和高级工月均工资分别为6500元和7800元。", "7800元", "subject", "高级工"),
    # B3: a person-time count with nothing before it is named by the act after it
    ("今年全县共有1.8万人次领取职业技能提升补贴。", "1.8万人次", "subject", "领取职业技能提升补贴"),
    # B4: 万人 run into the next word (人工, 人力) keeps its 人 in stripped text
    ("医疗 保险 参保 人数 96 万人 工伤保险 参保 人数 88 万人 。", "96万人", "subject", "医疗保险参保人数"),
    ("今年 新 培养 技能 人才 2.4 万人 力争 明年 再 增加 。", "2.4万人", "subject", "技能人才"),
    ("今年 新 培养 技能 人才 2.4 万人 力争 明年 再 增加 。", "2.4万人", "unit", "人"),
    # B5: a bare count of a 人数 is a head count
    ("今年 参赛 人数 1460 创 历史 新高 。", "1460", "unit", "人"),
    ("今年 参赛 人数 1460 创 历史 新高 。", "1460", "subject", "参赛人数"),
    # B6: a ceiling to keep under (控制在…以内) is a goal; a plain rate is not
    ("明年全县城镇登记失业率控制在3.5%以内。", "3.5%以内", "is_target", True),
    ("城镇 调查 失业率 控制 5% 以内 。", "5%以内", "is_target", True),
    ("全县城镇登记失业率为3.5%。", "3.5%", "is_target", False),
    # B8: people counted by the job they got are the workforce; merchants are not
    ("依托社区服务站，今年帮助1300余名居民实现家门口就业。", "1300余名", "is_workforce", True),
    ("全市工会与180家合作商户签约，为会员提供折扣。", "180家", "is_workforce", False),
])
def test_rule(text: str, span: str, field: str, expected) -> None:
    assert getattr(figure(text, span), field) == expected


@pytest.mark.parametrize(("text", "kept", "dropped"), [
    # B7: rounds of a contest or review are its stages, not a quantity
    ("经过两轮比拼，共有48名选手进入决赛。", "48名", "两轮"),
    ("历经三轮评审，共有36个项目入选。", "36个", "三轮"),
])
def test_stage_counts_are_not_statistics(text: str, kept: str, dropped: str) -> None:
    spans = [s.text for s in extract_statistics(text)]
    assert kept in spans and dropped not in spans


def test_rounds_of_an_activity_stay() -> None:
    assert "两轮" in [s.text for s in extract_statistics("今年开展两轮集中招聘，提供岗位3200个。")]


@pytest.mark.parametrize(("compact", "unit"), [
    ("参保人数218万人工伤保险参保人数", "人"),  # the segmenter cuts 万人|工伤保险
    ("新培养技能人才1.5万人力争明年", "人"),
    ("引进各类人才5万人才总量突破", ""),  # 万|人才: a noun, no measure word
    ("新增就业岗位3万人员缺口", ""),
])
def test_ren_after_a_magnitude(compact: str, unit: str) -> None:
    mention = next(m for m in find_mentions(compact) if m.magnitude)
    assert mention.unit == unit


def _toks(phrase: str) -> list[Tok]:
    return pos_tokens(phrase, (0, len(phrase)))


@pytest.mark.parametrize(("before", "expected"), [
    ("全市现有职业院校161高职院校", True),
    ("全市建成“暖心驿站”服务站点", True),
    ("成都规划建设15产业生态圈", False),  # the run opens with a number: the noun after it is counted
    ("职业院校", False),  # no verb or scope word introduces the run
    ("全市新增就业", False),  # not a thing or quantity noun
])
def test_nouns_lead(before: str, expected: bool) -> None:
    assert nouns_lead(_toks(before)) is expected


def test_version_bumped() -> None:
    assert EXTRACTOR_VERSION >= "1.2.0"


# --- speed rewrites must keep the old answers ---

WORDS = st.sampled_from(["，", "、", "。", "—", "-", "“", "”", "（", "职工", "培训", "25", "岁", "人次", " ", "x", ""])
FLAGS = st.sampled_from(["m", "n", "x", "v"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORDS, FLAGS), max_size=12))
def test_clause_mark_is_the_last_mark(pairs: list[tuple[str, str]]) -> None:
    """The right-to-left scan finds the index the original left-to-right max() found."""
    before = [Tok(w, f, i, i + 1) for i, (w, f) in enumerate(pairs)]
    expected = max((i for i, t in enumerate(before) if is_punct(t) and t.word not in QUOTES
                    and not (t.word in RANGE_DASHES and 0 < i < len(before) - 1 and before[i + 1].flag == "m")),
                   default=-1)
    assert _clause_mark(before) == expected


@given(st.text(alphabet=st.sampled_from(list(PUNCTUATION) + list("职工12a")), max_size=6))
def test_is_punct_matches_its_definition(word: str) -> None:
    assert is_punct(Tok(word, "x", 0, len(word))) == all(ch in PUNCTUATION for ch in word)
