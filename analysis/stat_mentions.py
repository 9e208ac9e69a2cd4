"""Find numbers with their measure words and qualifier cues in compacted display text."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from analysis import stat_lexicon as lex
from analysis.numerals import parse_quantity, to_half_width, trailing_magnitude
from analysis.stat_stripped import join_stripped_ranges
from analysis.stat_tagging import pos_tokens

SPACE_RUN = re.compile(r"[ \t\r\u3000\xa0]+")
ASCII_ALNUM = re.compile(r"[A-Za-z0-9%]")
SENTENCE_END = re.compile(r"[。！？!?\n]")
# Real sentences stay under ~160 characters; text without sentence ends (a pasted table, a 5 MB single line) is
# analysed in pieces of at most this many characters, cut after a clause mark, so work per sentence stays bounded.
MAX_SENTENCE_CHARS = 300
CLAUSE_MARKS = ("，", ",", "；", ";", "、")
NUMBER_CHAR = re.compile(r"[\d.,%零〇一二两三四五六七八九十百千万亿]")
MAGNITUDE = r"(?:万亿|千万|百万|十万|万|亿|千(?![米克瓦]))"
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
NUMBER_CORE = re.compile(
    rf"{ARABIC}[余多来]?{MAGNITUDE}?[余多]?(?:(?:至|到|—{{1,2}}|–|~|～|-|－){ARABIC}{MAGNITUDE}?[余多]?)?"
    r"|[零〇一二两三四五六七八九十百千万亿]+(?:[余多来][万亿]?)?"
)
PERCENT_WORDS = re.compile(r"百分之(?P<num>\d+(?:\.\d+)?|[零一二两三四五六七八九十百]+(?:点[零一二三四五六七八九]+)?)")
# 不到一半, 占培训总人次一半: half as a share only after a qualifier or 占/达 (一半以上的时间 is no figure).
HALF = re.compile(r"(?<=[近约超过到足逾占达]) ?一半(?!以上|左右)")
FRACTION = re.compile(r"(?P<den>[一二两三四五六七八九十千万]|\d+)分之(?P<num>[一二两三四五六七八九]|\d+)")
RANGE_BETWEEN = re.compile(r"^(?:至|到|—{1,2}|–|~|～|-|－)$")
RANGE_AFTER = re.compile(r"至|到|—|–|~|～|-|－")
DOUBLING = re.compile(r"翻(?P<n>一|两|二|三|四)番")
CHINESE_CORE = re.compile(r"^[零〇一二两三四五六七八九十百千万亿余多来]+$")
UNIT_WORD = re.compile("|".join(re.escape(u) for u in lex.ALL_UNITS))  # longest first, as ALL_UNITS is sorted
ROUND_HEAD = re.compile(r"^[一二两三四五六七八九十]?[百千万亿]")
SUFFIX_CUE = re.compile("|".join(re.escape(cue) for cue, _ in lex.SUFFIX_QUALIFIERS))
SUFFIX_QUALIFIER = dict(lex.SUFFIX_QUALIFIERS)
# First characters of measure words and suffix cues: a number followed by anything else has none (no regex run).
UNIT_STARTS = frozenset(unit[0] for unit in lex.ALL_UNITS)
SUFFIX_STARTS = frozenset(cue[0] for cue, _ in lex.SUFFIX_QUALIFIERS)
INNER_AFTER_WORDS = lex.UNIT_CHAR_WORDS | {"多个", "多家", "余家", "余名"}  # 多/余 opening a word, not a qualifier
NEW_TUPLE = tuple.__new__
MAGNITUDE_ENDS = frozenset("万亿")
UNIT_WINDOW = 6  # characters after the measure word the segmenter sees (万人|工伤保险|参)
CORE_CACHE = 1 << 14  # numerals as written (一, 两, 30, 1.5万…) repeat across a corpus


def _by_last_char(cues: tuple[tuple[str, str], ...]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Qualifier cues grouped by their last character, each group in the lexicon's order (built once at import)."""
    return {ch: tuple(c for c in cues if c[0][-1] == ch) for ch in {cue[-1] for cue, _ in cues}}


PREFIX_BY_LAST_CHAR = _by_last_char(lex.PREFIX_QUALIFIERS)


class Mention(NamedTuple):
    start: int
    end: int
    core_start: int
    core_end: int
    unit: str  # the measure word as written ('' when none)
    value: float
    value_max: float | None
    qualifier: str
    chinese: bool
    magnitude: bool


def compact_text(text: str) -> tuple[str, Sequence[int]]:
    """Drop spaces between tokens (keeping one between ASCII alphanumerics) and map each kept char to its offset."""
    if not SPACE_RUN.search(text):
        return to_half_width(text), range(len(text))  # raw text without spaces: offsets are the identity
    pieces: list[str] = []
    index: list[int] = []
    pos = 0
    for match in SPACE_RUN.finditer(text):
        pieces.append(text[pos:match.start()])
        index.extend(range(pos, match.start()))
        before, after = text[match.start() - 1: match.start()], text[match.end(): match.end() + 1]
        if before and after and ASCII_ALNUM.match(before) and ASCII_ALNUM.match(after) and not (
                before.isdigit() and after == "%"):
            pieces.append(" ")
            index.append(match.start())
        pos = match.end()
    pieces.append(text[pos:])
    index.extend(range(pos, len(text)))
    return to_half_width("".join(pieces)), index


def sentence_bounds(compact: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, ends included; an over-long one is cut into clauses (see MAX_SENTENCE_CHARS)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END.finditer(compact):
        _add_capped(bounds, compact, start, match.end())
        start = match.end()
    if start < len(compact):
        _add_capped(bounds, compact, start, len(compact))
    return bounds


def _add_capped(bounds: list[tuple[int, int]], compact: str, start: int, end: int) -> None:
    """Append (start, end), cut after the last clause mark before every MAX_SENTENCE_CHARS (else between words)."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = max(compact.rfind(mark, start + MAX_SENTENCE_CHARS // 2, limit) for mark in CLAUSE_MARKS) + 1
        if not cut:
            cut = limit
            while cut > start + 1 and NUMBER_CHAR.match(compact, cut - 1) and NUMBER_CHAR.match(compact, cut):
                cut -= 1  # never through a number; a run of numerals 300 long is cut anyway
            cut = cut if cut > start + 1 else limit
        bounds.append((start, cut))
        start = cut
    bounds.append((start, end))


def _match_unit(compact: str, at: int) -> str:
    """The longest measure word written at `at` ('' when none, or when it opens an ordinary word like 人才)."""
    if compact[at: at + 1] not in UNIT_STARTS:
        return ""
    found = UNIT_WORD.match(compact, at)
    unit = found.group() if found else ""
    if len(unit) < 2 and compact[at: at + 2] in lex.UNIT_CHAR_WORDS and not _closes_magnitude(compact, at, unit):
        return ""
    return unit


def _closes_magnitude(compact: str, at: int, unit: str) -> bool:
    """218万人工伤保险, 1.5万人力争 (text stripped of commas): the segmenter reads 万人 as one word, so 人 is the
    measure word although 人工/人力 are words; 5万人才, 5万人员 are cut 万|人才 and keep their noun."""
    if unit != "人" or compact[at - 1: at] not in MAGNITUDE_ENDS:
        return False
    first = pos_tokens(compact, (at - 1, min(len(compact), at + UNIT_WINDOW)))[0]
    return first.end == at + 1


def _match_prefix(compact: str, at: int, core: str) -> tuple[int, str | None]:
    """(start, qualifier) of a qualifier cue written just before the number."""
    for cue, qualifier in PREFIX_BY_LAST_CHAR.get(compact[at - 1: at], ()):
        if at < len(cue) or not compact.startswith(cue, at - len(cue)):
            continue
        before = compact[at - len(cue) - 1: at - len(cue)]
        if cue == "约" and before in "节制签合预邀公履违特大":
            continue
        if cue == "近" and before in "最附接将":
            continue
        if cue == "上" and not ROUND_HEAD.match(core):
            continue
        if cue == "破" and not (ROUND_HEAD.match(core) or trailing_magnitude(core)):
            continue
        return at - len(cue), qualifier
    return at, None


def _match_suffix(compact: str, at: int) -> tuple[int, str | None]:
    """(end, qualifier) of a qualifier cue written after the number and its measure word."""
    if compact[at: at + 1] not in SUFFIX_STARTS:
        return at, None
    found = SUFFIX_CUE.match(compact, at)
    return (found.end(), SUFFIX_QUALIFIER[found.group()]) if found else (at, None)


class CoreReading(NamedTuple):
    value: float
    value_max: float | None
    inner: str | None  # qualifier written inside the numeral: 余/多 (more_than), 来 (about)
    chinese: bool
    magnitude: bool


@lru_cache(maxsize=CORE_CACHE)
def read_core(core: str) -> CoreReading | None:
    """Value, range, inner qualifier and kind of one numeral as written; None when it does not parse (cached)."""
    try:
        value, value_max = parse_quantity(core)
    except (ValueError, KeyError, IndexError):
        return None
    inner = "more_than" if "余" in core or "多" in core else "about" if "来" in core else None
    chinese = bool(CHINESE_CORE.match(core))
    return CoreReading(value, value_max, inner, chinese, bool(trailing_magnitude(core)) or chinese and value >= 100)


def read_mention(compact: str, match: re.Match) -> Mention | None:
    """Number + measure word + qualifiers around one numeral match; None when it does not parse or cannot count."""
    core = match.group()
    reading = read_core(core)
    if reading is None:
        return None
    core_start, core_end = match.span()
    unit = _match_unit(compact, core_end)
    if not unit:
        if core.endswith("来"):
            return None  # 30来源, 以来: 来 marks an approximation only before a measure word
        if reading.chinese and not reading.magnitude and not RANGE_AFTER.match(compact, core_end):
            return None  # 一些, 统一, 十分: never a figure (is_plausible) nor the low end of a range (三至五成)
        after = core_end
    else:
        after = core_end + len(unit)
        if compact[after: after + 1] in ("多", "余") and compact[after: after + 2] not in INNER_AFTER_WORDS:
            after += 1  # 多/余 written after the measure word qualifies the number
    end, suffix = _match_suffix(compact, after)
    start, prefix = _match_prefix(compact, core_start, core)
    if suffix == "about" and prefix and compact[start: core_start] in lex.COMPARING_VERBS:
        start, prefix = core_start, None  # 低于|5.5%左右的目标: 低于 compares another figure with this one
    inner = "more_than" if after > core_end + len(unit) else reading.inner
    return NEW_TUPLE(Mention, (start, end, core_start, core_end, unit, reading.value, reading.value_max,
                               prefix or suffix or inner or "exact", reading.chinese, reading.magnitude))


def special_mentions(compact: str) -> list[Mention]:
    """百分之三十, 三分之一, 不到一半 (percent) and 翻一番 (multiple) written in words."""
    found: list[Mention] = []
    if "分之" not in compact and "翻" not in compact and "一半" not in compact:
        return found  # most texts: none of the four patterns can match (one scan each for three literals)
    for match in PERCENT_WORDS.finditer(compact):
        whole, _, frac = match["num"].partition("点")
        try:
            value = parse_quantity(whole)[0] + (float("0." + "".join(str("零一二三四五六七八九".index(c)) for c in frac))
                                                if frac else 0.0)
        except ValueError:
            continue
        end, suffix = _match_suffix(compact, match.end())
        start, prefix = _match_prefix(compact, match.start(), "")
        found.append(Mention(start, end, match.start(), match.end(), "%", value, None, prefix or suffix or "exact",
                             True, False))
    for match in FRACTION.finditer(compact):
        try:
            value = 100.0 * parse_quantity(match["num"])[0] / parse_quantity(match["den"])[0]
        except (ValueError, ZeroDivisionError):
            continue
        end, suffix = _match_suffix(compact, match.end())
        start, prefix = _match_prefix(compact, match.start(), "")
        found.append(Mention(start, end, match.start(), match.end(), "%", value, None,
                             prefix or suffix or "exact", True, False))
    for match in HALF.finditer(compact):
        start, prefix = _match_prefix(compact, match.start(), "")
        found.append(Mention(start, match.end(), match.start(), match.end(), "%", 50.0, None, prefix or "exact",
                             True, False))
    for match in DOUBLING.finditer(compact):
        found.append(Mention(match.start(), match.end(), match.start(), match.end(), "倍",
                             2.0 ** ({"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}[match["n"]]), None, "exact",
                             True, False))
    return found


def find_mentions(compact: str) -> list[Mention]:
    """Every numeral with its measure word and qualifiers, left to right, without overlaps."""
    found = special_mentions(compact)
    taken = sorted((m.start, m.end) for m in found)
    starts = [a for a, _ in taken]
    reach = list(accumulate((b for _, b in taken), max, initial=-1))  # reach[k]: furthest end of the first k
    for match in NUMBER_CORE.finditer(compact):
        if reach[bisect_left(starts, match.end())] > match.start():
            continue  # inside 百分之三十 or 翻一番
        mention = read_mention(compact, match)
        if mention is not None:
            found.append(mention)
    return join_stripped_ranges(compact, join_ranges(compact, sorted(found)))


def join_ranges(compact: str, mentions: list[Mention]) -> list[Mention]:
    """8000元至1.2万元, 三至五成: two numbers joined by 至/到/— with one unit become one range."""
    out: list[Mention] = []
    for mention in mentions:
        last = out[-1] if out else None
        if (last is not None and 0 < mention.start - last.end <= 2  # 至, 到, —— (checked on ints first)
                and RANGE_BETWEEN.match(compact[last.end: mention.start])
                and last.unit in ("", mention.unit) and mention.unit and last.value < mention.value
                and last.qualifier == "exact"):
            out[-1] = mention._replace(start=last.start, core_start=last.core_start, value=last.value,
                                       value_max=mention.value, qualifier=mention.qualifier)
            continue
        out.append(mention)
    return out
