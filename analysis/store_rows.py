"""Pure conversions between engine values and store rows (run in ingest workers, so the parent only writes)."""
from __future__ import annotations

import hashlib
import json
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from analysis.models import Analysis, Article, Keyword, Section, Statistic, Token

# Spans are stored as deltas of the flat (start, end, start, end, …) sequence. Token gaps and lengths nearly
# always fit a byte, so the deltas are stored as bytes behind a zero marker (two bytes per token, read without
# inflating: a corpus-wide KWIC decodes every article's tokens); otherwise, and in stores written before,
# as zlib-compressed int32 deltas (a zlib stream never starts with a zero byte).
_SPAN_DTYPE = np.dtype("<i4")
_SPAN_LIMIT = 2**31 - 1
_BYTE_DELTAS = b"\x00"

ARTICLE_COLUMNS = (
    "content_hash", "title", "subtitle", "kicker", "date", "source", "format", "encoding", "presegmented",
    "text", "raw_text", "token_spans", "tokens", "token_words", "n_chars", "n_tokens", "n_sections",
    "n_statistics", "n_workforce", "extractor_version",
)
SECTION_COLUMNS = ("idx", "title", "subheading", "level", "parent", "start", "end", "text")
KEYWORD_COLUMNS = ("section_idx", "method", "rank", "word", "weight", "count", "effect_size")
STATISTIC_COLUMNS = (
    "idx", "text", "start", "end", "sentence", "section", "value", "value_max", "unit", "kind", "qualifier",
    "is_target", "subject", "is_workforce", "spans",
)


@dataclass(frozen=True)
class ArticleRecord:
    """Everything one article owns, as plain row tuples (cheap to pickle between processes)."""

    content_hash: str
    article: tuple
    sections: tuple[tuple, ...]
    keywords: tuple[tuple, ...]
    statistics: tuple[tuple, ...]
    term_counts: tuple[tuple[str, int], ...]
    extractor_version: str | None


def content_hash(article: Article) -> str:
    """Identity of an article for de-duplication: SHA-256 of its title and display text."""
    return hashlib.sha256(f"{article.title}\n{article.text}".encode("utf-8", "surrogatepass")).hexdigest()


def encode_spans(spans: Iterable[tuple[int, int]] | None) -> bytes | None:
    """Compact, lossless encoding of (start, end) pairs."""
    if spans is None:
        return None
    return _encode_flat(np.array(list(spans), dtype=np.int64).reshape(-1))


def _encode_flat(flat: np.ndarray) -> bytes:
    if flat.size and (flat.min() < 0 or flat.max() > _SPAN_LIMIT):
        raise ValueError("span offsets must be between 0 and 2**31-1")
    deltas = np.diff(flat, prepend=0)
    if deltas.size and deltas.min() >= 0 and deltas.max() <= 255:
        return _BYTE_DELTAS + deltas.astype(np.uint8).tobytes()
    return zlib.compress(deltas.astype(_SPAN_DTYPE).tobytes(), 1)


def _decode_flat(blob: bytes) -> np.ndarray:
    if blob[:1] == _BYTE_DELTAS:
        return np.cumsum(np.frombuffer(blob, dtype=np.uint8, offset=1), dtype=np.int64)
    return np.cumsum(np.frombuffer(zlib.decompress(blob), dtype=_SPAN_DTYPE), dtype=np.int64)


def decode_spans(blob: bytes | None) -> tuple[tuple[int, int], ...] | None:
    """Inverse of `encode_spans`."""
    if blob is None:
        return None
    pairs = _decode_flat(blob).reshape(-1, 2).tolist()
    return tuple((start, end) for start, end in pairs)


def decode_token_bounds(blob: bytes | None) -> tuple[np.ndarray, np.ndarray]:
    """Token starts and ends as two int64 arrays, without building Token objects (KWIC over many articles)."""
    if not blob:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    flat = _decode_flat(blob)
    return flat[0::2], flat[1::2]


def encode_bounds(starts: Sequence[int], ends: Sequence[int]) -> bytes:
    """`encode_spans(zip(starts, ends))` built with numpy, without a tuple per token."""
    flat = np.empty(2 * len(starts), dtype=np.int64)
    flat[0::2], flat[1::2] = starts, ends
    return _encode_flat(flat)


def encode_token_lists(text: str, words: Sequence[str], starts: Sequence[int],
                       ends: Sequence[int]) -> tuple[bytes, str | None]:
    """Token spans, plus the words (JSON {index: word}) of the rare tokens that are not a plain slice of text."""
    if list(map(text.__getitem__, map(slice, starts, ends))) == list(words):  # the usual case, in C
        return encode_bounds(starts, ends), None
    odd = {i: w for i, (w, s, e) in enumerate(zip(words, starts, ends)) if text[s:e] != w}
    return encode_bounds(starts, ends), json.dumps(odd, ensure_ascii=False)


def encode_tokens(text: str, tokens: Sequence[Token]) -> tuple[bytes, str | None]:
    """`encode_token_lists` of Token objects."""
    return encode_token_lists(text, [t.word for t in tokens], [t.start for t in tokens], [t.end for t in tokens])


def decode_tokens(text: str, blob: bytes | None, odd_words: str | None) -> tuple[Token, ...]:
    """Inverse of `encode_tokens`."""
    spans = decode_spans(blob) if blob else ()
    odd = {int(k): v for k, v in json.loads(odd_words).items()} if odd_words else {}
    return tuple(Token(odd.get(i, text[s:e]), s, e) for i, (s, e) in enumerate(spans))


def _section_rows(text: str, sections: tuple[Section, ...]) -> tuple[tuple, ...]:
    """Section text is stored only when it is not the plain slice of the article text."""
    return tuple(
        (i, s.title, s.subheading, s.level, s.parent, s.start, s.end, None if text[s.start:s.end] == s.text else s.text)
        for i, s in enumerate(sections)
    )


def keyword_rows(keywords: Iterable[Keyword], *, method: str, section_idx: int | None = None) -> tuple[tuple, ...]:
    """Rows of the keywords table for one ranked list."""
    return tuple(
        (section_idx, method, rank, k.word, float(k.weight), int(k.count), k.effect_size)
        for rank, k in enumerate(keywords)
    )


def statistic_rows(statistics: Iterable[Statistic]) -> tuple[tuple, ...]:
    """Rows of the statistics table; spans as JSON."""
    sentences: dict[str, str] = {}  # one object per distinct sentence: pickled once between processes
    return tuple(
        (i, s.text, s.start, s.end, sentences.setdefault(s.sentence, s.sentence), s.section, float(s.value),
         None if s.value_max is None else float(s.value_max), s.unit, s.kind, s.qualifier,
         int(bool(s.is_target)), s.subject, int(bool(s.is_workforce)), _spans_json(s.spans))
        for i, s in enumerate(statistics)
    )


def _spans_json(spans: Sequence[Sequence[int]]) -> str:
    """json.dumps of the spans; most figures are mentioned once, so that case skips the encoder."""
    if len(spans) == 1:
        start, end = spans[0]
        return f"[[{int(start)}, {int(end)}]]"
    return json.dumps([list(p) for p in spans])


def make_record(
    analysis: Analysis,
    *,
    term_counts: Mapping[str, int] | None = None,
    keyword_method: str = "tfidf",
    extractor_version: str | None = None,
) -> ArticleRecord:
    """Turn an Analysis into the rows the store writes in one transaction."""
    tokens = analysis.tokens
    counts = term_counts if term_counts is not None else default_term_counts(tokens)
    return article_record(analysis.article, sections=analysis.sections,
                          tokens=([t.word for t in tokens], [t.start for t in tokens], [t.end for t in tokens]),
                          keywords=analysis.keywords, statistics=analysis.statistics, term_counts=counts,
                          keyword_method=keyword_method, extractor_version=extractor_version)


def article_record(
    art: Article,
    *,
    sections: tuple[Section, ...],
    tokens: tuple[Sequence[str], Sequence[int], Sequence[int]],
    keywords: Iterable[Keyword],
    statistics: Sequence[Statistic],
    term_counts: Mapping[str, int],
    keyword_method: str = "tfidf",
    extractor_version: str | None = None,
) -> ArticleRecord:
    """The store rows of an analysed article whose tokens are given as (words, starts, ends) lists."""
    tokens_blob, odd_words = encode_token_lists(art.text, *tokens)
    n_workforce = sum(1 for s in statistics if s.is_workforce)
    row = (
        content_hash(art), art.title, art.subtitle, art.kicker, art.date, art.source, art.format, art.encoding,
        int(art.presegmented), art.text, art.raw_text, encode_spans(art.token_spans), tokens_blob, odd_words,
        art.n_chars, len(tokens[0]), len(sections), len(statistics), n_workforce, extractor_version,
    )
    return ArticleRecord(
        content_hash=row[0],
        article=row,
        sections=_section_rows(art.text, sections),
        keywords=keyword_rows(keywords, method=keyword_method),
        statistics=statistic_rows(statistics),
        term_counts=_term_count_rows(term_counts),
        extractor_version=extractor_version,
    )


def _term_count_rows(term_counts: Mapping[str, int]) -> tuple[tuple[str, int], ...]:
    """(term, count) pairs sorted by term: the (article_id, term) key is then written in order, the cheapest
    B-tree insert. A Counter of counted str terms (what ingest sends) is sorted as it is, in C."""
    if (type(term_counts) is Counter and all(map(str.__instancecheck__, term_counts))
            and min(term_counts.values(), default=1) > 0 and all(map(int.__instancecheck__, term_counts.values()))):
        return tuple(sorted(term_counts.items()))
    return tuple(sorted((str(t), int(c)) for t, c in term_counts.items() if c > 0))


def default_term_counts(tokens: Iterable[Token]) -> Counter[str]:
    """Fallback term counts when the caller has none: words of two or more characters holding a letter."""
    return Counter(t.word for t in tokens if len(t.word) >= 2 and any(ch.isalpha() for ch in t.word))


def article_from_row(row: Mapping) -> Article:
    """Rebuild an Article from an `articles` row."""
    return Article(
        title=row["title"], text=row["text"], source=row["source"], format=row["format"],
        encoding=row["encoding"], subtitle=row["subtitle"], kicker=row["kicker"], date=row["date"],
        presegmented=bool(row["presegmented"]), raw_text=row["raw_text"],
        token_spans=decode_spans(row["token_spans"]),
    )


def section_from_row(text: str, row: Mapping) -> Section:
    """Rebuild a Section; its text defaults to the slice of the article text."""
    body = row["text"] if row["text"] is not None else text[row["start"]:row["end"]]
    return Section(row["title"], row["subheading"], row["level"], row["parent"], row["start"], row["end"], body)


def keyword_from_row(row: Mapping) -> Keyword:
    """Rebuild a Keyword."""
    return Keyword(row["word"], row["weight"], row["count"], row["effect_size"])


def statistic_from_row(row: Mapping) -> Statistic:
    """Rebuild a Statistic."""
    return Statistic(
        text=row["text"], start=row["start"], end=row["end"], sentence=row["sentence"], section=row["section"],
        value=row["value"], unit=row["unit"], kind=row["kind"], qualifier=row["qualifier"],
        is_target=bool(row["is_target"]), subject=row["subject"], is_workforce=bool(row["is_workforce"]),
        value_max=row["value_max"], spans=tuple(tuple(p) for p in json.loads(row["spans"])),
    )
