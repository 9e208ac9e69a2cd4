"""The phrase read leftwards from a number: back to a boundary, verbs and glue trimmed; cached by clause."""
from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

from analysis import stat_lexicon as lex
from analysis.stat_subject import (
    JOINING_WORDS,
    MAX_GLOSS_TOKENS,
    MAX_SUBJECT_CHARS,
    NOTE_WORDS,
    SPLIT_UNIT,
    last_listed_people,
)
from analysis.stat_tokens import (
    NOUNISH_NUMERAL_WORDS,
    NUMERAL_CHAR,
    QUOTES,
    TIME_WORD,
    VERB_FLAGS,
    Tok,
    is_nounish,
    is_punct,
    people_head,
)
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
    with_activity_verb,
    with_class_verb,
    without_goal_verb,
    without_trailing_place,
)

INNER_ADVERBS = frozenset({"再", "新", "重新", "免费", "灵活", "稳定", "实际", "初步", "一次性", "拒不", "按期", "按时"})
INNER_LINKS = frozenset({"以上", "及以上", "以下"})  # 规模以上工业企业, 大专及以上学历
RANK_LINKS = frozenset({"以上", "及以上"})  # 其中高级工以上|620人: the people at or above a rank are counted
PERIOD_WORDS = frozenset({"月", "年", "日"})  # 月收入, 年营业收入
PAYING_VERBS = frozenset({"给予", "发放", "予以"})  # …证书的，给予|1000元: the predicate
AGE_PART = re.compile(r"^(?:\d+|[—–\-~～至到])$")
COPULAS = frozenset({"是"})
RESULT_ENDS = frozenset("到至")  # 月薪|开到|1.1万元: a verb of reaching is the predicate
PERIOD_RATES = frozenset({"每月", "每年", "每天", "每日", "一天"})  # a period an income is counted over
EARNINGS = frozenset({"收入", "工资", "挣", "薪酬"})  # 每月|收入 is monthly income, not income in general
PERIOD_UNITS = frozenset({"月", "年", "季", "季度", "日", "天", "时", "期", "周"})
COMPOUND_HEADS = lex.MONEY_HEADS + ("会", "活动", "项目", "基地", "中心", "平台", "人员", "对象", "率", "站", "机构",
                                   "岗位", "服务", "工作", "意向", "车间")
COMPOUND_VERBS = frozenset({"帮扶", "招聘", "救助", "返还", "稳岗", "资助", "培训", "补贴", "慰问", "创业", "就业",
                            "见习", "维权", "培育", "扶持", "奖励", "支付"})
SUFFIX_HEADS = frozenset({"率", "量", "数", "额", "比", "比例", "人数", "次数", "金额", "规模", "总量", "总额", "周期"})
EXAMPLE_CLASS_CHARS = 4
VP_HEADS = ("案件", "线索", "行为", "情况", "问题", "事件", "率", "比例", "比重")
PLACE_TAILS = frozenset({"地区", "市", "省", "区", "县"})
OPENING_BRACKETS = frozenset("（(")
CLOSING_BRACKETS = frozenset("）)")
WORD_AND_FLAG = itemgetter(0, 1)  # Tok.word, Tok.flag
WALK_CACHE = 1 << 14  # distinct clauses before a number kept per process (a few MB at most)
GOAL_PERIODS = frozenset({"全年", "年度"})  # 完成|全年|目标任务的87.7%: the period says which goal
GOAL_NOUNS = frozenset({"目标", "目标任务"})
REFERENCE_TIME = re.compile(r"去年|上年|同期|前年|上届|年前|年初|年末|年底|平均水平")
AGE_STATED_BY = frozenset({"不到", "不足", "超过", "约", "近", "达", "达到", "为", "是", "仅", "只有"})


def _is_left_boundary(tok: Tok, collected: list[Tok]) -> bool:
    """Where a leftward subject search stops: punctuation, numbers, scope/time words, pronouns, prepositions."""
    if tok.word in NOUNISH_NUMERAL_WORDS or tok.word == "按" and collected and collected[0].word in PERIOD_UNITS:
        return False  # 一线职工, 按月足额支付…: not a boundary
    if tok.word in GOAL_PERIODS and collected and collected[0].word in GOAL_NOUNS:
        return False
    if tok.word in COPULAS and collected:
        return True  # 目标是|实现高校毕业生…: what a copula introduces is the phrase
    if tok.word == "一次" and collected and collected[-1].word.endswith("率"):
        return False  # 焊缝|一次|合格率: first-pass yield, not a count
    if tok.word == "在" and collected and collected[0].flag == "ns" and len(collected[0].word) == 1:
        return False  # 高校毕业生在|陕|就业创业: 在 + a one-character place abbreviation is part of the phrase
    if collected and (tok.word in INNER_LINKS or tok.word in PERIOD_WORDS):
        return False  # 规模以上工业企业, 月收入
    if tok.word == "等":  # 工资等待遇 keeps its example; 骑手等|户外劳动者 names the class after 等
        return sum(len(t.word) for t in collected) >= EXAMPLE_CLASS_CHARS
    if collected and tok.word in PERIOD_RATES and collected[0].word in EARNINGS:
        return False  # 每月|收入, 一天|挣: what is earned per period is the figure
    if collected and collected[0].word in PERIOD_RATES:
        return True  # 现在|每月收入: the period closes the phrase
    if tok.flag == "p" and tok.word in JOINING_WORDS and collected and is_nounish(collected[0]):
        return False  # 研发/j 与/p 技术人员: the tagger's preposition joins two nouns
    if tok.word in MISTAGGED_NOUNS or tok.word in REGION_WORDS and collected and collected[0].word == "地区":
        return False  # 本科/r (not a pronoun), 中部/f|地区
    if is_punct(tok) or tok.flag in ("m", "q", "r", "p", "f", "y", "e", "o", "x"):
        return True
    if tok.word in lex.SCOPE_WORDS or tok.flag == "t" and TIME_WORD.match(tok.word) or REFERENCE_TIME.search(tok.word):
        return True
    if tok.flag == "d" and tok.word in INNER_ADVERBS and collected:
        return False
    if tok.word == "的":
        return not collected
    if tok.flag == "c" or tok.flag.startswith("u") or tok.flag == "d":
        return not (tok.word in JOINING_WORDS and collected)
    return bool(collected) and tok.word.endswith(lex.AGENT_SUFFIXES) and all(  # 成都工匠学院|免费培训
        t.flag in VERB_FLAGS or t.flag == "vn" for t in collected)  # (the suffix test first: it rarely holds)


def _strip_edges(toks: list[Tok], *, leading: bool) -> list[Tok]:
    """Drop glue, target cues, distributive 每X words, adverbs and quotes from one end."""
    def removable(tok: Tok) -> bool:  # 计划|总投资: a plan word before a noun names a planned amount
        return (tok.word in lex.GLUE_WORDS or tok.word.startswith("每") and not (
                    leading and tok.word in PERIOD_RATES and len(toks) > 1 and toks[1].word in EARNINGS)
                or tok.word in lex.TARGET_WORDS and not (leading and len(toks) > 1 and toks[1].flag[:1] in "nb")
                or tok.word in QUOTES or tok.flag in ("d", "uj", "ul", "p", "c") and tok.word not in INNER_ADVERBS
                or not leading and (tok.word in lex.TRAILING_GLUE or tok.word in PAYING_VERBS
                                    or tok.flag == "v" and len(tok.word) == 2 and tok.word[-1] in RESULT_ENDS))
    while toks and removable(toks[0] if leading else toks[-1]):
        toks = toks[1:] if leading else toks[:-1]
    return toks


def _after_last_verb(collected: list[Tok]) -> list[Tok]:
    """The object after the last full verb of an over-long phrase (…入会方式|快递员入会率)."""
    verbs = [i for i, t in enumerate(collected[:-1]) if t.flag in VERB_FLAGS and len(t.word) >= 2
             and t.word not in lex.KEPT_LEADING_VERBS and not _compound(collected, i)
             and not (collected[i + 1].flag in VERB_FLAGS and len(collected[i + 1].word) >= 2)]  # 保障|覆盖人数
    actions = [i for i in verbs if collected[i].word in lex.ACTION_VERBS]  # 吸引|港澳青年就业创业: the reporting verb
    return collected[(actions or verbs)[-1] + 1:] if verbs else collected


def _compound(collected: list[Tok], i: int) -> bool:
    """帮扶|资金, 招聘|会: a verb modifying the final head noun is part of the name, not an action."""
    if i + 2 == len(collected) and collected[i + 1].word in SUFFIX_HEADS:
        return True  # 办结|率, 开设|率
    return (collected[i].word in COMPOUND_VERBS and i + 1 < len(collected)
            and (collected[i + 1].word.endswith(COMPOUND_HEADS)  # 就业|帮扶|车间: two verbs naming one facility
                 or collected[i + 1].word in COMPOUND_VERBS and _compound(collected, i + 1)))


def _new_thing(collected: list[Tok]) -> bool:
    """新建|标准化厂房: 新建/新增 before a noun phrase is the action; before a verb (新增|就业) it names the figure."""
    word = collected[0].word
    new_verb = word in lex.KEPT_LEADING_VERBS or word[1:] in lex.ACTION_VERBS  # 新开设|订单班
    return new_verb and word.startswith("新") and (
        collected[-1].flag.startswith("n") and collected[-1].flag != "nr")


def _is_place(tok: Tok, following: Tok) -> bool:
    """A leading place name (武汉市, 西安 before 地区) or the 地区 after it."""
    if tok.word in PLACE_TAILS:
        return True
    return tok.flag == "ns" and (following.word in PLACE_TAILS or len(tok.word) >= 3 and (
        tok.word[-1] in "市省县" or tok.word.endswith("地区")))


def _is_locative(tok: Tok) -> bool:
    """家门口, 车间里: a place phrase says where (a two-character 市内/网上/户外 names a kind and stays)."""
    return tok.flag == "s" and len(tok.word) >= 3


def _age_band(before: list[Tok]) -> list[Tok]:
    """The tokens of an age band ending in 岁 (16—24岁, 35岁, 25至40岁)."""
    start = len(before) - 1
    while start > 0 and AGE_PART.match(before[start - 1].word):
        start -= 1
    return before[start:] if start < len(before) - 1 else []


PERIOD_ENDS = frozenset({"月", "年", "日", "天", "周"})
MISTAGGED_NOUNS = frozenset({"本科"})  # the tagger reads its 本 as a demonstrative (本科/r)
REGION_WORDS = frozenset({"东部", "中部", "西部", "东北", "南部", "北部", "沿海", "内陆"})
EDUCATION_LEVELS = frozenset({"本科", "大专", "专科", "中专", "高中", "初中", "硕士", "博士", "研究生"})


def _collect(before: list[Tok]) -> list[Tok]:
    """Tokens right before a number back to a boundary (or to the length limit, after the last verb)."""
    collected: list[Tok] = []
    length = 0  # characters in collected, kept as it grows
    i = len(before)
    while i > 0:
        i -= 1
        tok = before[i]
        bound = len(tok.word) == 1 and (tok.flag in ("m", "q") or tok.word == "之") and not (
            NUMERAL_CHAR.match(tok.word)) or tok.word[:1] == "之" and _of_place(tok)
        after_activity = tok.word == "后" and i > 0 and before[i - 1].flag == "vn" and collected  # 培训后就业率
        rank_and_up = not collected and tok.word in RANK_LINKS and i > 0 and (
            people_head(before[i - 1].word) or before[i - 1].word in EDUCATION_LEVELS)  # 大专以下|2422人
        if after_activity or rank_and_up or bound and i > 0 and (is_nounish(before[i - 1]) or before[i - 1].word == "之"):
            collected.insert(0, tok)  # 专业|点, 司机|之|家: a bound morpheme inside a noun
            length += len(tok.word)
            continue
        if tok.word == "岁" and collected:  # 25—29岁|劳动力失业率: an age band belongs to the group
            band = _age_band(before[:i + 1])
            lead = before[i - len(band)] if band and i >= len(band) else None
            stated = lead is not None and (lead.word in AGE_STATED_BY or lead.word.endswith("年龄"))
            return collected if stated else band + collected  # 平均年龄不到35岁|研发人员: an age stated, no band
        if _is_left_boundary(tok, collected):
            gloss = _gloss_start(before, i) if tok.word in CLOSING_BRACKETS and (
                not collected or "".join(t.word for t in collected) in SUFFIX_HEADS) else -1
            if gloss < 0:  # (街道（乡镇）|零工驿站: a gloss on a modifier ends the phrase)
                if collected and collected[0].word in PERIOD_ENDS and tok.flag in ("m", "q"):
                    del collected[0]  # 前10个|月|零工人员: the month ends the period before the phrase
                break
            if not before[gloss + 1].word.startswith(NOTE_WORDS):  # 就业（升学）|率: the gloss is in the phrase
                collected[:0] = before[gloss: i + 1]
                length += sum(len(t.word) for t in before[gloss: i + 1])
            i = gloss  # 城镇新增就业（含灵活就业）|5.2万人: a note on scope is skipped
            continue
        length += len(tok.word)
        if length > MAX_SUBJECT_CHARS:
            return _after_last_verb(collected)  # no boundary in reach (text without commas)
        collected.insert(0, tok)
    return collected


def _of_place(tok: Tok) -> bool:
    """职工|之家/r, 司机|之家: the tagger's 之X after a noun is a bound head (之一 is a fraction, not a place)."""
    return len(tok.word) == 2 and tok.word[0] == "之" and tok.flag in ("r", "n") and not NUMERAL_CHAR.match(tok.word[1])


class _Clause(tuple):
    """The (word, flag) pairs of a clause, hashed as such; `unquoted` keeps its tokens for a call that misses the cache."""


def _walk(before: list[Tok]) -> list[Tok]:
    """The phrase right before a number (a slice of `before` without its quotes); see _walk_words for the rules."""
    clause = _Clause(map(WORD_AND_FLAG, before))  # clauses recur across a corpus: cached by words and flags
    clause.unquoted = unquoted = [t for t in before if t.word not in QUOTES]
    start, end = _walk_span(clause)
    del clause.unquoted  # the cache keeps the key: it must not keep the tokens alive
    return unquoted[start:end]


@lru_cache(maxsize=WALK_CACHE)
def _walk_span(clause: _Clause) -> tuple[int, int]:
    """(start, end) of the walked phrase among the clause's unquoted tokens (the rules see words, flags, adjacency)."""
    unquoted = clause.unquoted
    phrase = _walk_words(unquoted)
    if not phrase:
        return 0, 0
    first = next(i for i, t in enumerate(unquoted) if t is phrase[0])
    return first, first + len(phrase)


def _walk_words(before: list[Tok]) -> list[Tok]:
    """The phrase right before a number: back to a boundary, after the last reporting verb, edges trimmed."""
    before = _strip_edges(before, leading=False)
    collected = _collect(before)
    if not collected:
        return []  # every rule below keeps an empty phrase empty
    actions = [i for i, t in enumerate(collected[:-1]) if t.word in lex.ACTION_VERBS and not _compound(collected, i)]
    if actions and collected[-1].word.endswith(VP_HEADS):
        actions = [i for i in actions if i == 0]  # 支持农民工起诉|案件: a case noun keeps its verb phrase
    if actions:
        cut = actions[-1] + 1
        if cut >= 2 and collected[cut - 2].word == "新" and people_head(collected[-1].word):
            cut -= 2  # 新|引进|青年大学生: the newly recruited are a cohort, named with their 新 verb
        collected = collected[cut:]
    while len(collected) > 1 and (collected[0].word in lex.ACTION_VERBS and not _compound(collected, 0)
                                  or collected[0].word in JOINING_WORDS or _new_thing(collected)):
        collected = collected[1:]
    collected = _strip_edges(collected, leading=True)
    if collected and collected[0].word in INNER_LINKS:
        left_of = next((t for t in before if t.end == collected[0].start), None)
        while collected and collected[0].word in INNER_LINKS and not (left_of and left_of.flag in ("m", "q")):
            collected = collected[1:]  # 市级|以上劳动模范: the link lost its left side (亿元|以上项目 keeps it)
    achieved = next((i for i, t in enumerate(collected) if t.word == "实现" and i > 0
                     and people_head(collected[i - 1].word)), None)
    if achieved is not None:
        collected = collected[:achieved]  # 就业困难人员|实现就业: the people are counted
    while len(collected) > 1 and (_is_place(collected[0], collected[1]) or _is_locative(collected[0])
                                  or len(collected[0].word) == 1 and collected[0].flag in ("ns", "j")):
        collected = collected[1:]  # 西安地区|普通高校毕业生, 武汉市|最低工资标准, 家门口|月收入 (a locative)
    if len(collected) > 1 and collected[0].word == SPLIT_UNIT:
        collected = collected[1:]  # 218万|人|工伤保险参保人数|236万人: the previous figure's measure word
    if len(collected) > 1:  # each trim keeps a one-word phrase as it is
        for trim in PHRASE_TRIMS:
            collected = trim(collected)
    collected = with_activity_verb(before, with_class_verb(before, collected))
    return [] if "".join(t.word for t in collected) in lex.GENERIC_SUBJECTS else collected


# Applied in this order to the phrase read leftwards from a number (each returns its input or a part of it).
PHRASE_TRIMS = (after_repeat, without_goal_verb, without_trailing_place, after_inner_time, after_inner_place,
                after_agent, after_organisation, after_event, after_transfer, after_honour, after_possessive,
                from_kept_verb, last_listed_people, after_clause_verb, after_scope_noun)


def _gloss_start(before: list[Tok], close: int) -> int:
    """Index of the bracket opening the short gloss that closes at `close` (…（升学）); -1 when there is none."""
    for j in range(close - 1, max(close - MAX_GLOSS_TOKENS, 0) - 1, -1):
        if before[j].word in OPENING_BRACKETS:
            glossed = j > 0 and (is_nounish(before[j - 1]) or before[j - 1].flag in VERB_FLAGS)
            return j if glossed and j < close - 1 else -1
        if is_punct(before[j]) and before[j].word != "、":
            return -1
    return -1
