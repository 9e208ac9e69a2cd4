"""Scoring the extractor against the annotated set, and the matching rules themselves."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.errors import InputNotFound
from analysis.stats_eval import evaluate_statistics, format_eval_report, occurrences, score_article, subjects_agree

GOLD_DIR = Path(__file__).parent / "data" / "stats"
MIN_F1 = 0.95
MIN_FIELD = 0.90


@pytest.fixture(scope="module")
def result():
    return evaluate_statistics(GOLD_DIR)


def test_the_annotated_set_is_there_and_large_enough(result):
    assert len(result["articles"]) >= 26 and result["n_gold"] >= 300


def test_f1_on_the_annotated_set(result):
    assert result["f1"] >= MIN_F1, format_eval_report(result, details=True)


@pytest.mark.parametrize("field", ["subject", "qualifier", "is_workforce", "unit", "value", "kind", "is_target"])
def test_field_accuracy_on_the_annotated_set(result, field):
    assert result["accuracy"][field] >= MIN_FIELD, [m for m in result["field_mismatches"] if m["field"] == field]


BLIND_DIR = Path(__file__).parent / "data" / "stats_blind"
# Blind batches 9–19 (their README): annotators who never saw the extractor settled some subject questions the
# other way, so subject has its own, lower floor; these guard against regressions, they do not fit anything.
BLIND_FLOORS = {"f1": 0.98, "subject": 0.78, "is_workforce": 0.93, "is_target": 0.96, "unit": 0.98,
                "qualifier": 0.99, "value": 0.99, "kind": 0.99}


def test_blind_batches_stay_above_their_floors():
    blind = evaluate_statistics(BLIND_DIR)
    scores = {"f1": blind["f1"], **blind["accuracy"]}
    assert len(blind["articles"]) == 64 and blind["n_gold"] >= 2550
    assert {k: round(scores[k], 3) for k in BLIND_FLOORS if scores[k] < BLIND_FLOORS[k]} == {}


def test_report_names_the_scores(result):
    report = format_eval_report(result)
    assert "precision" in report and "F1" in report and "subject" in report


@pytest.mark.parametrize(("predicted", "gold", "agree"), [
    ("产业工人", "产业工人", True), ("产业工人", "成都产业工人", True), ("“杭州工匠”", "杭州工匠", True),
    ("招聘会", "线上线下招聘会", False), ("岗位", "就业岗位", False), ("", "岗位", False), ("工资", "收入", False),
])
def test_subject_leniency(predicted, gold, agree):
    assert subjects_agree(predicted, gold) is agree


def test_occurrences_skip_numbers_inside_longer_numbers():
    assert occurrences("补贴1500元，另发500元", "500元") == [10]


def test_matching_needs_overlap_and_equal_value(tmp_path):
    text = "全市城镇新增就业12万人，发放补贴3亿元。"
    gold = {"title": "t", "traps": ["12万"], "statistics": [
        {"text": "12万人", "value": 120000, "value_max": None, "unit": "人", "kind": "count", "qualifier": "exact",
         "is_target": False, "subject": "城镇新增就业", "is_workforce": True},
        {"text": "3亿元", "value": 4e8, "value_max": None, "unit": "元", "kind": "money", "qualifier": "exact",
         "is_target": False, "subject": "补贴", "is_workforce": True}]}
    scored = score_article(text, gold)
    assert len(scored["pairs"]) == 1 and [m["text"] for m in scored["misses"]] == ["3亿元"]
    assert [p.text for p in scored["false_positives"]] == ["3亿元"] and len(scored["trap_hits"]) == 1


def test_evaluate_a_small_folder(tmp_path):
    (tmp_path / "001_a.txt").write_text("标题\n\n全市新增就业12万人，失业率为5.1%。\n", encoding="utf-8")
    gold = {"title": "标题", "traps": [], "statistics": [
        {"text": "12万人", "value": 120000, "value_max": None, "unit": "人", "kind": "count", "qualifier": "exact",
         "is_target": False, "subject": "新增就业", "is_workforce": True}]}
    (tmp_path / "001_a.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = evaluate_statistics(tmp_path)
    assert (result["n_gold"], result["n_predicted"], result["n_matched"]) == (1, 2, 1)
    assert result["recall"] == 1.0 and result["precision"] == 0.5
    assert result["accuracy"]["subject"] == 1.0 and len(result["false_positives"]) == 1


def test_missing_folder_is_a_typed_error(tmp_path):
    with pytest.raises(InputNotFound):
        evaluate_statistics(tmp_path / "nope")
