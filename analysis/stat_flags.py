"""Whether a statistic is a goal (target) and whether it measures the workforce."""
from __future__ import annotations

import re

from analysis import stat_lexicon as lex

TARGET_CUE = re.compile(lex.TARGET_CUE_PATTERN)
PAST_MARKER = re.compile("|".join(lex.PAST_MARKERS))
TARGET_AFTER = re.compile(r"^[^，,。；;！？]{0,12}为目标|^将[入进达超新增参获成实完]")
STANDARD_WORDS = ("标准", "给予", "每", "最高", "按", "贴息")


def is_target(sentence: str, offset: int, end: int, *, standard: bool = False, minimum: bool = False) -> bool:
    """True when a goal/plan cue precedes the number in its sentence with no past marker in between.

    A standard (a subsidy amount or cap in a policy) is not a target even under 将/计划; 每年 makes a
    minimum (不少于/以上) in its own clause a yearly requirement.
    """
    if standard:
        return False
    clause_start = max(sentence.rfind(p, 0, offset) for p in "，,；;：:")
    if minimum and lex.YEARLY_MINIMUM in sentence[clause_start + 1: offset]:
        return True
    cues = list(TARGET_CUE.finditer(sentence, 0, offset))
    if cues and not PAST_MARKER.search(sentence, cues[-1].end(), offset):
        return True
    return bool(TARGET_AFTER.match(sentence[end:]))


def _last_hit(text: str, words: tuple[str, ...]) -> tuple[int, int]:
    """(end, length) of the right-most lexicon word in text; (0, 0) when none."""
    best = (0, 0)
    for word in words:
        pos = text.rfind(word)
        if pos >= 0:
            best = max(best, (pos + len(word), len(word)))
    return best


def count_lexicon(text: str) -> tuple[int, int]:
    """(workforce words, non-workforce words) occurring in text."""
    return (sum(text.count(w) for w in lex.WORKFORCE_WORDS), sum(text.count(w) for w in lex.NON_WORKFORCE_WORDS))


def is_workforce(subject: str, sentence: str, *, document: tuple[int, int] = (0, 0)) -> bool:
    """Workforce when the subject's right-most lexicon word is a workforce word; else by sentence, then article."""
    hit_yes, hit_no = _last_hit(subject, lex.WORKFORCE_WORDS), _last_hit(subject, lex.NON_WORKFORCE_WORDS)
    if hit_yes != hit_no:
        return hit_yes > hit_no
    n_yes, n_no = count_lexicon(sentence)
    if n_yes != n_no:
        return n_yes > n_no
    return document[0] > document[1]
