"""Word-list edits as the dashboard makes them: one-word-a-line boxes saved as additions and removals."""
from __future__ import annotations

from collections.abc import Iterable

from analysis.store import Store


def word_list(lines: Iterable[str]) -> list[str]:
    """The words of a one-word-a-line text box: stripped, blank lines dropped, sorted, each once."""
    return sorted({w.strip() for w in lines if w and w.strip()})


def apply_word_list_edits(store: Store, *, shown_user_words: Iterable[str], user_words: Iterable[str],
                          shown_stopwords: Iterable[str], stopwords: Iterable[str]) -> bool:
    """Save what a session changed against the lists it was shown, so words saved meanwhile by others stay.

    Only the words added and removed in the box are applied to the lists as stored now, in one transaction;
    True when anything changed.
    """
    edits = []
    for shown, edited in ((shown_user_words, user_words), (shown_stopwords, stopwords)):
        before, after = set(word_list(shown)), set(word_list(edited))
        edits.append((after - before, before - after))
    (users_added, users_removed), (stops_added, stops_removed) = edits
    store.edit_word_lists(add_user_words=users_added, remove_user_words=users_removed,
                          add_stopwords=stops_added, reset_stopwords=stops_removed)
    return any(words for pair in edits for words in pair)


def save_word_lists(store: Store, *, user_words: Iterable[str], stopwords: Iterable[str]) -> None:
    """Make the stored user dictionary and user stopwords equal to the given lists (blank lines ignored)."""
    apply_word_list_edits(store, shown_user_words=store.list_user_words(), user_words=user_words,
                          shown_stopwords=store.list_stopwords(), stopwords=stopwords)
