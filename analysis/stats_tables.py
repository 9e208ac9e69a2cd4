"""pandas tables of extracted statistics for the dashboard: one row each, and grouped views."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict

import pandas as pd

from analysis.models import Statistic

COLUMNS = ["text", "value", "value_max", "unit", "kind", "qualifier", "is_target", "subject", "is_workforce",
           "section", "sentence", "start", "end", "n_mentions"]
SUMMARY_COLUMNS = ["n_statistics", "n_workforce", "n_targets"]


def statistics_table(stats: Iterable[Statistic]) -> pd.DataFrame:
    """One row per statistic with every field (spans counted in n_mentions); empty input gives the columns."""
    rows = []
    for stat in stats:
        row = asdict(stat)
        row["n_mentions"] = max(1, len(row.pop("spans")))
        rows.append(row)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.astype({"value": "float64", "is_target": "bool", "is_workforce": "bool", "n_mentions": "int64"})


def _summarise(frame: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Counts of statistics, workforce statistics and targets per group."""
    if frame.empty:
        return pd.DataFrame(columns=[*keys, *SUMMARY_COLUMNS])
    grouped = frame.groupby(list(keys), dropna=False, sort=False)
    out = grouped.agg(n_statistics=("value", "size"), n_workforce=("is_workforce", "sum"),
                      n_targets=("is_target", "sum")).reset_index()
    return out.astype({c: "int64" for c in SUMMARY_COLUMNS})


def by_section(stats: Iterable[Statistic], *, lead_label: str = "导语") -> pd.DataFrame:
    """Statistics per section in reading order; the lead (section None) is labelled `lead_label`."""
    frame = statistics_table(stats)
    frame["section"] = frame["section"].fillna(lead_label)
    return _summarise(frame, ["section"])


def by_unit_kind(stats: Iterable[Statistic]) -> pd.DataFrame:
    """Statistics per (kind, unit), largest groups first."""
    out = _summarise(statistics_table(stats), ["kind", "unit"])
    return out.sort_values("n_statistics", ascending=False, kind="stable").reset_index(drop=True)


def workforce_only(stats: Iterable[Statistic]) -> pd.DataFrame:
    """The statistics table restricted to workforce statistics."""
    frame = statistics_table(stats)
    return frame[frame["is_workforce"]].reset_index(drop=True)


def across_articles(articles: Iterable[tuple[str, Iterable[Statistic]]]) -> pd.DataFrame:
    """One table for many articles: an `article` column first, then every statistic field."""
    frames = []
    for title, stats in articles:
        frame = statistics_table(stats)
        frame.insert(0, "article", title)
        frames.append(frame)
    if not frames:
        return pd.DataFrame(columns=["article", *COLUMNS])
    return pd.concat(frames, ignore_index=True)
