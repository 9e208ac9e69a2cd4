"""The store's write paths inside an open transaction: insert an article, swap its statistics or its analysis."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from analysis import store_rows as rows
from analysis.store_schema import (ADD_CORPUS_TERMS, INSERT_ARTICLE, INSERT_COUNT, INSERT_KEYWORD, INSERT_SECTION,
                                   INSERT_STATISTIC, SUBTRACT_CORPUS_TERMS)

OWNED_TABLES = ("token_counts", "sections", "keywords", "statistics")
TOKEN_COLUMNS = tuple(rows.ARTICLE_COLUMNS.index(c) for c in ("tokens", "token_words", "n_tokens"))


def write_record(conn: sqlite3.Connection, record: rows.ArticleRecord) -> tuple[int, bool, bool]:
    """Insert one article with all it owns, or refresh a stale copy's statistics; (id, created, replaced).

    Corpus term totals are the caller's (`add_corpus_terms` once per batch)."""
    found = conn.execute("SELECT id, extractor_version FROM articles WHERE content_hash = ?",
                         (record.content_hash,)).fetchone()
    if found is not None:
        article_id, version = found
        stale = record.extractor_version is not None and version != record.extractor_version
        if stale:
            replace_statistics(conn, article_id, record.statistics, record.extractor_version)
        return article_id, False, stale
    article_id = conn.execute(INSERT_ARTICLE, record.article).fetchone()[0]
    _insert_owned(conn, article_id, record, with_statistics=True)
    return article_id, True, False


def _insert_owned(conn: sqlite3.Connection, article_id: int, record: rows.ArticleRecord, *,
                  with_statistics: bool) -> None:
    if with_statistics:
        conn.executemany(INSERT_SECTION, [(article_id, *r) for r in record.sections])
        conn.executemany(INSERT_STATISTIC, [(article_id, *r) for r in record.statistics])
    conn.executemany(INSERT_KEYWORD, [(article_id, *r) for r in record.keywords])
    conn.executemany(INSERT_COUNT, [(article_id, t, c) for t, c in record.term_counts])


def add_corpus_terms(conn: sqlite3.Connection, term_counts: Iterable[Sequence[tuple[str, int]]]) -> None:
    """Add the term counts of new articles (one sequence per article) to the corpus totals."""
    totals: dict[str, list[int]] = {}  # term -> [count, df]
    for counts in term_counts:
        for term, count in counts:
            total = totals.setdefault(term, [0, 0])
            total[0] += count
            total[1] += 1
    conn.executemany(ADD_CORPUS_TERMS, sorted((t, c, df) for t, (c, df) in totals.items()))


def replace_statistics(conn: sqlite3.Connection, article_id: int, stat_rows: Sequence[tuple],
                       extractor_version: str | None) -> None:
    """Swap an article's statistics and the counts kept beside them."""
    conn.execute("DELETE FROM statistics WHERE article_id = ?", (article_id,))
    conn.executemany(INSERT_STATISTIC, [(article_id, *r) for r in stat_rows])
    n_workforce = sum(1 for r in stat_rows if r[13])
    conn.execute("UPDATE articles SET extractor_version = ?, n_statistics = ?, n_workforce = ? WHERE id = ?",
                 (extractor_version, len(stat_rows), n_workforce, article_id))


def subtract_article(conn: sqlite3.Connection, article_id: int, *, tables: Sequence[str] = OWNED_TABLES) -> None:
    """Take an article's terms out of the corpus totals and delete the rows it owns in `tables`."""
    conn.execute(SUBTRACT_CORPUS_TERMS, (article_id,))
    conn.execute("DELETE FROM corpus_terms WHERE df <= 0")
    for table in tables:
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))


def replace_analysis(conn: sqlite3.Connection, article_id: int, record: rows.ArticleRecord, *,
                     with_statistics: bool) -> bool:
    """Swap what an article's analysis derived (tokens, terms, keywords incl. cached lists; sections and
    statistics too `with_statistics`) for `record`'s; False when the article is gone."""
    if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
        return False
    tables = OWNED_TABLES if with_statistics else ("token_counts", "keywords")
    subtract_article(conn, article_id, tables=tables)
    conn.execute("UPDATE articles SET tokens = ?, token_words = ?, n_tokens = ? WHERE id = ?",
                 (*(record.article[i] for i in TOKEN_COLUMNS), article_id))
    if with_statistics:
        conn.execute("UPDATE articles SET n_sections = ? WHERE id = ?", (len(record.sections), article_id))
        replace_statistics(conn, article_id, record.statistics, record.extractor_version)
        conn.executemany(INSERT_SECTION, [(article_id, *r) for r in record.sections])
    _insert_owned(conn, article_id, record, with_statistics=False)
    add_corpus_terms(conn, [record.term_counts])
    return True
