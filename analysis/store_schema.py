"""The store's SQL: the schema in one string and the statements the Store runs (all parameterised)."""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from analysis import store_rows as rows
from analysis.store_words import current_signature

SCHEMA_VERSION = "3"  # 2: articles.word_lists (the word lists an article was analysed with); 3: articles_totals

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
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    word_lists TEXT              -- signature of the word lists it was analysed with (store_words); NULL: unknown
);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
CREATE INDEX IF NOT EXISTS articles_extractor ON articles(extractor_version);
-- Covers the stale-article count, which must not read the article rows (their texts span overflow pages).
CREATE INDEX IF NOT EXISTS articles_analysed ON articles(word_lists, extractor_version);
-- Covers the corpus totals every page shows (Store.counts): summing over the index, not the article rows.
CREATE INDEX IF NOT EXISTS articles_totals ON articles(n_chars, n_sections, n_statistics, n_workforce);
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


INSERT_ARTICLE = _insert_sql("articles", rows.ARTICLE_COLUMNS, owned=False) + " RETURNING id"
INSERT_SECTION = _insert_sql("sections", rows.SECTION_COLUMNS)
INSERT_KEYWORD = _insert_sql("keywords", rows.KEYWORD_COLUMNS)
INSERT_STATISTIC = _insert_sql("statistics", rows.STATISTIC_COLUMNS)
INSERT_COUNT = "INSERT INTO token_counts (article_id, term, count) VALUES (?, ?, ?)"
ADD_CORPUS_TERMS = (
    "INSERT INTO corpus_terms (term, count, df) VALUES (?, ?, ?) "
    "ON CONFLICT(term) DO UPDATE SET count = count + excluded.count, df = df + excluded.df"
)
SUBTRACT_CORPUS_TERMS = (
    "UPDATE corpus_terms SET count = corpus_terms.count - tc.count, df = corpus_terms.df - 1 "
    "FROM (SELECT term, count FROM token_counts WHERE article_id = ?) AS tc WHERE corpus_terms.term = tc.term"
)
IDS_FILTER = "article_id IN (SELECT value FROM json_each(?))"
LIST_COLUMNS = (
    "id, title, subtitle, date, source, format, encoding, presegmented, n_chars, n_tokens, n_sections, "
    "n_statistics, n_workforce, extractor_version, added_at"
)


# Schema 1 -> 2 (-> 3). The column is added last, as CREATE TABLE in SCHEMA has it. Which word lists the existing
# articles were analysed with is unknown (a re-analysis may have stopped halfway), so they keep NULL and count
# as stale, except when the store never had word-list changes: then the empty lists were the only ones.
MIGRATIONS = {
    "1": ("ALTER TABLE articles ADD COLUMN word_lists TEXT",),
    "2": (),  # 2 -> 3 only adds the articles_totals index, which SCHEMA creates
}


def schema_statements(script: str) -> list[str]:
    """The statements of an SQL script, one by one (executescript would commit the caller's transaction)."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    return statements


def migrate(conn: sqlite3.Connection, version: str | None) -> None:
    """Bring a store of `version` (None: a new file) to SCHEMA_VERSION, inside the caller's write transaction."""
    if version is not None and version not in MIGRATIONS and version != SCHEMA_VERSION:
        raise ValueError(f"store schema version {version!r} is newer than this program's ({SCHEMA_VERSION})")
    has_articles = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone() is not None
    for statement in MIGRATIONS.get(version or "", ()) if has_articles else ():
        conn.execute(statement)
    if version == "1" and not conn.execute("SELECT 1 FROM user_words UNION ALL SELECT 1 FROM stopwords").fetchone():
        conn.execute("UPDATE articles SET word_lists = ?", (current_signature(conn),))
    for statement in schema_statements(SCHEMA):
        conn.execute(statement)
    conn.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (SCHEMA_VERSION,))
