"""Extracted text → `Article`: the text layout (title line, paragraphs, the seed's tab-led paragraphs, Markdown
front matter), pre-segmentation and the news layout (kicker, subtitle, date). No file reading happens here.
"""
from __future__ import annotations

import re

from analysis.dates import parse_date
from analysis.formats import Extracted
from analysis.layout import find_layout, settle_title
from analysis.models import Article
from analysis.presegmented import display_text, is_presegmented, to_display

MAX_TITLE_CHARS = 80  # a longer first line is a paragraph, not a title
# Lone surrogates (JSON "\ud800" escapes) cannot be stored as UTF-8 by SQLite: dropped like control characters.
CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\ud800-\udfff]")
NEWLINES_RE = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# The seed's layout: one line per article, paragraphs after a tab and ideographic-space indentation.
SEED_BREAK_RE = re.compile(r"\t+(?=[\u3000\xa0]| {2})")
INDENT_CHARS = " \t\u3000\xa0"
SPACES_RE = re.compile(r"\s+")
MARKDOWN_TITLE_RE = re.compile(r"^#{1,2}\s+(?P<title>\S.*?)\s*#*$")
FRONT_MATTER_RE = re.compile(r"\A---\n(?P<body>.*?)\n---\n", re.DOTALL)
FRONT_MATTER_FIELD_RE = re.compile(r"^(?P<key>title|date)\s*:\s*(?P<value>.+?)\s*$", re.MULTILINE | re.IGNORECASE)
# "…进阶原标题由量大到质强…" or "（原标题：…）" at the end of a title line.
ORIGINAL_TITLE_RE = re.compile(r"\s*[（(]?\s*原标题\s*[:：]?\s*(?P<original>\S.*?)\s*[)）]?\s*$")
TITLE_SENTENCE_END = "。；，、"


def read_plain(text: str, *, encoding: str, markdown: bool) -> Extracted:
    """Plain text and Markdown: optional front matter (title/date), otherwise the title comes from line one."""
    front = FRONT_MATTER_RE.match(text.lstrip("\ufeff")) if markdown else None
    if front is None:
        return Extracted(body=text, encoding=encoding)
    fields = {m["key"].lower(): m["value"].strip("\"'") for m in FRONT_MATTER_FIELD_RE.finditer(front["body"])}
    body = text.lstrip("\ufeff")[front.end():]
    return Extracted(body=body, title=fields.get("title"), date=parse_date(fields.get("date")), encoding=encoding)


def build_article(item: Extracted, *, source: str, fmt: str) -> Article:
    """Apply the text layout (title line, paragraphs), pre-segmentation and news layout to extracted text."""
    paragraphs = split_paragraphs(clean_text(item.body))
    title_raw = item.title
    if title_raw is None:
        title_raw = _take_title(paragraphs, markdown=fmt == "md")
    title_raw = clean_text(title_raw).replace("\n", " ")
    # raw_text of a pre-segmented article: the paragraphs as given, indentation stripped, joined by "\n".
    raw_body = "\n".join(paragraphs)
    presegmented = is_presegmented(f"{title_raw}\n{raw_body}")
    if presegmented:
        text, token_spans, _ = to_display(raw_body)
        title = display_text(title_raw)
    else:
        text, token_spans, title = raw_body, None, SPACES_RE.sub(" ", title_raw).strip()
    title, subtitle = split_original_title(title)
    layout = find_layout(text) if text else None
    title, kicker = settle_title(title, layout, first_line=item.title is None) if layout else (title, None)
    return Article(
        title=title, text=text, source=clean_text(source), format=fmt, encoding=item.encoding,
        subtitle=subtitle or (layout and layout.subtitle), kicker=kicker,
        date=item.date or (layout and layout.date), presegmented=presegmented,
        raw_text=raw_body if presegmented else None, token_spans=token_spans,
    )


def clean_text(text: str) -> str:
    """Unify newlines and drop control characters (NUL, BOM) that no reader wants."""
    return CONTROL_CHARS_RE.sub("", NEWLINES_RE.sub("\n", text))


def split_paragraphs(text: str) -> list[str]:
    """Non-empty lines (and the seed's tab-led parts), stripped of indentation."""
    parts = (part.strip(INDENT_CHARS) for line in text.split("\n") for part in SEED_BREAK_RE.split(line))
    return [part for part in parts if part]


def _take_title(paragraphs: list[str], *, markdown: bool) -> str:
    """Pop the first paragraph when it reads as a title: short, not a sentence, and followed by more text."""
    if not paragraphs:
        return ""
    first = paragraphs[0]
    heading = MARKDOWN_TITLE_RE.match(first) if markdown else None
    if heading is not None:
        paragraphs.pop(0)
        return heading["title"]
    n_chars = len(SPACES_RE.sub("", first))
    if len(paragraphs) > 1 and n_chars <= MAX_TITLE_CHARS and not first.endswith(tuple(TITLE_SENTENCE_END)):
        return paragraphs.pop(0)
    return ""


def split_original_title(title: str) -> tuple[str, str | None]:
    """Move a trailing 原标题 … into the subtitle, written as 原标题：…."""
    match = ORIGINAL_TITLE_RE.search(title)
    if match is None or match.start() == 0:
        return title, None
    return title[: match.start()].strip(), f"原标题：{match['original']}"
