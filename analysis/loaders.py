"""The only module that reads files: bytes, files, folders and zips → `Article`s (see formats.py, tables.py)."""
from __future__ import annotations

import io
import os
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from analysis.encoding import decode_bytes, detect_encoding
from analysis.errors import AnalysisError, CorruptFile, EmptyText, InputNotFound, TooLarge, UnsupportedFormat
from analysis.formats import Extracted, parse_date, read_docx, read_html, read_pdf
from analysis.layout import find_layout, settle_title
# Limits (one file, zip members, zip total, ratio) are configurable: see limits.py for defaults and env vars.
from analysis.limits import MAX_INPUT_BYTES, MAX_ZIP_MEMBERS, MAX_ZIP_TOTAL_BYTES, check_zip_ratio
from analysis.models import Article
from analysis.presegmented import display_text, is_presegmented, map_span_to_raw, to_display
from analysis.tables import read_csv, read_jsonl, read_xlsx

__all__ = ["detect_encoding", "iter_path", "load_bytes", "load_path", "map_span_to_raw", "to_display"]

MAX_ZIP_DEPTH = 3  # zips inside zips
MAX_TITLE_CHARS = 80  # a longer first line is a paragraph, not a title
FORMAT_BY_SUFFIX = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
    ".docx": "docx", ".pdf": "pdf", ".csv": "csv", ".xlsx": "xlsx", ".jsonl": "jsonl", ".zip": "zip",
}
RESAVE_HINTS = {
    ".doc": "save it as .docx", ".xls": "save it as .xlsx", ".wps": "save it as .docx", ".rtf": "save it as .docx",
    ".json": "use JSON Lines (.jsonl, one object per line)", ".tsv": "save it as .csv",
}
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
ZIP_UTF8_FLAG = 0x800
PATH_SEPARATOR_RE = re.compile(r"[\\/]")  # member names are labels: "..", "/" and drive roots never reach a path
SKIPPED_NAME_PREFIXES = (".", "~$", "__MACOSX")


def load_bytes(data: bytes, filename: str, *, text_column: str | None = None, title_column: str | None = None,
               max_bytes: int = MAX_INPUT_BYTES) -> list[Article]:
    """Load every article in one file's bytes; the extension of `filename` picks the reader."""
    if len(data) > max_bytes:
        raise TooLarge(f"{len(data)} bytes is over the {max_bytes}-byte limit; split the file", source=filename)
    fmt = format_of(filename)
    if fmt == "zip":
        articles = []
        for _, loaded in _iter_zip(data, filename, depth=1, text_column=text_column, title_column=title_column):
            if isinstance(loaded, AnalysisError):
                raise loaded
            articles.extend(loaded)
        if not articles:
            raise EmptyText("the archive holds no readable articles", source=filename)
        return articles
    extracted = _extract(data, fmt, source=filename, text_column=text_column, title_column=title_column)
    articles = [build_article(item, source=filename + item.locator, fmt=fmt) for item in extracted]
    articles = [article for article in articles if article.text]
    if not articles:
        raise EmptyText("no text found; the file is empty or holds only white space; check that you chose the "
                        "right file", source=filename)
    return articles


def format_of(filename: str) -> str:
    """The format name for a file name; UnsupportedFormat (with what to do) for anything else."""
    suffix = PurePosixPath(filename.replace("\\", "/")).suffix.lower()
    if suffix in FORMAT_BY_SUFFIX:
        return FORMAT_BY_SUFFIX[suffix]
    hint = RESAVE_HINTS.get(suffix, "use .txt .md .html .docx .pdf .csv .xlsx .jsonl or .zip")
    raise UnsupportedFormat(f"{suffix or 'no extension'} files are not supported; {hint}", source=filename)


def _extract(data: bytes, fmt: str, *, source: str, text_column: str | None,
             title_column: str | None) -> list[Extracted]:
    if fmt in ("txt", "md"):
        text, encoding = decode_bytes(data, source=source)
        return [_read_plain(text, encoding=encoding, markdown=fmt == "md")]
    if fmt in ("csv", "xlsx", "jsonl"):
        reader = {"csv": read_csv, "xlsx": read_xlsx, "jsonl": read_jsonl}[fmt]
        return reader(data, source=source, text_column=text_column, title_column=title_column)
    reader = {"html": read_html, "docx": read_docx, "pdf": read_pdf}[fmt]
    return [reader(data, source=source)]


def _read_plain(text: str, *, encoding: str, markdown: bool) -> Extracted:
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


def load_path(path: str | os.PathLike[str]) -> list[Article]:
    """Every article under a file, folder or zip; the first bad file raises (use iter_path to skip bad files)."""
    articles: list[Article] = []
    for _, loaded in iter_path(path):
        if isinstance(loaded, AnalysisError):
            raise loaded
        articles.extend(loaded)
    if not articles:
        raise EmptyText(f"{path}: no readable articles found", source=str(path))
    return articles


def iter_path(path: str | os.PathLike[str]) -> Iterator[tuple[str, list[Article] | AnalysisError]]:
    """Yield (source, articles or the error) for each file (and zip member) under a path; never raises AnalysisError.

    In folders and archives, hidden files and files of unsupported types are skipped silently; a path named
    directly is always reported.
    """
    root = Path(path)
    if not root.exists():
        yield str(path), InputNotFound(f"{path}: no such file or folder; check the path", source=str(path))
        return
    if root.is_file():
        yield from _iter_file(root, root.name, explicit=True)
        return
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(SKIPPED_NAME_PREFIXES))
        for name in sorted(files):
            if name.startswith(SKIPPED_NAME_PREFIXES):
                continue
            file = Path(folder, name)
            yield from _iter_file(file, f"{root.name}/{file.relative_to(root).as_posix()}", explicit=False)


def _iter_file(file: Path, source: str, *, explicit: bool) -> Iterator[tuple[str, list[Article] | AnalysisError]]:
    try:
        fmt = format_of(file.name)
    except UnsupportedFormat as exc:
        if explicit:
            yield source, exc
        return
    try:
        size = file.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise TooLarge(f"{size} bytes is over the {MAX_INPUT_BYTES}-byte limit; split the file", source=source)
        data = file.read_bytes()
    except OSError as exc:
        yield source, InputNotFound(f"{source}: cannot be read ({exc.strerror}); check permissions", source=source)
        return
    except AnalysisError as exc:
        yield source, exc
        return
    if fmt == "zip":
        yield from _iter_zip(data, source, depth=1)
        return
    yield source, _load_or_error(data, source)


def _load_or_error(data: bytes, source: str, **options: str | None) -> list[Article] | AnalysisError:
    try:
        return load_bytes(data, source, **options)
    except AnalysisError as exc:
        return exc


def _iter_zip(data: bytes, archive: str, *, depth: int, **options: str | None,
              ) -> Iterator[tuple[str, list[Article] | AnalysisError]]:
    """Members of a zip, read in memory (names are labels only, never paths on disk)."""
    try:
        members = _zip_members(data, archive)
    except AnalysisError as exc:
        yield archive, exc
        return
    with zipfile.ZipFile(io.BytesIO(data)) as archive_file:
        for info, label in members:
            try:
                member = _read_member(archive_file, info, label)
            except AnalysisError as exc:
                yield label, exc
                continue
            if format_of(label) == "zip":
                if depth >= MAX_ZIP_DEPTH:
                    yield label, TooLarge(f"archives nested more than {MAX_ZIP_DEPTH} deep", source=label)
                else:
                    yield from _iter_zip(member, label, depth=depth + 1, **options)
                continue
            yield label, _load_or_error(member, label, **options)


def _zip_members(data: bytes, archive: str) -> list[tuple[zipfile.ZipInfo, str]]:
    """Readable members with their labels; CorruptFile / TooLarge for a damaged or oversized archive."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive_file:
            infos = archive_file.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise CorruptFile("the zip archive is damaged or truncated; re-create it", source=archive) from exc
    if len(infos) > MAX_ZIP_MEMBERS:
        raise TooLarge(f"archive holds {len(infos)} entries; the limit is {MAX_ZIP_MEMBERS}; split it into "
                       "smaller archives", source=archive)
    if sum(info.file_size for info in infos) > MAX_ZIP_TOTAL_BYTES:
        raise TooLarge(f"archive unpacks to more than {MAX_ZIP_TOTAL_BYTES} bytes; split it", source=archive)
    check_zip_ratio(infos, source=archive)
    members = []
    for info in sorted(infos, key=lambda item: item.filename):
        parts = [p for p in PATH_SEPARATOR_RE.split(_member_name(info)) if p not in ("", ".", "..")]
        if info.is_dir() or not parts or any(p.startswith(SKIPPED_NAME_PREFIXES) for p in parts):
            continue
        label = f"{archive}/{'/'.join(parts)}"
        try:
            format_of(label)
        except UnsupportedFormat:
            continue
        members.append((info, label))
    return members


def _member_name(info: zipfile.ZipInfo) -> str:
    """Zips made on Chinese Windows store GBK names without the UTF-8 flag; zipfile reads them as cp437."""
    if info.flag_bits & ZIP_UTF8_FLAG:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _read_member(archive_file: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> bytes:
    try:
        with archive_file.open(info) as stream:
            member = stream.read(MAX_INPUT_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise CorruptFile(f"this archive entry is damaged ({exc}); re-create the archive", source=label) from exc
    if len(member) > MAX_INPUT_BYTES:
        raise TooLarge(f"entry is over the {MAX_INPUT_BYTES}-byte limit; split it", source=label)
    return member
