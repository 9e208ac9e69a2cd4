"""Validate the hand-annotated statistics gold in this folder; print per-article counts and totals.

Run: `.venv/bin/python tests/data/stats/check_gold.py` (exit 0 when consistent, 1 on any problem).
Independent of the extractor on purpose: it only checks the gold against the texts and the field contract.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]  # "article" paths are relative to the repository

MIN_ARTICLES = 25
MIN_STATISTICS = 300
MIN_TRAPS = 150
MAX_SUBJECT_CHARS = 16

KINDS = {"count", "money", "percent", "percentage_points", "multiple", "measure"}
QUALIFIERS = {"exact", "about", "more_than", "at_least", "less_than"}
UNIT_OF_KIND = {"percent": "%", "percentage_points": "个百分点", "multiple": "倍", "money": "元"}
STAT_KEYS = {"text", "value", "value_max", "unit", "kind", "qualifier", "is_target", "subject", "is_workforce"}
OPTIONAL_STAT_KEYS = {"occurrence"}
TOP_KEYS = {"title", "statistics", "traps"}
OPTIONAL_TOP_KEYS = {"article"}

# Space between two tokens survives only between ASCII letters/digits ("IPC 2024" stays apart).
SPACE_RUN = re.compile(r"[ \u3000\xa0]+")
ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
PARAGRAPH_LEAD = re.compile(r"^[\s\u3000]+")
SENTENCE_END = re.compile(r"[。！？!?\n]")
ARABIC_NUMBER = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*(?:余|多)?(万亿|万|亿|千)?")
NUMERAL_CHARS = re.compile(r"[0-9０-９〇零一二两三四五六七八九十百千万亿首半双]")
NUMBER_CHAR = re.compile(r"[0-9.,０-９零〇一二两三四五六七八九十百千]")
RANGE_JOINER = re.compile(r"[至到~～\-—－]+")
MULTIPLIERS = {None: 1, "千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}


def join_tokens(line: str) -> str:
    """Drop the spaces between pre-segmented tokens, keeping one between two ASCII alphanumerics."""
    parts = SPACE_RUN.split(line.strip())
    out = parts[0] if parts else ""
    for part in parts[1:]:
        if out and part and ASCII_ALNUM.match(out[-1]) and ASCII_ALNUM.match(part[0]):
            out += " "
        out += part
    return out


def read_article(path: Path) -> tuple[str, str, bool]:
    """Return (title, display body, presegmented) for a .txt article in either layout."""
    raw = path.read_text(encoding="utf-8")
    if "\t" in raw and raw.count("\n") <= 1:
        pieces = raw.strip("\n").split("\t")
        paragraphs = [join_tokens(PARAGRAPH_LEAD.sub("", p)) for p in pieces[1:]]
        return join_tokens(pieces[0]), "\n".join(p for p in paragraphs if p), True
    lines = [line.strip() for line in raw.splitlines()]
    lines = [line for line in lines if line]
    return lines[0], "\n".join(lines[1:]), False


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of every occurrence of needle that is not part of a longer number ("500元" in "1500元")."""
    found, i = [], text.find(needle)
    while i >= 0:
        before, after = text[i - 1 : i], text[i + len(needle) : i + len(needle) + 1]
        if not (NUMBER_CHAR.match(needle[0]) and NUMBER_CHAR.match(before)
                or NUMBER_CHAR.match(needle[-1]) and after[:1].isdigit()):
            found.append(i)
        i = text.find(needle, i + 1)
    return found


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence (。！？ or line delimited) holding text[start:end]."""
    left = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    right = SENTENCE_END.search(text, end)
    return text[left:right.end() if right else len(text)]


def expected_values(stat: dict) -> tuple[float, float | None] | None:
    """Value (and range top) implied by the Arabic digits of `text`; None when it has none."""
    matches = list(ARABIC_NUMBER.finditer(stat["text"]))
    if not matches:
        return None
    scaled = stat["kind"] not in {"percent", "percentage_points", "multiple"}
    values = []
    for i, match in enumerate(matches):
        multiplier = match.group(2)
        # "3至5万元": the low end borrows the high end's 万 only when a bare connector joins them.
        if multiplier is None and i + 1 < len(matches):
            gap = stat["text"][match.end() : matches[i + 1].start()]
            multiplier = matches[i + 1].group(2) if RANGE_JOINER.fullmatch(gap) else None
        value = float(match.group(1).replace(",", ""))
        values.append(value * MULTIPLIERS[multiplier] if scaled else value)
    return values[0], (values[1] if len(values) > 1 else None)


def check_statistic(stat: dict, body: str, where: str) -> list[str]:
    """Problems with one statistic record."""
    errs = []
    keys = set(stat)
    if not STAT_KEYS <= keys or keys - STAT_KEYS - OPTIONAL_STAT_KEYS:
        return [f"{where}: keys {sorted(keys)} differ from the contract"]
    text = stat["text"]
    if not isinstance(stat["value"], (int, float)) or isinstance(stat["value"], bool):
        errs.append(f"{where}: value must be a number")
    if stat["value_max"] is not None and not stat["value_max"] > stat["value"]:
        errs.append(f"{where}: value_max must be null or above value")
    if stat["kind"] not in KINDS:
        errs.append(f"{where}: kind {stat['kind']!r}")
    if stat["qualifier"] not in QUALIFIERS:
        errs.append(f"{where}: qualifier {stat['qualifier']!r}")
    want_unit = UNIT_OF_KIND.get(stat["kind"])
    if want_unit and stat["unit"] != want_unit or not want_unit and stat["unit"] in UNIT_OF_KIND.values():
        errs.append(f"{where}: unit {stat['unit']!r} does not fit kind {stat['kind']!r}")
    if not isinstance(stat["is_target"], bool) or not isinstance(stat["is_workforce"], bool):
        errs.append(f"{where}: is_target / is_workforce must be booleans")
    subject = stat["subject"]
    if not subject or len(subject) > MAX_SUBJECT_CHARS:
        errs.append(f"{where}: subject {subject!r} empty or longer than {MAX_SUBJECT_CHARS}")
    starts = occurrences(body, text)
    k = stat.get("occurrence", 0)
    if not starts:
        return errs + [f"{where}: text {text!r} not in the display text"]
    if not isinstance(k, int) or not 0 <= k < len(starts):
        return errs + [f"{where}: occurrence {k} but {len(starts)} occurrences"]
    sentence = sentence_at(body, starts[k], starts[k] + len(text))
    if subject not in sentence:
        errs.append(f"{where}: subject {subject!r} not in its sentence {sentence[:60]!r}…")
    implied = expected_values(stat)
    if implied and not (abs(implied[0] - stat["value"]) < 1e-6 * max(1, abs(stat["value"]))
                        and (implied[1] is None or stat["value_max"] is not None
                             and abs(implied[1] - stat["value_max"]) < 1e-6 * max(1, implied[1]))):
        errs.append(f"{where}: value {stat['value']}/{stat['value_max']} but text implies {implied}")
    return errs


def stat_spans(stats: list[dict], body: str) -> list[tuple[int, int]]:
    """Every display-text span any statistic text covers (all occurrences)."""
    return [(s, s + len(st["text"])) for st in stats for s in occurrences(body, st["text"])]


def check_traps(traps: list, stats: list[dict], body: str, where: str) -> list[str]:
    """Traps must occur, hold a numeral, be unique and never overlap a statistic's text."""
    errs = []
    if len(set(traps)) != len(traps):
        errs.append(f"{where}: duplicate traps")
    spans = stat_spans(stats, body)
    for trap in traps:
        starts = occurrences(body, trap)
        if not starts:
            errs.append(f"{where}: trap {trap!r} not in the display text")
        if not NUMERAL_CHARS.search(trap):
            errs.append(f"{where}: trap {trap!r} holds no numeral")
        for s in starts:
            if any(a < s + len(trap) and s < b for a, b in spans):
                errs.append(f"{where}: trap {trap!r} overlaps a statistic")
                break
    return errs


def check_gold(gold_path: Path) -> tuple[list[str], int, int]:
    """Problems in one gold file, with its statistic and trap counts."""
    where = gold_path.name
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    keys = set(gold)
    if not TOP_KEYS <= keys or keys - TOP_KEYS - OPTIONAL_TOP_KEYS:
        return [f"{where}: top-level keys {sorted(keys)}"], 0, 0
    if "article" in gold:
        article = REPO / gold["article"]
    else:
        article = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
    if not article.exists():
        return [f"{where}: article {article} missing"], 0, 0
    title, body, _ = read_article(article)
    errs = [] if gold["title"] == title else [f"{where}: title {gold['title']!r} != {title!r}"]
    stats = gold["statistics"]
    seen: set[tuple[str, int]] = set()
    figures: set[tuple] = set()
    for i, stat in enumerate(stats):
        errs += check_statistic(stat, body, f"{where}#{i} {stat.get('text')!r}")
        key = (stat.get("text"), stat.get("occurrence", 0))
        if key in seen:
            errs.append(f"{where}#{i}: {key} listed twice (add distinct occurrence)")
        seen.add(key)
        figure = tuple(stat.get(k) for k in ("value", "value_max", "unit", "qualifier", "subject"))
        if figure in figures:
            errs.append(f"{where}#{i}: same figure as an earlier entry (list repeated mentions once)")
        figures.add(figure)
    errs += check_traps(gold["traps"], stats, body, where)
    return errs, len(stats), len(gold["traps"])


def main() -> int:
    gold_files = sorted(HERE.glob("*.gold.json"))
    texts = {p.name[: -len(".txt")] for p in HERE.glob("*.txt")}
    golds = {p.name[: -len(".gold.json")] for p in gold_files}
    errors = [f"{name}.txt has no gold" for name in sorted(texts - golds)]
    n_stats = n_traps = n_workforce = n_target = 0
    for path in gold_files:
        errs, n_s, n_t = check_gold(path)
        errors += errs
        n_stats, n_traps = n_stats + n_s, n_traps + n_t
        stats = json.loads(path.read_text(encoding="utf-8"))["statistics"]
        n_workforce += sum(bool(s.get("is_workforce")) for s in stats)
        n_target += sum(bool(s.get("is_target")) for s in stats)
        print(f"{path.name[:-len('.gold.json')]:<40} statistics {n_s:>3}  traps {n_t:>3}")
    print(f"articles {len(gold_files)}  statistics {n_stats} (workforce {n_workforce}, targets {n_target})"
          f"  traps {n_traps}")
    every = [s for p in gold_files for s in json.loads(p.read_text(encoding="utf-8"))["statistics"]]
    for field in ("kind", "qualifier"):
        tally = Counter(str(s.get(field)) for s in every)
        print(f"by {field}: " + ", ".join(f"{k} {n}" for k, n in tally.most_common()))
    if len(gold_files) < MIN_ARTICLES + 1 or n_stats < MIN_STATISTICS or n_traps < MIN_TRAPS:
        errors.append(f"below the minimum ({MIN_ARTICLES}+seed articles, {MIN_STATISTICS} statistics, "
                      f"{MIN_TRAPS} traps)")
    for err in errors:
        print("ERROR", err, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
