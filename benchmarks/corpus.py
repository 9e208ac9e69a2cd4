"""Synthetic corpora for the benchmarks, generated from the repository's own articles with variation."""
from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("demo", "tests/data/stats", "tests/data/articles")
CITIES = ("成都", "重庆", "武汉", "杭州", "深圳", "西安", "沈阳", "合肥", "长沙", "济南", "苏州", "青岛",
          "郑州", "南宁", "昆明", "贵阳", "兰州", "太原", "福州", "南昌", "石家庄", "哈尔滨", "长春", "天津")
CITY_PATTERN = re.compile("|".join(CITIES))
NUMBER_PATTERN = re.compile(r"\d+(?:\.\d+)?")
YEAR_PATTERN = re.compile(r"20[12]\d年")


def base_articles() -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of every plain-text article the repository ships (never pre-segmented ones)."""
    articles = []
    for folder in SOURCE_DIRS:
        for path in sorted((REPO / folder).glob("*.txt")):
            lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
            lines = [line for line in lines if line]
            if len(lines) < 3 or "\t" in path.read_text(encoding="utf-8")[:2000]:
                continue
            articles.append((lines[0], lines[1:]))
    if not articles:
        raise SystemExit("no base articles found under " + ", ".join(SOURCE_DIRS))
    return articles


def _vary(paragraph: str, rng: random.Random) -> str:
    paragraph = CITY_PATTERN.sub(lambda m: rng.choice(CITIES), paragraph)
    paragraph = YEAR_PATTERN.sub(lambda m: f"{rng.randint(2019, 2026)}年", paragraph)

    def number(match: re.Match) -> str:
        text = match.group(0)
        if "." in text:
            return f"{float(text) * rng.uniform(0.5, 1.5):.1f}"
        return str(max(1, int(int(text) * rng.uniform(0.5, 1.5))))

    return NUMBER_PATTERN.sub(number, paragraph)


def synthetic_articles(n_articles: int, *, target_chars: int = 3000, seed: int = 7):
    """Yield (title, text) pairs: base articles mixed, shuffled and re-numbered so paragraphs rarely repeat."""
    rng = random.Random(seed)
    bases = base_articles()
    for i in range(n_articles):
        title, paragraphs = bases[i % len(bases)]
        body = list(paragraphs)
        while sum(map(len, body)) < target_chars:
            body.extend(rng.choice(bases)[1])
        rng.shuffle(body)
        kept, size = [], 0
        for paragraph in body:
            if size >= target_chars:
                break
            kept.append(_vary(paragraph, rng))
            size += len(kept[-1])
        yield f"{_vary(title, rng)}（{i + 1}）", "\n".join(kept)


def write_corpus(folder: Path, n_articles: int, *, target_chars: int = 3000) -> int:
    """Write the corpus as .txt files (title, blank line, paragraphs); return its character count."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i, (title, text) in enumerate(synthetic_articles(n_articles, target_chars=target_chars)):
        (folder / f"{i:05d}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
        total += len(text)
    return total


CORPUS_VERSION = 1  # bump when the generator changes, so cached corpora are rebuilt


def ensure_corpus(folder: Path, n_articles: int, *, target_chars: int = 3000) -> dict:
    """The corpus in `folder`, generated unless an identical one is already there; its manifest."""
    manifest_path = folder / "manifest.json"
    wanted = {"version": CORPUS_VERSION, "articles": n_articles, "target_chars": target_chars}
    if manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if all(manifest.get(k) == v for k, v in wanted.items()):
            return manifest
    shutil.rmtree(folder, ignore_errors=True)
    chars = write_corpus(folder, n_articles, target_chars=target_chars)
    files = sorted(folder.glob("*.txt"))
    manifest = wanted | {"body_chars": chars, "file_chars": sum(len(p.read_text(encoding="utf-8")) for p in files),
                         "bytes": sum(p.stat().st_size for p in files)}
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    return manifest
