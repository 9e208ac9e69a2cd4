"""Extract the statistics an article reports: value + unit + qualifier + subject + workforce flag, with spans.

Pipeline: compact the display text (pre-segmented spaces dropped, offsets kept) → find numerals with measure
words and qualifier cues (stat_mentions) → drop dates, ordinals, names, idioms and policy counts (stat_filters)
→ name the subject from the sentence's POS tokens (stat_subject) → merge repeated mentions of one figure.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import NamedTuple

from analysis import stat_lexicon as lex
from analysis.models import Section, Statistic
from analysis.stat_filters import is_statistic
from analysis.stat_mentions import Mention, compact_text, find_mentions, sentence_bounds
from analysis.stat_subject import Tok, honour_subject, is_target, is_workforce, left_subject, right_subject

EXTRACTOR_VERSION = "1.0.0"

LIST_SEPARATORS = re.compile(r"[、和及]|以及")
BETWEEN_LISTED = re.compile(r"^(?:、|，|,|和|及|以及)$")
CLAUSE_START = re.compile(r"[，,；;：:。！？\n]")
DISTRIBUTIVE = "分别"
RESTATED_MIN = 1000  # small values recur by coincidence (金牌86枚、银牌86枚); large ones are restatements
RESTATED_GAP = 8
COUNT_UNITS = lex.PEOPLE_UNITS | lex.COUNT_UNITS


class Draft(NamedTuple):
    mention: Mention
    value: float
    value_max: float | None
    unit: str
    kind: str
    subject: str
    is_target: bool
    is_workforce: bool
    sentence: tuple[int, int]


@lru_cache(maxsize=1)
def make_pos_tokenizer():
    """A private jieba POS tokenizer (never the global jieba.dt), built once per process."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg.POSTokenizer(jieba.Tokenizer())


def pos_tokens(compact: str, bounds: tuple[int, int]) -> list[Tok]:
    """POS-tagged tokens of one sentence with offsets into the compact text."""
    out, pos = [], bounds[0]
    for pair in make_pos_tokenizer().cut(compact[bounds[0]: bounds[1]]):
        out.append(Tok(pair.word, pair.flag, pos, pos + len(pair.word)))
        pos += len(pair.word)
    return out


def normalise_unit(mention: Mention, subject: str) -> tuple[float, float | None, str, str]:
    """(value, value_max, unit, kind): 成 → %, ‰ → %, money keeps 元; a bare count is 人 or 个 by its subject."""
    unit, value, top = mention.unit, mention.value, mention.value_max
    scale = {"成": 10.0, "‰": 0.1}.get(unit, 1.0)
    if unit in ("%", "‰", "成"):
        return value * scale, top * scale if top is not None else None, "%", "percent"
    if unit in ("个百分点", "百分点"):
        return value, top, "个百分点", "percentage_points"
    if unit == "倍":
        return value, top, "倍", "multiple"
    if unit in lex.MONEY_UNITS:
        return value, top, "元" if unit in ("元", "元人民币", "块钱") else unit, "money"
    if unit in lex.MEASURE_UNITS:
        return value, top, unit, "measure"
    if unit:
        return value, top, unit, "count"
    if mention.magnitude and any(w in subject for w in lex.MONEY_SUBJECT_WORDS):
        return value, top, "元", "money"
    people = subject.endswith(lex.PEOPLE_HEADS) or subject.endswith(("就业", "再就业", "培训"))
    return value, top, "人" if people else "个", "count"


def _subject(compact: str, mention: Mention, floor: int, bounds: tuple[int, int], tokens) -> str:
    """What is counted: the noun after a count, a money noun after an amount, else the phrase before."""
    after, before = tokens(mention.end, bounds[1]), tokens(floor, mention.start)
    context = tokens(bounds[0], mention.start)
    unit = mention.unit
    if unit in lex.MONEY_UNITS or unit == "块":
        return right_subject(after, mode="money") or left_subject(before, context)
    if unit in lex.PERCENT_UNITS or not unit and mention.qualifier == "more_than":
        return left_subject(before, context)  # 47万余 closes its phrase
    mode = "bare" if not unit else "people" if unit in lex.PEOPLE_UNITS else "thing"
    subject = right_subject(after, mode=mode)
    if subject:
        subject_end = compact.find(subject, mention.end) + len(subject)
        return honour_subject(tokens(subject_end, bounds[1])) or subject
    left = left_subject(before, context)
    if left or mode != "people":
        return left
    return right_subject(after, mode="verb")


def _distribute(compact: str, bounds: tuple[int, int], mentions: list[Mention], subjects: list[str]) -> list[str]:
    """A、B、C…分别达到 x、y、z: give each listed item its own number."""
    cue = compact.find(DISTRIBUTIVE, bounds[0], bounds[1])
    group = [i for i, m in enumerate(mentions) if m.start > cue]
    if cue < 0 or len(group) < 2 or any(not BETWEEN_LISTED.match(compact[mentions[a].end: mentions[b].start])
                                        for a, b in zip(group, group[1:])):
        return subjects
    clause_start = max((m.end() for m in CLAUSE_START.finditer(compact, bounds[0], cue)), default=bounds[0])
    items = [i for i in LIST_SEPARATORS.split(compact[clause_start:cue]) if i]
    if len(items) != len(group):
        return subjects
    for scope in sorted(lex.SCOPE_WORDS, key=len, reverse=True):
        if items[0].startswith(scope) and len(items[0]) > len(scope) + 1:
            items[0] = items[0][len(scope):]
            break
    head = items[0][-2:]
    if head in items[-1]:
        items[-1] = items[-1][: items[-1].index(head) + 2]
    out = list(subjects)
    for i, item in zip(group, items):
        out[i] = item[-16:]
    return out


def describe_sentence(compact: str, bounds: tuple[int, int], mentions: list[Mention]) -> list[Draft]:
    """Subject, unit, target and workforce flag of each kept mention in one sentence."""
    cache: dict[tuple[int, int], list[Tok]] = {}

    def tokens(start: int, end: int) -> list[Tok]:
        if (start, end) not in cache:
            cache[start, end] = pos_tokens(compact, (start, end)) if start < end else []
        return cache[start, end]

    subjects, floor, previous = [], bounds[0], ""
    for mention in mentions:
        subject = _subject(compact, mention, floor, bounds, tokens) or previous
        subjects.append(subject)
        floor, previous = mention.end, subject
    subjects = _distribute(compact, bounds, mentions, subjects)
    sentence = compact[bounds[0]: bounds[1]]
    drafts = []
    for mention, subject in zip(mentions, subjects):
        value, top, unit, kind = normalise_unit(mention, subject)
        target = is_target(sentence, mention.start - bounds[0], mention.end - bounds[0])
        drafts.append(Draft(mention, value, top, unit, kind, subject, target, is_workforce(subject, sentence), bounds))
    return drafts


def _section_title(sections: tuple[Section, ...], offset: int) -> str | None:
    """Title of the innermost section holding offset (None in the lead or without sections)."""
    holding = [s for s in sections if s.start <= offset < s.end]
    if not holding:
        return None
    return max(holding, key=lambda s: (s.start, s.level)).title


def _restated(first: Draft, draft: Draft) -> bool:
    """A large figure said again later in the same sentence (600万产业工人…600万高技能人才？), not a list item."""
    gap = draft.mention.start - first.mention.end
    return (first.sentence == draft.sentence and first.value >= RESTATED_MIN and gap > RESTATED_GAP)


def _merge(drafts: list[Draft]) -> list[list[Draft]]:
    """Group repeated mentions of one figure: same value/unit and subject, or a restatement in one sentence."""
    groups: list[list[Draft]] = []
    for draft in drafts:
        figure = (draft.value, draft.value_max, draft.unit, draft.kind)
        for group in groups:
            first = group[0]
            if (first.value, first.value_max, first.unit, first.kind) == figure and (
                    first.subject == draft.subject or _restated(group[-1], draft)):
                group.append(draft)
                break
        else:
            groups.append([draft])
    return groups


def extract_statistics(text: str, *, sections: tuple[Section, ...] = ()) -> tuple[Statistic, ...]:
    """Every statistic the text reports, in reading order; spans index `text` (raw or pre-segmented display)."""
    if not text or not text.strip():
        return ()
    compact, index = compact_text(text)
    mentions = find_mentions(compact)
    drafts: list[Draft] = []
    for bounds in sentence_bounds(compact):
        inside = [m for m in mentions if bounds[0] <= m.core_start < bounds[1]]
        if not inside:
            continue
        tokens = pos_tokens(compact, bounds)
        kept = [m for m in inside if is_statistic(compact, m, tokens, bounds)]
        drafts += describe_sentence(compact, bounds, kept)
    stats = []
    for group in _merge(drafts):
        first = group[0]
        spans = tuple((index[d.mention.start], index[d.mention.end - 1] + 1) for d in group)
        start, end = spans[0]
        s_start, s_end = first.sentence
        stats.append(Statistic(
            text=text[start:end], start=start, end=end,
            sentence=text[index[s_start]: index[s_end - 1] + 1].strip(), section=_section_title(sections, start),
            value=first.value, unit=first.unit, kind=first.kind, qualifier=first.mention.qualifier,
            is_target=first.is_target, subject=first.subject, is_workforce=first.is_workforce,
            value_max=first.value_max, spans=spans))
    return tuple(stats)
