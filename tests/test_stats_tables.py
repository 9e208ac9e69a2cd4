"""DataFrame views of extracted statistics."""
from __future__ import annotations

import pandas as pd

from analysis.models import Statistic
from analysis.stats_tables import (COLUMNS, across_articles, by_section, by_unit_kind, statistics_table,
                                   workforce_only)


def stat(value, unit, kind, *, section=None, workforce=True, target=False, spans=((0, 1),)) -> Statistic:
    return Statistic(text="x", start=0, end=1, sentence="s", section=section, value=value, unit=unit, kind=kind,
                     qualifier="exact", is_target=target, subject="职工", is_workforce=workforce, spans=spans)


STATS = [stat(12, "人", "count", spans=((0, 1), (5, 6))), stat(5.1, "%", "percent", section="一、就业"),
         stat(3e8, "元", "money", section="一、就业", workforce=False, target=True)]


def test_statistics_table_has_every_field():
    frame = statistics_table(STATS)
    assert list(frame.columns) == COLUMNS and len(frame) == 3
    assert frame["n_mentions"].tolist() == [2, 1, 1] and frame["value"].dtype == "float64"


def test_empty_input_gives_empty_tables_with_columns():
    assert list(statistics_table([]).columns) == COLUMNS
    assert by_section([]).empty and by_unit_kind([]).empty and across_articles([]).empty


def test_by_section_labels_the_lead_and_counts():
    frame = by_section(STATS)
    assert frame["section"].tolist() == ["导语", "一、就业"]
    assert frame["n_statistics"].tolist() == [1, 2] and frame["n_workforce"].tolist() == [1, 1]
    assert frame["n_targets"].tolist() == [0, 1]


def test_by_unit_kind_sorts_largest_first():
    frame = by_unit_kind(STATS + [stat(7, "人", "count")])
    assert (frame.loc[0, "kind"], frame.loc[0, "unit"], frame.loc[0, "n_statistics"]) == ("count", "人", 2)


def test_workforce_only_filters():
    assert workforce_only(STATS)["unit"].tolist() == ["人", "%"]


def test_across_articles_adds_the_title():
    frame = across_articles([("甲", STATS[:1]), ("乙", STATS[1:])])
    assert frame["article"].tolist() == ["甲", "乙", "乙"] and isinstance(frame, pd.DataFrame)
