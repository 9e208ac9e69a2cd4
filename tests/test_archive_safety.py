"""Archive safety (issue 7): zip entry names never reach the file system; zip bombs and oversize uploads are refused."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from reliability_cases import ARTICLE, TITLE, docx_bytes, zip_bytes

from analysis import limits, loaders
from analysis.corpus_views import ingest_uploads
from analysis.errors import TooLarge
from analysis.loaders import iter_path, load_bytes, load_path
from analysis.pipeline import ingest
from analysis.store import Store

REPO = Path(__file__).resolve().parent.parent
# Names a hostile archive uses to write outside the folder it is unpacked into ("zip slip").
EVIL_NAMES = ("../escaped.txt", "../../escaped2.txt", "a/../../escaped3.txt", "..\\..\\escaped4.txt",
              "C:\\Windows\\escaped5.txt", "./ok/../../escaped6.txt")
ABSOLUTE_NAME = "/tmp/wenyan_zip_slip_{}.txt"


def _article(n: int) -> bytes:
    return f"第{n}篇：{TITLE}\n\n本报讯 第{n}家企业的职工技能比武决赛日前举行，共有{n * 10}名职工参赛。\n".encode()


def _slip_zip(absolute: str) -> bytes:
    names = (*EVIL_NAMES, absolute)
    return zip_bytes({name: _article(i) for i, name in enumerate(names)})


def _tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.fixture
def slip(tmp_path, monkeypatch) -> tuple[Path, Path, Path]:
    """(zip file, working folder it sits in, absolute target) with the working directory inside tmp_path."""
    work = tmp_path / "a" / "b" / "work"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    absolute = Path(ABSOLUTE_NAME.format(os.getpid()))
    absolute.unlink(missing_ok=True)
    archive = work / "slip.zip"
    archive.write_bytes(_slip_zip(str(absolute)))
    return archive, tmp_path, absolute


def _assert_nothing_written(tmp_path: Path, before: set[str], absolute: Path, *, allowed: set[str] = frozenset()):
    assert not absolute.exists()
    created = _tree(tmp_path) - before
    assert {c for c in created if not any(c.startswith(a) for a in allowed)} == set(), created
    assert not any("escaped" in p.name for p in tmp_path.rglob("*"))


def test_zip_slip_names_are_labels_in_load_path(slip):
    archive, root, absolute = slip
    before = _tree(root)
    articles = load_path(archive)
    assert len(articles) == len(EVIL_NAMES) + 1  # every member is read, in memory
    assert all(".." not in a.source and "\\" not in a.source for a in articles)
    assert all(a.source.startswith("slip.zip/") for a in articles)
    _assert_nothing_written(root, before, absolute)


def test_zip_slip_through_iter_path_and_upload(slip):
    archive, root, absolute = slip
    before = _tree(root)
    sources = [source for source, _ in iter_path(archive)]
    assert all(".." not in s for s in sources)
    store = Store(root / "upload.sqlite3")
    rows = ingest_uploads([("slip.zip", archive.read_bytes())], store=store)
    assert [r["status"] for r in rows] == ["stored"] * (len(EVIL_NAMES) + 1)
    _assert_nothing_written(root, before, absolute, allowed={"upload.sqlite3"})


def test_zip_slip_through_cli_ingest(slip):
    archive, root, absolute = slip
    before = _tree(root)
    env = {**os.environ, "WENYAN_LOG_DIR": str(root / "logs"), "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "analysis", "ingest", str(archive), "--db", str(root / "cli.sqlite3"),
                           "--jobs", "1"], cwd=archive.parent, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"stored {len(EVIL_NAMES) + 1},")
    _assert_nothing_written(root, before, absolute, allowed={"cli.sqlite3", "logs"})


# ---- zip bombs ---------------------------------------------------------------------------------------------
def test_high_ratio_member_is_refused_with_default_limits():
    """2 MB of one repeated byte packs ~1000:1; the 100:1 ratio limit refuses it before it is read."""
    bomb = zip_bytes({"bomb.txt": b"\x20" * (2 * limits.MB), "real.txt": ARTICLE.encode()})
    with pytest.raises(TooLarge, match="zip bomb"):
        load_bytes(bomb, "bomb.zip")


def test_bomb_nested_inside_a_zip_is_refused():
    inner = zip_bytes({"bomb.txt": b"0" * (3 * limits.MB)})
    outer = zip_bytes({"inner.zip": inner, "real.txt": ARTICLE.encode()}, level=zipfile.ZIP_STORED)
    outcomes = dict(loaders._iter_zip(outer, "outer.zip", depth=1))
    assert isinstance(outcomes["outer.zip/inner.zip"], TooLarge)
    assert outcomes["outer.zip/real.txt"][0].title == TITLE  # the good member is still read


def test_office_file_bomb_is_refused_before_parsing():
    """A docx carrying a 20 MB part of blanks (ratio ~1000) is refused by the same ratio check."""
    good = docx_bytes([TITLE, "本报讯 职工技能比武决赛日前举行。"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("word/padding.xml", b" " * (20 * limits.MB))
    with pytest.raises(TooLarge, match="zip bomb"):
        load_bytes(buffer.getvalue(), "bomb.docx")


def test_total_uncompressed_size_limit(monkeypatch):
    monkeypatch.setattr(loaders, "MAX_ZIP_TOTAL_BYTES", 100_000)
    archive = zip_bytes({f"{i}.txt": _article(i) * 200 for i in range(5)})  # ~5 x 30 KB, compresses well below 100:1
    with pytest.raises(TooLarge, match="unpacks to more than"):
        load_bytes(archive, "big.zip")


def test_file_count_limit_with_default_limits():
    archive = zip_bytes({f"{i}.txt": b"x" for i in range(limits.MAX_ZIP_MEMBERS + 1)}, level=zipfile.ZIP_STORED)
    with pytest.raises(TooLarge, match="entries"):
        load_bytes(archive, "many.zip")


def test_limits_come_from_environment_variables(tmp_path):
    """WENYAN_MAX_* override the defaults in a new process; bad values fall back to the defaults."""
    archive = tmp_path / "three.zip"
    archive.write_bytes(zip_bytes({f"{i}.txt": _article(i) for i in range(3)}))
    env = {**os.environ, "WENYAN_MAX_ZIP_FILES": "2", "WENYAN_MAX_UPLOAD_MB": "0.5", "WENYAN_MAX_FILE_MB": "abc",
           "WENYAN_MAX_ZIP_RATIO": "-3", "WENYAN_LOG_DIR": str(tmp_path / "logs")}
    code = ("from analysis import limits as l; "
            "print(l.MAX_ZIP_MEMBERS, l.MAX_UPLOAD_BYTES, l.MAX_INPUT_BYTES, l.MAX_ZIP_RATIO, l.MAX_ZIP_TOTAL_BYTES)")
    shown = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert shown.stdout.split() == ["2", str(limits.MB // 2), str(50 * limits.MB), "100", str(512 * limits.MB)]
    done = subprocess.run([sys.executable, "-m", "analysis", "load", str(archive)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and done.stderr.startswith("error: ") and "limit is 2" in done.stderr


def test_documented_defaults():
    assert (limits.MAX_INPUT_BYTES, limits.MAX_UPLOAD_BYTES, limits.MAX_ZIP_TOTAL_BYTES, limits.MAX_ZIP_RATIO,
            limits.MAX_ZIP_MEMBERS) == (50 * limits.MB, 50 * limits.MB, 512 * limits.MB, 100, 2000)
    documented = (REPO / "docs" / "reliability.md").read_text(encoding="utf-8")
    for name in limits.DEFAULTS:
        assert name in documented


# ---- per-upload size -----------------------------------------------------------------------------------------
def test_streamlit_upload_limit_is_set_and_matches_analysis():
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    max_upload_mb = config["server"]["maxUploadSize"]
    assert 0 < max_upload_mb * limits.MB <= limits.MAX_UPLOAD_BYTES


def test_upload_over_the_limit_is_refused_by_analysis_too(tmp_path):
    """A file just over the per-upload limit is refused by the engine even when Streamlit let it through."""
    store = Store(tmp_path / "store.sqlite3")
    line = ARTICLE.encode("utf-8")
    rows = ingest_uploads([("big.txt", line * (limits.MAX_UPLOAD_BYTES // len(line) + 1))], store=store)
    assert [(r["status"], r["error"]) for r in rows] == [("error", "TooLarge")]
    assert store.list_articles() == []


def test_cli_refuses_an_oversize_file_without_reading_it(tmp_path):
    big = tmp_path / "sparse.txt"
    with big.open("wb") as handle:  # a sparse file: its size is over the limit, nothing is written to disk
        handle.truncate(limits.MAX_INPUT_BYTES + 1)
    report = ingest([big], store=Store(tmp_path / "store.sqlite3"), jobs=1)
    assert [e.message for e in report.errors] and "limit" in report.errors[0].message
