"""Whether a statistic is a goal (target) and whether it measures the workforce."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from analysis import stat_lexicon as lex
from analysis.stat_stripped import stripped_target

TARGET_CUE = re.compile(lex.TARGET_CUE_PATTERN)
PAST_MARKER = re.compile("|".join(lex.PAST_MARKERS))
TARGET_AFTER = re.compile(r"^(?![^，,。；;！？]{0,8}?完成)[^，,。；;！？]{0,12}(?:为目标|目标(?!任务))|^将[入进达超新增参获成实完]")
GENERIC_HEAD = re.compile(r"(?:合格率|达标率|比例|比重|占比|人数|规模|总量|总数)$")
WORKING_TIME = ("时长", "工时", "工作时间", "劳动时间", "加班时间")
CAP_VERB = re.compile(r"控制(?:在|到)?$")  # 失业率控制在|5.3%以内: a ceiling to keep under is a goal
CAP_SUFFIX = "以内"
# 帮助4800余名群众|实现家门口就业: people counted by the job they got are the workforce, whoever they are.
EMPLOYED_AFTER = re.compile(r"^[^，,。；;！？]{0,8}?实现[^，,。；;！？]{0,5}(?:就业|上岗|再就业)")
STANDARD_WORDS = ("标准", "给予", "每", "最高", "按", "贴息")
# A top-level heading (一、主要目标, 第三章 重点任务) that announces plans makes the figures under it goals.
TOP_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十\d]+[章节部分篇])[^。！？]{0,36}$", re.MULTILINE)
PLAN_HEADING = re.compile(r"目标|任务|计划|规划|安排|举措|措施|展望|打算|部署")
PLAN_PAST = re.compile(r"已经|已|去年|上年|过去|截至|截止|完成了|实现了|达到了|同比")


def _alternation(words: tuple[str, ...]) -> re.Pattern:
    """A pattern matching, at one offset, the longest lexicon word starting there (longest first in the group)."""
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


WORKFORCE_HIT = _alternation(lex.WORKFORCE_WORDS)
NON_WORKFORCE_HIT = _alternation(lex.NON_WORKFORCE_WORDS)
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
    if standard:
        return False
    if sentence[offset:end].endswith(CAP_SUFFIX) and CAP_VERB.search(sentence, 0, offset):
        return True
    if planned and not PLAN_PAST.search(sentence, 0, offset):
        return True
    if minimum and lex.YEARLY_MINIMUM in sentence[_clause_start(sentence, offset) + 1: offset]:
        return True
    last_cue = None
    if _has_target_cue(sentence):  # most sentences hold none: one scan, not one per number
        for last_cue in TARGET_CUE.finditer(sentence, 0, offset):  # endpos: a cue's look-ahead stops at the number
            pass
    if last_cue is not None and not PAST_MARKER.search(sentence, last_cue.end(), offset):
        return True
    # TARGET_AFTER's ^ anchors at the slice start; stripped_target reads seed-style cues (规划2030, 表示一步)
    return bool(TARGET_AFTER.match(sentence[end:])) or stripped_target(sentence, offset)


@lru_cache(maxsize=256)
def _has_target_cue(sentence: str) -> bool:
    """Whether a goal cue occurs anywhere in the sentence (none there means none before any of its numbers)."""
    return TARGET_CUE.search(sentence) is not None


def _clause_start(sentence: str, offset: int) -> int:
    """Offset of the last clause mark before offset (-1 when the clause opens the sentence)."""
    return max(sentence.rfind("，", 0, offset), sentence.rfind(",", 0, offset), sentence.rfind("；", 0, offset),
               sentence.rfind(";", 0, offset), sentence.rfind("：", 0, offset), sentence.rfind(":", 0, offset))


def _last_hit(text: str, pattern: re.Pattern) -> tuple[int, int]:
    """(end, length) of the right-most lexicon word in text (longest on ties); (0, 0) when none."""
    return max(((m.end(), m.end() - m.start()) for m in _word_hits(text, pattern)), default=(0, 0))


@lru_cache(maxsize=256)  # one sentence is asked once per number it holds
def count_lexicon(text: str) -> tuple[int, int]:
    """(workforce words, non-workforce words) occurring in text, one per starting offset (the longest)."""
    return sum(1 for _ in _word_hits(text, WORKFORCE_HIT)), sum(1 for _ in _word_hits(text, NON_WORKFORCE_HIT))


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
                 kind: str = "count") -> bool:
    """Workforce when the subject's right-most lexicon word is a workforce word; else by sentence, then article.

    A generic measure head (合格率, 比例, 人数) defers to its modifier (培训|合格率); a physical measure (亩, 吨,
    小时) is the workforce's only when its subject says so or it is working time (在线时长).
    """
    verdict = subject_verdict(subject, kind)
    if verdict is not None:
        return verdict
    n_yes, n_no = count_lexicon(sentence)
    if n_yes != n_no and not (n_no > n_yes and subject.endswith(lex.PEOPLE_HEADS)):
        return n_yes > n_no  # (people the lexicon does not know, 选手, are judged by the article when in doubt)
    n_yes, n_no = document() if callable(document) else document  # counted only when a tie needs it
    return n_yes > n_no


def finds_work(after: str) -> bool:
    """True when the text right after a head count says those people got work (…群众实现家门口就业)."""
    return bool(EMPLOYED_AFTER.match(after))
