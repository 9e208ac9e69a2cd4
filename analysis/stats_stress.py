"""Seed-style stress check: score the extractor on gold articles rewritten the way the seed is stored.

The seed (and perhaps the hidden set) is pre-segmented with jieba and stripped of stopwords (的, 个, 人, 多, 以上,
将, 共, 已, punctuation but 。？！ …), tokens joined by spaces. This module rewrites each gold article that way,
carries every gold span over through a character map, and scores detection, subject, workforce and target.
"""
from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from pathlib import Path

from analysis.stats_eval import _resolve_article, _same_value, load_display_text, occurrences, subjects_agree
from analysis.statistics import extract_statistics

KEPT_PUNCTUATION = frozenset("。？！")  # the seed keeps sentence ends although the stopword list has them
NUMERAL = re.compile(r"[0-9零〇一二两三四五六七八九十百千万亿]")
STRESS_FIELDS = ("subject", "is_workforce", "is_target")


@lru_cache(maxsize=1)
def make_segmenter():
    """A private jieba tokenizer (the seed was cut with jieba 0.42.1) and the stopwordsiso zh set."""
    import jieba
    import stopwordsiso

    jieba.setLogLevel(logging.WARNING)
    return jieba.Tokenizer(), frozenset(stopwordsiso.stopwords("zh")) - KEPT_PUNCTUATION


def _kept_tokens(text: str) -> list[tuple[int, str]]:
    """(offset, token) of the tokens the seed's preprocessing keeps: no stopwords, no whitespace."""
    tokenizer, stopwords = make_segmenter()
    out, pos = [], 0
    for token in tokenizer.cut(text):
        if token.strip() and token not in stopwords:
            out.append((pos, token))
        pos += len(token)
    return out


def seed_style(text: str) -> tuple[str, list[int | None]]:
    """(stressed text, new offset of each original character or None when dropped); paragraphs stay lines."""
    mapping: list[int | None] = [None] * len(text)
    parts: list[str] = []
    length, base = 0, 0
    for paragraph in text.split("\n"):
        words = []
        for offset, token in _kept_tokens(paragraph):
            start = length + sum(len(w) + 1 for w in words)
            for i in range(len(token)):
                mapping[base + offset + i] = start + i
            words.append(token)
        line = " ".join(words)
        parts.append(line)
        length += len(line) + 1
        base += len(paragraph) + 1
    return "\n".join(parts), mapping


def stress_subject(subject: str) -> str:
    """The gold subject as the stripped text writes it (stopwords and punctuation gone)."""
    return "".join(token for _, token in _kept_tokens(subject))


def _carried_items(text: str, gold: dict, mapping: list[int | None]) -> list[tuple[dict, tuple[int, int]]]:
    """Gold items with their span in the stressed text; items whose number was stripped are left out."""
    out = []
    for item in gold["statistics"]:
        starts = occurrences(text, item["text"])
        starts = starts[item.get("occurrence", 0): item.get("occurrence", 0) + 1]
        if not starts:
            continue
        kept = [mapping[i] for i in range(starts[0], starts[0] + len(item["text"]))
                if mapping[i] is not None and NUMERAL.match(text[i])]
        if kept:
            out.append((item, (min(kept), max(kept) + 1)))
    return out


def stress_article(text: str, gold: dict) -> dict:
    """Matched pairs, gold kept and predicted counts for one article in seed form."""
    stressed, mapping = seed_style(text)
    items = _carried_items(text, gold, mapping)
    predicted = list(extract_statistics(stressed))
    used: set[int] = set()
    pairs, misses = [], []
    for item, (c, d) in items:
        hit = next((i for i, p in enumerate(predicted) if i not in used and _same_value(p.value, item["value"])
                    and any(a < d and c < b for a, b in p.spans)), None)
        if hit is not None:
            used.add(hit)
            pairs.append((predicted[hit], item))
        else:
            misses.append({"text": item["text"], "subject": item["subject"], "sentence": _around(stressed, c, d)})
    extra = [{"text": p.text, "value": p.value, "unit": p.unit, "subject": p.subject,
              "sentence": _around(stressed, p.start, p.end)} for i, p in enumerate(predicted) if i not in used]
    return {"pairs": pairs, "n_gold": len(items), "n_predicted": len(predicted), "misses": misses,
            "false_positives": extra}


def _around(text: str, start: int, end: int, *, width: int = 24) -> str:
    """A short window of the stressed text around a span, spaces removed, the span in brackets (for reports)."""
    window = text[max(0, start - width): start] + "[" + text[start:end] + "]" + text[end: end + width // 2]
    return window.replace(" ", "").replace("\n", "/")


def _field_ok(field: str, pred, item: dict) -> bool:
    if field == "subject":
        return subjects_agree(pred.subject, stress_subject(item["subject"]))
    return getattr(pred, field) == item[field]


def stress_evaluate(directory: str | Path, *, pattern: str = "*.gold.json") -> dict:
    """Precision, recall and subject/workforce/target accuracy of the extractor on a gold folder in seed form.

    `pattern` picks the gold files (e.g. "06[1-8]_*.gold.json" for one batch); misses and false positives are
    listed per article with a window of the stressed text.
    """
    pairs, n_gold, n_pred, misses, extras = [], 0, 0, [], []
    for gold_path in sorted(Path(directory).resolve().glob(pattern)):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        _, text = load_display_text(_resolve_article(gold_path, gold))
        result = stress_article(text, gold)
        pairs += [(p, g, gold_path.name) for p, g in result["pairs"]]
        name = gold_path.name.removesuffix(".gold.json")
        misses += [{"article": name, **m} for m in result["misses"]]
        extras += [{"article": name, **e} for e in result["false_positives"]]
        n_gold, n_pred = n_gold + result["n_gold"], n_pred + result["n_predicted"]
    precision, recall = len(pairs) / max(n_pred, 1), len(pairs) / max(n_gold, 1)
    accuracy = {f: sum(_field_ok(f, p, g) for p, g, _ in pairs) / max(len(pairs), 1) for f in STRESS_FIELDS}
    mismatches = [{"article": a, "field": f, "text": g["text"], "predicted": getattr(p, f), "gold": g[f]}
                  for p, g, a in pairs for f in STRESS_FIELDS if not _field_ok(f, p, g)]
    return {"precision": precision, "recall": recall, "n_gold": n_gold, "n_predicted": n_pred,
            "n_matched": len(pairs), "accuracy": accuracy, "field_mismatches": mismatches, "misses": misses,
            "false_positives": extras}
