"""SQL-side reads for corpus pages: statistics filtered/counted/faceted in SQL and KWIC over stored token arrays
must give exactly what the pandas / Token-object paths give on the same real store (the demo corpus)."""
from __future__ import annotations

import pandas as pd
import pytest
from app_support import demo_db, demo_template  # noqa: F401 (fixtures)

from analysis import corpus_views as views
from analysis import kwic
from analysis.store import Store

FILTERS = [
    {},
    {"workforce": "yes"},
    {"workforce": "no", "target": "yes"},
    {"units": ["人", "%"]},
    {"kinds": ["count"], "qualifiers": ["about", "more_than"]},
    {"sections": [views.LEAD_LABEL]},
]


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Values only: a column that is all NULL in a subset is inferred as object, not float/str, by pandas."""
    frame = frame.reset_index(drop=True).astype(object)
    return frame.where(frame.notna(), None)


@pytest.fixture
def store(demo_db) -> Store:
    return Store(demo_db)


@pytest.mark.parametrize("choices", FILTERS)
@pytest.mark.parametrize("scope", ["corpus", "article"])
def test_sql_statistics_equal_the_pandas_filter(store, choices, scope):
    ids = None if scope == "corpus" else (1,)
    expected = views.filter_statistics(store.get_statistics(ids), **choices)
    found, counts = views.query_statistics(store, ids, limit=None, **choices)
    assert _plain(found).equals(_plain(expected))
    assert counts == {"statistics": len(expected), "workforce_statistics": int(expected["is_workforce"].sum())}


def test_sql_statistics_are_capped_but_counted_in_full(store):
    everything = store.get_statistics(None)
    assert len(everything) > 5
    found, counts = views.query_statistics(store, None, limit=5)
    assert _plain(found).equals(_plain(everything.head(5))) and counts["statistics"] == len(everything)


def test_statistics_options_cover_every_unit_and_section(store):
    everything = store.get_statistics(None)
    options = views.statistics_options(store, None)
    assert options["units"] == sorted(everything["unit"].unique())
    assert options["sections"] == sorted(everything["section"].fillna(views.LEAD_LABEL).unique())


def test_largest_workforce_from_sql_matches_pandas(store):
    expected = views.largest_workforce(store.get_statistics(None), top_k=8)
    found = views.largest_workforce_stored(store, None, top_k=8)
    assert list(found["value"]) == list(expected["value"]) and len(found) == min(8, len(expected))


@pytest.mark.parametrize("term", ["就业", "产业工人", "技能", "业", "培训", "不存在的词语"])
@pytest.mark.parametrize("whole_word", [True, False])
def test_corpus_kwic_equals_kwic_over_decoded_articles(store, term, whole_word):
    ids = [row["id"] for row in store.list_articles()]
    docs = []
    for article_id in ids:
        found = store.get_analysis(article_id)
        docs.append({"text": found.article.text, "tokens": found.tokens, "sections": found.sections,
                     "article_id": article_id, "article": found.article.title})
    for sort_by in kwic.SORT_KEYS:
        expected = kwic.kwic_table(docs, term, whole_word=whole_word, sort_by=sort_by, width=12)
        found = views.corpus_kwic(store, term, article_ids=ids, whole_word=whole_word, sort_by=sort_by, width=12)
        assert found.equals(expected)


def test_term_sources_only_read_articles_holding_the_term(store):
    sources = store.term_sources("产业工人")
    assert sources and all("产业工人" in s["text"] for s in sources)
    assert store.term_sources("产业工人", [sources[0]["article_id"]])[0]["article_id"] == sources[0]["article_id"]
    assert store.term_sources("") == [] and store.term_sources("不存在的词语") == []


@pytest.mark.parametrize("sort_by", ["position", "left", "right"])
@pytest.mark.parametrize("limit", [1, 7, 100000])
def test_bounded_kwic_summary_equals_the_full_table(store, sort_by, limit):
    ids = [row["id"] for row in store.list_articles()]
    full = views.corpus_kwic(store, "就业", article_ids=ids, sort_by=sort_by, width=10)
    table, counts, totals = views.corpus_kwic_summary(store, "就业", article_ids=ids, sort_by=sort_by, width=10,
                                                      limit=limit)
    assert table.equals(full.head(limit).reset_index(drop=True))
    assert counts.equals(kwic.kwic_counts(views.corpus_kwic(store, "就业", article_ids=ids, width=10)))
    assert totals == {"articles": full["article_id"].nunique(), "matches": len(full)}


def test_term_sources_read_in_batches_give_every_article_once(store):
    every = [s["article_id"] for s in store.term_sources("就业")]
    batched = [s["article_id"] for s in views._term_sources(store, "就业", None, batch=2)]
    assert batched == every and len(every) > 2
