"""Dashboard tables built on the Store: keywords per scope, sections, statistics filters, uploads."""
from __future__ import annotations

import pytest
from app_support import demo_db, demo_template  # noqa: F401 (fixtures)

from analysis import corpus_views as views
from analysis.store import Store

ARTICLE = "郑州市举办零工市场招聘会\n\n　　本报讯 郑州市零工市场本月组织招聘会12场，提供岗位3800个，超过2000人达成就业意向。\n"


@pytest.fixture
def store(demo_db) -> Store:
    return Store(demo_db)


def test_articles_frame_lists_every_article(store):
    frame = views.articles_frame(store)
    assert list(frame.columns) == views.ARTICLE_COLUMNS and len(frame) == store.counts()["articles"]
    assert list(views.articles_frame(store, search="成都600万")["id"]) == [1]


@pytest.mark.parametrize("method", ["freq", "tfidf", "textrank", "keyness"])
def test_article_and_section_keywords_for_every_method(store, method):
    article = views.scope_keywords(store, article_id=1, method=method, top_k=10)
    section = views.scope_keywords(store, article_id=1, section_idx=2, method=method, top_k=10)
    assert len(article) == 10 and len(section) >= 5
    assert len({k.word for k in article}) == 10


def test_corpus_keywords_count_every_article(store):
    by_count = views.scope_keywords(store, article_id=None, method="freq", top_k=5)
    counts = store.corpus_term_counts()
    assert [k.count for k in by_count] == sorted((c for c in counts.values()), reverse=True)[:5]
    stop = frozenset({by_count[0].word})
    assert by_count[0].word not in {k.word for k in views.scope_keywords(store, article_id=None, method="freq",
                                                                          stopwords=stop)}


def test_keywords_frame_round_trip(store):
    keywords = views.scope_keywords(store, article_id=1, top_k=5)
    frame = views.keywords_frame(keywords)
    assert list(frame["rank"]) == [1, 2, 3, 4, 5]
    assert [k.word for k in views.keywords_from_frame(frame)] == [k.word for k in keywords]


def test_sections_heatmap_and_distinctive_terms(store):
    analysis = store.get_analysis(1)
    sections = views.sections_frame(analysis)
    assert list(sections["section"]) == ["导语", "关键词“向心力”", "关键词“全链条”", "关键词“加速度”", "关键词“服务圈”"]
    matrix = views.heatmap_matrix(analysis, words=["产业工人", "不存在"], stopwords=frozenset())
    assert list(matrix.columns) == list(sections["section"])
    assert matrix.loc["产业工人"].sum() > 5 and matrix.loc["不存在"].sum() == 0
    distinctive = views.distinctive_by_section(analysis, stopwords=frozenset(), top_k=3)
    assert set(distinctive["section"]) <= set(sections["section"]) and len(distinctive) > 5
    assert views.section_index_at(analysis, analysis.sections[3].start + 1) == 3


def test_statistics_filters_and_per_section_counts(store):
    stats = store.get_statistics([1])
    assert len(stats) == 13
    workforce = views.filter_statistics(stats, workforce="yes")
    assert workforce["is_workforce"].all() and len(workforce) == int(stats["is_workforce"].sum())
    assert set(views.filter_statistics(stats, units=["名"])["unit"]) == {"名"}
    assert views.filter_statistics(stats, target="yes")["is_target"].all()
    per_section = views.statistics_per_category(stats)
    assert per_section[["workforce", "other"]].to_numpy().sum() == 13
    links = views.statistics_with_links(stats)["link"]
    assert links.iloc[0] == f"reader?article=1&stat={int(stats['idx'].iloc[0])}"
    largest = views.largest_workforce(stats, top_k=3)
    assert list(largest["value"]) == [150_000_000, 6_000_000, 500_000]  # 普惠服务人次, 产业工人, 免费培训 (issue 4)


def test_overview_metrics(store):
    corpus = views.overview_metrics(store, article_id=None)
    assert corpus["articles"] == store.counts()["articles"]
    one = views.overview_metrics(store, article_id=1)
    chars = len(store.get_article(1).text)
    assert one == {"articles": 1, "chars": chars, "statistics": 13, "workforce_statistics": 9}  # issue 4: 9 of 13
    assert views.overview_metrics(store, article_id=999)["articles"] == 0


def test_ingest_uploads_reports_stored_duplicate_and_error(store):
    seen = []
    results = views.ingest_uploads([("zz.txt", ARTICLE.encode("gb18030")), ("zz-copy.txt", ARTICLE.encode()),
                                    ("empty.txt", b"   "), ("x.exe", b"MZ")], store=store,
                                   progress=lambda done, total, name: seen.append((done, total)))
    assert [r["status"] for r in results] == ["stored", "duplicate", "error", "error"]
    assert results[0]["title"] == "郑州市举办零工市场招聘会"
    assert results[2]["error"] == "EmptyText" and results[3]["error"] == "UnsupportedFormat"
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)


def test_uploads_are_stamped_with_the_word_lists_they_were_analysed_with(store):
    store.add_user_words(["零工市场"])  # the demo store's articles are now outdated; the upload is not
    outdated = store.count_outdated_articles()
    views.ingest_uploads([("zz.txt", ARTICLE.encode())], store=store)
    assert store.count_outdated_articles() == outdated == store.counts()["articles"] - 1
