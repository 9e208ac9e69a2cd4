"""Readers for rich formats (HTML, DOCX, PDF): bytes → `Extracted` body text with paragraphs on lines."""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis.dates import parse_date
from analysis.encoding import decode_bytes
from analysis.errors import AnalysisError, CorruptFile, TooLarge
from analysis.limits import check_zip_ratio
from analysis.presegmented import CJK_CLASS, CJK_PUNCT

if TYPE_CHECKING:  # the parsers are imported where a file of their format is read: ~0.4 s saved per process start
    import pdfplumber
    from bs4 import BeautifulSoup, Tag

MAX_PDF_PAGES = 2_000
MAX_UNPACKED_BYTES = 256 * 2**20  # docx/xlsx are zips: refuse ones that unpack to more than this (zip bombs)
PARA_MARK = "\u2029"  # paragraph separator used while flattening HTML; never in real input after cleanup
HTML_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "head")
HTML_BLOCK_TAGS = (
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section", "article",
    "blockquote", "pre", "header", "footer", "aside", "nav", "dd", "dt", "dl", "figure", "figcaption", "hr",
    "td", "th", "main", "form", "title",
)
BLOCK_END = object()  # pushed under a block element's children: its closing paragraph mark
HTML_DATE_META = (
    "article:published_time", "pubdate", "publishdate", "publish_date", "date", "dc.date", "dc.date.issued",
    "dcterms.created", "og:published_time", "datepublished",
)
DECLARED_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
# A newline in HTML source next to an ideograph is source formatting, not a space a Chinese reader sees.
HTML_CJK_NEWLINE_RE = re.compile(
    rf"(?<=[{CJK_CLASS}{CJK_PUNCT}])[ \t\r]*\n[ \t\r\n\f]*|[ \t\r]*\n[ \t\r\n\f]*(?=[{CJK_CLASS}{CJK_PUNCT}])"
)
HTML_SPACE_RE = re.compile(r"[ \t\r\n\f]+")
ASCII_WORD_END_RE = re.compile(r"[A-Za-z0-9]$")
ASCII_WORD_START_RE = re.compile(r"^[A-Za-z0-9]")
PDF_TERMINAL_PUNCT = "。！？!?…”」』）)：:"


@dataclass(frozen=True)
class Extracted:
    """What a format reader found, before the text layout (title line, paragraphs) is applied."""

    body: str  # paragraphs separated by "\n" (or the seed's tabs); the title still first when `title` is None
    title: str | None = None
    date: str | None = None
    encoding: str | None = None
    locator: str = ""  # "#3" for table rows and JSON lines


def read_html(data: bytes, *, source: str) -> Extracted:
    """Visible text of an HTML page: scripts, styles and comments dropped, block elements as paragraphs."""
    from bs4 import BeautifulSoup

    declared = DECLARED_CHARSET_RE.search(data[:4096])
    text, encoding = decode_bytes(data, source=source, declared=declared and declared.group(1).decode("ascii"))
    soup = BeautifulSoup(text, "lxml")
    date = _html_date(soup)
    heading = soup.find("h1")
    title_tag = soup.find("title")
    title = _flatten(heading.get_text()) if heading else None
    if not title and title_tag is not None:
        title = _flatten(title_tag.get_text())
    flat = HTML_CJK_NEWLINE_RE.sub("", visible_text(soup, skip=heading))
    paragraphs = (_flatten(part) for part in flat.split(PARA_MARK))
    return Extracted(body="\n".join(p for p in paragraphs if p), title=title or None, date=date, encoding=encoding)


def visible_text(root: Tag, *, skip: Tag | None = None) -> str:
    """Text a reader sees under `root`, PARA_MARK around block elements and for <br>; one pass, no tree edits.

    Dropped: `skip` (the heading taken as title), HTML_DROP_TAGS subtrees, comments and other non-text nodes.
    An explicit stack instead of bs4's insert_before/insert_after, which walk the subtree on every call (quadratic
    on deeply nested pages) and recursion (10,000 nested <div> would overflow Python's stack).
    """
    from bs4 import CData, NavigableString, Tag

    text_types = (NavigableString, CData)
    parts: list[str] = []
    stack: list[object] = [root]
    while stack:
        node = stack.pop()
        if node is BLOCK_END:
            parts.append(PARA_MARK)
        elif isinstance(node, Tag):
            if node is skip or node.name in HTML_DROP_TAGS:
                continue
            if node.name == "br":
                parts.append(PARA_MARK)
                continue
            if node.name in HTML_BLOCK_TAGS:
                parts.append(PARA_MARK)
                stack.append(BLOCK_END)
            stack.extend(reversed(node.contents))
        elif type(node) in text_types:  # exact types, as bs4's get_text: not Comment, Script, Doctype …
            parts.append(node)
    return "".join(parts)


def _flatten(text: str) -> str:
    return HTML_SPACE_RE.sub(" ", text).strip()


def _html_date(soup: BeautifulSoup) -> str | None:
    for meta in soup.find_all("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in HTML_DATE_META:
            found = parse_date(meta.get("content"))
            if found:
                return found
    time_tag = soup.find("time")
    return parse_date(time_tag.get("datetime") or time_tag.get_text()) if time_tag else None


def read_docx(data: bytes, *, source: str) -> Extracted:
    """Paragraphs and table cells of a Word document in reading order; a Title/Heading first line is the title."""
    check_unpacked_size(data, kind="docx", source=source)
    return guard_parser(lambda: _read_docx(data), kind="docx", source=source)


def _read_docx(data: bytes) -> Extracted:
    import docx
    from docx.table import Table

    document = docx.Document(io.BytesIO(data))
    paragraphs: list[tuple[str, str]] = []  # (style name, text)
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            paragraphs.extend(("", cell.text.strip()) for row in block.rows for cell in row.cells)
        else:
            paragraphs.append((block.style.name if block.style is not None else "", block.text.strip()))
    paragraphs = [(style, text) for style, text in paragraphs if text]
    title = None
    if paragraphs and paragraphs[0][0].startswith(("Title", "Heading")):
        title = paragraphs.pop(0)[1]
    elif document.core_properties.title.strip():
        title = document.core_properties.title.strip()
        if paragraphs and paragraphs[0][1] == title:
            paragraphs.pop(0)
    # Core properties' created/modified are file times (python-docx stamps 2013 on every new file), not a pub date.
    return Extracted(body="\n".join(text for _, text in paragraphs), title=title)


def read_pdf(data: bytes, *, source: str) -> Extracted:
    """The text layer of a PDF, with wrapped lines re-joined into paragraphs."""
    return guard_parser(lambda: _read_pdf(data, source=source), kind="pdf", source=source)


def _read_pdf(data: bytes, *, source: str) -> Extracted:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if len(pdf.pages) > MAX_PDF_PAGES:
            raise TooLarge(f"PDF has {len(pdf.pages)} pages, over the limit of {MAX_PDF_PAGES}; split it into "
                           "smaller PDFs", source=source)
        lines = [line for page in pdf.pages for line in _pdf_page_lines(page)]
    return Extracted(body="\n".join(_join_pdf_lines(lines)))


def _pdf_page_lines(page: pdfplumber.page.Page) -> list[tuple[str, bool, bool]]:
    """(text, starts indented, ends short) for each text line of one page."""
    lines = [line for line in page.extract_text_lines() if line["text"].strip()]
    if not lines:
        return []
    left = min(line["x0"] for line in lines)
    right = max(line["x1"] for line in lines)
    result = []
    for line in lines:
        size = max((char.get("size", 10) for char in line.get("chars", ())), default=10)
        indented = line["x0"] > left + size * 0.9
        short = line["x1"] < right - size * 1.5
        result.append((line["text"].strip(), indented, short))
    return result


def _join_pdf_lines(lines: list[tuple[str, bool, bool]]) -> list[str]:
    """Re-join visual lines: a paragraph ends at a short line or before an indented one."""
    paragraphs: list[str] = []
    current = ""
    for index, (text, _indented, short) in enumerate(lines):
        if current and ASCII_WORD_END_RE.search(current) and ASCII_WORD_START_RE.match(text):
            current += " "
        current += text
        next_indented = index + 1 < len(lines) and lines[index + 1][1]
        if short or next_indented:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def check_unpacked_size(data: bytes, *, kind: str, source: str) -> None:
    """CorruptFile when an Office file is not a zip; TooLarge when it would unpack to more than the limit."""
    unpacked = guard_parser(lambda: _declared_unpacked_size(data), kind=kind, source=source)
    if unpacked > MAX_UNPACKED_BYTES:
        raise TooLarge(f"this {kind} unpacks to {unpacked} bytes, over the limit of {MAX_UNPACKED_BYTES}; split it "
                       "into smaller files", source=source)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:  # opened fine just above; a bomb part is refused unread
        check_zip_ratio(archive.infolist(), source=source)


def _declared_unpacked_size(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(info.file_size for info in archive.infolist())


def guard_parser(opener, *, kind: str, source: str):
    """Run a third-party parser; any failure on damaged input becomes CorruptFile."""
    try:
        return opener()
    except (AnalysisError, ImportError):  # a parser imported lazily and missing is no damaged file
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise CorruptFile(f"this {kind} file is damaged or is not really {kind}; re-save it and try again",
                          source=source) from exc
    except Exception as exc:  # parsers (lxml, pdfminer) raise their own types on garbage; all mean "damaged"
        raise CorruptFile(f"this {kind} file cannot be read ({type(exc).__name__}); re-save it and try again",
                          source=source) from exc
