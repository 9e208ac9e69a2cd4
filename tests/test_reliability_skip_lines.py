"""Ingest's `skipped:` lines: one line each, `skipped: <source>: <what is wrong>; <what to do>`, in English like the
CLI's `error:` lines, for every bad input of the reliability matrix (loaded by the real loaders)."""
from __future__ import annotations

import re

import pytest
from reliability_cases import CASES, Case

from analysis.errors import NEXT_STEPS, AnalysisError, next_step
from analysis.ingest_report import NEXT_STEP_RE, IngestItem, skip_line
from analysis.loaders import load_bytes

SKIP_LINE_RE = re.compile(r"^skipped: (?P<source>[^\n]+?): (?P<what>[^\n;]+)(?:; [^\n;]+)*; (?P<todo>[^\n;]+)$")
# The first word of every what-to-do part: an instruction to the user.
INSTRUCTION_RE = re.compile(r"^(?:save|use|split|check|fix|re-create|re-save|re-export|re-download|choose|name|rename|"
                            r"try|retry|open|unpack|convert|write|add|remove|give|please)\b")
ERROR_CASES = [case for case in CASES if "ok" not in case.outcomes]


def _error_of(case: Case) -> AnalysisError:
    with pytest.raises(AnalysisError) as caught:
        load_bytes(case.build(), f"inbox/{case.id}/{case.filename}")
    return caught.value


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda case: case.id)
def test_every_bad_input_gives_one_line_with_what_is_wrong_and_what_to_do(case: Case) -> None:
    error = _error_of(case)
    source = f"inbox/{case.id}/{case.filename}"
    line = skip_line(IngestItem(source, "error", message=str(error), error_type=type(error).__name__))
    match = SKIP_LINE_RE.match(line)
    assert match, line
    assert match["source"] == source
    assert len(match["what"]) > 10
    assert INSTRUCTION_RE.match(match["todo"]), line


@pytest.mark.parametrize(("message", "error_type", "expected"), [
    # no instruction in the message: the error type's next step is appended
    ("internal error while loading: ValueError('a; b')", "InternalError",
     f"skipped: x.txt: internal error while loading: ValueError('a; b'); {NEXT_STEPS['InternalError']}"),
    ("archive holds 3000 entries", "TooLarge", f"skipped: x.txt: archive holds 3000 entries; {NEXT_STEPS['TooLarge']}"),
    (None, None, "skipped: x.txt: could not be read; fix the file and try again"),
    # an instruction already ends the message: kept as it is, no second hint
    ("cannot recognise the text encoding; save the file as UTF-8 and try again", "DecodeFailed",
     "skipped: x.txt: cannot recognise the text encoding; save the file as UTF-8 and try again"),
    # the source already leads the message; line breaks in a message never split the line
    ("x.txt: no such file\nor folder; check the path", "InputNotFound",
     "skipped: x.txt: no such file or folder; check the path"),
])
def test_skip_line_text(message: str | None, error_type: str | None, expected: str) -> None:
    assert skip_line(IngestItem("x.txt", "error", message=message, error_type=error_type)) == expected


def test_every_error_class_has_a_next_step() -> None:
    classes = {cls.__name__ for cls in AnalysisError.__subclasses__()}
    assert classes <= set(NEXT_STEPS)
    for name in (*classes, "InternalError", None, "SomethingNew"):
        step = next_step(name)
        assert INSTRUCTION_RE.match(step) and NEXT_STEP_RE.search(f"what; {step}"), step
