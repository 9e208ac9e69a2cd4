"""Comparing articles: shared keywords, distinctive keywords (keyness), statistics side by side."""
from __future__ import annotations

import pandas as pd

from analysis import compare
from analysis.models import Keyword

SETS = {
    "甲": (Keyword("产业工人", 0.9), Keyword("培训", 0.4), Keyword("成都", 0.3)),
    "乙": (Keyword("产业工人", 0.5), Keyword("就业", 0.6), Keyword("培训", 0.1)),
    "丙": (Keyword("就业", 0.7), Keyword("武汉", 0.2)),
}


def test_shared_keywords_ranked_by_article_count_then_weight():
    shared = compare.shared_keywords(SETS)
    assert list(shared["word"]) == ["产业工人", "就业", "培训"]
    assert list(shared["n_articles"]) == [2, 2, 2]
    row = shared.iloc[0]
    assert row["甲"] == 0.9 and row["乙"] == 0.5 and pd.isna(row["丙"])
    assert compare.shared_keywords(SETS, min_articles=3).empty


def test_distinctive_keywords_prefer_each_articles_own_terms():
    counts = {"甲": {"成都": 12, "工人": 10, "培训": 5}, "乙": {"武汉": 15, "工人": 10, "培训": 5}}
    table = compare.distinctive_keywords(counts, top_k=3)
    top = table[table["rank"] == 1].set_index("article")["word"].to_dict()
    assert top == {"甲": "成都", "乙": "武汉"}
    assert (table[table["rank"] == 1]["effect_size"] > 0).all()


def test_keyword_weights_long_fills_missing_with_zero():
    long = compare.keyword_weights_long(SETS, ["成都"])
    assert long.to_dict("records") == [{"word": "成都", "article": "甲", "weight": 0.3},
                                       {"word": "成都", "article": "乙", "weight": 0.0},
                                       {"word": "成都", "article": "丙", "weight": 0.0}]


def test_statistics_side_by_side():
    stats = pd.DataFrame({
        "article_id": [1, 1, 2, 2, 3], "subject": ["产业工人", "产值", "产业工人", "技能人才", "产业工人"],
        "unit": ["人", "元", "人", "人", "人"], "text": ["600万", "万亿元", "300万", "5万", "1万"],
        "is_workforce": [True, False, True, True, True],
    })
    table = compare.statistics_side_by_side(stats, {1: "甲", 2: "乙"})
    assert list(table.columns) == ["subject", "unit", "甲", "乙"]
    assert table.iloc[0].to_dict() == {"subject": "产业工人", "unit": "人", "甲": "600万", "乙": "300万"}
    assert table.iloc[1].to_dict() == {"subject": "技能人才", "unit": "人", "甲": "", "乙": "5万"}
    everything = compare.statistics_side_by_side(stats, {1: "甲", 2: "乙"}, workforce_only=False)
    assert "产值" in set(everything["subject"])
    assert list(compare.statistics_side_by_side(stats.iloc[0:0], {1: "甲"}).columns) == ["subject", "unit", "甲"]
