"""word_lists: a session's edits to the one-word-a-line boxes, saved as additions and removals."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis.store import Store
from analysis.word_lists import apply_word_list_edits, save_word_lists, word_list


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "w.sqlite3")


@pytest.mark.parametrize(("lines", "expected"), [
    ([], []),
    (["", "  ", "\t"], []),
    ([" 新就业形态 ", "产业工人", "新就业形态"], ["产业工人", "新就业形态"]),
])
def test_word_list_strips_drops_blanks_and_dedupes(lines, expected):
    assert word_list(lines) == expected


def test_save_word_lists_adds_and_removes(store):
    save_word_lists(store, user_words=["新就业形态", " ", "产业工人队伍"], stopwords=["记者"])
    assert store.list_user_words() == ["产业工人队伍", "新就业形态"] and store.list_stopwords() == ["记者"]
    save_word_lists(store, user_words=["新就业形态"], stopwords=[])
    assert store.list_user_words() == ["新就业形态"] and store.list_stopwords() == []


def test_an_edit_changes_the_signature_and_no_edit_keeps_it(store):
    store.add_user_words(["甲"])
    before = store.word_list_state().signature
    assert not apply_word_list_edits(store, shown_user_words=["甲"], user_words=["甲", " "],
                                     shown_stopwords=[], stopwords=[])
    assert store.word_list_state().signature == before
    assert apply_word_list_edits(store, shown_user_words=["甲"], user_words=["乙"], shown_stopwords=[],
                                 stopwords=["丙"])
    state = store.word_list_state()
    assert state.user_words == ("乙",) and state.added_stopwords == {"丙"} and state.signature != before
