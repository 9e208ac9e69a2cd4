"""Detect the text encoding of uploaded bytes: BOMs, strict UTF-8, then Chinese-aware candidates."""
from __future__ import annotations

import codecs
import logging

import charset_normalizer

from analysis.errors import DecodeFailed, UnsupportedFormat
from analysis.plausibility import COMMON_CHARS, mostly_binary, plausibility

__all__ = ["COMMON_CHARS", "decode_bytes", "decode_cut", "detect_encoding", "normalize_encoding_name",
           "plausibility", "sniff_binary"]

logger = logging.getLogger(__name__)

# Order matters: the UTF-32-LE BOM starts with the UTF-16-LE BOM.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings tried (strictly) when the bytes are neither BOM-marked nor UTF-8. GB18030 covers GBK and GB2312.
CANDIDATE_ENCODINGS = ("gb18030", "big5", "utf-16-le", "utf-16-be")
# Magic numbers of binary files people rename to .txt by mistake (or that are not text at all).
BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or docx/xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc/.xls)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"RIFF", "a media file"),
    (b"OggS", "a media file"),
    (b"ID3", "an MP3 file"),
)
# What to do with each kind of binary file (what is wrong is already in the message: "content is a PNG image").
DEFAULT_BINARY_HINT = "choose the article file instead (.txt .md .html .docx .pdf .csv .xlsx .jsonl or .zip)"
BINARY_HINTS = {
    "a PDF document": "rename it to .pdf and try again",
    "a zip archive (or docx/xlsx)": "rename it to .docx, .xlsx or .zip to match its content and try again",
    "an old Office document (.doc/.xls)": "open it in Word or Excel, save it as .docx or .xlsx and try again",
    "a gzip archive": "unpack it, or pack the files as a .zip, and try again",
    "a 7z archive": "unpack it, or pack the files as a .zip, and try again",
    "a RAR archive": "unpack it, or pack the files as a .zip, and try again",
}
GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030"})
SAMPLE_CHARS = 200_000  # charset-normalizer sees a prefix so 5 MB inputs stay fast
NUL_SHARE_FOR_WIDE = 0.10  # this many NUL bytes suggests BOM-less UTF-16/32, not UTF-8
# Legacy encodings a UTF-8 file can be mixed with, line by line (UTF-16/32 cannot share lines with UTF-8).
MIXED_ENCODINGS = ("gb18030", "big5")
LINE_SAMPLE_CHARS = 400  # a line's UTF-8 reading is judged on its start, so long files stay fast
# GBK/Big5 bytes pass as UTF-8 only by chance in short runs (a lone 斯 is CB B9, UTF-8 for "˹"); a line with this
# many continuation bytes (8 CJK characters) that is valid UTF-8 is UTF-8, and is not scored line by line.
SURE_UTF8_EXTRA_BYTES = 16
# Decoding errors that mean "the bytes ended inside a character"; a character is at most 4 bytes long.
CUT_REASONS = frozenset({"unexpected end of data", "incomplete multibyte sequence", "truncated data"})
MAX_CUT_BYTES = 3


def sniff_binary(data: bytes) -> str | None:
    """Name the binary file type the bytes start with, or None when they look like text."""
    head = data[:16]
    for signature, name in BINARY_SIGNATURES:
        if head.startswith(signature):
            return name
    return None


def detect_encoding(data: bytes) -> str:
    """The codec name for these bytes; DecodeFailed when none is plausible, UnsupportedFormat for binary files."""
    return decode_bytes(data)[1]


def decode_bytes(data: bytes, *, source: str | None = None, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes to text and name the encoding found (BOM, UTF-8, declared charset, GB18030, Big5, UTF-16 …).

    A last character cut short (a truncated download) is dropped; a file pasted together from UTF-8 and
    GB18030/Big5 lines is decoded line by line and reported as "mixed: utf-8+gb18030".
    """
    kind = sniff_binary(data)
    if kind is not None:
        raise UnsupportedFormat(f"content is {kind}, not text; {BINARY_HINTS.get(kind, DEFAULT_BINARY_HINT)}",
                                source=source)
    for bom, name in BOMS:
        if data.startswith(bom):
            return _decode_marked(data, name, source=source)
    if data and not data.strip(b"\x00"):
        raise DecodeFailed("content is only NUL bytes (a wiped or unfinished file), not text; check that you chose "
                           "the right file", source=source)
    found = None
    if data.count(0) <= len(data) * NUL_SHARE_FOR_WIDE:
        found = _decode_utf8(data, source=source)
    if found is None and declared:
        found = _decode_declared(data, declared)
    if found is None:
        found = _best_decoding(data, CANDIDATE_ENCODINGS)
    if found is None:
        found = _normalizer_guess(data)
    if found is None:
        raise DecodeFailed(_undecodable_message(data), source=source)
    return found[1], found[2]


def decode_cut(data: bytes, encoding: str) -> str:
    """Strict decoding that forgives only a last character cut short (a download or copy stopped mid-character)."""
    if encoding == "utf-8-sig" and data.startswith(codecs.BOM_UTF8):
        data, encoding = data[len(codecs.BOM_UTF8):], "utf-8"  # so that error offsets index `data`
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.reason not in CUT_REASONS or exc.end != len(data) or len(data) - exc.start > MAX_CUT_BYTES:
            raise
        return data[: exc.start].decode(encoding)


def _decode_marked(data: bytes, encoding: str, *, source: str | None) -> tuple[str, str]:
    """Bytes with a byte-order mark: that encoding, or UTF-8 and legacy lines mixed after a UTF-8 mark."""
    try:
        return decode_cut(data, encoding), encoding
    except UnicodeDecodeError as exc:
        mixed = _decode_mixed(data[len(codecs.BOM_UTF8):]) if encoding == "utf-8-sig" else None
        if mixed is not None:
            return mixed[1], mixed[2]
        raise DecodeFailed(
            f"the file starts with a {encoding} byte-order mark but byte {exc.start} is not valid {encoding}, so "
            "it is damaged; re-save it as UTF-8 and try again", source=source, encoding=encoding
        ) from exc


def _decode_utf8(data: bytes, *, source: str | None) -> tuple[float, str, str] | None:
    """UTF-8 (a cut last character forgiven), else UTF-8 lines mixed with legacy lines, else None."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = decode_cut(data, "utf-8")
        except UnicodeDecodeError:
            return _decode_mixed(data)
        logger.info("UTF-8 text ends inside a character (a truncated file): the cut character is dropped")
    if mostly_binary(text.replace("\x00", "")):  # stray NUL bytes in real text are dropped later, like a BOM
        raise DecodeFailed("content looks binary (control characters), not text; check that you chose the right "
                           "file", source=source)
    return 1.0, text, "utf-8"


def _decode_mixed(data: bytes) -> tuple[float, str, str] | None:
    """A file pasted together from UTF-8 lines and GB18030/Big5 lines: each line decoded in its own encoding.

    Only when some non-ASCII lines read as UTF-8 (better than as a legacy encoding) and the others, decoded
    together, read as one plausible legacy encoding. Byte 0x0A never occurs inside a GBK, GB18030 or Big5
    character, so splitting the bytes at newlines never cuts a character.
    """
    lines = data.split(b"\n")
    utf8: dict[int, str] = {}
    for index, line in enumerate(lines):
        text = None if line.isascii() else _as_utf8(line)
        if text is not None:
            utf8[index] = text
    legacy = [index for index, line in enumerate(lines) if index not in utf8 and not line.isascii()]
    if not utf8 or not legacy or plausibility("\n".join(utf8.values())) is None:
        return None
    found = _best_decoding(b"\n".join(lines[index] for index in legacy), MIXED_ENCODINGS)
    if found is None:
        return None
    score, legacy_text, encoding = found
    decoded = utf8 | dict(zip(legacy, legacy_text.split("\n")))
    text = "\n".join(decoded[index] if index in decoded else line.decode("ascii") for index, line in enumerate(lines))
    return score, text, f"mixed: utf-8+{encoding}"


def _as_utf8(line: bytes) -> str | None:
    """The line decoded as UTF-8 when it is valid UTF-8 and, if short, reads better so than in a legacy encoding."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if len(line) - len(text) >= SURE_UTF8_EXTRA_BYTES:
        return text
    sample = text[:LINE_SAMPLE_CHARS]
    score = plausibility(sample)
    if score is None:
        return None
    rival = _best_decoding(sample.encode("utf-8"), MIXED_ENCODINGS)
    return text if rival is None or score >= rival[0] else None


def _undecodable_message(data: bytes) -> str:
    """Why no encoding fits: say where UTF-8 text breaks off when the file starts as UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start].decode("utf-8")
        if not head.isascii():
            line = head.count("\n") + 1
            return (f"the text is UTF-8 up to byte {exc.start} (line {line}) but not after it, and no other encoding "
                    "fits: the file is damaged or mixes encodings; re-save it as UTF-8 and try again")
    return "cannot recognise the text encoding; save the file as UTF-8 and try again"


def normalize_encoding_name(name: str) -> str:
    """Canonical codec name; the GB family is reported (and decoded) as its superset gb18030."""
    canonical = codecs.lookup(name).name
    return "gb18030" if canonical in GB_FAMILY else canonical


def _decode_declared(data: bytes, declared: str) -> tuple[float, str, str] | None:
    """Honour a charset the document declares (HTML meta) when the bytes agree with it."""
    try:
        encoding = normalize_encoding_name(declared)
        text = decode_cut(data, encoding)
    except (LookupError, UnicodeDecodeError):
        return None
    return None if mostly_binary(text) else (1.0, text, encoding)


def _best_decoding(data: bytes, encodings: tuple[str, ...]) -> tuple[float, str, str] | None:
    """(score, text, encoding) of the most plausible strict decoding among `encodings`, or None."""
    best: tuple[float, str, str] | None = None
    for encoding in encodings:
        try:
            text = decode_cut(data, encoding)
        except UnicodeDecodeError:
            continue
        score = plausibility(text, encoding=encoding)
        if score is not None and (best is None or score > best[0]):
            best = (score, text, encoding)
    return best


def _normalizer_guess(data: bytes) -> tuple[float, str, str] | None:
    """Ask charset-normalizer for anything else (Latin-1 notes, Shift-JIS …), with the same plausibility check."""
    match = charset_normalizer.from_bytes(data[: SAMPLE_CHARS * 2]).best()
    if match is None or match.encoding is None:
        return None
    try:
        text = data.decode(match.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    score = plausibility(text)
    return None if score is None else (score, text, match.encoding)


