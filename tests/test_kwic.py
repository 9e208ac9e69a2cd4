"""Keyword in context over display text, tokens and sections."""
from __future__ import annotations

import pytest

from analysis import kwic
from analysis.models import Section, Token

TEXT = "产业工人是主力。\n新时代产业工人队伍建设，工人们干劲足。"
TOKENS = (Token("产业工人", 0, 4), Token("是", 4, 5), Token("主力", 5, 7), Token("。", 7, 8),
          Token("新时代", 9, 12), Token("产业工人", 12, 16), Token("队伍", 16, 18), Token("建设", 18, 20),
          Token("，", 20, 21), Token("工人", 21, 23), Token("们", 23, 24))
SECTIONS = (Section(None, None, 0, None, 0, 9, TEXT[:9]), Section("第二部分", None, 1, None, 9, len(TEXT), TEXT[9:]))


@pytest.mark.parametrize(("term", "whole", "expected"), [
    ("产业工人", True, [(0, 4), (12, 16)]),
    ("工人", True, [(21, 23)]),  # tokens only: not inside 产业工人
    ("工人", False, [(2, 4), (14, 16), (21, 23)]),
    ("队伍建设", True, [(16, 20)]),  # no such token: falls back to substring search
    ("", True, []),
    ("  ", False, []),
])
def test_find_occurrences(term, whole, expected):
    assert kwic.find_occurrences(TEXT, term, tokens=TOKENS, whole_word=whole) == expected


def test_rows_carry_context_section_and_article():
    rows = kwic.kwic_rows(TEXT, "产业工人", tokens=TOKENS, sections=SECTIONS, article_id=7, article="样例", width=3)
    assert [(r["left"], r["keyword"], r["right"], r["section"]) for r in rows] == [
        ("", "产业工人", "是主力", "导语"), (" 新时代"[-3:], "产业工人", "队伍建", "第二部分")]
    assert rows[0]["article_id"] == 7 and rows[0]["article"] == "样例"


def test_newlines_in_context_become_spaces():
    rows = kwic.kwic_rows(TEXT, "新时代", width=4)
    assert rows[0]["left"] == "主力。 "


def test_sorting_left_context_reads_outwards_from_the_keyword():
    docs = [{"text": "甲乙工人，丙丁工人，乙甲工人", "article_id": 1, "article": "a"}]
    table = kwic.kwic_table(docs, "工人", width=2, sort_by="left")
    assert list(table["left"]) == ["丙丁", "甲乙", "乙甲"]  # keys 丁丙 < 乙甲 < 甲乙
    assert [s[::-1] for s in table["left"]] == sorted(s[::-1] for s in table["left"])
    by_right = kwic.kwic_table(docs, "工人", width=2, sort_by="right")
    assert list(by_right["right"]) == sorted(by_right["right"])
    by_position = kwic.kwic_table(docs, "工人", width=2)
    assert list(by_position["start"]) == sorted(by_position["start"])
    with pytest.raises(ValueError, match="sort"):
        kwic.sort_kwic(by_position, by="middle")


def test_counts_per_article_and_section():
    docs = [{"text": TEXT, "tokens": TOKENS, "sections": SECTIONS, "article_id": 1, "article": "甲"},
            {"text": "产业工人", "article_id": 2, "article": "乙"}]
    counts = kwic.kwic_counts(kwic.kwic_table(docs, "产业工人"))
    assert counts.to_dict("records") == [{"article": "甲", "section": "导语", "count": 1},
                                         {"article": "甲", "section": "第二部分", "count": 1},
                                         {"article": "乙", "section": "导语", "count": 1}]
    assert kwic.kwic_counts(kwic.kwic_table([], "x")).empty


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    from analysis.pipeline import ingest
    from analysis.store import Store

    store = Store(tmp_path_factory.mktemp("kwic") / "demo.sqlite3")
    demo = sorted((__import__("pathlib").Path(__file__).resolve().parents[1] / "demo").glob("*.txt"))[:6]
    ingest([str(p) for p in demo], store=store, jobs=1)
    return store


@pytest.mark.parametrize("sort_by", kwic.SORT_KEYS)
@pytest.mark.parametrize("limit", [1, 7, 100_000])
@pytest.mark.parametrize(("term", "whole_word"), [("就业", True), ("工人", False), ("技能", True)])
def test_bounded_summary_equals_the_full_table_cut(demo_store, sort_by, limit, term, whole_word):
    """The streaming summary the pages use gives what summarising the whole KWIC table gives."""
    from analysis import corpus_views as views

    full = views.corpus_kwic(demo_store, term, sort_by=sort_by, whole_word=whole_word)
    assert len(full) > 7  # the demo articles use each of these terms
    rows, counts, totals = views.corpus_kwic_summary(demo_store, term, sort_by=sort_by, whole_word=whole_word,
                                                     limit=limit)
    in_text_order = views.corpus_kwic(demo_store, term, sort_by="position", whole_word=whole_word)
    _, want_counts, want_totals = views.kwic_summary(in_text_order, limit=limit)  # count ties stay in text order
    assert rows.to_dict("records") == full.head(limit).to_dict("records")
    assert counts.to_dict("records") == want_counts.to_dict("records")
    assert totals == want_totals


@pytest.mark.parametrize("batch", [1, 2, 300])
def test_term_sources_read_in_batches_are_the_same_articles_in_id_order(demo_store, batch):
    """Chunks of the chosen ids (or pages of the whole corpus) give each holding article once, by id."""
    from analysis import corpus_views as views

    ids = [row["id"] for row in demo_store.list_articles()]
    chosen = ids[::-1] + ids[:2]  # unordered, with repeats, as a caller might pass them
    everything = [doc["article_id"] for doc in views._term_sources(demo_store, "就业", None, batch=batch)]
    picked = [doc["article_id"] for doc in views._term_sources(demo_store, "就业", chosen, batch=batch)]
    some = [doc["article_id"] for doc in views._term_sources(demo_store, "就业", ids[1:4], batch=batch)]
    assert everything == picked == sorted(everything) and len(everything) >= 4
    assert some == [i for i in everything if i in ids[1:4]]
