"""cli_keywords: the keyness reference of a multi-article file counts terms as ingest stores them."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from analysis.cli_keywords import _reference
from analysis.loaders import load_path
from analysis.models import Analysis
from analysis.pipeline import ingest
from analysis.sections import detect_sections
from analysis.segment import load_stopwords, make_segmenter, segment
from analysis.store import Store

DATA = Path(__file__).parent / "data" / "stats"
TEXTS = sorted(DATA.glob("*.txt"))[:3]


def test_reference_of_other_articles_equals_their_stored_term_counts(tmp_path: Path) -> None:
    articles = [load_path(p)[0] for p in TEXTS]
    assert all(a.title for a in articles)  # titles are what this is about
    segmenter, stopwords = make_segmenter(), load_stopwords()
    analyses = [Analysis(a, segment(a, segmenter=segmenter), detect_sections(a.text), (), ()) for a in articles]
    store = Store(tmp_path / "s.sqlite3")
    for path in TEXTS[1:]:
        ingest([path], store=store, jobs=1)
    stored = Counter()
    for row in store.list_articles(limit=10):
        stored += Counter(store.article_term_counts(row["id"] if isinstance(row, dict) else row.id))
    reference = _reference(analyses, 0, stopwords, None, segmenter=segmenter)
    assert reference == stored
