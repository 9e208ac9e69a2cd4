"""What an ingest reports: one item per article or unreadable source, progress snapshots, the final report."""
from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.errors import next_step


@dataclass(frozen=True)
class IngestItem:
    """What happened to one article (or to one source that failed to load)."""

    source: str
    status: str  # stored | duplicate | updated | error
    article_id: int | None = None
    title: str | None = None
    message: str | None = None
    n_chars: int = 0
    error_type: str | None = None  # the AnalysisError subclass name (InternalError for a bug), to pick a hint


# A message already says what to do when its last "; " part starts with an instruction.
NEXT_STEP_RE = re.compile(
    r"(?:^|;\s*)(?:save|use|split|check|fix|re-?create|re-?save|re-?export|re-?download|choose|name|rename|try|"
    r"retry|open|unpack|convert|write|add|remove|give|please)\b[^;]*$", re.IGNORECASE)


def skip_line(item: IngestItem) -> str:
    """`skipped: <source>: <what is wrong>; <what to do>` on one line, for an item that failed to load."""
    what = " ".join((item.message or "could not be read").split())
    if item.source not in what:
        what = f"{item.source}: {what}"
    if not NEXT_STEP_RE.search(what):
        what = f"{what}; {next_step(item.error_type)}"
    return f"skipped: {what}"


@dataclass(frozen=True)
class IngestProgress:
    """Where an ingest stands; handed to the `progress` callback after every finished task."""

    files_done: int
    files_total: int
    bytes_done: int
    bytes_total: int
    articles: int
    chars: int
    elapsed: float

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta_seconds(self) -> float | None:
        """Remaining time, extrapolated from the bytes of the files done so far."""
        if not self.bytes_done or self.elapsed <= 0:
            return None
        return max(0.0, self.elapsed * (self.bytes_total - self.bytes_done) / self.bytes_done)


@dataclass(frozen=True)
class IngestReport:
    """Every article's outcome (and every unreadable source) of one ingest."""

    items: tuple[IngestItem, ...]
    seconds: float
    files: int = 0
    ignored: int = 0  # files in folders skipped for their hidden name or unsupported type

    def _count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)

    @property
    def stored(self) -> int:
        return self._count("stored")

    @property
    def duplicates(self) -> int:
        return self._count("duplicate")

    @property
    def updated(self) -> int:
        return self._count("updated")

    @property
    def errors(self) -> tuple[IngestItem, ...]:
        return tuple(i for i in self.items if i.status == "error")

    @property
    def n_chars(self) -> int:
        return sum(i.n_chars for i in self.items if i.status != "error")
