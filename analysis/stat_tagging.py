"""POS tagging for the statistics extractor: jieba-rs (rjieba) tags, with jieba-posseg-like word boundaries."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate, repeat
from operator import itemgetter

from analysis.stat_tokens import Tok

# jieba-rs' HMM glues a closed-class character to its neighbour (率|达 → 率达, 按|上 → 按上, 占|新招 → 占新招);
# jieba.posseg keeps them apart. Such an out-of-dictionary word is split at that character and the rest re-tagged.
GLUED_LEADING = re.compile(r"^[按比较另占从在对向由把被给将已再又共某该各]")
GLUED_TRAILING = re.compile(r"[达为至到]$")
UNIT_CHARS = frozenset("个名位人家项场次所座条件批支类种台套辆枚块间处栋期轮元亩吨户")  # 1830家|新 → 家新
# Words of statistical prose missing from jieba's dictionary; added to this private tagger only.
# (word, frequency or None for jieba's suggestion, flag); 在岗 is weighted to win only where 岗 stands alone
# (在岗职工, 在岗人数) and never over 岗位 (坚守在|岗位).
STATISTIC_WORDS = (("占比", None, "n"), ("网约车", None, "n"), ("新就业形态", None, "n"), ("零工", None, "n"),
                   ("在岗", 200, "b"), ("规模以上", None, "b"), ("到岗", None, "v"))  # 规模以上|工业企业: one word
MEASURE_ENDINGS = ("度", "率")
HAN_ONLY = re.compile(r"^[\u4e00-\u9fff]{2,}$")
NOT_GLUED, LEADING, AFTER_NUMBER, TRAILING = 0, 1, 2, 3
TAG_CACHE = 4096  # sentences: the same span is tagged again for a straddling window, a context, a repeated line
WORD_CACHE = 1 << 16
NEW_TUPLE = tuple.__new__


@lru_cache(maxsize=1)
def make_pos_tokenizer():
    """A private jieba-rs POS tagger (never the global jieba.dt), built once per process."""
    import rjieba

    tagger = rjieba.Jieba()
    for word, frequency, flag in STATISTIC_WORDS:
        tagger.add_word(word, frequency, flag)
    return tagger


@lru_cache(maxsize=WORD_CACHE)
def _glue(word: str) -> int:
    """How an out-of-dictionary HMM word swallowed a closed-class character (NOT_GLUED for ordinary words)."""
    if not HAN_ONLY.match(word) or make_pos_tokenizer().has_word(word):
        return NOT_GLUED
    if GLUED_LEADING.match(word):
        return LEADING
    if word[0] in UNIT_CHARS:
        return AFTER_NUMBER  # glued only when a number precedes it (1830家|新发展)
    return TRAILING if GLUED_TRAILING.search(word) else NOT_GLUED


def _tagged(text: str) -> list[tuple[str, str]]:
    """(word, flag) pairs; an HMM word that swallowed a preposition, copula or measure word is split there.

    A leading character split off (占|新招员工, 1830家|新发展) means the rest of the text is tagged again, as the
    HMM's guess after it was shaped by the glued character. Iterative, so a very long span cannot recurse deeply.
    """
    tagger = make_pos_tokenizer()
    pairs = tagger.tag(text)
    if not any(map(_glue, map(itemgetter(0), pairs))):
        return pairs  # the usual case: no glued word, one call into jieba-rs
    out: list[tuple[str, str]] = []
    while text:
        pos, rest, first = 0, "", len(out)  # a re-tagged rest starts afresh: no number before its first word
        for word, flag in pairs:
            glue = _glue(word)
            if glue == LEADING or glue == AFTER_NUMBER and len(out) > first and out[-1][1] == "m":
                out += tagger.tag(word[0], hmm=False)
                rest = text[pos + 1:]
                break
            if glue == TRAILING or glue == AFTER_NUMBER and GLUED_TRAILING.search(word):
                out += tagger.tag(word[:-1]) + tagger.tag(word[-1], hmm=False)
            else:
                out.append((word, flag))
            pos += len(word)
        text = rest
        pairs = tagger.tag(text) if text else []
    return out


@lru_cache(maxsize=TAG_CACHE)
def tag_span(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words, flags) of one span, 每+X joined into one distributive word; cached per span text."""
    pairs = _tagged(text)
    if not pairs:
        return (), ()
    words, flags = zip(*pairs)
    if "ns" in flags:  # 满意度/ns, 覆盖率/ns: a degree or rate the tagger took for a place
        flags = tuple("n" if f == "ns" and w.endswith(MEASURE_ENDINGS) else f for w, f in zip(words, flags))
    if "每" not in words[:-1]:
        return words, flags
    words, flags = list(words), list(flags)
    i = 0
    while i < len(words) - 1:  # 每+小时 is one distributive word (left to right: 每|每|天 → 每每, 天)
        if words[i] == "每":
            words[i: i + 2] = ["每" + words[i + 1]]
            flags[i: i + 2] = ["r"]
        i += 1
    return tuple(words), tuple(flags)


def pos_tokens(compact: str, bounds: tuple[int, int]) -> list[Tok]:
    """POS-tagged tokens of one span of the compact text, with offsets into it."""
    words, flags = tag_span(compact[bounds[0]: bounds[1]])
    return tokens_from(words, flags, start=bounds[0])


def tokens_from(words: Sequence[str], flags: Sequence[str], *, start: int = 0) -> list[Tok]:
    """Tokens of the given words and flags laid end to end from offset `start`."""
    ends = list(accumulate(map(len, words), initial=start))
    return list(map(NEW_TUPLE, repeat(Tok), zip(words, flags, ends, ends[1:])))  # Tok(...) without a Python frame
