"""The README's command-line section cannot drift: every example runs and its output keeps the documented shape."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.cli import build_parser

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
SEED = REPO / "demo" / "000_9d4a661cd42be132.txt"
CLI_HEADING = re.compile(r"^## 命令行.*$", re.MULTILINE)
NEXT_HEADING = re.compile(r"^## ", re.MULTILINE)
FENCE = re.compile(r"^```(?P<lang>\w*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
ELLIPSIS = "…"


def cli_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = CLI_HEADING.search(text)
    assert start, "README.md has no '## 命令行' section"
    end = NEXT_HEADING.search(text, start.end())
    return text[start.end(): end.start() if end else len(text)]


def examples() -> list[tuple[str, str, str]]:
    """(command, output language, documented output) for each console block followed by an output block."""
    blocks = [(m["lang"], m["body"]) for m in FENCE.finditer(cli_section())]
    found = []
    for (lang, body), following in zip(blocks, blocks[1:] + [("", "")]):
        if lang == "console":
            [line] = [ln for ln in body.splitlines() if ln.strip()]
            assert line.startswith("$ python -m analysis "), line
            assert following[0] in ("json", "text", "csv"), f"no output block after {line}"
            found.append((line[2:], following[0], following[1]))
    return found


def matches_shape(documented: object, real: object) -> bool:
    """Same keys and value types; null is a wildcard (nullable fields); every real list item looks like the first."""
    if documented is None or real is None:
        return not isinstance(documented, (dict, list)) and not isinstance(real, (dict, list)) or documented == real
    if isinstance(documented, dict):
        return isinstance(real, dict) and set(documented) == set(real) and all(
            matches_shape(documented[k], real[k]) for k in documented)
    if isinstance(documented, list):
        return isinstance(real, list) and (not documented or bool(real)) and all(
            matches_shape(documented[0], item) for item in real)
    if isinstance(documented, bool) or isinstance(real, bool):
        return type(documented) is type(real)
    if isinstance(documented, (int, float)):
        return isinstance(real, (int, float))
    return type(documented) is type(real)


def line_pattern(line: str) -> re.Pattern:
    """A documented line with every number (and …) as a wildcard."""
    parts = []
    for piece in re.split(f"({NUMBER.pattern}|{ELLIPSIS})", line):
        parts.append(".*" if piece == ELLIPSIS else NUMBER.pattern if NUMBER.fullmatch(piece or "x") else re.escape(piece))
    return re.compile("".join(parts))


def check_text(documented: str, lines: list[str]) -> None:
    """Tab tables: same header, same column count; other lines: in order, numbers free."""
    header = None
    position = 0
    for doc_line in documented.splitlines():
        if "\t" in doc_line and header is None:
            header = doc_line
            assert header in lines, f"table header changed: {header!r} not in {lines}"
            position = lines.index(header) + 1
            continue
        if "\t" in doc_line:
            assert any(ln.count("\t") == header.count("\t") for ln in lines[position:]), lines
            continue
        pattern = line_pattern(doc_line)
        hits = [i for i in range(position, len(lines)) if pattern.fullmatch(lines[i])]
        assert hits, f"documented line {doc_line!r} not in output {lines}"
        position = hits[0] + 1


def check_csv(documented: str, real: str) -> None:
    doc_rows = list(csv.reader(io.StringIO(documented)))
    real_rows = list(csv.reader(io.StringIO(real)))
    assert real_rows[0] == doc_rows[0], "CSV header changed"
    assert len(real_rows) > 1 or len(doc_rows) == 1
    assert all(len(row) == len(doc_rows[0]) for row in real_rows)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("docs")
    return dict(os.environ, PYTHONPATH=str(REPO), WENYAN_DB=str(folder / "docs.sqlite3"),
                WENYAN_LOG_DIR=str(folder / "logs"))


def test_every_command_is_documented() -> None:
    documented = {shlex.split(command)[3] for command, _, _ in examples()}
    commands = set(build_parser()._subparsers._group_actions[0].choices)
    assert commands <= documented, f"undocumented commands: {commands - documented}"


def test_documented_examples_run_and_keep_their_shape(env: dict[str, str]) -> None:
    # one test, in README order: `list` shows what `ingest` stored before it
    for command, lang, documented in examples():
        argv = [sys.executable if arg == "python" else arg for arg in shlex.split(command)]
        result = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
        expected_status = 1 if any(ln.startswith("error: ") for ln in documented.splitlines()) else 0
        assert result.returncode == expected_status, (command, result.stderr)
        assert "Traceback" not in result.stderr, command
        if lang == "json":
            assert matches_shape(json.loads(documented), json.loads(result.stdout)), command
        elif lang == "csv":
            check_csv(documented, result.stdout)
        else:
            check_text(documented, result.stderr.splitlines() + result.stdout.splitlines())


def test_public_api_resolves() -> None:
    import analysis

    assert {"Store", "resolve_db_path", "analyze", "ingest", "load_path", "detect_sections", "extract_statistics",
            "extract_keywords", "make_segmenter"} <= set(analysis.__all__)
    assert all(getattr(analysis, name) is not None for name in analysis.__all__)


def test_shape_checker_catches_drift() -> None:
    assert matches_shape({"a": 1, "b": None, "c": [{"x": "y"}]}, {"a": 2.5, "b": "s", "c": [{"x": "z"}, {"x": "w"}]})
    assert not matches_shape({"a": 1}, {"a": 1, "extra": 2})
    assert not matches_shape({"a": "s"}, {"a": 1})
    assert not matches_shape({"c": [{"x": "y"}]}, {"c": [{"x": "z"}, {"w": "z"}]})
    assert not matches_shape({"a": True}, {"a": 1})
    assert line_pattern("stored 16, errors 0; 2.0 s (11,977 chars/s)").fullmatch("stored 3, errors 1; 0.4 s (977 chars/s)")
    assert not line_pattern("stored 16, errors 0").fullmatch("saved 3, errors 1")


# ---- the rest of the README and ARCHITECTURE.md cannot drift either ----------------------------------------
ARCHITECTURE = REPO / "ARCHITECTURE.md"
MODULE_CELL = re.compile(r"^\| `(?P<name>[a-z_]+\.py)` \|", re.MULTILINE)
REQUIREMENT = re.compile(r"^(?P<name>[A-Za-z0-9_.\-]+)\s*(?:[<>=!~]|$)")
ENV_NAME = re.compile(r"\bWENYAN_[A-Z_]+\b")
BENCH_BLOCK = re.compile(r"<!-- bench:start -->\n(?P<body>.*?)<!-- bench:end -->", re.DOTALL)


def readme_section(heading: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = re.search(rf"^## {re.escape(heading)}.*$", text, re.MULTILINE)
    assert start, f"README.md has no '## {heading}' section"
    end = NEXT_HEADING.search(text, start.end())
    return text[start.end(): end.start() if end else len(text)]


def analysis_modules() -> set[str]:
    return {path.name for path in (REPO / "analysis").glob("*.py")}


@pytest.mark.parametrize("document, section", [(ARCHITECTURE, "Module map"), (README, "目录结构")])
def test_module_map_lists_exactly_the_modules_that_exist(document: Path, section: str) -> None:
    text = document.read_text(encoding="utf-8")
    start = text.index(f"## {section}")
    end = NEXT_HEADING.search(text, start + 3)
    listed = {m["name"] for m in MODULE_CELL.finditer(text[start: end.start() if end else len(text)])}
    assert analysis_modules() <= listed, f"{document.name} misses modules: {sorted(analysis_modules() - listed)}"
    assert listed <= analysis_modules(), f"{document.name} lists modules that no longer exist: {sorted(listed - analysis_modules())}"


def test_every_runtime_requirement_is_explained() -> None:
    section = readme_section("依赖与选择").lower()
    lines = (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines()
    names = [m["name"] for line in lines if (m := REQUIREMENT.match(line.strip()))]
    assert len(names) > 10
    # numpy and pillow come with wordcloud; streamlit has its own row
    missing = [name for name in names if name.lower() not in section]
    assert not missing, f"requirements.txt packages not explained in README 依赖与选择: {missing}"


def test_every_environment_variable_is_documented() -> None:
    used = set()
    for folder in ("analysis", "wenyan_ui"):
        for path in (REPO / folder).glob("*.py"):
            used |= set(ENV_NAME.findall(path.read_text(encoding="utf-8")))
    documented = set(ENV_NAME.findall(readme_section("快速开始")))
    assert used and used <= documented, f"undocumented: {sorted(used - documented)}"


def test_documented_limits_match_the_code_and_streamlit_config() -> None:
    from analysis.limits import DEFAULTS

    section = readme_section("快速开始")
    for name, default in DEFAULTS.items():
        assert re.search(rf"^\| `{name}` \| {default:g} \|", section, re.MULTILINE), f"{name} default {default:g}"
    config = (REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    upload = re.search(r"^maxUploadSize\s*=\s*(\d+)", config, re.MULTILINE)
    assert upload and f"maxUploadSize = {upload[1]}" in section


def test_every_page_is_described() -> None:
    from wenyan_ui.strings import PAGE_TITLES

    section = readme_section("功能")
    for name, title in PAGE_TITLES.items():
        assert re.search(rf"^\| {re.escape(title)} \w[\w ]* `/{name}` \|", section, re.MULTILINE), name


def test_links_point_at_files_that_exist() -> None:
    text = README.read_text(encoding="utf-8")
    targets = re.findall(r"\]\((?!https?:)([^)#]+)\)", text)
    assert targets and all((REPO / target).exists() for target in targets), targets


def test_benchmark_table_sits_between_its_markers() -> None:
    block = BENCH_BLOCK.search(readme_section("性能"))
    assert block, "README 性能 needs <!-- bench:start --> … <!-- bench:end -->"
    rows = [ln for ln in block["body"].splitlines() if ln.startswith("| ") and not ln.startswith("| measurement")]
    assert "latest run" in block["body"] and len(rows) >= 3


def test_bench_table_renders_results_and_replaces_only_the_block() -> None:
    sys.path.insert(0, str(REPO / "docs"))
    try:
        import bench_table
    finally:
        sys.path.remove(str(REPO / "docs"))
    results = {"machine": {"cores": 2, "cpu": "Test CPU", "memory_gb": 1.5, "python": "3.11.0"}, "date": "2026-01-02",
               "baseline": {"articles": 20, "chars_per_s": 400_000.0, "seconds": 2.0},
               "ingest": {"20": {"jobs": 2, "chars_per_s": 3_000_000.0, "seconds": 0.5, "ratio_to_baseline": 7.5,
                                 "peak_rss_mb": 300.0, "peak_pss_mb": 200.0}}}
    block = bench_table.render_block(results)
    assert "2026-01-02 · 2 cores Test CPU · 1.5 GB" in block
    assert "| ingest 20 via CLI --jobs 2 | 3.00 M chars/s (0.5 s), 7.50x baseline | >= 6x | ok |" in block
    page = f"before\n{bench_table.START}\nold\n{bench_table.END}\nafter\n"
    assert bench_table.replace_block(page, block) == f"before\n{bench_table.START}\n{block}\n{bench_table.END}\nafter\n"
    with pytest.raises(ValueError):
        bench_table.replace_block("no markers", block)


RELIABILITY_TESTS = ("reliability_cases.py", "test_reliability_inputs.py", "test_archive_safety.py", "test_injection.py",
                     "test_crash_safety.py", "test_concurrency.py", "test_error_boundary.py")
XFAIL_MARK = re.compile(r"^\s*@pytest\.mark\.xfail\(strict=True|\bxfail=\"[^\"]", re.MULTILINE)  # decorators, Case(xfail=…)
KNOWN_ISSUE_CELL = re.compile(r"\| \*\*已知问题\*\*")


def test_reliability_known_issues_match_the_strict_xfails() -> None:
    """docs/reliability.md marks as many cases 已知问题 as the reliability tests keep as strict xfails."""
    marks = sum(len(XFAIL_MARK.findall((REPO / "tests" / name).read_text(encoding="utf-8")))
                for name in RELIABILITY_TESTS if (REPO / "tests" / name).is_file())
    documented = len(KNOWN_ISSUE_CELL.findall((REPO / "docs" / "reliability.md").read_text(encoding="utf-8")))
    assert documented == marks, f"docs/reliability.md lists {documented} known issues, the tests keep {marks} xfails"
