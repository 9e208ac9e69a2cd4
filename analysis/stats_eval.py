"""Score the statistics extractor against hand-annotated gold files.

Gold format (one pair per article in a folder):
  NNN_name.txt        the article, readable by analysis.loaders.load_path ("title line, blank line, paragraphs",
                      UTF-8; pre-segmented files as in the seed are allowed);
  NNN_name.gold.json  {"title": "...", "statistics": [...], "traps": [...]} and optionally
                      "article": "path/to/article.txt" (relative to the folder or any of its parents) instead of
                      the sibling .txt. Each statistic: {"text", "value", "value_max", "unit", "kind", "qualifier",
                      "is_target", "subject", "is_workforce"} and optionally "occurrence": k (0-based) when the same
                      text occurs several times with different meanings. `text` is the exact span in the display
                      text (Article.text): qualifier words next to the number included, the subject not included.
                      Traps are exact substrings that hold numerals but are not statistics.

Matching rule: a predicted statistic matches a gold one when any of its spans overlaps an occurrence of the gold
text (occurrence k only, when given; an occurrence never sits inside a longer number) and the values are equal
(relative tolerance 1e-6). Pairs are formed greedily in gold order, one to one. Precision = matched / predicted,
recall = matched / gold. Field accuracies are over matched pairs: unit, kind, qualifier, is_target, is_workforce,
value (value and value_max equal), and subject, which is lenient: after removing whitespace and quotes, the two
are equal, or one contains the other and the shorter has at least two thirds of the longer's characters
(产业工人 vs 成都产业工人 passes; 招聘会 vs 线上线下招聘会 fails). A trap hit is a prediction overlapping a trap.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from analysis.errors import InputNotFound
from analysis.statistics import extract_statistics

NUMBER_CHAR = re.compile(r"[0-9.,０-９零〇一二两三四五六七八九十百千]")
SUBJECT_NOISE = re.compile(r"[\s“”\"'‘’「」《》、]")
FIELDS = ("subject", "qualifier", "is_workforce", "unit", "value", "kind", "is_target")
SUBJECT_OVERLAP = 2 / 3


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of needle that are not part of a longer number (500元 inside 1500元)."""
    found, i = [], text.find(needle) if needle else -1
    while i >= 0:
        before, after = text[i - 1: i], text[i + len(needle): i + len(needle) + 1]
        inside = (NUMBER_CHAR.match(needle[0]) and NUMBER_CHAR.match(before)
                  or NUMBER_CHAR.match(needle[-1]) and after[:1].isdigit())
        if not inside:
            found.append(i)
        i = text.find(needle, i + 1)
    return found


def subjects_agree(predicted: str, gold: str) -> bool:
    """Equal after removing whitespace/quotes, or nested with the shorter ≥ two thirds of the longer."""
    a, b = SUBJECT_NOISE.sub("", predicted), SUBJECT_NOISE.sub("", gold)
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return bool(short) and short in long_ and len(short) >= SUBJECT_OVERLAP * len(long_)


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _resolve_article(gold_path: Path, gold: dict) -> Path:
    """The article a gold file describes: its "article" path (searched up the tree) or the sibling .txt."""
    if "article" not in gold:
        return gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
    for base in (gold_path.parent, *gold_path.parent.parents):
        if (base / gold["article"]).exists():
            return base / gold["article"]
    raise InputNotFound(f"article {gold['article']} of {gold_path.name} not found", source=str(gold_path))


def load_display_text(path: Path) -> tuple[str, str]:
    """(title, display text) of an article file through the loader."""
    from analysis.loaders import load_path

    article = load_path(path)[0]
    return article.title, article.text


def _field_equal(field: str, pred, gold: dict) -> bool:
    if field == "subject":
        return subjects_agree(pred.subject, gold["subject"])
    if field == "value":
        return _same_value(pred.value, gold["value"]) and _same_value(pred.value_max, gold.get("value_max"))
    return getattr(pred, field) == gold[field]


def score_article(text: str, gold: dict) -> dict:
    """Matches, misses, false positives and field agreement for one article."""
    predicted = list(extract_statistics(text))
    used: set[int] = set()
    pairs, misses = [], []
    for item in gold["statistics"]:
        starts = occurrences(text, item["text"])
        if "occurrence" in item:
            starts = starts[item["occurrence"]: item["occurrence"] + 1]
        spans = [(s, s + len(item["text"])) for s in starts]
        hit = next((i for i, p in enumerate(predicted) if i not in used and _same_value(p.value, item["value"])
                    and any(a < d and c < b for a, b in p.spans for c, d in spans)), None)
        if hit is None:
            misses.append(item)
        else:
            used.add(hit)
            pairs.append((predicted[hit], item))
    extra = [p for i, p in enumerate(predicted) if i not in used]
    trap_spans = [(s, s + len(t)) for t in gold.get("traps", []) for s in occurrences(text, t)]
    trap_hits = [p for p in predicted if any(a < d and c < b for a, b in p.spans for c, d in trap_spans)]
    return {"pairs": pairs, "misses": misses, "false_positives": extra, "trap_hits": trap_hits,
            "n_gold": len(gold["statistics"]), "n_predicted": len(predicted)}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def evaluate_statistics(directory: str | Path) -> dict:
    """Precision, recall, F1, field accuracies, per-article scores, misses and false positives for a gold folder."""
    folder = Path(directory).resolve()
    if not folder.is_dir():
        raise InputNotFound(f"{folder} is not a folder of *.gold.json files", source=str(folder))
    articles, all_pairs, misses, extras = [], [], [], []
    n_gold = n_pred = n_traps = 0
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        _, text = load_display_text(_resolve_article(gold_path, gold))
        result = score_article(text, gold)
        name = gold_path.name.removesuffix(".gold.json")
        n_gold, n_pred = n_gold + result["n_gold"], n_pred + result["n_predicted"]
        n_traps += len(result["trap_hits"])
        all_pairs += result["pairs"]
        misses += [{"article": name, **m} for m in result["misses"]]
        extras += [{"article": name, "text": p.text, "value": p.value, "unit": p.unit, "subject": p.subject,
                    "sentence": p.sentence} for p in result["false_positives"]]
        n_match = len(result["pairs"])
        p, r = _ratio(n_match, result["n_predicted"]), _ratio(n_match, result["n_gold"])
        articles.append({"article": name, "n_gold": result["n_gold"], "n_predicted": result["n_predicted"],
                         "matched": n_match, "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                         "trap_hits": [t.text for t in result["trap_hits"]]})
    precision, recall = _ratio(len(all_pairs), n_pred), _ratio(len(all_pairs), n_gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = {f: _ratio(sum(_field_equal(f, p, g) for p, g in all_pairs), len(all_pairs)) for f in FIELDS}
    mismatches = [{"field": f, "text": g["text"], "predicted": getattr(p, f), "gold": g[f]}
                  for p, g in all_pairs for f in FIELDS if not _field_equal(f, p, g)]
    return {"precision": precision, "recall": recall, "f1": f1, "n_gold": n_gold, "n_predicted": n_pred,
            "n_matched": len(all_pairs), "trap_hits": n_traps, "accuracy": accuracy, "articles": articles,
            "misses": misses, "false_positives": extras, "field_mismatches": mismatches}


def format_eval_report(result: dict, *, details: bool = False) -> str:
    """A plain-text report: headline scores, field accuracies, per-article lines (and errors when asked)."""
    lines = [f"precision {result['precision']:.3f}  recall {result['recall']:.3f}  F1 {result['f1']:.3f}  "
             f"(gold {result['n_gold']}, predicted {result['n_predicted']}, matched {result['n_matched']}, "
             f"trap hits {result['trap_hits']})",
             "field accuracy: " + "  ".join(f"{k} {v:.3f}" for k, v in result["accuracy"].items())]
    for a in result["articles"]:
        lines.append(f"  {a['article']:<40} P {a['precision']:.2f} R {a['recall']:.2f} F1 {a['f1']:.2f}"
                     f"  gold {a['n_gold']} predicted {a['n_predicted']}")
    if details:
        lines += [f"MISS {m['article']}: {m['text']} ({m['subject']})" for m in result["misses"]]
        lines += [f"FALSE {e['article']}: {e['text']} ({e['subject']}) in {e['sentence'][:50]}"
                  for e in result["false_positives"]]
        lines += [f"FIELD {m['field']}: {m['text']} predicted {m['predicted']!r} gold {m['gold']!r}"
                  for m in result["field_mismatches"]]
    return "\n".join(lines)
