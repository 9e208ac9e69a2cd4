"""Word segmentation with a private jieba tokenizer, stopwords and content-word filters."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress
from operator import not_
from pathlib import Path
from typing import Any, Collection, Iterable, Sequence

import jieba

from analysis.models import Article, Token
from analysis.phrases import merge_phrases

try:  # jieba-rs binding: ~20x faster; used only where its output provably equals jieba 0.42.1's
    import rjieba
except ImportError:  # pragma: no cover - the fallback is plain jieba
    rjieba = None

DATA_DIR = Path(__file__).resolve().parent / "data"
EXTRA_STOPWORDS_FILE = DATA_DIR / "stopwords_zh_extra.txt"
GENERIC_VERBS_FILE = DATA_DIR / "generic_verbs_zh.txt"
# rjieba (jieba-rs) cuts exactly like jieba 0.42.1 except (a) ideographs outside jieba's range U+4E00..U+9FD5
# (extension A/B.., compatibility forms), and (b) Latin/digit runs joined by - _ . (2026-04-20, Wi-Fi, 6.A,
# 3.5.1), which jieba-rs keeps whole. Found by comparing both on every code point and on random text
# (tests/test_segment.py keeps checking). Lines holding (a) go to jieba itself; a joined run (b) is split the
# way jieba's HMM step splits it (its FINALSEG_SKIP regex), unless a user word holds such a run.
UNSAFE_FOR_FAST = re.compile(r"[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
JOINED_RUN = re.compile(r"[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)+")
DECIMAL_RUN = re.compile(r"[a-zA-Z0-9]+\.\d+")  # 3.5, v2.0: both engines keep these whole
FINALSEG_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")  # jieba.finalseg.re_skip
LINE_PATTERN = re.compile(r"[^\n]*\n|[^\n]+")
WHITESPACE = re.compile(r"\s+")
# A content word needs a letter (CJK or Latin); numbers written in Chinese numerals are not content.
HAS_LETTER = re.compile(r"[^\W\d_]")
CHINESE_NUMBER = re.compile(r"[零〇一二三四五六七八九十百千万亿两几多余第]+")
# What jieba leaves of "50万人次" / "3亿元" after the digits: a magnitude and a measure word, never a term.
MAGNITUDE_UNIT = re.compile(r"[零〇一二三四五六七八九十百千万亿两几]*[百千万亿][余多]?(?:人次|人|名|个|元|家|项|场|次|户|位|所|台|辆|吨|亩)")


@dataclass(frozen=True, eq=False)
class Segmenter:
    """A private jieba tokenizer (plus its fast twin) with the user's words; never mutated after creation."""

    user_words: tuple[str, ...]
    engine: str  # "rjieba" or "jieba"
    tokenizer: Any = field(repr=False)
    fast: Any = field(repr=False, default=None)
    split_joined: bool = True  # False when a user word holds a joined run: jieba cuts those lines then

    def __reduce__(self):
        # jieba.Tokenizer holds a lock; worker processes rebuild their own copy from the words.
        return (_rebuild_segmenter, (self.user_words, self.engine))

    def cut(self, text: str) -> list[str]:
        """jieba 0.42.1 default-mode words (HMM on) of `text`, whitespace included."""
        if self.fast is None:
            return self.tokenizer.lcut(text)
        if _is_fast_safe(text, split_joined=self.split_joined):
            return self._fast_cut(text)
        words: list[str] = []
        safe_run: list[str] = []
        # jieba cuts every line independently (a newline always ends a block), so lines may mix engines;
        # consecutive safe lines go to rjieba in one call.
        for line in LINE_PATTERN.findall(text):
            if _is_fast_safe(line, split_joined=self.split_joined):
                safe_run.append(line)
                continue
            if safe_run:
                words.extend(self._fast_cut("".join(safe_run)))
                safe_run = []
            words.extend(self.tokenizer.lcut(line))  # jieba loads its dictionary on the first such line
        if safe_run:
            words.extend(self._fast_cut("".join(safe_run)))
        return words

    def _fast_cut(self, text: str) -> list[str]:
        words = self.fast.cut(text)
        runs = [m.span() for m in JOINED_RUN.finditer(text) if DECIMAL_RUN.fullmatch(m.group()) is None]
        if not (self.split_joined and runs):
            return words
        ends = list(accumulate(map(len, words)))
        # only the words overlapping a joined run of the text are looked at, from the last one back
        hits = sorted({i for start, end in runs
                       for i in range(bisect_right(ends, start), bisect_right(ends, end - 1) + 1)})
        for i in reversed(hits):
            if _has_joined_run(words[i]):
                words[i:i + 1] = filter(None, FINALSEG_SKIP.split(words[i]))
        return words


def _has_joined_run(text: str) -> bool:
    return any(DECIMAL_RUN.fullmatch(run) is None for run in JOINED_RUN.findall(text))


def _is_fast_safe(text: str, *, split_joined: bool = False) -> bool:
    """True when rjieba (with joined runs split when `split_joined`) cuts `text` exactly as jieba 0.42.1."""
    if UNSAFE_FOR_FAST.search(text) is not None:
        return False
    return split_joined or not _has_joined_run(text)


def _rebuild_segmenter(user_words: tuple[str, ...], engine: str) -> Segmenter:
    return make_segmenter(user_words=user_words, engine=engine)


def make_segmenter(*, user_words: Iterable[str] = (), engine: str = "auto") -> Segmenter:
    """Build a private segmenter; engine auto | rjieba | jieba.

    jieba's own dictionary (~0.7 s) is loaded here only for user words or the jieba engine; otherwise on first
    need (lines with ideographs outside jieba's range), as rjieba cuts everything else."""
    if engine not in ("auto", "rjieba", "jieba"):
        raise ValueError(f"engine must be one of auto, rjieba, jieba, not {engine!r}")
    if engine == "rjieba" and rjieba is None:
        raise ValueError("engine 'rjieba' requested but the rjieba package is not installed")
    words = tuple(dict.fromkeys(w.strip() for w in user_words if w and w.strip()))
    tokenizer = jieba.Tokenizer()
    use_fast = engine != "jieba" and rjieba is not None
    if words or not use_fast:
        # otherwise jieba loads its dictionary (~0.7 s) on first use: rare lines rjieba cannot cut exactly
        tokenizer.initialize()
    fast = rjieba.Jieba() if use_fast else None
    for word in words:
        # jieba's suggested frequency, passed explicitly so both engines hold the same dictionary.
        freq = tokenizer.suggest_freq(word, False)
        tokenizer.add_word(word, freq)
        if fast is not None:
            fast.add_word(word, freq, None)
    return Segmenter(user_words=words, engine="rjieba" if use_fast else "jieba", tokenizer=tokenizer, fast=fast,
                     split_joined=not any(map(_has_joined_run, words)))


def segment(article_or_text: Article | str, *, segmenter: Segmenter) -> tuple[Token, ...]:
    """Tokens with spans into the display text; whitespace is dropped, every other character is covered."""
    return tuple(map(Token, *segment_words(article_or_text, segmenter=segmenter)))


def segment_words(article_or_text: Article | str, *,
                  segmenter: Segmenter) -> tuple[list[str], list[int], list[int]]:
    """The tokens of `segment` as three lists (words, starts, ends): no Token objects, for bulk ingest."""
    if isinstance(article_or_text, Article):
        text = article_or_text.text
        if article_or_text.presegmented and article_or_text.token_spans is not None:
            tokens = _tokens_from_spans(text, article_or_text.token_spans, segmenter)
            return [t.word for t in tokens], [t.start for t in tokens], [t.end for t in tokens]
    else:
        text = article_or_text
    return _cut_words(text, 0, segmenter)


def _cut_words(text: str, offset: int, segmenter: Segmenter) -> tuple[list[str], list[int], list[int]]:
    words = segmenter.cut(text)
    # map/accumulate/compress run in C: a 3,000-character article has ~1,500 words
    ends = list(accumulate(map(len, words), initial=offset))
    starts = ends[:-1]
    solid = list(map(not_, map(str.isspace, words)))
    return list(compress(words, solid)), list(compress(starts, solid)), list(compress(ends[1:], solid))


def _cut_tokens(text: str, offset: int, segmenter: Segmenter) -> tuple[Token, ...]:
    return tuple(map(Token, *_cut_words(text, offset, segmenter)))


def _tokens_from_spans(text: str, spans: Sequence[tuple[int, int]], segmenter: Segmenter) -> tuple[Token, ...]:
    """The author's tokens as given; any non-blank text between them is segmented so nothing is lost."""
    tokens: list[Token] = []
    position = 0
    for start, end in sorted(spans):
        if start < position or end > len(text) or start >= end:
            continue  # overlapping or out-of-range span: keep the text covered once
        if text[position:start].strip():
            tokens.extend(_cut_tokens(text[position:start], position, segmenter))
        tokens.extend(_split_blank(text, start, end))
        position = end
    if text[position:].strip():
        tokens.extend(_cut_tokens(text[position:], position, segmenter))
    return tuple(tokens)


def _split_blank(text: str, start: int, end: int) -> list[Token]:
    """A span as one token, or its non-blank pieces when it contains whitespace."""
    word = text[start:end]
    if not WHITESPACE.search(word):
        return [Token(word, start, end)]
    return [Token(m.group(), start + m.start(), start + m.end()) for m in re.finditer(r"\S+", word)]


@lru_cache(maxsize=1)
def _package_stopwords() -> frozenset[str]:
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords("zh"))


@lru_cache(maxsize=2)
def _word_file(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def load_function_words() -> frozenset[str]:
    """stopwords-iso's Chinese list alone: function words, which never start, end or sit inside a term."""
    return _package_stopwords()


def load_generic_verbs() -> frozenset[str]:
    """Generic verbs and adverbs of policy prose (加快, 引导): stopwords that never open a term."""
    return _word_file(GENERIC_VERBS_FILE)


def load_stopwords(*, extra: Iterable[str] = ()) -> frozenset[str]:
    """stopwords-iso Chinese list + WenYan's list of generic news words + the user's additions."""
    user = {w.strip() for w in extra if w and w.strip()}
    return _package_stopwords() | _word_file(EXTRA_STOPWORDS_FILE) | load_generic_verbs() | frozenset(user)


def is_content_word(word: str, *, stopwords: frozenset[str] | set[str], min_chars: int = 2) -> bool:
    """True for words worth counting: long enough, lettered, not a number, not a stopword."""
    return (
        len(word) >= min_chars
        and word not in stopwords
        and is_wordlike(word)
    )


def content_words(tokens: Iterable[Token | str], *, stopwords: frozenset[str] | set[str], min_chars: int = 2,
                  phrases: Collection[tuple[str, ...]] = frozenset()) -> list[str]:
    """The tokens' words, `phrases` joined first, minus stopwords, short words, numbers and punctuation."""
    words = tokens if isinstance(tokens, list) and all(map(str.__instancecheck__, tokens)) else [
        t if isinstance(t, str) else t.word for t in tokens]
    if phrases:
        words = merge_phrases(words, phrases)  # on the full sequence, so a phrase never bridges a removed word
    # is_content_word inlined and its regex part memoised: this runs on every distinct word of every article
    keep = {w for w in set(words) if len(w) >= min_chars and w not in stopwords and is_wordlike(w)}
    return list(filter(keep.__contains__, words))


@lru_cache(maxsize=1 << 17)
def is_wordlike(word: str) -> bool:
    """Holds a letter (CJK or Latin), is not a number in Chinese numerals nor a bare magnitude with its measure word
    (万人次, 亿元); memoised: words recur."""
    return (HAS_LETTER.search(word) is not None and CHINESE_NUMBER.fullmatch(word) is None
            and MAGNITUDE_UNIT.fullmatch(word) is None)
