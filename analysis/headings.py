"""Heading shapes of a single line: 关键词“…”, Markdown #, **bold**, numbered heads (第一章, 一、, （一）, 1. …, run-in
or on their own line) and short standalone lines. `sections.py` decides from the lines around it which ones head
a section (see its docstring for the styles and the choices made).
"""
from __future__ import annotations

import re

MAX_SHORT_HEADING_CHARS = 25
MAX_NUMBERED_HEADING_CHARS = 40
MAX_RUNIN_TITLE_CHARS = 30
MAX_LONG_RUNIN_TITLE_CHARS = 40  # a longer run-in head must be one plain clause (see _is_runin_clause)
CJK_CHAR = r"\u3400-\u9fff\uf900-\ufaff"
# ATX headings; without the space CommonMark wants, only when the line does not also end in # (a #hashtag#).
MARKDOWN_RE = re.compile(r"^(?P<hashes>#{1,6})(?:\s+(?P<title>[^#\s].*?)\s*#*|(?P<tight>[^#\s][^#]*))$")
BOLD_LINE_RE = re.compile(r"^\*\*(?P<title>[^*]{1,40}?)\*\*\s*[。：:]?$")
BOLD_RUNIN_RE = re.compile(r"^\*\*(?P<title>[^*]{1,30}?)\s*[。：:！？]?\s*\*\*\s*[。：:]?(?=\S)")
KEYWORD_RE = re.compile(r"^关键词\s*(?:[：:]?\s*[“\"「『]\s*[^”\"」』]{1,20}\s*[”\"」』]|[：:]\s*[^\s。！？]{1,16})$")
RUNIN_END_RE = re.compile(r"[。！？：:]")
SENTENCE_PUNCT_RE = re.compile(r"[。！？!?；;]")
RUNIN_FIGURE_RE = re.compile(r"[\d０-９%％；;]")  # figures mark a report sentence, not a head
CLOSING_PUNCT = "。！？!?；;：:，,、…"
LIST_MARK_RE = re.compile(r"^(?:[-*+•·]\s|\||#)")  # list items, table rows, #hashtags#
CN_NUM = "一二三四五六七八九十百零〇两"
# (style, regex) in matching order; the style names the rank in STYLE_RANK.
NUMBERED_RES = (
    ("part", re.compile(rf"^第[{CN_NUM}\d]{{1,4}}[编篇]")),
    ("chapter", re.compile(rf"^第[{CN_NUM}\d]{{1,4}}(?:章|部分)")),
    ("jie", re.compile(rf"^第[{CN_NUM}\d]{{1,4}}节")),
    ("cn_comma", re.compile(rf"^[{CN_NUM}]{{1,3}}\s*[、．.](?![{CN_NUM}])")),  # not 一、二季度
    ("cn_paren", re.compile(rf"^[（(]\s*[{CN_NUM}]{{1,3}}\s*[）)]")),
    ("arabic", re.compile(r"^\d{1,2}\s*[.．、](?!\d)")),
    ("arabic_paren", re.compile(r"^[（(]\s*\d{1,2}\s*[）)]")),
    ("circled", re.compile(r"^[①-⑳]")),
)
STYLE_RANK = {f"md{n}": n for n in range(1, 7)} | {
    "part": 10, "chapter": 11, "jie": 12, "cn_comma": 13, "cn_paren": 14,
    "arabic": 15, "arabic_paren": 16, "circled": 17,
}


def _numbered(line: str) -> tuple[str, str] | None:
    """(style, title) when the line opens with a numbering pattern and reads as a heading."""
    for style, pattern in NUMBERED_RES:
        match = pattern.match(line)
        if not match or len(line) == match.end():
            continue
        rest = line[match.end():]
        if len(line) <= MAX_NUMBERED_HEADING_CHARS and not SENTENCE_PUNCT_RE.search(line) \
                and line[-1] not in CLOSING_PUNCT:
            return style, line
        end = RUNIN_END_RE.search(rest)
        if end and (0 < end.start() <= MAX_RUNIN_TITLE_CHARS or _is_runin_clause(rest, end.start())):
            return style, line[: match.end() + end.start()]
        return None
    return None


def _is_runin_clause(rest: str, end: int) -> bool:
    """A 31–40 character run-in head: one clause ending in 。 with no figures, and the paragraph goes on after it."""
    head, after = rest[:end], rest[end + 1:]
    fits = MAX_RUNIN_TITLE_CHARS < end <= MAX_LONG_RUNIN_TITLE_CHARS and rest[end] == "。" and bool(after.strip())
    return fits and head.count("，") <= 1 and not RUNIN_FIGURE_RE.search(head)


def numbering_style(line: str) -> str | None:
    """The numbering style a line opens with (whether or not it reads as a heading)."""
    return next((style for style, pattern in NUMBERED_RES if pattern.match(line)), None)


def is_weak(line: str, style: str, title: str) -> bool:
    """A numbered line that is one whole sentence (（三）…费用。): a heading only if its siblings are."""
    return style in STYLE_RANK and not style.startswith("md") and line[len(title):] in tuple("。；;！？：:")


def _is_bold_sentence(inner: str) -> bool:
    """**各地要高度重视，切实抓好落实。** is emphasis, not a heading."""
    return inner.endswith(("。", "！", "？")) and ("，" in inner or len(inner) > MAX_SHORT_HEADING_CHARS)


def classify_line(line: str) -> tuple[str, str] | None:
    """(style, raw title) of a heading line whose shape alone makes it a heading, else None."""
    if KEYWORD_RE.match(line):
        return "keyword", line
    markdown = MARKDOWN_RE.match(line)
    if markdown:
        return f"md{len(markdown.group('hashes'))}", markdown.group("title") or markdown.group("tight")
    bold = BOLD_LINE_RE.match(line)
    if bold:
        inner = bold.group("title").strip()
        if SENTENCE_PUNCT_RE.search(inner.rstrip("。！？")) or _is_bold_sentence(inner):
            return None
        numbered = _numbered(inner)
        return (numbered[0], inner.rstrip("。：:")) if numbered else ("bold", inner.rstrip("。：:"))
    runin = BOLD_RUNIN_RE.match(line)
    if runin:
        return "bold_runin", runin.group("title")
    return _numbered(line)


def is_short_line(line: str) -> bool:
    """A short line with at least two CJK characters and no closing punctuation anywhere that matters."""
    if len(line) > MAX_SHORT_HEADING_CHARS or line[-1] in CLOSING_PUNCT or line[0] + line[-1] in ("（）", "()"):
        return False
    if SENTENCE_PUNCT_RE.search(line) or LIST_MARK_RE.match(line):
        return False
    return len(re.findall(rf"[{CJK_CHAR}]", line)) >= 2


def is_body(line: str) -> bool:
    """A line that reads as running text (ends a sentence or is longer than a heading)."""
    return len(line) > MAX_SHORT_HEADING_CHARS or line[-1] in "。！？!?…”"
