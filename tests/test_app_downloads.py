"""AppTest: table downloads hold the whole table, while the screen shows only the first rows (KWIC, statistics)."""
from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from app_support import assert_clean, copy_store, run_page, uploaded_store
from streamlit.runtime.media_file_manager import MediaFileManager

from analysis import corpus_views

N_ROWS = 2300  # more than the 2,000 rows a page shows
DISTRICTS = ("东城", "西城", "南岗", "北湖")
# One long ledger: every line holds the word 职工 once and one workforce count, so KWIC and statistics both
# have exactly N_ROWS rows.
LEDGER = "某市职工技能培训结业情况汇总\n\n" + "\n".join(
    f"　　{DISTRICTS[i % 4]}区第{i % 9 + 1}期培训班结业，参训职工{i + 40}人。" for i in range(N_ROWS)) + "\n"


@pytest.fixture(scope="module")
def ledger_template(tmp_path_factory) -> Path:
    return uploaded_store(tmp_path_factory.mktemp("ledger") / "ledger.sqlite3", [("ledger.txt", LEDGER.encode())])


@pytest.fixture
def ledger_db(ledger_template, tmp_path) -> Path:
    return copy_store(ledger_template, tmp_path)


@pytest.fixture
def deferred(monkeypatch) -> dict[str, Callable]:
    """File name -> the callable a download button runs when clicked (Streamlit's own registry, recorded)."""
    found: dict[str, Callable] = {}
    real = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **options):
        found[file_name] = data_callable
        return real(self, data_callable, mimetype, coordinates, file_name, **options)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return found


def _downloaded(deferred: dict[str, Callable], name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The CSV and XLSX a click on the table's download buttons would give, read back."""
    csv = deferred[f"wenyan_{name}.csv"]()
    assert csv.startswith(b"\xef\xbb\xbf")
    return (pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig"),
            pd.read_excel(io.BytesIO(deferred[f"wenyan_{name}.xlsx"]())))


@pytest.mark.parametrize(("page", "query", "limit", "text_column"), [
    ("kwic", {"q": "职工", "scope": "article"}, corpus_views.KWIC_ROW_LIMIT, "右侧语境"),
    ("statistics", {}, corpus_views.STATISTICS_ROW_LIMIT, "原文"),
])
def test_download_holds_the_whole_table_while_the_screen_shows_its_head(page, query, limit, text_column, ledger_db,
                                                                        monkeypatch, deferred):
    app = run_page(page, ledger_db, monkeypatch, **query)
    assert_clean(app)
    shown = app.dataframe[0].value
    assert len(shown) == limit
    assert any("共 2,300 条" in c.value and "下载的 CSV 和 Excel 包含全部 2,300 条" in c.value for c in app.caption)
    csv, xlsx = _downloaded(deferred, page)
    assert len(csv) == len(xlsx) == N_ROWS and list(csv.columns) == list(shown.columns) == list(xlsx.columns)
    assert list(csv[text_column].head(limit)) == list(shown[text_column])  # same order: the screen is its head
    if page == "kwic":
        assert (csv["关键词"] == "职工").all() and csv["右侧语境"].str.contains("人").all()
    else:
        assert sorted(csv["数值"]) == [float(i + 40) for i in range(N_ROWS)]  # every count of the ledger, once


def test_statistics_download_follows_the_filters(ledger_db, monkeypatch, deferred):
    app = run_page("statistics", ledger_db, monkeypatch)
    app.radio(key="stats.workforce").set_value("no").run()
    assert_clean(app)
    assert app.dataframe[0].value.empty
    csv, _ = _downloaded(deferred, "statistics")
    assert csv.empty
