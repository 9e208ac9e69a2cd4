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
