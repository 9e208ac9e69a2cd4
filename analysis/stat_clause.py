"""Clause-level subject rules: does a noun fit the measure word, where does a clause's topic sit."""
from __future__ import annotations

import re

from analysis import stat_lexicon as lex
from analysis.stat_subject import last_listed_people

# A phrase that only says how a figure moved (同比增加, 净增, 比上年末提高): it names no quantity of its own.
CHANGE_PHRASE = re.compile(r"^(?:同比|环比|净|比上年末?|较上年末?)?(?:持平|增加|增长|减少|下降|提高|降低|上升|回落|缩短|延长|压缩|扩大|提升|增|减|多|少)了?(?:到|至)?$")

# Heads of phrases whose number counts people although the head is not a people noun (城镇新增就业 22万人).
PEOPLE_COUNT_TAILS = ("就业", "再就业", "人数", "失业", "培训", "见习", "入会", "参保", "返岗", "务工", "转移就业")
# Verbs whose object is the quantity itself (总量达到|186万人): the number closes the clause; its topic is before.
QUANTITY_PREDICATES = frozenset({
    "达", "达到", "超过", "突破", "约为", "增加", "增长", "减少", "下降", "增至", "降至", "提高到", "提升至",
    "提高至", "增长到", "下降到", "扩大到", "共计", "合计", "总计", "占", "占到",
})
# A rank or level in brackets after a name (初级工（五级）) annotates it; the name is what is counted.
LEVEL_NOTE = re.compile(r"[（(][^（）()]*[\d一二三四五六七八九十级星][^（）()]*[）)]$")
LEADING_CONJUNCTION = re.compile(r"^(?:和|及|与|以及|或)(?=..)")  # …减免|和缓缴社会保险费: the list's glue
# 月薪8000元|以上的岗位占比, 超过10|小时的司机占比: what is left of a bound written before the phrase
LEADING_BOUND = re.compile(r"^(?:及?以上|以下|以内|左右|小时|分钟|天|元|万元)?的(?=..)")
ACQUIRING_VERBS = ("取得", "获得")  # 取得|技师: the people holding a title are counted, not the act
PLAN_WORDS = re.compile(r"(?<=.)(?:计划|预计|拟|力争)(?=.)")  # 学校计划|招生: the planned activity is the figure
MAX_ACTIVITY_CHARS = 12
MAX_MONEY_NAME = 8
TALLY_WORDS = frozenset({"累计", "共计", "合计", "总计", "先后", "陆续", "共", "已"})  # how it adds up, not the act
NOT_IN_NOUN_PHRASE = frozenset("xdprcumqfy")  # POS classes that end a noun phrase read leftwards
# Nouns that name a quantity: the number after them is its value (技能人才总量|突破260万人, 吞吐量|3.5亿吨).
QUANTITY_NOUNS = ("总量", "总数", "人数", "数量", "规模", "量", "额", "产值", "增加值")
# Measure words that count organisations or places, never people (1830家 counts 工会组织, not the 会员 after it).
PLACE_UNITS = frozenset({"家", "所", "座", "栋", "幢", "处", "间"})
# Measure words for things and events, never people (12.8万条|服务灵活就业人员…: the next clause's people);
# 个 and 批 are left out, they count people in speech (徒弟有48个).
THING_UNITS = frozenset({"条", "项", "场", "场次", "件", "份", "期", "门", "宗", "台", "套", "辆", "趟", "枚", "单", "批次"})
HOUSEHOLD_UNITS = frozenset({"户", "户次"})
# Nouns of a rate, length or sum: no measure word counts them (结案1320件|平均办案周期… is the next clause).
MEASURE_TAILS = ("率", "周期", "比例", "比重", "占比", "时长", "总额", "金额", "增速", "人数",
                 "日均", "月均", "年均", "人均")  # …6400余家|日均发布…: a per-period word opens the next clause
EVENT_UNITS = frozenset({"场", "场次", "届"})
EVENT_HEADS = ("会", "活动", "大赛", "竞赛", "培训", "行动")  # events: counted in 场/次, never in 家
HOUSEHOLD_HEADS = ("企业", "单位", "家庭", "商户", "主体", "农户")  # what 户 counts besides people (not 总工会)


def is_people_noun(phrase: str) -> bool:
    """A phrase headed by a people noun (产业工人, 劳动者, 人才队伍)."""
    return phrase.removesuffix("队伍").endswith(lex.PEOPLE_HEADS)


def counts_people(phrase: str) -> bool:
    """A phrase whose number is a head count: people, or jobs and training taken up by people (城镇新增就业)."""
    return is_people_noun(phrase) or phrase.endswith(PEOPLE_COUNT_TAILS)


def fits_unit(unit: str, subject: str) -> bool:
    """Whether a noun phrase after a number can be what its measure word counts (名/人 → people, 家/所 → not)."""
    if unit in lex.PEOPLE_UNITS and unit not in ("户", "户次"):
        return is_people_noun(subject)
    if unit in PLACE_UNITS or unit in THING_UNITS:
        return not is_people_noun(subject) and not subject.endswith(MEASURE_TAILS)
    return not subject.endswith(MEASURE_TAILS)


def closes_clause(before_words: list[str]) -> bool:
    """True when the number is the object of a quantity predicate (…总量达到|186万人 高技能人才…)."""
    return bool(before_words) and before_words[-1] in QUANTITY_PREDICATES



def is_change_phrase(subject: str) -> bool:
    """True for a subject that is only a change predicate (同比增加, 净增)."""
    return bool(CHANGE_PHRASE.match(subject))


def clean_subject(subject: str) -> str:
    """Drop a bracketed level, a leading conjunction, 取得/获得 before a people noun and a plan word inside."""
    subject = LEVEL_NOTE.sub("", subject) or subject
    subject = LEADING_CONJUNCTION.sub("", subject) or subject
    subject = LEADING_BOUND.sub("", subject)
    for verb in ACQUIRING_VERBS:
        if subject.startswith(verb) and is_people_noun(subject[len(verb):]):
            subject = subject[len(verb):]
    parts = PLAN_WORDS.split(subject)
    return parts[-1] if len(parts[-1]) >= 2 else subject


def activity_phrase(before: list) -> str:
    """Verb + people noun just before a 人次 count (覆盖|农民工, 日均服务|户外劳动者); '' when none."""
    found = ""
    for j in range(len(before) - 1, 0, -1):
        rest = "".join(t.word for t in before[j:])
        if len(rest) > MAX_ACTIVITY_CHARS or before[j].flag[0] in NOT_IN_NOUN_PHRASE or before[j].word == "等" or (
                _is_scope_or_time(before[j])):
            break  # 学院去年|培训产业工人, 全市|培训…: scope and time words close the activity
        verb = before[j - 1]
        if is_people_noun(rest) and verb.flag in ("v", "vn") and len(verb.word) >= 2 and verb.word not in TALLY_WORDS:
            found = verb.word + rest  # the leftmost verb wins: 服务|灵活就业人员, not 灵活就业|人员
            listed = last_listed_people(before[j:])
            if len(listed) < len(before) - j:
                return "".join(t.word for t in listed)  # 服务环卫工人快递员…|户外劳动者: the class is counted
    return found


def _is_scope_or_time(tok) -> bool:
    """Scope, tally and time words (全市, 累计, 去年, 今年以来) that no activity phrase reaches across."""
    return tok.word in lex.SCOPE_WORDS or tok.word in TALLY_WORDS or tok.flag == "t"


def previous_topic(before: list) -> str:
    """The noun ending the clause before the number's own clause (像他这样的骑手，在重庆有|近十二万名)."""
    cuts = [i for i, t in enumerate(before) if t.word in ("，", ",")]
    if not cuts:
        return ""
    start = max((i for i in cuts[:-1]), default=-1) + 1
    clause = before[start: cuts[-1]]
    if not clause or not clause[-1].flag.startswith("n") or clause[-1].flag == "ns":
        return ""
    return clause[-1].word if is_people_noun(clause[-1].word) else ""


def heads_unit(tok, unit: str) -> bool:
    """A head noun right before a number that its measure word can count (岗位|20万个, 骑手|近十二万名, 总量|突破…)."""
    if unit in EVENT_UNITS and tok.word.endswith(EVENT_HEADS) and tok.flag.startswith(("n", "vn")):
        return True  # 职业技能竞赛/vn|2.1万余场|参赛职工…: events are counted in 场
    if not tok.flag.startswith(("n", "l", "j")) or tok.flag == "ns":
        return False  # the tagger files set terms under l and j (从业人员/l, 困难职工/l)
    if tok.word.endswith(QUANTITY_NOUNS):
        return True  # 技能人才总量|突破260万人|高技能人才…: in text without commas the next noun is the next clause
    if unit in HOUSEHOLD_UNITS:  # 惠及企业|3.2万户, 困难职工|1450户: 户 counts households and firms alike
        return is_people_noun(tok.word) or tok.word.endswith(HOUSEHOLD_HEADS)
    if unit in PLACE_UNITS and tok.word.endswith(EVENT_HEADS):
        return False  # 专场招聘会|156家|企业: 家 counts firms and places, never events
    return is_people_noun(tok.word) if unit in lex.PEOPLE_UNITS else tok.word.endswith(lex.THING_HEADS)


def money_named_before(before: list) -> str:
    """The last money noun phrase earlier in the sentence (生活救助金), for an amount whose clause names none."""
    heads = [i for i, t in enumerate(before) if t.flag.startswith(("n", "v")) and t.word.endswith(lex.MONEY_HEADS)]
    if not heads:
        return ""
    start = end = heads[-1]
    while start > 0 and (before[start - 1].flag.startswith("n") or before[start - 1].flag == "vn") and sum(
            len(t.word) for t in before[start - 1: end + 1]) <= MAX_MONEY_NAME:
        start -= 1  # 生活|救助金
    return "".join(t.word for t in before[start: end + 1])
