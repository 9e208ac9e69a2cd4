"""Extract the statistics an article reports: value + unit + qualifier + subject + workforce flag, with spans.

Pipeline: compact the display text (pre-segmented spaces dropped, offsets kept) → find numerals with measure
words and qualifier cues (stat_mentions) → drop dates, ordinals, names, idioms and policy counts (stat_filters)
→ tag each sentence holding a candidate with jieba-rs (stat_tagging) → name the subject from its POS tokens
(stat_naming picks the side; stat_subject: after the number, stat_left: before it, stat_clause: clause rules)
→ goal and workforce flags
(stat_flags) → merge repeated mentions of one figure.
Work is linear in the text: a sentence longer than stat_mentions.MAX_SENTENCE_CHARS (a 5 MB line without full
stops) is analysed clause by clause, and merging is indexed by figure. The subject read before a number is
memoised by the words and flags of the tokens before it: such runs (，城镇新增就业) recur far more than sentences.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from operator import itemgetter
from typing import NamedTuple

from analysis import stat_clause
from analysis import stat_lexicon as lex
from analysis.models import Section, Statistic
from analysis.sections import section_title_lookup
from analysis.stat_filters import is_plausible, is_statistic
from analysis.stat_flags import (
    STANDARD_WORDS,
    count_lexicon,
    finds_work,
    is_target,
    is_workforce,
    plan_spans,
)
from analysis.stat_lists import distribute
from analysis.stat_mentions import Mention, compact_text, find_mentions, sentence_bounds
from analysis.stat_naming import RATE_OF_STANDARD, name_subject
from analysis.stat_stripped import counts_people_bare
from analysis.stat_tagging import pos_tokens
from analysis.stat_tokens import Tok

EXTRACTOR_VERSION = "1.7.0"  # 1.6: bulletins and company reports; 1.7: raw-text phrasings of blind batch 15

RESTATED_MIN = 1000  # small values recur by coincidence (金牌86枚、银牌86枚); large ones are restatements
RESTATED_GAP = 8
# …行政人员338人；合计5,584人: a total closing a list restates the count given before (not 共计发放…, a new sum)
TOTAL_LINES = ("；合计", "。合计", "，合计", "：合计", ";合计", ",合计")
COUNT_UNITS = lex.PEOPLE_UNITS | lex.COUNT_UNITS
HEADCOUNT_TAILS = ("就业", "再就业", "培训", "人数")  # a bare 236 after 参保人数 counts people
PIECE_HEADS = ("板", "砖", "场", "田", "地")  # 45块足球场, 两百块试板: pieces, not colloquial money
PERCENT_SCALE = {"%": 1.0, "‰": 0.1, "成": 10.0}
clean_subject = lru_cache(maxsize=1 << 14)(stat_clause.clean_subject)  # a pure str → str rule, asked twice a figure
is_change_phrase = lru_cache(maxsize=1 << 12)(stat_clause.is_change_phrase)  # pure str → bool, asked once a figure
START = itemgetter(2)  # Tok.start
LIST_ITEM = re.compile(r"[，,；;、][\u4e00-\u9fff]{2,6}为$")  # ，中部地区为|5.4%: an elliptical list item


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


def normalise_unit(mention: Mention, subject: str) -> tuple[float, float | None, str, str]:
    """(value, value_max, unit, kind): 成 → %, ‰ → %, money keeps 元; a bare count is 人 or 个 by its subject."""
    unit, value, top = mention.unit, mention.value, mention.value_max
    if unit in PERCENT_SCALE:
        scale = PERCENT_SCALE[unit]
        return value * scale, top * scale if top is not None else None, "%", "percent"
    if unit in ("个百分点", "百分点"):
        return value, top, "个百分点", "percentage_points"
    if unit == "倍":
        return value, top, "倍", "multiple"
    if unit in lex.MONEY_UNITS or unit == "块" and not subject.endswith(lex.THING_HEADS + PIECE_HEADS):
        return value, top, "元" if unit in ("元", "元人民币", "块钱", "块") else unit, "money"
    if unit in lex.MEASURE_UNITS or unit in lex.DURATION_UNITS:
        return value, top, unit.removeprefix("个") or unit, "measure"  # 18个小时 is measured in 小时
    if unit:
        return value, top, unit, "count"
    if mention.magnitude and any(w in subject for w in lex.MONEY_SUBJECT_WORDS):
        return value, top, "元", "money"
    if subject.endswith("人次"):
        return value, top, "人次", "count"  # 观看人次突破5000万
    people = subject.endswith(lex.PEOPLE_HEADS) or subject.endswith(HEADCOUNT_TAILS) or counts_people_bare(subject)
    return value, top, "人" if people else "个", "count"


def describe_sentence(compact: str, bounds: tuple[int, int], mentions: list[Mention], *,
                      document: Callable[[], tuple[int, int]] | tuple[int, int] = (0, 0),
                      sentence_tokens: list[Tok] | None = None,
                      planned: bool = False) -> list[Draft]:
    """Subject, unit, target and workforce flag of each kept mention in one sentence."""
    whole = sentence_tokens if sentence_tokens is not None else pos_tokens(compact, bounds)

    starts = list(map(START, whole))

    def tokens(start: int, end: int) -> list[Tok]:
        """The sentence's tokens inside [start, end); re-cut only when a token straddles an edge (万人次, 名将)."""
        if start >= end:
            return []
        i, j = bisect_left(starts, start), bisect_left(starts, end)
        straddles = i > 0 and whole[i - 1].end > start or j > 0 and whole[j - 1].end > end
        return pos_tokens(compact, (start, end)) if straddles else whole[i:j]

    subjects: list[str] = []
    floor = bounds[0]
    for n, mention in enumerate(mentions):
        subject = clean_subject(name_subject(compact, mention, floor, bounds, tokens))
        if subject and is_change_phrase(subject):  # 同比增加12万人: the figure compared is named before
            subject = next((subjects[i] for i in range(n - 1, -1, -1) if mentions[i].unit == mention.unit), "")
        subject = subject or (subjects[-1] if subjects else "")  # 同比增长6.8%: what came before
        subjects.append(subject)
        floor = mention.end
    subjects = [clean_subject(s) for s in distribute(compact, bounds, mentions, subjects)]
    sentence = compact[bounds[0]: bounds[1]]
    drafts = []
    for mention, subject in zip(mentions, subjects):
        value, top, unit, kind = normalise_unit(mention, subject)
        standard = kind == "money" and _names_standard(compact[max(bounds[0], mention.start - 12): mention.end + 6],
                                                        subject) or kind == "percent" and bool(
            RATE_OF_STANDARD.search(compact, max(bounds[0], mention.start - 16), mention.start))
        target = is_target(sentence, mention.start - bounds[0], mention.end - bounds[0], standard=standard,
                           minimum=mention.qualifier == "at_least", planned=planned)
        if drafts and drafts[-1].unit == unit and LIST_ITEM.match(compact, drafts[-1].mention.end, mention.start):
            workforce = drafts[-1].is_workforce  # …失业率为4.7%，中部地区为|5.4%: the item measures what the first did
        else:
            workforce = is_workforce(subject, sentence, document=document, kind=kind, unit=unit) or (
                unit in lex.PEOPLE_UNITS and finds_work(compact[mention.end: bounds[1]]))
        drafts.append(Draft(mention, value, top, unit, kind, subject, target, workforce, bounds))
    return drafts


def _names_standard(clause: str, subject: str) -> bool:
    """A money figure stated as a standard (标准, 每, 最高…) in its clause or subject."""
    return any(w in clause or w in subject for w in STANDARD_WORDS)


def _restated(first: Draft, draft: Draft) -> bool:
    """A large figure said again later in the same sentence (600万产业工人…600万高技能人才？), not a list item."""
    gap = draft.mention.start - first.mention.end
    return (first.sentence == draft.sentence and first.value >= RESTATED_MIN and gap > RESTATED_GAP)


def _merge(drafts: list[Draft], totals: frozenset[int] = frozenset()) -> list[list[Draft]]:
    """Group repeated mentions of one figure: same value, unit, qualifier, goal and subject, or a restatement in one
    sentence (目标1100万人 and 完成1100万人 stay two figures).

    A draft joins the earliest group that fits; groups are indexed by (figure, subject) and, for restatements, by
    the sentence of their last mention, so a document with thousands of figures merges in linear time. A total
    (合计5584人, its start in `totals`) that equals a figure already reported restates it, whatever its subject.
    """
    groups: list[list[Draft]] = []
    by_subject: dict[tuple, int] = {}
    by_figure: dict[tuple, int] = {}  # figure → its first group
    in_sentence: dict[tuple, list[int]] = {}  # (figure, sentence) → groups whose last mention is in that sentence
    for draft in drafts:
        figure = (draft.value, draft.value_max, draft.unit, draft.kind, draft.mention.qualifier, draft.is_target)
        here = (figure, draft.sentence)
        chosen = by_subject.get((figure, draft.subject))
        if chosen is None and draft.mention.start in totals:
            chosen = by_figure.get(figure)
        for g in in_sentence.get(here, ()):
            if (chosen is None or g < chosen) and _restated(groups[g][-1], draft):
                chosen = g
        if chosen is None:
            chosen = len(groups)
            groups.append([])
            by_subject[(figure, draft.subject)] = chosen
            if totals:  # (most articles have no total line: no second index to keep)
                by_figure.setdefault(figure, chosen)
        group = groups[chosen]
        if not group or group[-1].sentence != draft.sentence:
            if group:
                in_sentence[(figure, group[-1].sentence)].remove(chosen)
            in_sentence.setdefault(here, []).append(chosen)
        group.append(draft)
    return groups


def _by_sentence(compact: str, mentions: list[Mention]) -> list[tuple[tuple[int, int], list[Mention]]]:
    """Sentences that hold at least one mention (by its core), with those mentions, in one pass."""
    out: list[tuple[tuple[int, int], list[Mention]]] = []
    i = 0
    for bounds in sentence_bounds(compact):
        held = []
        while i < len(mentions) and mentions[i].core_start < bounds[1]:
            if mentions[i].core_start >= bounds[0]:
                held.append(mentions[i])
            i += 1
        if held:
            out.append((bounds, held))
    return out


def extract_statistics(text: str, *, sections: tuple[Section, ...] = ()) -> tuple[Statistic, ...]:
    """Every statistic the text reports, in reading order; spans index `text` (raw or pre-segmented display)."""
    if not text or not text.strip():
        return ()
    compact, index = compact_text(text)
    mentions = find_mentions(compact)
    document = lru_cache(maxsize=1)(partial(count_lexicon.__wrapped__, compact))  # whole articles stay uncached
    plans = plan_spans(compact)
    drafts: list[Draft] = []
    for bounds, held in _by_sentence(compact, mentions):
        inside = [m for m in held if is_plausible(compact, m, bounds)]
        if not inside:
            continue  # most sentences: no tokenising needed
        tokens = pos_tokens(compact, bounds)  # whole sentences: a window cut mid-word mis-tags its edge
        kept = [m for m in inside if is_statistic(compact, m, tokens, bounds, plausible=True)]
        if kept:
            drafts += describe_sentence(compact, bounds, kept, document=document, sentence_tokens=tokens,
                                        planned=bool(plans) and any(a <= bounds[0] < b for a, b in plans))
    totals = frozenset(d.mention.start for d in drafts if compact.endswith(TOTAL_LINES, 0, d.mention.start))
    return _statistics(text, index, _merge(drafts, totals), sections)


def _statistics(text: str, index: Sequence[int], groups: list[list[Draft]],
                sections: tuple[Section, ...]) -> tuple[Statistic, ...]:
    """One Statistic per group of drafts, spans mapped back to `text`; each sentence's text cut once."""
    section_of = section_title_lookup(sections)
    sentences: dict[tuple[int, int], str] = {}
    stats = []
    for group in groups:
        first = group[0]
        spans = tuple((index[d.mention.start], index[d.mention.end - 1] + 1) for d in group)
        start, end = spans[0]
        sentence = sentences.get(first.sentence)
        if sentence is None:
            s_start, s_end = first.sentence
            sentence = sentences[first.sentence] = text[index[s_start]: index[s_end - 1] + 1].strip()
        stats.append(Statistic(
            text=text[start:end], start=start, end=end, sentence=sentence, section=section_of(start),
            value=first.value, unit=first.unit, kind=first.kind, qualifier=first.mention.qualifier,
            is_target=first.is_target, subject=first.subject, is_workforce=first.is_workforce,
            value_max=first.value_max, spans=spans))
    return tuple(stats)


def statistics_table(stats):
    """One pandas row per statistic (the architecture's entry point; grouped views live in stats_tables)."""
    from analysis.stats_tables import statistics_table as table  # pandas only when a table is wanted

    return table(stats)
