"""Embedded SQLite store (WAL): one short-lived connection per operation, so threads can share a Store."""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import store_queries, store_schema, store_write
from analysis import store_rows as rows
from analysis.models import Analysis, Article, Keyword, Section, Statistic
from analysis.store_schema import IDS_FILTER, INSERT_KEYWORD, LIST_COLUMNS, SCHEMA_VERSION
from analysis.store_words import WordLists, mark_analysed

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_DB = Path("data") / "wenyan.sqlite3"
DB_ENV = "WENYAN_DB"
BUSY_TIMEOUT_MS = 30_000


def resolve_db_path(cli_value: str | os.PathLike | None = None) -> Path:
    """`--db PATH` > env WENYAN_DB > data/wenyan.sqlite3; creates the parent folder."""
    chosen = cli_value or os.environ.get(DB_ENV) or DEFAULT_DB
    path = Path(chosen).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


class Store(WordLists):
    """Articles and everything derived from them in one SQLite file; safe to share across threads."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        with self._connect() as conn:
            if _schema_version(conn) == SCHEMA_VERSION:
                return  # already set up: opening stays read-only, so it never waits for a running ingest
            # WAL lets the dashboard read while an ingest writes; the mode is stored in the file.
            conn.execute("PRAGMA journal_mode=WAL")
        with self._transaction() as conn:  # set up or migrated whole; a second opener waits, then finds it done
            version = _schema_version(conn)
            if version != SCHEMA_VERSION:
                store_schema.migrate(conn, version)

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
    def save_analysis(self, analysis: Analysis, *, term_counts: Mapping[str, int] | None = None,
                      keyword_method: str = "tfidf",
                      extractor_version: str | None = None) -> tuple[int, bool]:
        """Store an analysed article; (id, created). The same title+text again is a no-op."""
        record = rows.make_record(analysis, term_counts=term_counts, keyword_method=keyword_method,
                                  extractor_version=extractor_version)
        return self.save_records([record])[0][:2]

    def save_records(self, records: Sequence[rows.ArticleRecord], *,
                     word_lists: str | None = None) -> list[tuple[int, bool, bool]]:
        """Write records in one transaction; per record (id, created, statistics_replaced).

        New articles are stamped with `word_lists`, the signature of the lists they were analysed with
        (None: the lists stored at this write, right unless they changed while the records were analysed)."""
        with self._transaction() as conn:
            results = [store_write.write_record(conn, record) for record in records]
            store_write.add_corpus_terms(conn, [r.term_counts for r, (_, created, _) in zip(records, results)
                                                if created])
            mark_analysed(conn, [i for i, created, _ in results if created], word_lists)
        return results

    def replace_analyses(self, items: Sequence[tuple[int, rows.ArticleRecord, bool]], *,
                         word_lists: str | None = None) -> int:
        """(article id, record, with_statistics) each: swap stored analyses in place, in one transaction.

        Tokens, terms and keywords (cached lists too) always; sections and statistics `with_statistics`;
        the articles are stamped with `word_lists` (as in `save_records`).
        Articles deleted meanwhile are skipped; how many were replaced."""
        with self._transaction() as conn:
            replaced = [article_id for article_id, record, with_statistics in items
                        if store_write.replace_analysis(conn, article_id, record, with_statistics=with_statistics)]
            mark_analysed(conn, replaced, word_lists)
        return len(replaced)

    def article_ids(self) -> list[int]:
        """Every stored article's id, oldest first."""
        with self._connect() as conn:
            return [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]

    def get_articles(self, article_ids: Sequence[int]) -> list[tuple[int, Article, str | None]]:
        """(id, Article, extractor_version) of the given articles that exist, by id; read in one query."""
        sql = ("SELECT * FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id")
        with self._connect() as conn:
            found = conn.execute(sql, (json.dumps([int(i) for i in article_ids]),)).fetchall()
        return [(r["id"], rows.article_from_row(r), r["extractor_version"]) for r in found]

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
            store_write.replace_statistics(conn, article_id, rows.statistic_rows(statistics), extractor_version)

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
            conn.executemany(INSERT_KEYWORD, [(article_id, *r) for r in
                                               rows.keyword_rows(keywords, method=method, section_idx=section_idx)])

    def delete_article(self, article_id: int) -> bool:
        """Remove an article and all it owns; False when it was not there."""
        with self._transaction() as conn:
            store_write.subtract_article(conn, article_id)
            return conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0

    # ---- reading articles -------------------------------------------------------------------------------
    def list_articles(self, *, search: str | None = None, limit: int | None = None) -> list[dict]:
        """One dict per article (no text), oldest first; `search` filters titles."""
        sql, params = f"SELECT {LIST_COLUMNS} FROM articles", []
        if search:
            sql, params = sql + " WHERE instr(title, ?) > 0", [search]
        sql += " ORDER BY id" + (" LIMIT ?" if limit is not None else "")
        params += [limit] if limit is not None else []
        with self._connect() as conn:
            return [dict(r) | {"presegmented": bool(r["presegmented"])} for r in conn.execute(sql, params)]

    def get_article(self, article_id: int) -> Article:
        """The stored Article; KeyError when absent."""
        with self._connect() as conn:
            return rows.article_from_row(store_queries.article_row(conn, article_id))

    def get_sections(self, article_id: int) -> tuple[Section, ...]:
        """Sections of an article in order."""
        with self._connect() as conn:
            return store_queries.sections_of(conn, article_id, store_queries.article_row(conn, article_id)["text"])

    def get_keywords(self, article_id: int, *, method: str = "tfidf",
                     section_idx: int | None = None) -> tuple[Keyword, ...]:
        """Stored keyword list (empty when not computed yet)."""
        sql = "SELECT * FROM keywords WHERE article_id = ? AND method = ? AND section_idx IS ? ORDER BY rank"
        with self._connect() as conn:
            return tuple(rows.keyword_from_row(r) for r in conn.execute(sql, (article_id, method, section_idx)))

    def get_analysis(self, article_id: int, *, keyword_method: str = "tfidf") -> Analysis:
        """Article, tokens, sections, article-level keywords and statistics as stored."""
        with self._connect() as conn:
            row = store_queries.article_row(conn, article_id)
            kw_sql = "SELECT * FROM keywords WHERE article_id = ? AND method = ? AND section_idx IS NULL ORDER BY rank"
            st_sql = "SELECT * FROM statistics WHERE article_id = ? ORDER BY idx"
            return Analysis(
                article=rows.article_from_row(row),
                tokens=rows.decode_tokens(row["text"], row["tokens"], row["token_words"]),
                sections=store_queries.sections_of(conn, article_id, row["text"]),
                keywords=tuple(rows.keyword_from_row(r) for r in conn.execute(kw_sql, (article_id, keyword_method))),
                statistics=tuple(rows.statistic_from_row(r) for r in conn.execute(st_sql, (article_id,))),
            )

    def get_statistics(self, article_ids: Sequence[int] | None = None, *, workforce_only: bool = False
                       ) -> pd.DataFrame:
        """Statistics of the given articles (all when None) as a DataFrame with article_id and article_title."""
        return self.find_statistics(article_ids, workforce=True if workforce_only else None)

    def find_statistics(self, article_ids: Sequence[int] | None = None, *, limit: int | None = None,
                        largest_first: bool = False, **filters) -> pd.DataFrame:
        """Statistics matching `filters` (see store_queries.statistics_where), filtered and capped in SQL."""
        where, params = store_queries.statistics_where(article_ids, **filters)
        with self._connect() as conn:
            return store_queries.statistics_frame(conn, where, params, limit=limit, largest_first=largest_first)

    def count_statistics(self, article_ids: Sequence[int] | None = None, **filters) -> dict[str, int]:
        """Number of matching statistics and of workforce ones among them, counted in SQL."""
        where, params = store_queries.statistics_where(article_ids, **filters)
        with self._connect() as conn:
            return store_queries.count_statistics(conn, where, params)

    def statistics_facets(self, article_ids: Sequence[int] | None = None, **filters) -> dict[str, list]:
        """Distinct units, kinds, qualifiers and sections of matching statistics (for filter widgets)."""
        where, params = store_queries.statistics_where(article_ids, **filters)
        with self._connect() as conn:
            return store_queries.statistics_facets(conn, where, params)

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
            sql = f"SELECT term, {aggregate} FROM token_counts WHERE {IDS_FILTER} GROUP BY term"
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

    def term_sources(self, term: str, article_ids: Sequence[int] | None = None, *, after_id: int = 0,
                     limit: int | None = None) -> list[dict]:
        """Articles whose text holds `term` (all, or among `article_ids`), with what KWIC needs and no more.

        By id; `after_id` and `limit` read them in batches, so a corpus-wide KWIC never holds every text at once.

        Each dict: article_id, article (title), text, section_heads ((start, title) per section), and
        token_starts/token_ends (numpy arrays),
        or `tokens` when some token is not a plain slice of the text (rare: pre-segmented articles)."""
        if not term:
            return []
        with self._connect() as conn:
            return store_queries.term_sources(conn, term, article_ids, after_id=after_id, limit=limit)

    def counts(self) -> dict[str, int]:
        """Totals for the overview page."""
        # sections and statistics are counted by the n_* columns kept beside them, over the articles_totals index:
        # counting their own rows read ~1 M rows of a 10,000-article store on every page run
        sql = """SELECT COUNT(*), COALESCE(SUM(n_chars), 0), COALESCE(SUM(n_sections), 0),
                        COALESCE(SUM(n_statistics), 0), COALESCE(SUM(n_workforce), 0),
                        (SELECT COUNT(*) FROM corpus_terms), (SELECT COUNT(*) FROM user_words),
                        (SELECT COUNT(*) FROM stopwords)
                 FROM articles"""
        names = ("articles", "chars", "sections", "statistics", "workforce_statistics", "terms", "user_words",
                 "stopwords")
        with self._connect() as conn:
            return dict(zip(names, conn.execute(sql).fetchone()))


def _schema_version(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError:  # no meta table: a new file
        return None
    return None if row is None else row[0]
