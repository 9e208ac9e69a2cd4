"""Trimming a phrase read leftwards from a number to what is counted (token lists; stat_walk applies them in order)."""
from __future__ import annotations

import re

from analysis import stat_lexicon as lex
from analysis.stat_clause import TALLY_WORDS, is_people_noun
from analysis.stat_subject import MODIFYING_VERBS, STATUS_VERBS
from analysis.stat_tokens import NOUNISH_NUMERAL_WORDS, VERB_FLAGS

RESULT_COMPLEMENTS = frozenset("出回到走进上完")  # 拿|回, 带|出: the tagger splits resultative verbs in two
TRANSFER_VERBS = frozenset({"追发", "拿回", "带出", "减少", "挽回", "补发", "讨回", "拿到", "领到"})  # their object is counted
GENERIC_TAILS = frozenset({"人", "人员", "项目", "单位", "企业", "职工", "员工", "比例", "比重", "占比", "人数", "数量",
                           "总数", "总量", "规模"})  # too bare to stand for the phrase before 的
ORG_SUFFIXES = lex.AGENT_SUFFIXES + ("机构", "机关", "平台", "法院", "检察院", "部门", "工会", "中心")
CASE_HEADS = ("案件", "线索")  # a case noun keeps the verb that names the case (受理|案件)
BARE_CLASSES = frozenset({"人才", "人员", "劳动者", "人"})
BARE_ACTIVITIES = frozenset({"就业", "创业", "再就业", "就业创业"})  # head counts named by an act with no object
CLASS_WORDS = frozenset({"各类", "各种", "各级", "各项", "相关"})
HONOUR_NAMES = ("奖章", "奖", "称号", "能手", "标兵", "先锋号")
PHRASE_FLAGS = ("n", "vn", "a", "b", "j", "l")
GOAL_VERBS = frozenset({"力争", "争取", "确保", "力求", "预计", "努力"})
SCOPE_ORGS = ORG_SUFFIXES + ("企业", "单位", "行业", "领域")
MIN_SCOPED_CHARS = 7
NOT_PLACES = frozenset({"城镇", "农村", "城乡"})  # tagged ns, but kinds of place: 东部地区|城镇|调查失业率
PERIOD_ADJECTIVES = frozenset({"年", "月"})  # 职工|年|平均工资: "yearly", tagged as a numeral
TIME_ENDING = re.compile(r"(?:年|月|日|节|季度|后|前|初|末|底|期间)$")
NAMED_PEOPLE = tuple(h for h in lex.PEOPLE_HEADS if len(h) >= 2)  # 员工, 人才 (not 用工, whose 工 is no person)
MIN_AGENT_OBJECT = 4  # 工会发展|网约车司机会员: after a verbal noun only a long object is a separate thing


def _text_len(toks: list) -> int:
    return sum(len(t.word) for t in toks)


def _is_phrase(toks: list) -> bool:
    """A noun phrase: at least two characters, ending in a noun, no punctuation or numbers inside."""
    if not toks:
        return False
    ends_in_noun = toks[-1].flag.startswith(("n", "vn")) or toks[-1].word.endswith(lex.SHARE_WORDS)  # 返岗|率/v
    return _text_len(toks) >= 2 and ends_in_noun and all(
        t.flag.startswith(PHRASE_FLAGS) or t.flag.startswith("v") or t.word in NOUNISH_NUMERAL_WORDS
        or i and t.word in PERIOD_ADJECTIVES for i, t in enumerate(toks))


def after_inner_place(toks: list) -> list:
    """外卖平台|昆明|活跃骑手: a place name inside the phrase starts what is counted."""
    places = [i for i, t in enumerate(toks[:-1]) if i > 0 and t.flag == "ns" and t.word not in NOT_PLACES and (
        len(t.word) >= 2 or toks[i - 1].word == "在" and is_people_noun(toks[-1].word))]  # 平台在昆|注册司机
    tail = toks[places[-1] + 1:] if places else []
    text = "".join(t.word for t in tail)
    return tail if len(text) >= 3 and text not in GENERIC_TAILS and _is_phrase(tail) else toks


def after_agent(toks: list) -> list:
    """仲裁机构|受理案件, 工会|发展|网约车司机会员: an organisation doing something is not what is counted."""
    for i in range(len(toks) - 2, -1, -1):
        verb = toks[i + 1]
        if toks[i].word.endswith(ORG_SUFFIXES) and verb.flag in ("v", "vn") and len(verb.word) >= 2:
            tail = toks[i + 1:] if toks[-1].word.endswith(CASE_HEADS) else toks[i + 2:]
            long_enough = verb.flag == "v" or _text_len(tail) >= MIN_AGENT_OBJECT  # 工会|服务站点 is a compound
            return tail if long_enough and _is_phrase(tail) else toks
    return toks


def after_organisation(toks: list) -> list:
    """规模以上工业企业|员工返岗率, 试点企业|高技能人才平均月薪: the people of an organisation are measured."""
    if _text_len(toks) < MIN_SCOPED_CHARS:
        return toks
    orgs = [j for j, t in enumerate(toks[:-1]) if j > 0 and t.flag.startswith("n") and t.word.endswith(SCOPE_ORGS)]
    if not orgs:
        return toks  # 企业职工…: an organisation word that opens the phrase is part of the group's name
    tail = toks[orgs[-1] + 1:]
    people = any(t.word.endswith(NAMED_PEOPLE) for t in tail[:-1]) and not is_people_noun(tail[-1].word)
    return tail if people and _text_len(tail) >= 4 and _is_phrase(tail) else toks


def after_event(toks: list) -> list:
    """网约车平台|注册司机: a verb between a noun run and a people noun starts the group that is counted."""
    if len(toks) < 3 or not is_people_noun(toks[-1].word):
        return toks
    for i in range(len(toks) - 2, 0, -1):
        tok = toks[i]
        if tok.flag == "v" and len(tok.word) == 2 and tok.word not in TALLY_WORDS and all(
                t.flag.startswith("n") and t.flag != "nr" for t in toks[:i]) and _text_len(toks[:i]) >= 3:
            return toks[i:]
        if not (tok.flag.startswith(("n", "a", "b")) or tok.flag == "vn"):
            break
    return toks


MIN_NEW_SCOPE = 4  # 补贴目录|新增补贴工种 is cut; 城镇|新增就业 keeps its 城镇


def from_kept_verb(toks: list) -> list:
    """电工家政|免费技能培训: 免费 starts the figure after a long modifier (城镇新增就业 keeps its 城镇)."""
    for i, tok in enumerate(toks[1:-1], start=1):
        new = tok.word.startswith("新")  # 补贴目录|新增补贴工种; 光伏发电|新增装机容量 is one name
        if tok.word in lex.KEPT_LEADING_VERBS and _text_len(toks[:i]) >= (MIN_NEW_SCOPE if new else 3) and not (
                new and toks[i - 1].flag in ("vn", "v")):
            return toks[i:]
    return toks


def after_repeat(toks: list) -> list:
    """试点|试点企业…, 户籍|户籍劳动力: a word said twice in a row ends one phrase and starts the next."""
    repeats = [i for i in range(len(toks) - 1) if toks[i].word == toks[i + 1].word and len(toks[i].word) >= 2]
    return toks[repeats[-1] + 1:] if repeats else toks


def without_goal_verb(toks: list) -> list:
    """力争|城镇新增就业: a goal verb says the figure is a target, not what it counts."""
    return toks[1:] if len(toks) > 1 and toks[0].word in GOAL_VERBS else toks


def after_inner_time(toks: list) -> list:
    """重点企业|节后|用工缺口: a time word inside the phrase ends the scope; what follows is counted."""
    times = [i for i, t in enumerate(toks[:-1]) if i > 0 and t.flag == "t" and len(t.word) >= 2
             and TIME_ENDING.search(t.word) and not is_people_noun(t.word)]  # 港澳|青年/t is no time
    tail = toks[times[-1] + 1:] if times else []
    return tail if _text_len(tail) >= 3 and _is_phrase(tail) else toks


def without_trailing_place(toks: list) -> list:
    """骑手|重庆(有近十二万名): a place at the end says where, not what."""
    while len(toks) > 1 and toks[-1].flag == "ns":
        toks = toks[:-1]
    return toks


def after_transfer(toks: list) -> list:
    """拿|回|工资, 带|出|徒弟, 帮车间减少|废品损失: the object of a transfer verb is counted, not the act."""
    ends = [i for i, t in enumerate(toks[:-1]) if t.word in TRANSFER_VERBS or (
        t.word in RESULT_COMPLEMENTS and t.flag.startswith("v") and i > 0 and toks[i - 1].flag == "v"
        and len(toks[i - 1].word) == 1)]
    if not ends:
        return toks
    tail = toks[ends[-1] + 1:]
    return tail if _is_phrase(tail) and tail[0].flag.startswith(("n", "a", "b", "vn")) else toks


def after_honour(toks: list) -> list:
    """获评全国五一劳动奖章(的)|一线职工: the people who won are counted, not the honour."""
    if not toks or not is_people_noun(toks[-1].word):
        return toks
    verbs = [i for i, t in enumerate(toks) if t.word in lex.HONOUR_VERBS]
    names = [j for j, t in enumerate(toks[:-1]) if verbs and j > verbs[0] and t.word.endswith(HONOUR_NAMES)]
    if not names:
        return toks
    tail = toks[names[-1] + 1:]
    tail = tail[1:] if tail and tail[0].word == "的" else tail
    return tail if _is_phrase(tail) else toks


def with_class_verb(before: list, toks: list) -> list:
    """招聘|各类|人员, 新引进|各类|人才: a bare class noun keeps the verb that says which of them are counted."""
    if len(toks) != 1 or toks[0].word not in BARE_CLASSES or len(before) < 3 or before[-1] is not toks[0]:
        return toks
    verb, glue = before[-3], before[-2]
    selecting = verb.flag == "v" and len(verb.word) >= 2 and verb.word not in lex.GLUE_WORDS | TALLY_WORDS  # not 共有
    return before[-3:] if glue.word in CLASS_WORDS and selecting else toks


def with_activity_verb(before: list, toks: list) -> list:
    """实现|就业, 新|吸纳|就业: a bare 就业 says nothing alone; the verb before it names the figure (with its 新)."""
    if len(toks) != 1 or toks[0].word not in BARE_ACTIVITIES:
        return toks
    at = next((i for i, t in enumerate(before) if t is toks[0]), 0)
    if at == 0 or before[at - 1].flag not in VERB_FLAGS or before[at - 1].word in TALLY_WORDS:
        return toks
    start = at - 1 - int(at >= 2 and before[at - 2].word == "新")
    return before[start: at + 1]


def after_possessive(toks: list) -> list:
    """企业开出的|年薪: after a relative clause the noun after 的 is counted; a group of people keeps its clause."""
    marks = [i for i, t in enumerate(toks[:-1]) if t.word == "的"]
    if not marks:
        return toks
    head, tail = toks[: marks[-1]], toks[marks[-1] + 1:]
    text = "".join(t.word for t in tail)
    clause = any(t.flag.startswith("v") and t.flag != "vn" for t in head)  # a relative clause, not a possessor
    if not clause or text in GENERIC_TAILS or not _is_phrase(tail) or is_people_noun(text):
        return toks  # 高级技师的平均年薪, 留厦就业的毕业生: the modifier says which ones are counted
    return tail


LONG_PHRASE_CHARS = 8  # gold subjects are short; a longer phrase read leftwards often holds a whole clause
MIN_OBJECT_CHARS = 5  # 创新|工作室, 返还|资金, 帮扶|就业率: a short tail is the compound's head, not an object
MIN_LEAD_OBJECT_CHARS = 4  # 推荐|就业率: a verb before a short head is part of the name
RATE_HEADS = ("率", "比例", "比重", "占比")
MAX_RATE_NAME = 5  # 推荐|就业率 is one name; 用于|技能培训一线工人取证率 is a predicate and its object
SCOPE_NOUNS = ("领域", "大赛", "竞赛", "比赛",
               "方式", "难题", "行动", "机制", "目标", "模式")  # a method, problem, campaign or goal closes a clause
INNER_VERBS = MODIFYING_VERBS | STATUS_VERBS | lex.KEPT_LEADING_VERBS  # 参保|人数, 新增|就业: inside a compound


def after_clause_verb(toks: list) -> list:
    """程序|接收|欠薪线索, 带动|旅游餐饮综合消费 (marks stripped): a full verb before a noun phrase is the predicate;
    its object is what is counted. Inside a phrase only a long one is cut (创新|工作室 is a compound)."""
    for i in range(len(toks) - 2, -1, -1):
        tok = toks[i]
        if tok.flag != "v" or len(tok.word) < 2 or tok.word in INNER_VERBS or tok.word in TALLY_WORDS:
            continue
        tail = toks[i + 1:]
        if not _is_phrase(tail) or tail[0].flag.startswith("v"):
            continue
        if i == 0:  # 带动|…, 参加|失业保险人数; a case or rate named by acts keeps its verb (支持农民工起诉|案件,
            # 推荐就业|率, 受理|案件); a long plain object names itself (受理|新就业形态劳动者权益案件)
            keeps_verb = toks[-1].word.endswith(CASE_HEADS + RATE_HEADS) and (
                _text_len(tail) <= MAX_RATE_NAME or any(t.flag.startswith("v") for t in tail[:-1]))
            return tail if _text_len(tail) >= MIN_LEAD_OBJECT_CHARS and not keeps_verb else toks
        if _text_len(toks) > LONG_PHRASE_CHARS and _text_len(tail) >= MIN_OBJECT_CHARS and any(
                is_nounish_flag(t) for t in toks[:i]):
            return tail
    return toks


def is_nounish_flag(tok) -> bool:
    """A noun, verbal noun, adjective or distinguishing word (the subject of a clause read leftwards)."""
    return tok.flag.startswith(PHRASE_FLAGS)


def after_scope_noun(toks: list) -> list:
    """工程建设领域|实名制管理覆盖率, 职业技能大赛|世赛选拔项目: a field or an event inside a phrase is its scope."""
    for i in range(len(toks) - 2, 0, -1):
        if toks[i].word.endswith(SCOPE_NOUNS):
            tail = toks[i + 1:]
            return tail if _text_len(tail) >= 3 and _is_phrase(tail) else toks
    return toks
