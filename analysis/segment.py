"""Word segmentation with a private jieba tokenizer, stopwords and content-word filters."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
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
# (tests/test_segment.py keeps checking); lines holding either go to jieba itself.
UNSAFE_FOR_FAST = re.compile(r"[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
JOINED_RUN = re.compile(r"[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)+")
DECIMAL_RUN = re.compile(r"[a-zA-Z0-9]+\.\d+")  # 3.5, v2.0: both engines keep these whole
LINE_PATTERN = re.compile(r"[^\n]*\n|[^\n]+")
WHITESPACE = re.compile(r"\s+")
# A content word needs a letter (CJK or Latin); numbers written in Chinese numerals are not content.
HAS_LETTER = re.compile(r"[^\W\d_]")
CHINESE_NUMBER = re.compile(r"[零〇一二三四五六七八九十百千万亿两几多余第]+")


@dataclass(frozen=True, eq=False)
class Segmenter:
    """A private jieba tokenizer (plus its fast twin) with the user's words; never mutated after creation."""

    user_words: tuple[str, ...]
    engine: str  # "rjieba" or "jieba"
    tokenizer: Any = field(repr=False)
    fast: Any = field(repr=False, default=None)

    def __reduce__(self):
        # jieba.Tokenizer holds a lock; worker processes rebuild their own copy from the words.
        return (_rebuild_segmenter, (self.user_words, self.engine))

    def cut(self, text: str) -> list[str]:
        """jieba 0.42.1 default-mode words (HMM on) of `text`, whitespace included."""
        if self.fast is None:
            return self.tokenizer.lcut(text)
        if _is_fast_safe(text):
            return self.fast.cut(text)
        words: list[str] = []
        safe_run: list[str] = []
        # jieba cuts every line independently (a newline always ends a block), so lines may mix engines;
        # consecutive safe lines go to rjieba in one call.
        for line in LINE_PATTERN.findall(text):
            if _is_fast_safe(line):
                safe_run.append(line)
                continue
            if safe_run:
                words.extend(self.fast.cut("".join(safe_run)))
                safe_run = []
            words.extend(self.tokenizer.lcut(line))
        if safe_run:
            words.extend(self.fast.cut("".join(safe_run)))
        return words


def _is_fast_safe(text: str) -> bool:
    """True when rjieba is known to cut `text` exactly as jieba 0.42.1 does."""
    if UNSAFE_FOR_FAST.search(text) is not None:
        return False
    return all(DECIMAL_RUN.fullmatch(run) for run in JOINED_RUN.findall(text))


def _rebuild_segmenter(user_words: tuple[str, ...], engine: str) -> Segmenter:
    return make_segmenter(user_words=user_words, engine=engine)


def make_segmenter(*, user_words: Iterable[str] = (), engine: str = "auto") -> Segmenter:
    """Build a private segmenter (loads jieba's dictionary, ~1 s); engine auto | rjieba | jieba."""
    if engine not in ("auto", "rjieba", "jieba"):
        raise ValueError(f"engine must be one of auto, rjieba, jieba, not {engine!r}")
    if engine == "rjieba" and rjieba is None:
        raise ValueError("engine 'rjieba' requested but the rjieba package is not installed")
    words = tuple(dict.fromkeys(w.strip() for w in user_words if w and w.strip()))
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    use_fast = engine != "jieba" and rjieba is not None
    fast = rjieba.Jieba() if use_fast else None
    for word in words:
        # jieba's suggested frequency, passed explicitly so both engines hold the same dictionary.
        freq = tokenizer.suggest_freq(word, False)
        tokenizer.add_word(word, freq)
        if fast is not None:
            fast.add_word(word, freq, None)
    return Segmenter(user_words=words, engine="rjieba" if use_fast else "jieba", tokenizer=tokenizer, fast=fast)


def segment(article_or_text: Article | str, *, segmenter: Segmenter) -> tuple[Token, ...]:
    """Tokens with spans into the display text; whitespace is dropped, every other character is covered."""
    if isinstance(article_or_text, Article):
        text = article_or_text.text
        if article_or_text.presegmented and article_or_text.token_spans is not None:
            return _tokens_from_spans(text, article_or_text.token_spans, segmenter)
    else:
        text = article_or_text
    return _cut_tokens(text, 0, segmenter)


def _cut_tokens(text: str, offset: int, segmenter: Segmenter) -> tuple[Token, ...]:
    tokens = []
    position = offset
    for word in segmenter.cut(text):
        end = position + len(word)
        if not word.isspace():
            tokens.append(Token(word, position, end))
        position = end
    return tuple(tokens)


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
        and HAS_LETTER.search(word) is not None
        and CHINESE_NUMBER.fullmatch(word) is None
    )


def content_words(tokens: Iterable[Token | str], *, stopwords: frozenset[str] | set[str], min_chars: int = 2,
                  phrases: Collection[tuple[str, ...]] = frozenset()) -> list[str]:
    """The tokens' words, `phrases` joined first, minus stopwords, short words, numbers and punctuation."""
    words = [t if isinstance(t, str) else t.word for t in tokens]
    if phrases:
        words = merge_phrases(words, phrases)  # on the full sequence, so a phrase never bridges a removed word
    keep = {w for w in set(words) if is_content_word(w, stopwords=stopwords, min_chars=min_chars)}
    return [w for w in words if w in keep]
