"""Frozen dataclasses of plain values that flow through the engine (picklable, JSON-able)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """One article. `text` is the display form (no spaces between Chinese words), body only."""

    title: str
    text: str
    source: str
    format: str
    encoding: str | None = None
    subtitle: str | None = None
    kicker: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd when found in the text or metadata
    presegmented: bool = False
    raw_text: str | None = None  # the body as given, when presegmented (spaces kept)
    # Display-text spans of the tokens the author's segmentation gave (presegmented only).
    token_spans: tuple[tuple[int, int], ...] | None = None

    @property
    def n_chars(self) -> int:
        return len(self.text)


@dataclass(frozen=True)
class Token:
    word: str
    start: int
    end: int


@dataclass(frozen=True)
class Section:
    """A span of the display text; title None for the lead before the first heading."""

    title: str | None
    subheading: str | None
    level: int
    parent: int | None  # index of the enclosing section in the same tuple
    start: int
    end: int
    text: str

    @property
    def n_chars(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Keyword:
    word: str
    weight: float
    count: int = 0
    effect_size: float | None = None  # keyness only: log ratio against the reference


@dataclass(frozen=True)
class Statistic:
    """A number the article reports, normalised; `text` is the exact span in the display text."""

    text: str
    start: int
    end: int
    sentence: str
    section: str | None
    value: float
    unit: str
    kind: str  # count | money | percent | percentage_points | multiple | measure
    qualifier: str  # exact | about | more_than | at_least | less_than
    is_target: bool
    subject: str
    is_workforce: bool
    value_max: float | None = None
    spans: tuple[tuple[int, int], ...] = ()  # every mention of the same figure


@dataclass(frozen=True)
class Analysis:
    article: Article
    tokens: tuple[Token, ...]
    sections: tuple[Section, ...]
    keywords: tuple[Keyword, ...]
    statistics: tuple[Statistic, ...]
