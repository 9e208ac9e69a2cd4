"""Typed errors raised by the engine; pages and the CLI turn them into one sentence."""
from __future__ import annotations


class AnalysisError(Exception):
    """Base class: a problem with the user's input, not a bug."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source


class UnsupportedFormat(AnalysisError):
    """The file's type is not one WenYan reads (or its content does not match its name)."""


class DecodeFailed(AnalysisError):
    """The bytes could not be decoded as text in any supported encoding."""

    def __init__(self, message: str, *, source: str | None = None, encoding: str | None = None) -> None:
        super().__init__(message, source=source)
        self.encoding = encoding


class EmptyText(AnalysisError):
    """The input holds no readable text."""


class CorruptFile(AnalysisError):
    """A container format (docx, xlsx, pdf, zip) is damaged or truncated."""


class TooLarge(AnalysisError):
    """The input exceeds a configured size, count or ratio limit."""


class MissingColumn(AnalysisError):
    """A table has no column that can serve as the article text."""


class InputNotFound(AnalysisError):
    """A path given on the command line does not exist."""


# What to do about an error, by class name: a CLI `error:` line and an ingest `skipped:` line end with this when
# the engine's message does not already say what to do (cli.error_message, ingest_report.skip_line).
NEXT_STEPS = {
    "InputNotFound": "check the path and try again",
    "UnsupportedFormat": "convert it to .txt .md .html .docx .pdf .csv .xlsx or .jsonl and try again",
    "DecodeFailed": "save it as UTF-8 and try again",
    "EmptyText": "check that it is the right file (a file without text is never stored)",
    "CorruptFile": "re-export or re-download it and try again",
    "TooLarge": "split it into smaller files and try those",
    "MissingColumn": "name the text column 正文 or text (the title column 标题 or title) and try again",
    "InternalError": "please report it with the file attached (a bug in WenYan, not a problem with the file)",
}
DEFAULT_NEXT_STEP = "fix the file and try again"


def next_step(error_type: str | None) -> str:
    """What the user can do about an error of this class name (a sentence in the CLI's language, English)."""
    return NEXT_STEPS.get(error_type or "", DEFAULT_NEXT_STEP)
