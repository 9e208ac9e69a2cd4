"""Filtered, counted and faceted statistics read in SQL, so corpus pages never load every row into pandas."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING

from analysis import store_rows as rows
from analysis.models import Section

if TYPE_CHECKING:
    import pandas as pd

STATISTICS_FROM = "FROM statistics s JOIN articles a ON a.id = s.article_id"


def statistics_where(article_ids: Sequence[int] | None = None, *, workforce: bool | None = None,
                     target: bool | None = None, units: Sequence[str] = (), kinds: Sequence[str] = (),
                     qualifiers: Sequence[str] = (), sections: Sequence[str | None] = ()) -> tuple[str, list]:
    """A WHERE clause (or "") with its parameters; None in `sections` is the lead (no section)."""
    where, params = [], []
    if article_ids is not None:
        where.append("s.article_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps([int(i) for i in article_ids]))
    for column, flag in (("is_workforce", workforce), ("is_target", target)):
        if flag is not None:
            where.append(f"s.{column} = ?")
            params.append(int(flag))
    for column, chosen in (("unit", units), ("kind", kinds), ("qualifier", qualifiers)):
        if chosen:
            where.append(f"s.{column} IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(chosen), ensure_ascii=False))
    if sections:
        named = [s for s in sections if s is not None]
        clause = "s.section IN (SELECT value FROM json_each(?))"
        clause = f"({clause} OR s.section IS NULL)" if None in sections else clause
        where.append(clause)
        params.append(json.dumps(named, ensure_ascii=False))
    return (" WHERE " + " AND ".join(where) if where else ""), params


def statistics_frame(conn: sqlite3.Connection, where: str, params: Sequence, *, limit: int | None = None,
                     largest_first: bool = False) -> pd.DataFrame:
    """Rows as the DataFrame `Store.get_statistics` returns, in text order (or largest value first), capped."""
    import pandas as pd

    columns = ", ".join(f's."{c}"' for c in rows.STATISTIC_COLUMNS)
    order = "s.value DESC, s.article_id, s.idx" if largest_first else "s.article_id, s.idx"
    sql = f"SELECT s.article_id, a.title AS article_title, {columns} {STATISTICS_FROM}{where} ORDER BY {order}"
    if limit is not None:
        sql, params = sql + " LIMIT ?", [*params, int(limit)]
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    frame = pd.DataFrame.from_records(cursor.fetchall(), columns=names)
    for column in ("is_target", "is_workforce"):
        frame[column] = frame[column].astype(bool)
    frame["spans"] = [decode_statistic_spans(s, start, end)
                      for s, start, end in zip(frame["spans"], frame["start"], frame["end"])]
    return frame


def decode_statistic_spans(encoded: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Decode a spans column; most figures are mentioned once, so skip the JSON parser for those."""
    if encoded.count(",") == 1:
        return ((int(start), int(end)),)
    return tuple((a, b) for a, b in json.loads(encoded))


def count_statistics(conn: sqlite3.Connection, where: str, params: Sequence) -> dict[str, int]:
    """How many statistics match, and how many of them are about the workforce."""
    sql = f"SELECT COUNT(*), COALESCE(SUM(s.is_workforce), 0) FROM statistics s{where}"
    n, n_workforce = conn.execute(sql, params).fetchone()
    return {"statistics": n, "workforce_statistics": n_workforce}


def statistics_facets(conn: sqlite3.Connection, where: str, params: Sequence) -> dict[str, list]:
    """The distinct units, kinds, qualifiers and sections (None: the lead) among matching statistics."""
    return {column: [r[0] for r in conn.execute(f"SELECT DISTINCT s.{column} FROM statistics s{where}", params)]
            for column in ("unit", "kind", "qualifier", "section")}


def article_row(conn: sqlite3.Connection, article_id: int) -> sqlite3.Row:
    """The `articles` row of an id; KeyError when absent."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise KeyError(f"no article with id {article_id}")
    return row


def sections_of(conn: sqlite3.Connection, article_id: int, text: str) -> tuple[Section, ...]:
    """An article's sections in order."""
    sql = "SELECT * FROM sections WHERE article_id = ? ORDER BY idx"
    return tuple(rows.section_from_row(text, r) for r in conn.execute(sql, (article_id,)))


def term_sources(conn: sqlite3.Connection, term: str, article_ids: Sequence[int] | None, *, after_id: int,
                 limit: int | None) -> list[dict]:
    """What `Store.term_sources` returns: articles whose text holds `term`, with their section heads."""
    sql = "SELECT id, title, text, tokens, token_words FROM articles WHERE id > ? AND instr(text, ?) > 0"
    params: list = [after_id, term]
    if article_ids is not None:
        sql, params = sql + " AND id IN (SELECT value FROM json_each(?))", params + [json.dumps(list(article_ids))]
    sql += " ORDER BY id" + (" LIMIT ?" if limit is not None else "")
    params += [limit] if limit is not None else []
    found = conn.execute(sql, params).fetchall()
    ids = json.dumps([r["id"] for r in found])
    section_rows = conn.cursor()
    section_rows.row_factory = None  # plain tuples: ~20 sections per article, a corpus-wide KWIC reads them all
    section_rows.execute("SELECT article_id, start, title FROM sections WHERE article_id IN "
                         "(SELECT value FROM json_each(?)) ORDER BY article_id, idx", (ids,))
    by_article = {article_id: tuple((start, title) for _, start, title in rows)
                  for article_id, rows in groupby(section_rows, key=itemgetter(0))}
    return [_term_source(r, by_article.get(r["id"], ())) for r in found]


def _term_source(row: sqlite3.Row, section_heads: Sequence[tuple[int, str | None]]) -> dict:
    text = row["text"]
    source = {"article_id": row["id"], "article": row["title"], "text": text, "section_heads": tuple(section_heads)}
    if row["token_words"]:
        return source | {"tokens": rows.decode_tokens(text, row["tokens"], row["token_words"])}
    starts, ends = rows.decode_token_bounds(row["tokens"])
    return source | {"token_starts": starts, "token_ends": ends}
