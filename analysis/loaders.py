"""The only module that reads files: bytes, files, folders and zips → `Article`s (see formats.py, tables.py)."""
from __future__ import annotations

import io
import os
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from analysis.article_text import build_article, read_plain
from analysis.encoding import decode_bytes, detect_encoding
from analysis.errors import AnalysisError, CorruptFile, EmptyText, InputNotFound, TooLarge, UnsupportedFormat
from analysis.formats import Extracted, read_docx, read_html, read_pdf
# Limits (one file, zip members, zip total, ratio) are configurable: see limits.py for defaults and env vars.
from analysis.limits import MAX_INPUT_BYTES, MAX_ZIP_MEMBERS, MAX_ZIP_TOTAL_BYTES, check_zip_ratio
from analysis.models import Article
from analysis.presegmented import map_span_to_raw, to_display
from analysis.tables import read_csv, read_jsonl, read_xlsx

__all__ = ["detect_encoding", "iter_path", "load_bytes", "load_path", "map_span_to_raw", "to_display"]

MAX_ZIP_DEPTH = 3  # zips inside zips
FORMAT_BY_SUFFIX = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
    ".docx": "docx", ".pdf": "pdf", ".csv": "csv", ".xlsx": "xlsx", ".jsonl": "jsonl", ".zip": "zip",
}
RESAVE_HINTS = {
    ".doc": "save it as .docx", ".xls": "save it as .xlsx", ".wps": "save it as .docx", ".rtf": "save it as .docx",
    ".json": "use JSON Lines (.jsonl, one object per line)", ".tsv": "save it as .csv",
}
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
            raise EmptyText("the archive holds no readable articles; check that it holds .txt .md .html .docx .pdf "
                            ".csv .xlsx or .jsonl files", source=filename)
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
        return [read_plain(text, encoding=encoding, markdown=fmt == "md")]
    if fmt in ("csv", "xlsx", "jsonl"):
        reader = {"csv": read_csv, "xlsx": read_xlsx, "jsonl": read_jsonl}[fmt]
        return reader(data, source=source, text_column=text_column, title_column=title_column)
    reader = {"html": read_html, "docx": read_docx, "pdf": read_pdf}[fmt]
    return [reader(data, source=source)]


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
                    yield label, TooLarge(f"archives nested more than {MAX_ZIP_DEPTH} deep; unpack the inner "
                                          "archives and zip the files again", source=label)
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
