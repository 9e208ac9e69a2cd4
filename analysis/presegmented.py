"""Recognise already word-segmented Chinese text and build its display form with a map back to the raw text."""
from __future__ import annotations

import re

CJK_CLASS = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
# A single space between two ideographs: the mark of a segmenter's output.
SPACED_PAIR_RE = re.compile(rf"(?<=[{CJK_CLASS}]) (?=[{CJK_CLASS}])")
JOINED_PAIR_RE = re.compile(rf"[{CJK_CLASS}](?=[{CJK_CLASS}])")
TOKEN_RE = re.compile(r"\S+")
MIN_SPACED_PAIRS = 3  # too little evidence below this: short titles, a name with a space
MIN_SPACED_SHARE = 0.15  # segmented text: ~30-50 % of ideograph adjacencies are spaces; prose: ~0 %
# Characters that never want a space next to them in display text (CJK and fullwidth punctuation).
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—～·・﹏"
ASCII_WORD_RE = re.compile(r"[A-Za-z0-9]")
SPACE_BEFORE_WORD = ",;:!?"  # "Hello , world" still reads "Hello, world"


def is_presegmented(text: str) -> bool:
    """True when a high share of ideograph-ideograph adjacencies are separated by a single space."""
    n_spaced = len(SPACED_PAIR_RE.findall(text))
    if n_spaced < MIN_SPACED_PAIRS:
        return False
    n_joined = len(JOINED_PAIR_RE.findall(text))
    return n_spaced >= MIN_SPACED_SHARE * (n_spaced + n_joined)


def to_display(raw: str) -> tuple[str, tuple[tuple[int, int], ...], list[int]]:
    """Join the author's tokens into natural text; return (display, token spans, display→raw offsets).

    Tokens are the runs of non-space characters. A single space between tokens is dropped unless both sides are
    ASCII letters/digits; a run of 2+ spaces (or an ideographic space) was an original space and renders as one
    space, except next to CJK punctuation; a gap holding a newline renders as one "\\n". `offsets[i]` is the raw
    index of display character i, and `offsets[len(display)] == len(raw)`; map a span with `map_span_to_raw`.
    """
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    offsets: list[int] = []
    n_display = 0
    previous_end = None
    for match in TOKEN_RE.finditer(raw):
        start, end = match.span()
        if previous_end is not None:
            gap = _render_gap(raw, previous_end, start)
            if gap:
                parts.append(gap)
                offsets.append(raw.index("\n", previous_end, start) if gap == "\n" else previous_end)
                n_display += 1
        parts.append(match.group())
        offsets.extend(range(start, end))
        spans.append((n_display, n_display + end - start))
        n_display += end - start
        previous_end = end
    offsets.append(len(raw))
    return "".join(parts), tuple(spans), offsets


def map_span_to_raw(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a display span [start, end) to the raw span covering the same characters."""
    if start >= end:
        return offsets[start], offsets[start]
    return offsets[start], offsets[end - 1] + 1


def display_text(raw: str) -> str:
    """The display form alone (for titles)."""
    return to_display(raw)[0]


def _render_gap(raw: str, left: int, right: int) -> str:
    gap = raw[left:right]
    if "\n" in gap:
        return "\n"
    before, after = raw[left - 1], raw[right]
    if before in CJK_PUNCT or after in CJK_PUNCT:
        return ""
    if gap == " ":
        both_words = ASCII_WORD_RE.match(before) or before in SPACE_BEFORE_WORD
        return " " if both_words and ASCII_WORD_RE.match(after) else ""
    return " "
