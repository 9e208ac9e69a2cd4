"""The command line as users run it: real subprocesses, exit codes, one-line errors, output shapes."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "demo" / "000_9d4a661cd42be132.txt"
SEED_SECTIONS = [None, "关键词“向心力”", "关键词“全链条”", "关键词“加速度”", "关键词“服务圈”"]
CJK_SPACE_CJK = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]")
ARTICLE_A = "就业局发布会介绍新就业形态劳动者权益保障工作\n\n今年以来，全市新增城镇就业12万人，开展职业技能培训3.5万人次。\n\n下一步将继续推进零工市场建设。"
ARTICLE_B = "区总工会开展送温暖活动\n\n春节前夕，区总工会走访慰问困难职工860户，发放慰问金258万元。\n\n工会干部深入企业一线倾听职工诉求。"



def run(*args: str, db: Path | None = None, cwd: Path = REPO) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO), WENYAN_LOG_DIR=str(Path(tempfile.gettempdir()) / "wenyan-test-logs"))
    if db is not None:
        env["WENYAN_DB"] = str(db)
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def assert_one_line_error(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t\u3000\n", encoding="utf-8")
    (folder / "random.txt").write_bytes(bytes(range(256)) * 8 + os.urandom(2048))
    (folder / "notes.xyz").write_text("正文", encoding="utf-8")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 this is not a real docx")
    (folder / "empty_folder").mkdir()
    return {p.name: p for p in folder.iterdir()} | {"missing.txt": folder / "missing.txt"}


@pytest.mark.parametrize("command", ["load", "sections", "stats", "keywords"])
@pytest.mark.parametrize("name", ["empty.txt", "blank.txt", "random.txt", "notes.xyz", "broken.docx",
                                  "missing.txt", "empty_folder"])
def test_bad_input_gives_one_error_line(bad_inputs: dict[str, Path], command: str, name: str) -> None:
    assert_one_line_error(run(command, str(bad_inputs[name])))


@pytest.mark.parametrize("args", [[], ["load"], ["frobnicate", "x"], ["keywords", "x", "--method", "lda"],
                                  ["keywords", "x", "--top", "0"], ["load", "x", "--format", "xml"],
                                  ["ingest", "x", "--jobs", "-1"]])
def test_bad_usage_exits_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2 and "usage:" in result.stderr and "Traceback" not in result.stderr


def test_load_seed() -> None:
    result = run("load", str(SEED), "--format", "json")
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    assert {"title", "subtitle", "date", "text", "source", "format", "encoding", "presegmented",
            "n_chars"} <= set(article)
    assert article["title"] == "由量大到质强 成都600万产业工人进阶"
    assert article["subtitle"] and "原标题" in article["subtitle"]
    assert article["presegmented"] is True and article["format"] == "txt"
    assert article["n_chars"] == len(article["text"]) > 2000
    assert "一字之差600万产业工人" in article["text"]
    assert len(CJK_SPACE_CJK.findall(article["text"])) <= 2  # only a byline keeps a space (记者 侯初)


def test_load_a_file_with_several_articles(tmp_path: Path) -> None:
    lines = [{"title": "甲", "text": ARTICLE_A}, {"title": "乙", "text": ARTICLE_B}]
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    result = run("load", str(path))
    assert result.returncode == 0, result.stderr
    assert [a["title"] for a in json.loads(result.stdout)] == ["甲", "乙"]
    table = run("load", str(path), "--format", "table").stdout.splitlines()
    assert table[0].split("\t")[0] == "title" and len(table) == 3


def test_sections_seed() -> None:
    result = run("sections", str(SEED), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["title"] for s in data["sections"]] == SEED_SECTIONS
    assert all(s["subheading"] for s in data["sections"][1:])
    for s in data["sections"]:
        assert set(s) == {"title", "subheading", "level", "parent", "start", "end", "n_chars"}
        assert s["n_chars"] == s["end"] - s["start"] > 0


def test_keywords_json_csv_and_by_section() -> None:
    result = run("keywords", str(SEED), "--method", "freq", "--top", "5")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["method"] == "freq" and len(data["keywords"]) == 5
    assert [k["weight"] for k in data["keywords"]] == sorted((k["weight"] for k in data["keywords"]), reverse=True)
    assert all(k["count"] >= 1 for k in data["keywords"])
    assert any("产业工人" in k["word"] for k in data["keywords"])  # the seed's subject, ~40 mentions
    by_section = json.loads(run("keywords", str(SEED), "--by-section", "--method", "keyness", "--top", "3").stdout)
    assert [s["title"] for s in by_section["sections"]] == SEED_SECTIONS
    assert all("effect_size" in k for s in by_section["sections"] for k in s["keywords"])
    rows = list(csv.reader(io.StringIO(run("keywords", str(SEED), "--format", "csv", "--top", "4").stdout)))
    assert rows[0] == ["article", "section", "rank", "word", "weight", "count", "effect_size"]
    assert [r[2] for r in rows[1:]] == ["1", "2", "3", "4"]


def test_keyness_of_a_single_article_needs_a_corpus(tmp_path: Path) -> None:
    assert_one_line_error(run("keywords", str(SEED), "--method", "keyness", db=tmp_path / "none.sqlite3"))


def test_stats_seed() -> None:
    result = run("stats", str(SEED))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "由量大到质强 成都600万产业工人进阶" and data["statistics"]
    fields = {"text", "start", "end", "sentence", "section", "value", "value_max", "unit", "kind", "qualifier",
              "is_target", "subject", "is_workforce", "spans"}
    assert all(set(s) == fields for s in data["statistics"])
    workforce = json.loads(run("stats", str(SEED), "--workforce-only").stdout)["statistics"]
    assert workforce and all(s["is_workforce"] for s in workforce) and len(workforce) < len(data["statistics"])
    rows = list(csv.DictReader(io.StringIO(run("stats", str(SEED), "--format", "csv").stdout)))
    assert len(rows) == len(data["statistics"]) and rows[0]["article"] == data["title"]


def test_ingest_list_and_reingest(tmp_path: Path, bad_inputs: dict[str, Path]) -> None:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(ARTICLE_B, encoding="gb18030")
    for name in ("empty.txt", "random.txt", "broken.docx"):
        (folder / name).write_bytes(bad_inputs[name].read_bytes())
    db = tmp_path / "db" / "w.sqlite3"
    first = run("ingest", str(folder), str(SEED), "--db", str(db))
    assert first.returncode == 0, first.stderr
    skipped = [line for line in first.stderr.splitlines() if line.startswith("skipped: ")]
    assert len(skipped) == 3 and all(n in first.stderr for n in ("empty.txt", "random.txt", "broken.docx"))
    assert "Traceback" not in first.stderr and "articles/s" in first.stderr and "ETA" in first.stderr
    assert first.stdout.startswith("stored 3, duplicates 0, updated 0, errors 3;")
    listed = json.loads(run("list", "--db", str(db)).stdout)
    assert sorted(a["title"] for a in listed) == sorted(["就业局发布会介绍新就业形态劳动者权益保障工作",
                                                         "区总工会开展送温暖活动", "由量大到质强 成都600万产业工人进阶"])
    assert {"id", "title", "date", "n_chars", "n_sections", "n_statistics", "n_workforce"} <= set(listed[0])
    keyness = run("keywords", str(SEED), "--method", "keyness", "--top", "3", "--db", str(db))
    assert keyness.returncode == 0, keyness.stderr  # the seed against the two other stored articles
    ranked = json.loads(keyness.stdout)["keywords"]
    assert "产业工人" in [k["word"] for k in ranked] and all("effect_size" in k for k in ranked)
    again = run("ingest", str(folder), str(SEED), "--db", str(db), "--jobs", "1")
    assert again.returncode == 0 and again.stdout.startswith("stored 0, duplicates 3,")
    assert json.loads(run("list", "--db", str(db)).stdout) == listed


def test_ingest_of_only_bad_files_fails_but_keeps_the_store(tmp_path: Path, bad_inputs: dict[str, Path]) -> None:
    db = tmp_path / "w.sqlite3"
    assert run("ingest", str(SEED), "--db", str(db)).returncode == 0
    before = run("list", "--db", str(db)).stdout
    result = run("ingest", str(bad_inputs["empty.txt"]), str(bad_inputs["missing.txt"]), "--db", str(db))
    assert result.returncode == 1
    last = result.stderr.splitlines()[-1]
    assert last.startswith("error: ") and "Traceback" not in result.stderr
    assert run("list", "--db", str(db)).stdout == before


def test_list_table_and_env_db(tmp_path: Path) -> None:
    db = tmp_path / "env.sqlite3"
    assert run("ingest", str(SEED), db=db).returncode == 0
    table = run("list", "--format", "table", db=db).stdout.splitlines()
    assert table[0].split("\t")[:2] == ["id", "title"] and table[1].split("\t")[1].startswith("由量大到质强")


@pytest.mark.parametrize("command", [["list"], ["ingest", str(SEED)], ["keywords", str(SEED)]])
def test_a_database_that_cannot_be_opened_is_one_error_line(tmp_path: Path, command: list[str]) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(os.urandom(4096))
    assert_one_line_error(run(*command, "--db", str(junk)))
    if command[0] != "keywords":  # keywords only reads a store that exists as a file; a folder is ignored
        assert_one_line_error(run(*command, "--db", str(tmp_path)))


def test_an_unexpected_exception_is_one_line_and_logged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture) -> None:
    from analysis import cli

    def broken(args) -> int:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(cli, "cmd_list", broken)
    monkeypatch.setenv("WENYAN_LOG_DIR", str(tmp_path / "logs"))
    assert cli.main(["list", "--db", str(tmp_path / "w.sqlite3")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: internal error (RuntimeError: boom second line)")
    assert "Traceback" not in err and "Traceback" in (tmp_path / "logs" / "wenyan-cli.log").read_text()
