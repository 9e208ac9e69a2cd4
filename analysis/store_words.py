"""The store's word lists: the user dictionary (words kept whole) and the user's changes to the stopwords."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager


class WordLists:
    """Word-list methods of `Store` (which supplies the connections)."""

    def _connect(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def add_user_words(self, words: Iterable[str]) -> None:
        """Add words the segmenter must keep whole."""
        self._write_words("INSERT OR IGNORE INTO user_words (word) VALUES (?)", words)

    def remove_user_words(self, words: Iterable[str]) -> None:
        """Forget user words."""
        self._write_words("DELETE FROM user_words WHERE word = ?", words)

    def list_user_words(self) -> list[str]:
        """User words, sorted."""
        with self._connect() as conn:
            return [r[0] for r in conn.execute("SELECT word FROM user_words ORDER BY word")]

    def add_stopwords(self, words: Iterable[str]) -> None:
        """Treat words as stopwords (also undoes an earlier removal)."""
        self._write_words("INSERT INTO stopwords (word, included) VALUES (?, 1) "
                          "ON CONFLICT(word) DO UPDATE SET included = 1", words)

    def remove_stopwords(self, words: Iterable[str]) -> None:
        """Stop treating words as stopwords, even when the packaged list has them."""
        self._write_words("INSERT INTO stopwords (word, included) VALUES (?, 0) "
                          "ON CONFLICT(word) DO UPDATE SET included = 0", words)

    def reset_stopwords(self, words: Iterable[str]) -> None:
        """Drop the user's changes for these words (back to the packaged list)."""
        self._write_words("DELETE FROM stopwords WHERE word = ?", words)

    def list_stopwords(self) -> list[str]:
        """Stopwords the user added, sorted."""
        return sorted(self.stopword_changes()[0])

    def stopword_changes(self) -> tuple[frozenset[str], frozenset[str]]:
        """(added, removed) relative to the packaged stopword list."""
        with self._connect() as conn:
            pairs = conn.execute("SELECT word, included FROM stopwords").fetchall()
        return frozenset(w for w, inc in pairs if inc), frozenset(w for w, inc in pairs if not inc)

    def _write_words(self, sql: str, words: Iterable[str]) -> None:
        cleaned = sorted({w.strip() for w in words if w and w.strip()})
        with self._transaction() as conn:
            conn.executemany(sql, [(w,) for w in cleaned])
