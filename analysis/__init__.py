"""WenYan (文眼) engine: load Chinese articles, segment them, find sections, keywords and statistics, store them.

Names are imported on first use (PEP 562) so `python -m analysis list` does not pay for jieba or pandas.
"""
from __future__ import annotations

import importlib

# public name -> module that defines it
_EXPORTS = {
    "Article": "models", "Token": "models", "Section": "models", "Keyword": "models", "Statistic": "models",
    "Analysis": "models",
    "AnalysisError": "errors", "UnsupportedFormat": "errors", "DecodeFailed": "errors", "EmptyText": "errors",
    "CorruptFile": "errors", "TooLarge": "errors", "MissingColumn": "errors", "InputNotFound": "errors",
    "load_bytes": "loaders", "load_path": "loaders", "iter_path": "loaders", "detect_encoding": "loaders",
    "to_display": "loaders",
    "find_layout": "layout", "detect_sections": "sections",
    "make_segmenter": "segment", "segment": "segment", "load_stopwords": "segment", "content_words": "segment",
    "extract_keywords": "keywords", "keyness": "keywords",
    "extract_statistics": "statistics", "EXTRACTOR_VERSION": "statistics",
    "evaluate_statistics": "stats_eval",
    "Store": "store", "resolve_db_path": "store",
    "analyze": "pipeline", "ingest": "pipeline", "section_keywords": "pipeline", "article_keywords": "pipeline",
    "refresh_statistics": "pipeline",
    "IngestReport": "ingest_report", "IngestItem": "ingest_report", "IngestProgress": "ingest_report",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    return getattr(importlib.import_module(f"analysis.{module}"), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
