"""The demo corpus: the files in demo/ (the seed article and our own), ingested into an empty store on first start."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from analysis.store import Store

REPO_ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = REPO_ROOT / "demo"
DEMO_ENV = "WENYAN_DEMO"
DEMO_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".csv", ".xlsx", ".jsonl", ".zip")


def demo_paths(*, demo_dir: Path = DEMO_DIR) -> list[Path]:
    """Every demo article file, sorted (the seed, 000_…, first); the folder's README is not an article."""
    if not demo_dir.is_dir():
        return []
    return sorted(p for p in demo_dir.iterdir()
                  if p.is_file() and p.suffix.lower() in DEMO_SUFFIXES and not p.stem.upper().startswith("README"))


def demo_enabled() -> bool:
    """WENYAN_DEMO=0 starts the app on an empty store (tests, production installs)."""
    return os.environ.get(DEMO_ENV, "1").strip() not in ("0", "false", "no")


def ensure_demo_corpus(store: Store, *, progress: Callable[[float, str], None] | None = None,
                       demo_dir: Path | None = None) -> int:
    """Ingest the demo corpus when the store holds no article; returns the number of articles stored."""
    if store.counts()["articles"] > 0:
        return 0
    paths = demo_paths(demo_dir=demo_dir or DEMO_DIR)
    if not paths:
        return 0
    from analysis.pipeline import ingest

    def report(state) -> None:
        if progress is not None and state.files_total:
            progress(state.files_done / state.files_total, f"{state.files_done}/{state.files_total}")

    # One process: the demo corpus is small, and worker start-up would cost more than it saves.
    result = ingest([str(p) for p in paths], store=store, jobs=1, progress=report)
    return result.stored
