"""Embedded SQLite store (WAL): one short-lived connection per operation, so threads can share a Store."""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from analysis import store_rows as rows
from analysis.models import Analysis, Article, Keyword, Section, Statistic

DEFAULT_DB = Path("data") / "wenyan.sqlite3"
DB_ENV = "WENYAN_DB"
BUSY_TIMEOUT_MS = 30_000
SCHEMA_VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL, subtitle TEXT, kicker TEXT, date TEXT,
    source TEXT NOT NULL, format TEXT NOT NULL, encoding TEXT,
    presegmented INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL, raw_text TEXT,
    token_spans BLOB,            -- Article.token_spans (the author's segmentation), store_rows.encode_spans
    tokens BLOB,                 -- Analysis.tokens as spans into text
    token_words TEXT,            -- JSON {index: word} for tokens that are not a plain slice of text
    n_chars INTEGER NOT NULL, n_tokens INTEGER NOT NULL DEFAULT 0, n_sections INTEGER NOT NULL DEFAULT 0,
    n_statistics INTEGER NOT NULL DEFAULT 0, n_workforce INTEGER NOT NULL DEFAULT 0,
    extractor_version TEXT,
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
CREATE INDEX IF NOT EXISTS articles_extractor ON articles(extractor_version);
CREATE TABLE IF NOT EXISTS sections (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, title TEXT, subheading TEXT, level INTEGER NOT NULL, parent INTEGER,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT,                   -- NULL when it is articles.text[start:end]
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS token_counts (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    term TEXT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (article_id, term)
) WITHOUT ROWID;
-- No index on term alone: maintaining it doubled the cost of writing an article; term lookups scan instead.
DROP INDEX IF EXISTS token_counts_term;
-- Corpus totals kept in step with token_counts inside the same transactions: corpus pages read this, not 1e6 rows.
CREATE TABLE IF NOT EXISTS corpus_terms (
    term TEXT PRIMARY KEY, count INTEGER NOT NULL, df INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS keywords (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    section_idx INTEGER,         -- NULL: the whole article
    method TEXT NOT NULL, rank INTEGER NOT NULL, word TEXT NOT NULL, weight REAL NOT NULL,
    count INTEGER NOT NULL DEFAULT 0, effect_size REAL
);
CREATE INDEX IF NOT EXISTS keywords_article ON keywords(article_id, method, section_idx);
CREATE INDEX IF NOT EXISTS keywords_word ON keywords(word);
CREATE TABLE IF NOT EXISTS statistics (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    sentence TEXT NOT NULL, section TEXT, value REAL NOT NULL, value_max REAL, unit TEXT NOT NULL,
    kind TEXT NOT NULL, qualifier TEXT NOT NULL, is_target INTEGER NOT NULL, subject TEXT NOT NULL,
    is_workforce INTEGER NOT NULL, spans TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS statistics_kind ON statistics(is_workforce, kind, unit);
CREATE TABLE IF NOT EXISTS user_words (
    word TEXT PRIMARY KEY, added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;
-- included = 1: the user added the word; 0: the user removed it from the packaged list.
CREATE TABLE IF NOT EXISTS stopwords (
    word TEXT PRIMARY KEY, included INTEGER NOT NULL,
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;
"""


def _insert_sql(table: str, columns: Sequence[str], *, owned: bool = True) -> str:
    """INSERT with quoted column names ("end" is an SQL keyword); owned rows start with article_id."""
    names = (["article_id"] if owned else []) + [f'"{c}"' for c in columns]
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"


_INSERT_ARTICLE = _insert_sql("articles", rows.ARTICLE_COLUMNS, owned=False) + " RETURNING id"
_INSERT_SECTION = _insert_sql("sections", rows.SECTION_COLUMNS)
_INSERT_KEYWORD = _insert_sql("keywords", rows.KEYWORD_COLUMNS)
_INSERT_STATISTIC = _insert_sql("statistics", rows.STATISTIC_COLUMNS)
_INSERT_COUNT = "INSERT INTO token_counts (article_id, term, count) VALUES (?, ?, ?)"
_ADD_CORPUS_TERMS = (
    "INSERT INTO corpus_terms (term, count, df) VALUES (?, ?, ?) "
    "ON CONFLICT(term) DO UPDATE SET count = count + excluded.count, df = df + excluded.df"
)
_SUBTRACT_CORPUS_TERMS = (
    "UPDATE corpus_terms SET count = corpus_terms.count - tc.count, df = corpus_terms.df - 1 "
    "FROM (SELECT term, count FROM token_counts WHERE article_id = ?) AS tc WHERE corpus_terms.term = tc.term"
)
_IDS_FILTER = "article_id IN (SELECT value FROM json_each(?))"
_LIST_COLUMNS = (
    "id, title, subtitle, date, source, format, encoding, presegmented, n_chars, n_tokens, n_sections, "
    "n_statistics, n_workforce, extractor_version, added_at"
)


def resolve_db_path(cli_value: str | os.PathLike | None = None) -> Path:
    """`--db PATH` > env WENYAN_DB > data/wenyan.sqlite3; creates the parent folder."""
    chosen = cli_value or os.environ.get(DB_ENV) or DEFAULT_DB
    path = Path(chosen).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


class Store:
    """Articles and everything derived from them in one SQLite file; safe to share across threads."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        with self._connect() as conn:
            # WAL lets the dashboard read while an ingest writes; the mode is stored in the file.
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(SCHEMA)
            conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,))

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys=ON")
            # NORMAL in WAL mode survives a killed process (not a power cut) and avoids an fsync per article.
            conn.execute("PRAGMA synchronous=NORMAL")
            yield conn
        finally:
            conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE takes the write lock up front, so two writers queue instead of deadlocking."""
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    # ---- writing articles -------------------------------------------------------------------------------
    def save_analysis(self, analysis: Analysis, *, term_counts=None, keyword_method: str = "tfidf",
                      extractor_version: str | None = None) -> tuple[int, bool]:
        """Store an analysed article; (id, created). The same title+text again is a no-op."""
        record = rows.make_record(analysis, term_counts=term_counts, keyword_method=keyword_method,
                                  extractor_version=extractor_version)
        return self.save_records([record])[0][:2]

    def save_records(self, records: Sequence[rows.ArticleRecord]) -> list[tuple[int, bool, bool]]:
        """Write records in one transaction; per record (id, created, statistics_replaced)."""
        results = []
        totals: dict[str, list[int]] = {}  # term -> [count, df] over the new articles of this batch
        with self._transaction() as conn:
            for record in records:
                results.append(_write_record(conn, record))
                for term, count in record.term_counts if results[-1][1] else ():
                    total = totals.setdefault(term, [0, 0])
                    total[0] += count
                    total[1] += 1
            conn.executemany(_ADD_CORPUS_TERMS, [(t, c, df) for t, (c, df) in totals.items()])
        return results

    def known_hashes(self, *, extractor_version: str | None = None) -> frozenset[str]:
        """Content hashes already stored (with that extractor version when given): ingest skips these."""
        sql, params = "SELECT content_hash FROM articles", ()
        if extractor_version is not None:
            sql, params = sql + " WHERE extractor_version IS ?", (extractor_version,)
        with self._connect() as conn:
            return frozenset(r[0] for r in conn.execute(sql, params))

    def find_article_id(self, content_hash: str) -> int | None:
        """Id of the stored article with this content hash (see store_rows.content_hash)."""
        with self._connect() as conn:
            row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return None if row is None else row[0]

    def replace_statistics(self, article_id: int, statistics: Iterable[Statistic], *,
                           extractor_version: str | None) -> None:
        """Swap an article's statistics (after an extractor upgrade) in one transaction."""
        with self._transaction() as conn:
            _replace_statistics(conn, article_id, rows.statistic_rows(statistics), extractor_version)

    def stale_article_ids(self, extractor_version: str) -> list[int]:
        """Articles whose statistics came from another extractor version."""
        with self._connect() as conn:
            sql = "SELECT id FROM articles WHERE extractor_version IS NOT ? ORDER BY id"
            return [r[0] for r in conn.execute(sql, (extractor_version,))]

    def save_keywords(self, article_id: int, keywords: Iterable[Keyword], *, method: str,
                      section_idx: int | None = None) -> None:
        """Cache a keyword list computed on demand (replaces the same method/section)."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM keywords WHERE article_id = ? AND method = ? AND section_idx IS ?",
                         (article_id, method, section_idx))
            conn.executemany(_INSERT_KEYWORD, [(article_id, *r) for r in
                                               rows.keyword_rows(keywords, method=method, section_idx=section_idx)])

    def delete_article(self, article_id: int) -> bool:
        """Remove an article and all it owns; False when it was not there."""
        with self._transaction() as conn:
            conn.execute(_SUBTRACT_CORPUS_TERMS, (article_id,))
            conn.execute("DELETE FROM corpus_terms WHERE df <= 0")
            for table in ("token_counts", "sections", "keywords", "statistics"):
                conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            return conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0

    # ---- reading articles -------------------------------------------------------------------------------
    def list_articles(self, *, search: str | None = None, limit: int | None = None) -> list[dict]:
        """One dict per article (no text), oldest first; `search` filters titles."""
        sql, params = f"SELECT {_LIST_COLUMNS} FROM articles", []
        if search:
            sql, params = sql + " WHERE instr(title, ?) > 0", [search]
        sql += " ORDER BY id" + (" LIMIT ?" if limit is not None else "")
        params += [limit] if limit is not None else []
        with self._connect() as conn:
            return [dict(r) | {"presegmented": bool(r["presegmented"])} for r in conn.execute(sql, params)]

    def get_article(self, article_id: int) -> Article:
        """The stored Article; KeyError when absent."""
        with self._connect() as conn:
            return rows.article_from_row(_article_row(conn, article_id))

    def get_sections(self, article_id: int) -> tuple[Section, ...]:
        """Sections of an article in order."""
        with self._connect() as conn:
            return _sections(conn, article_id, _article_row(conn, article_id)["text"])

    def get_keywords(self, article_id: int, *, method: str = "tfidf",
                     section_idx: int | None = None) -> tuple[Keyword, ...]:
        """Stored keyword list (empty when not computed yet)."""
        sql = "SELECT * FROM keywords WHERE article_id = ? AND method = ? AND section_idx IS ? ORDER BY rank"
        with self._connect() as conn:
            return tuple(rows.keyword_from_row(r) for r in conn.execute(sql, (article_id, method, section_idx)))

    def get_analysis(self, article_id: int, *, keyword_method: str = "tfidf") -> Analysis:
        """Article, tokens, sections, article-level keywords and statistics as stored."""
        with self._connect() as conn:
            row = _article_row(conn, article_id)
            kw_sql = "SELECT * FROM keywords WHERE article_id = ? AND method = ? AND section_idx IS NULL ORDER BY rank"
            st_sql = "SELECT * FROM statistics WHERE article_id = ? ORDER BY idx"
            return Analysis(
                article=rows.article_from_row(row),
                tokens=rows.decode_tokens(row["text"], row["tokens"], row["token_words"]),
                sections=_sections(conn, article_id, row["text"]),
                keywords=tuple(rows.keyword_from_row(r) for r in conn.execute(kw_sql, (article_id, keyword_method))),
                statistics=tuple(rows.statistic_from_row(r) for r in conn.execute(st_sql, (article_id,))),
            )

    def get_statistics(self, article_ids: Sequence[int] | None = None):
        """Statistics of the given articles (all when None) as a DataFrame with article_id and article title."""
        import pandas as pd  # imported here: the CLI's quick commands should not pay for pandas

        sql = ("SELECT s.article_id, a.title AS article_title, s.* FROM statistics s JOIN articles a "
               "ON a.id = s.article_id")
        params: tuple = ()
        if article_ids is not None:
            sql, params = sql + " WHERE s." + _IDS_FILTER, (json.dumps(list(article_ids)),)
        with self._connect() as conn:
            frame = pd.read_sql_query(sql + " ORDER BY s.article_id, s.idx", conn, params=params)
        frame = frame.loc[:, ~frame.columns.duplicated()]
        for column in ("is_target", "is_workforce"):
            frame[column] = frame[column].astype(bool)
        frame["spans"] = [tuple(tuple(p) for p in json.loads(s)) for s in frame["spans"]]
        return frame

    def corpus_term_counts(self, article_ids: Sequence[int] | None = None) -> dict[str, int]:
        """Term -> total count over the given articles (the whole corpus when None)."""
        return self._term_totals("count", "SUM(count)", article_ids)

    def doc_freqs(self, article_ids: Sequence[int] | None = None) -> dict[str, int]:
        """Term -> number of articles holding it (the whole corpus when None)."""
        return self._term_totals("df", "COUNT(*)", article_ids)

    def _term_totals(self, column: str, aggregate: str, article_ids: Sequence[int] | None) -> dict[str, int]:
        if article_ids is None:
            sql, params = f"SELECT term, {column} FROM corpus_terms WHERE df > 0", ()
        else:
            sql = f"SELECT term, {aggregate} FROM token_counts WHERE {_IDS_FILTER} GROUP BY term"
            params = (json.dumps(list(article_ids)),)
        with self._connect() as conn:
            return dict(conn.execute(sql, params).fetchall())

    def article_term_counts(self, article_id: int) -> dict[str, int]:
        """Term counts of one article."""
        with self._connect() as conn:
            sql = "SELECT term, count FROM token_counts WHERE article_id = ?"
            return dict(conn.execute(sql, (article_id,)).fetchall())

    def articles_with_term(self, term: str) -> list[int]:
        """Ids of the articles whose term counts hold `term` (for KWIC), most mentions first."""
        with self._connect() as conn:
            sql = "SELECT article_id FROM token_counts WHERE term = ? ORDER BY count DESC, article_id"
            return [r[0] for r in conn.execute(sql, (term,))]

    def counts(self) -> dict[str, int]:
        """Totals for the overview page."""
        sql = """SELECT (SELECT COUNT(*) FROM articles), (SELECT COALESCE(SUM(n_chars), 0) FROM articles),
                        (SELECT COUNT(*) FROM sections), (SELECT COUNT(*) FROM statistics),
                        (SELECT COUNT(*) FROM statistics WHERE is_workforce), (SELECT COUNT(*) FROM corpus_terms),
                        (SELECT COUNT(*) FROM user_words), (SELECT COUNT(*) FROM stopwords)"""
        names = ("articles", "chars", "sections", "statistics", "workforce_statistics", "terms", "user_words",
                 "stopwords")
        with self._connect() as conn:
            return dict(zip(names, conn.execute(sql).fetchone()))

    # ---- user dictionary and stopwords ------------------------------------------------------------------
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


def _article_row(conn: sqlite3.Connection, article_id: int) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise KeyError(f"no article with id {article_id}")
    return row


def _sections(conn: sqlite3.Connection, article_id: int, text: str) -> tuple[Section, ...]:
    sql = "SELECT * FROM sections WHERE article_id = ? ORDER BY idx"
    return tuple(rows.section_from_row(text, r) for r in conn.execute(sql, (article_id,)))


def _write_record(conn: sqlite3.Connection, record: rows.ArticleRecord) -> tuple[int, bool, bool]:
    """Insert one article with all it owns, or refresh a stale copy's statistics; (id, created, replaced)."""
    found = conn.execute("SELECT id, extractor_version FROM articles WHERE content_hash = ?",
                         (record.content_hash,)).fetchone()
    if found is not None:
        article_id, version = found
        stale = record.extractor_version is not None and version != record.extractor_version
        if stale:
            _replace_statistics(conn, article_id, record.statistics, record.extractor_version)
        return article_id, False, stale
    article_id = conn.execute(_INSERT_ARTICLE, record.article).fetchone()[0]
    conn.executemany(_INSERT_SECTION, [(article_id, *r) for r in record.sections])
    conn.executemany(_INSERT_KEYWORD, [(article_id, *r) for r in record.keywords])
    conn.executemany(_INSERT_STATISTIC, [(article_id, *r) for r in record.statistics])
    conn.executemany(_INSERT_COUNT, [(article_id, t, c) for t, c in record.term_counts])
    return article_id, True, False


def _replace_statistics(conn: sqlite3.Connection, article_id: int, stat_rows: Sequence[tuple],
                        extractor_version: str | None) -> None:
    conn.execute("DELETE FROM statistics WHERE article_id = ?", (article_id,))
    conn.executemany(_INSERT_STATISTIC, [(article_id, *r) for r in stat_rows])
    n_workforce = sum(1 for r in stat_rows if r[13])
    conn.execute("UPDATE articles SET extractor_version = ?, n_statistics = ?, n_workforce = ? WHERE id = ?",
                 (extractor_version, len(stat_rows), n_workforce, article_id))
