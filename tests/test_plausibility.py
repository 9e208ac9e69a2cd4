"""plausibility.mostly_binary: the regex count equals the per-character definition it replaced."""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.plausibility import MAX_BAD_SHARE, SAMPLE_CHARS, mostly_binary

BAD_CATEGORIES = {"Cc", "Co", "Cs", "Cn"}


def _reference(text: str) -> bool:
    """The definition: control, private-use, surrogate, unassigned or replacement characters, tabs and breaks aside."""
    sample = text[:SAMPLE_CHARS]
    bad = sum(1 for ch in sample if ch not in "\t\n\r\f" and (ch == "\ufffd" or unicodedata.category(ch) in BAD_CATEGORIES))
    return bad > len(sample) * MAX_BAD_SHARE


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300))
def test_mostly_binary_matches_the_definition(text: str) -> None:
    assert mostly_binary(text) == _reference(text)


def test_every_code_point_is_judged_as_the_definition_judges_it() -> None:
    # One character among 40 ideographs is over the 2 % share exactly when it counts as bad.
    padding = "中" * 40
    wrong = [hex(c) for c in range(0x110000) if mostly_binary(padding + chr(c)) != _reference(padding + chr(c))]
    assert wrong == []


def test_text_with_a_few_controls_is_text_and_with_many_is_binary() -> None:
    text = "全市新增城镇就业1.2万人，培训职工3000人次。\t\n" * 20
    assert not mostly_binary(text + "\x01")
    assert mostly_binary(text + "\x01\ue000\ufffd\udfff" * 30)
