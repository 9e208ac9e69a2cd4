"""Headings in plain article text: `detect_sections(text)` splits the display text into a lead and sections.

Heading styles (each a named regex in headings.py, which judges single lines): the 关键词“…” line (+ the one-line
subheading under it), Markdown `#`…`######` lines, whole-line `**bold**`, bold run-in heads (`**一是…。**正文`),
numbered heads — 第一编/篇, 第一章/第一部分, 第一节, 一、, （一）, 1. / 1、, （1）, ① — either on a line of their own
or run-in (the head ends at the first 。！？： within `MAX_RUNIN_TITLE_CHARS`, or at a 。 within
`MAX_LONG_RUNIN_TITLE_CHARS` when the head is one clause without figures, and the section's text continues in the
same paragraph), and short standalone lines without closing punctuation (see `_is_short_heading`).

Choices where the brief was open:
- Titles keep their numbering as written (“一、总体要求”, “（一）加强思想政治工作”, “第一章 总则”) and drop
  Markdown markers (`#`, `**`), a run-in head's closing 。/：, and the —— of a subheading. Whitespace in titles
  and subheadings is normalised: runs collapse to one space and spaces touching CJK punctuation are dropped
  (`关键词  “全链条 ”` reads 关键词“全链条”); a space between two CJK characters stays (第一章 总则) — the
  display text has already dropped a pre-segmented article's word gaps.
- Sections are a flat partition: a group heading's span ends where its first sub-heading starts; the hierarchy is
  `level` (lead 0, top headings 1) and `parent` (index into the returned tuple). A section's span starts at its
  heading and includes the heading line (and subheading line).
- Levels: numbered styles have a fixed order (Markdown # … ######, 第X编 > 第X章/部分 > 第X节 > 一、 > （一） >
  1. > （1） > ①); other styles (关键词, bold, short lines) nest by order of appearance, like reStructuredText.
- A short heading line directly followed by another short unpunctuated line (or any heading followed by a ——
  line) takes that line as its subheading (the deck under a feature-story heading).
- Layout metadata (analysis.layout) is never a heading; metadata at the start of the text is cut from the lead
  and metadata at the end of a section (a byline, editor line, caption or signature) is cut from its end.
  A caption inside a section stays inside its span (sections are contiguous).
"""
from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable
from typing import NamedTuple

from analysis.headings import (CLOSING_PUNCT, SENTENCE_PUNCT_RE, STYLE_RANK, classify_line, is_body, is_short_line,
                               is_weak, numbering_style)
from analysis.layout import Line, Span, find_layout, split_lines
from analysis.models import Section

MAX_SUBHEADING_CHARS = 30

CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef“”‘’—…·"
SPACES_RE = re.compile(r"\s+")
SPACE_NEAR_PUNCT_RE = re.compile(rf"\s+(?=[{CJK_PUNCT}])|(?<=[{CJK_PUNCT}])\s+")


class Head(NamedTuple):
    """A heading found at `start` (line start) with its style, normalised title and optional subheading."""

    start: int
    line: int  # index into the non-empty lines
    style: str
    title: str
    subheading: str | None = None
    weak: bool = False  # a one-sentence numbered line, dropped when its style also numbers list items


def normalize_title(title: str) -> str:
    """Collapse whitespace, drop spaces touching CJK punctuation and Markdown emphasis markers."""
    title = SPACES_RE.sub(" ", title.replace("**", "")).strip()
    return SPACE_NEAR_PUNCT_RE.sub("", title)


def _list_items(lines: list[Line]) -> list[bool]:
    """Per line: is it one of a run of short lines introduced by a line ending in ： (a list, not headings)?"""
    flags: list[bool] = []
    open_list = False
    for line in lines:
        short = is_short_line(line.text)
        flags.append(open_list and short)
        if not short:
            open_list = line.text.endswith(("：", ":"))
    return flags


def _is_short_heading(lines: list[Line], index: int, meta: set[int]) -> bool:
    """A short standalone line is a heading when body text follows it."""
    if not is_short_line(lines[index].text):
        return False
    following = [item for item in lines[index + 1:index + 4] if item.start not in meta]
    if not following:
        return False
    if is_body(following[0].text) or classify_line(following[0].text):
        return True
    return len(following) > 1 and is_short_line(following[0].text) and is_body(following[1].text)


def _subheading(lines: list[Line], index: int, style: str, meta: set[int]) -> str | None:
    """The deck line under a heading: a —— line, or a short plain line under 关键词/short headings."""
    if index + 1 >= len(lines) or lines[index + 1].start in meta:
        return None
    line = lines[index + 1].text
    if line.startswith(("——", "—")) and len(line) <= MAX_SUBHEADING_CHARS + 2:
        return line.lstrip("—")
    if style not in ("keyword", "short") or classify_line(line):
        return None
    fits = len(line) <= MAX_SUBHEADING_CHARS and not SENTENCE_PUNCT_RE.search(line)
    if fits and not line.endswith(tuple(CLOSING_PUNCT)) and index + 2 < len(lines):
        return line
    return None


def find_heads(text: str, spans: tuple[Span, ...]) -> list[Head]:
    """Every heading of the text in order, skipping layout metadata lines."""
    lines = split_lines(text)
    meta = {line.start for line in lines if _is_covered(line, spans)}
    in_list = _list_items(lines)
    heads: list[Head] = []
    items: set[str] = set()  # numbering styles used for list items somewhere in the text
    skip = -1
    for index, line in enumerate(lines):
        if index <= skip or line.start in meta:
            continue
        found = classify_line(line.text)
        if found is None and not in_list[index] and _is_short_heading(lines, index, meta):
            found = ("short", line.text)
        if found is None:
            items.add(numbering_style(line.text) or "")
            continue
        style, title = found
        weak = is_weak(line.text, style, title)
        following = _next_content(lines, index, meta) if weak else ""
        if weak and (not following or numbering_style(following) == style):
            items.add(style)
            continue
        subheading = _subheading(lines, index, style, meta)
        if subheading is not None:
            skip = index + 1
        heads.append(Head(line.start, index, style, normalize_title(title),
                          normalize_title(subheading) if subheading else None, weak))
    return [head for head in heads if not (head.weak and head.style in items)]


def _next_content(lines: list[Line], index: int, meta: set[int]) -> str:
    """Text of the next line that is not layout metadata ("" at the end)."""
    following = (lines[after] for after in range(index + 1, len(lines)))
    return next((line.text for line in following if line.start not in meta), "")


def _span_at(spans: tuple[Span, ...], position: int) -> Span | None:
    """The span holding `position` (spans are sorted and disjoint)."""
    index = bisect.bisect_right(spans, (position, math.inf)) - 1
    return spans[index] if index >= 0 and spans[index][0] <= position < spans[index][1] else None


def _is_covered(line: Line, spans: tuple[Span, ...]) -> bool:
    span = _span_at(spans, line.start)
    return span is not None and line.end <= span[1]


def assign_levels(heads: list[Head]) -> list[tuple[int, int | None]]:
    """(level, parent position among heads) for each head, by style rank and order of appearance."""
    stack: list[tuple[str, int | None, int]] = []
    result: list[tuple[int, int | None]] = []
    for position, head in enumerate(heads):
        rank = STYLE_RANK.get(head.style)
        if any(style == head.style for style, _, _ in stack):
            while stack.pop()[0] != head.style:
                pass
        elif rank is not None:
            while stack and stack[-1][1] is not None and stack[-1][1] > rank:
                stack.pop()
        result.append((len(stack) + 1, stack[-1][2] if stack else None))
        stack.append((head.style, rank, position))
    return result


def _trim(text: str, start: int, end: int, spans: tuple[Span, ...], *, trim_start: bool) -> tuple[int, int]:
    """Shrink [start, end) past surrounding whitespace and metadata spans."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        at_start = _span_at(spans, start) if trim_start else None
        if at_start is not None:
            start, changed = at_start[1], True
        at_end = _span_at(spans, end - 1) if end > start else None
        if at_end is not None and at_end[0] >= start and at_end[1] >= end:
            end, changed = at_end[0], True
    return start, max(start, end)


def detect_sections(text: str) -> tuple[Section, ...]:
    """Split the display text into a lead (title None, level 0) and titled sections."""
    if not text or not text.strip():
        return ()
    spans = find_layout(text).spans
    heads = find_heads(text, spans)
    bounds = [head.start for head in heads] + [len(text)]
    sections: list[Section] = []
    lead_start, lead_end = _trim(text, 0, bounds[0], spans, trim_start=True)
    if lead_end > lead_start:
        sections.append(Section(None, None, 0, None, lead_start, lead_end, text[lead_start:lead_end]))
    offset = len(sections)
    for position, (head, (level, parent)) in enumerate(zip(heads, assign_levels(heads))):
        start, end = _trim(text, head.start, bounds[position + 1], spans, trim_start=False)
        end = max(end, _line_end(text, head.start))
        sections.append(Section(head.title, head.subheading, level,
                                None if parent is None else parent + offset, start, end, text[start:end]))
    return tuple(sections)


def _line_end(text: str, start: int) -> int:
    """End of the (stripped) line that starts at `start`; a heading never loses its own line."""
    newline = text.find("\n", start)
    line = text[start: len(text) if newline < 0 else newline]
    return start + len(line.rstrip())


def section_title_lookup(sections: tuple[Section, ...]) -> Callable[[int], str | None]:
    """`section_title_at` as a lookup: the rule is evaluated once per stretch between section edges, then bisected.

    Between two consecutive edges (section starts and ends) the sections holding an offset do not change.
    """
    edges = sorted({s.start for s in sections} | {s.end for s in sections})
    titles: dict[int, str | None] = {}  # stretch index → title, filled as statistics fall into stretches

    def title(offset: int) -> str | None:
        k = bisect.bisect_right(edges, offset) - 1
        if k < 0:
            return None  # before the first edge no section holds it
        if k not in titles:
            titles[k] = section_title_at(sections, edges[k])
        return titles[k]
    return title


def section_title_at(sections: tuple[Section, ...], offset: int) -> str | None:
    """Title of the innermost section holding offset (None in the lead or without sections)."""
    holding = [s for s in sections if s.start <= offset < s.end]
    if not holding:
        return None
    return max(holding, key=lambda s: (s.start, s.level)).title
