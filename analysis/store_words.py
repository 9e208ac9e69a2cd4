"""The store's word lists (user dictionary, the user's stopword changes) and which lists each article was analysed
with: a signature of the lists is stamped on every article written, so a re-analysis that stopped halfway, or a
change saved by another session, leaves articles that can be counted and finished later."""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass

SIGNATURE_CHARS = 16  # 64 bits of SHA-256: no two word-list states of one store will collide
ADD_USER_WORDS = "INSERT OR IGNORE INTO user_words (word) VALUES (?)"
REMOVE_USER_WORDS = "DELETE FROM user_words WHERE word = ?"
ADD_STOPWORDS = "INSERT INTO stopwords (word, included) VALUES (?, 1) ON CONFLICT(word) DO UPDATE SET included = 1"
REMOVE_STOPWORDS = "INSERT INTO stopwords (word, included) VALUES (?, 0) ON CONFLICT(word) DO UPDATE SET included = 0"
RESET_STOPWORDS = "DELETE FROM stopwords WHERE word = ?"
OUTDATED = "word_lists IS NOT ?"
OUTDATED_OR_OLD_EXTRACTOR = "(word_lists IS NOT ? OR extractor_version IS NOT ?)"


@dataclass(frozen=True)
class WordListState:
    """The stored word lists as read in one snapshot; `signature` names them."""

    user_words: tuple[str, ...]
    added_stopwords: frozenset[str]
    removed_stopwords: frozenset[str]

    @property
    def signature(self) -> str:
        """Stable over equal lists (order-free), different when any word changes."""
        payload = json.dumps([sorted(self.user_words), sorted(self.added_stopwords), sorted(self.removed_stopwords)],
                             ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:SIGNATURE_CHARS]


def read_state(conn: sqlite3.Connection) -> WordListState:
    """The word lists as `conn` sees them (call inside a transaction for one snapshot)."""
    users = tuple(r[0] for r in conn.execute("SELECT word FROM user_words ORDER BY word"))
    pairs = conn.execute("SELECT word, included FROM stopwords").fetchall()
    return WordListState(users, frozenset(w for w, inc in pairs if inc), frozenset(w for w, inc in pairs if not inc))


def current_signature(conn: sqlite3.Connection) -> str:
    """Signature of the word lists stored now."""
    return read_state(conn).signature


def mark_analysed(conn: sqlite3.Connection, article_ids: Sequence[int], signature: str | None) -> None:
    """Stamp articles as analysed with the lists of `signature` (None: the lists stored now, read under the lock)."""
    signature = current_signature(conn) if signature is None else signature
    conn.executemany("UPDATE articles SET word_lists = ? WHERE id = ?", [(signature, i) for i in article_ids])


class WordLists:
    """Word-list methods of `Store` (which supplies the connections)."""

    def _connect(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def add_user_words(self, words: Iterable[str]) -> None:
        """Add words the segmenter must keep whole."""
        self.edit_word_lists(add_user_words=words)

    def remove_user_words(self, words: Iterable[str]) -> None:
        """Forget user words."""
        self.edit_word_lists(remove_user_words=words)

    def list_user_words(self) -> list[str]:
        """User words, sorted."""
        with self._connect() as conn:
            return [r[0] for r in conn.execute("SELECT word FROM user_words ORDER BY word")]

    def add_stopwords(self, words: Iterable[str]) -> None:
        """Treat words as stopwords (also undoes an earlier removal)."""
        self.edit_word_lists(add_stopwords=words)

    def remove_stopwords(self, words: Iterable[str]) -> None:
        """Stop treating words as stopwords, even when the packaged list has them."""
        self._write_words({REMOVE_STOPWORDS: words})

    def reset_stopwords(self, words: Iterable[str]) -> None:
        """Drop the user's changes for these words (back to the packaged list)."""
        self.edit_word_lists(reset_stopwords=words)

    def edit_word_lists(self, *, add_user_words: Iterable[str] = (), remove_user_words: Iterable[str] = (),
                        add_stopwords: Iterable[str] = (), reset_stopwords: Iterable[str] = ()) -> None:
        """Apply additions and removals to both lists in one transaction (another session never sees half)."""
        self._write_words({ADD_USER_WORDS: add_user_words, REMOVE_USER_WORDS: remove_user_words,
                           ADD_STOPWORDS: add_stopwords, RESET_STOPWORDS: reset_stopwords})

    def list_stopwords(self) -> list[str]:
        """Stopwords the user added, sorted."""
        return sorted(self.stopword_changes()[0])

    def stopword_changes(self) -> tuple[frozenset[str], frozenset[str]]:
        """(added, removed) relative to the packaged stopword list."""
        state = self.word_list_state()
        return state.added_stopwords, state.removed_stopwords

    def word_list_state(self) -> WordListState:
        """Both lists read in one snapshot, so their signature matches what an analysis uses."""
        with self._connect() as conn:
            conn.execute("BEGIN")
            try:
                return read_state(conn)
            finally:
                conn.execute("COMMIT")

    def outdated_article_ids(self, signature: str, *, extractor_version: str | None = None,
                             limit: int | None = None) -> list[int]:
        """Articles analysed with other word lists than `signature`'s (or another extractor version), by id."""
        where, params = _outdated_where(signature, extractor_version)
        sql = f"SELECT id FROM articles WHERE {where} ORDER BY id" + (" LIMIT ?" if limit is not None else "")
        with self._connect() as conn:
            return [r[0] for r in conn.execute(sql, params + ((limit,) if limit is not None else ()))]

    def count_outdated_articles(self, *, extractor_version: str | None = None) -> int:
        """How many articles a re-analysis with the lists stored now would redo (read from an index only)."""
        with self._connect() as conn:
            conn.execute("BEGIN")
            try:
                where, params = _outdated_where(current_signature(conn), extractor_version)
                return conn.execute(f"SELECT COUNT(*) FROM articles WHERE {where}", params).fetchone()[0]
            finally:
                conn.execute("COMMIT")

    def _write_words(self, edits: dict[str, Iterable[str]]) -> None:
        with self._transaction() as conn:
            for sql, words in edits.items():
                conn.executemany(sql, [(w,) for w in sorted({w.strip() for w in words if w and w.strip()})])


def _outdated_where(signature: str, extractor_version: str | None) -> tuple[str, tuple]:
    if extractor_version is None:
        return OUTDATED, (signature,)
    return OUTDATED_OR_OLD_EXTRACTOR, (signature, extractor_version)
