"""Helpers for the per-page AppTests: a demo-corpus store built once, copied per test, and a page runner."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parent.parent
APP = str(REPO / "app.py")
TIMEOUT = 120


def build_demo_store(folder: Path) -> Path:
    """A store holding the demo corpus (seed + demo/), checkpointed so the single file can be copied."""
    from analysis.demo import ensure_demo_corpus
    from analysis.store import Store

    path = folder / "demo.sqlite3"
    ensure_demo_corpus(Store(path))
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def uploaded_store(path: Path, files: list[tuple[str, bytes]], *, user_words: tuple[str, ...] = ()) -> Path:
    """A store at `path` filled through the upload path (every file must be stored), checkpointed to one file."""
    from analysis.corpus_views import ingest_uploads
    from analysis.store import Store

    store = Store(path)
    store.add_user_words(user_words)
    rows = ingest_uploads(files, store=store)
    assert [r["status"] for r in rows] == ["stored"] * len(files), rows
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def copy_store(template: Path, folder: Path) -> Path:
    """A private copy of the template store for one test."""
    target = folder / "wenyan.sqlite3"
    shutil.copyfile(template, target)
    return target


def run_page(name: str, db: Path, monkeypatch, **query: str) -> AppTest:
    """Run app.py on `pages/<name>.py` against the store at `db`, with URL query parameters."""
    monkeypatch.setenv("WENYAN_DB", str(db))
    monkeypatch.setenv("WENYAN_BUILD_FONT", "0")  # the e2e fixture builds the web font; AppTests don't need it
    app = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in query.items():
        app.query_params[key] = value
    app.switch_page(f"pages/{name}.py")
    app.run()
    return app


def texts(app: AppTest) -> str:
    """All visible text of the common elements, joined (for 'key element present' checks)."""
    parts = [e.value for kind in ("title", "subheader", "caption", "markdown", "info", "warning", "success")
             for e in getattr(app, kind)]
    return "\n".join(str(p) for p in parts)


def assert_clean(app: AppTest) -> None:
    """No exception element and no error box (the error boundary's crash message included)."""
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo-corpus store, built once per test process (modules importing this fixture share the file)."""
    folder = tmp_path_factory.getbasetemp() / "wenyan_demo_store"
    ready = folder / "demo.sqlite3"
    if not ready.exists():
        folder.mkdir(exist_ok=True)
        build_demo_store(folder)
    return ready


@pytest.fixture
def demo_db(demo_template, tmp_path) -> Path:
    """A private copy of the demo store for one test."""
    return copy_store(demo_template, tmp_path)
