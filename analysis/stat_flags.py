"""Whether a statistic is a goal (target) and whether it measures the workforce."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from analysis import stat_lexicon as lex
from analysis.stat_stripped import stripped_target
from analysis.stat_tokens import last_clause_mark

TARGET_CUE = re.compile(lex.TARGET_CUE_PATTERN)
TARGET_CUE_LED = re.compile(lex.TARGET_CUE_LED)  # TARGET_CUE's alternatives but one, searched fast (see stat_lexicon)
TARGET_CUE_YEARS = re.compile(lex.TARGET_CUE_YEARS)
STANDARD_RAISE = re.compile(lex.STANDARD_RAISE)
PAST_MARKER = re.compile("|".join(lex.PAST_MARKERS))
TARGET_AFTER = re.compile(r"^(?![^，,。；;！？]{0,8}?完成)[^，,。；;！？]{0,12}(?:为目标|目标(?!任务))|^将[入进达超新增参获成实完]")
GENERIC_HEAD = re.compile(r"(?:合格率|达标率|比例|比重|占比|人数|规模|总量|总数)$")
SHARE_KINDS = ("percent", "percentage_points")
WORKING_TIME = ("时长", "工时", "工作时间", "劳动时间", "加班时间", "工作")  # 日均工作|8.6小时
CAP_VERB = re.compile(r"控制(?:在|到)?$")  # 失业率控制在|5.3%以内: a ceiling to keep under is a goal
CAP_SUFFIX = "以内"
# 帮助4800余名群众|实现家门口就业: people counted by the job they got are the workforce, whoever they are.
EMPLOYED_AFTER = re.compile(r"^[^，,。；;！？]{0,8}?实现[^，,。；;！？]{0,5}(?:就业|上岗|再就业)")
STANDARD_WORDS = ("标准", "给予", "每", "最高", "按", "贴息")
# A top-level heading (一、主要目标, 第三章 重点任务) that announces plans makes the figures under it goals.
TOP_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十\d]+[章节部分篇])[^。！？]{0,36}$", re.MULTILINE)
PLAN_HEADING = re.compile(r"目标|任务|计划|规划|安排|举措|措施|展望|打算|部署")
RETROSPECT = re.compile(r"近年来|多年来|这些年|几年来|以来")
PLAN_PAST = re.compile(r"已经|已|去年|上年|过去|截至|截止|完成了|实现了|达到了|同比")


def _alternation(words: tuple[str, ...]) -> re.Pattern:
    """A pattern matching, at one offset, the longest lexicon word starting there (longest first in the group)."""
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


def _by_first_char(words) -> dict[str, set[str]]:
    """Each first character with the rests of the words it opens ('' for a one-character word)."""
    heads: dict[str, set[str]] = {}
    for word in words:
        heads.setdefault(word[0], set()).add(word[1:])
    return heads


def _trie(words: set[str]) -> str:
    """Alternation of `words` factored by shared first characters (工|业 after 职 → 工|业; 人才, 人员 → 人(?:才|员))."""
    heads = _by_first_char(words)
    alternatives = []
    for head in sorted(heads):
        rests = heads[head] - {""}
        rest = "(?:" + _trie(rests) + ")" if rests else ""
        alternatives.append(re.escape(head) + (rest + "?" if "" in heads[head] and rest else rest))
    return "|".join(alternatives)


def _starts(words: tuple[str, ...]) -> re.Pattern:
    """A pattern matching the first character of each lexicon word, the rest looked ahead: findall counts the offsets
    that start a word in one C-level scan, overlapping words included (as _word_hits does one search each)."""
    heads = _by_first_char(set(words))
    alternatives = [re.escape(head) + ("" if "" in rests else "(?=" + _trie(rests) + ")")
                    for head, rests in sorted(heads.items())]
    return re.compile("|".join(alternatives))


WORKFORCE_HIT = _alternation(lex.WORKFORCE_WORDS + lex.WORKFORCE_WORDS_EXTRA)
NON_WORKFORCE_HIT = _alternation(lex.NON_WORKFORCE_WORDS + lex.NON_WORKFORCE_WORDS_EXTRA)
WORKFORCE_START = _starts(lex.WORKFORCE_WORDS + lex.WORKFORCE_WORDS_EXTRA)  # count_lexicon's fast scan
NON_WORKFORCE_START = _starts(lex.NON_WORKFORCE_WORDS + lex.NON_WORKFORCE_WORDS_EXTRA)
FIRM_HIT = _alternation(lex.FIRM_WORDS)
PAYER_HIT = _alternation(lex.PAYER_WORDS)
BRACKETS = re.compile(r"[（(][^）)]*[）)]$|[“”\"「」]")
_INSTITUTIONS = "|".join(lex.INSTITUTION_RECIPIENTS)
_WORKERS = "|".join(lex.WORKER_RECIPIENTS)
# Money for a facility or firm: 每个/每家 (not 每个月), 给我们工作室拨, 企业给予, 用于站点提档升级.
TO_INSTITUTION = re.compile(rf"每(?:个|家|所|座)(?![月人工年])|(?:给|为|向|对)[^，,。；;]{{0,8}}?(?:{_INSTITUTIONS})"
                            rf"|(?:{_INSTITUTIONS})(?:给予|拨)|用于[^，,。；;]{{0,6}}?(?:{_INSTITUTIONS})")
# Money won back or paid for workers right before it (为职工挽回|经济损失).
FOR_WORKERS = re.compile(rf"(?:为|给|向|帮|替)?(?:{_WORKERS})[^，,。；;为给向]{{0,4}}$")  # (为 stripped: 职工挽回|…)
SUBJECT_CACHE = 1 << 14  # subjects recur across sentences and articles (职工, 新增就业, 城镇调查失业率)


def _word_hits(text: str, pattern: re.Pattern):
    """The longest lexicon word starting at each offset that starts one (overlapping words all count)."""
    found = pattern.search(text)
    while found:
        yield found
        found = pattern.search(text, found.start() + 1)


def plan_spans(compact: str) -> list[tuple[int, int]]:
    """(start, end) of the text under each top-level heading that announces plans (二、主要目标 … 三、…)."""
    heads = list(TOP_HEADING.finditer(compact))
    ends = [h.start() for h in heads[1:]] + [len(compact)]
    return [(h.end(), end) for h, end in zip(heads, ends) if PLAN_HEADING.search(h.group())]


def is_target(sentence: str, offset: int, end: int, *, standard: bool = False, minimum: bool = False,
              planned: bool = False) -> bool:
    """True when a goal/plan cue precedes the number in its sentence with no past marker in between.

    A standard (a subsidy amount or cap in a policy) is not a target even under 将/计划; 每年 makes a
    minimum (不少于/以上) in its own clause a yearly requirement; under a plan heading (planned) every figure
    not marked as past is a goal.
    """
    # 每年安排资金不低于6亿元: a yearly floor is a requirement (money too: not a per-head standard);
    # 近年来…每年投入…以上 looks back on a practice
    clause = sentence[last_clause_mark(sentence, 0, offset) + 1: offset]
    yearly = minimum and lex.YEARLY_MINIMUM in clause and not RETROSPECT.search(sentence, 0, offset)
    if yearly and standard:
        return True
    if standard and not STANDARD_RAISE.search(sentence, 0, offset):
        return False
    if sentence[offset:end].endswith(CAP_SUFFIX) and CAP_VERB.search(sentence, 0, offset):
        return True
    if planned and not PLAN_PAST.search(sentence, 0, offset):
        return True
    if yearly:
        return True
    last_cue = None
    if _has_target_cue(sentence):  # most sentences hold none: one scan, not one per number
        for cue in TARGET_CUE.finditer(sentence, 0, offset):  # endpos: a cue's look-ahead stops at the number
            if not _inside_word(sentence, cue.start()):
                last_cue = cue
    if last_cue is not None and not PAST_MARKER.search(sentence, last_cue.end(), offset):
        return True
    # TARGET_AFTER's ^ anchors at the slice start; stripped_target reads seed-style cues (规划2030, 表示一步)
    return bool(TARGET_AFTER.match(sentence[end:])) or stripped_target(sentence, offset)


def _inside_word(sentence: str, start: int) -> bool:
    """A cue starting with 力 inside 劳动力 (劳动力|求职, 劳动力|争取) is no goal."""
    return sentence[start] == "力" and sentence.endswith(lex.TARGET_CUE_FALSE_PREFIX, 0, start)


@lru_cache(maxsize=256)
def _has_target_cue(sentence: str) -> bool:
    """Whether a goal cue occurs anywhere in the sentence (none there means none before any of its numbers)."""
    return TARGET_CUE_LED.search(sentence) is not None or TARGET_CUE_YEARS.search(sentence) is not None


def _last_hit(text: str, pattern: re.Pattern) -> tuple[int, int]:
    """(end, length) of the right-most lexicon word in text (longest on ties); (0, 0) when none."""
    return max(((m.end(), m.end() - m.start()) for m in _word_hits(text, pattern)), default=(0, 0))


@lru_cache(maxsize=256)  # one sentence is asked once per number it holds
def count_lexicon(text: str) -> tuple[int, int]:
    """(workforce words, non-workforce words) occurring in text, one per starting offset (the longest)."""
    return len(WORKFORCE_START.findall(text)), len(NON_WORKFORCE_START.findall(text))


@lru_cache(maxsize=SUBJECT_CACHE)
def subject_verdict(subject: str, kind: str) -> bool | None:
    """The workforce flag the subject alone decides (its right-most lexicon word, or a measure's unit); else None."""
    modifier = GENERIC_HEAD.sub("", subject)
    core = modifier if _last_hit(modifier, WORKFORCE_HIT) != (0, 0) else subject
    hit_yes, hit_no = _last_hit(core, WORKFORCE_HIT), _last_hit(core, NON_WORKFORCE_HIT)
    if hit_yes != hit_no:
        return hit_yes > hit_no
    if kind == "measure":
        return subject.endswith(WORKING_TIME)
    return None


def is_workforce(subject: str, sentence: str, *, document: tuple[int, int] | Callable[[], tuple[int, int]] = (0, 0),
                 kind: str = "count", unit: str = "") -> bool:
    """Workforce when the subject's right-most lexicon word is a workforce word; else by sentence, then article.

    What is counted comes first: money by its recipient (为职工挽回 yes; 每个工作室, 用于站点 no), a count by its
    measure word (家, 所, 期) or thing head (创业项目, 服务站点, 行政村); a rate whose subject is only the firms it
    applies to (大型企业按30%返还) is judged by its sentence without the firm words. `unit` is the measure word.

    A generic measure head (合格率, 比例, 人数) defers to its modifier (培训|合格率); a physical measure (亩, 吨,
    小时) is the workforce's only when its subject says so or it is working time (在线时长).
    """
    if kind == "money" and subject and (money := money_verdict(subject, sentence)) is not None:
        return money
    if kind == "count" and unit not in lex.PEOPLE_UNITS and (thing := counted_thing(subject, unit)) is not None:
        return thing
    verdict = subject_verdict(subject, kind)
    if verdict is not None and not (verdict is False and kind in SHARE_KINDS and subject.endswith(lex.FIRM_WORDS)):
        return verdict
    n_yes, n_no = count_lexicon(sentence)
    if kind in SHARE_KINDS and verdict is False:  # 中小微企业按…60%返还: the firms named are not what the rate measures
        n_no -= sum(1 for _ in _word_hits(sentence, FIRM_HIT))
    elif kind == "money":  # 市财政每年安排专项资金: the payer is no evidence either way
        n_no -= sum(1 for _ in _word_hits(sentence, PAYER_HIT))
    if n_yes != n_no and not (n_no > n_yes and subject.endswith(lex.PEOPLE_HEADS)):
        return n_yes > n_no  # (people the lexicon does not know, 选手, are judged by the article when in doubt)
    n_yes, n_no = document() if callable(document) else document  # counted only when a tie needs it
    return n_yes > n_no


@lru_cache(maxsize=SUBJECT_CACHE)
def counted_thing(subject: str, unit: str) -> bool | None:
    """False for a count of institutions or things (187家, 创业项目480, 服务站点58); True for contest events; else None."""
    if unit in lex.THING_UNITS:  # 家/所/座 count firms, schools and buildings, 期/门 classes and courses
        return False
    head = BRACKETS.sub("", subject)
    if head.endswith(lex.THING_COUNT_TAILS):
        return lex.CONTEST_MARK in head  # 比赛项目, 世赛选拔项目: events of workers' contests
    return None


def money_verdict(subject: str, sentence: str) -> bool | None:
    """Money judged by its recipient: workers right before it (为职工挽回) or, for money the subject leaves open
    (资助, 专项经费), a facility or firm in its sentence (每个工作室, 用于站点) makes it not the workforce's."""
    at = sentence.find(subject)
    if at > 0 and FOR_WORKERS.search(sentence, max(0, at - 12), at):
        return True
    if subject_verdict(subject, "money") is None and TO_INSTITUTION.search(sentence):
        return False
    return None


def finds_work(after: str) -> bool:
    """True when the text right after a head count says those people got work (…群众实现家门口就业)."""
    return bool(EMPLOYED_AFTER.match(after))
