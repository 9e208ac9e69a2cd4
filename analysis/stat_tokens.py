"""The extractor's tokens and the tests every subject rule shares: punctuation, noun-likeness, people nouns."""
from __future__ import annotations

import re
from typing import NamedTuple

from analysis import stat_lexicon as lex

NUMERAL_CHAR = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿]")
QUOTES = frozenset("“”‘’「」\"'")
NOUNISH_NUMERAL_WORDS = frozenset({"一线", "一次性", "一流", "首席", "一体化", "双师型", "三支一扶"})
NOUN_FLAGS = frozenset({"n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "nw", "vn", "an", "j", "b", "eng", "a", "g", "ng",
                        "s", "t", "l", "i"})
VERB_FLAGS = frozenset({"v", "vd", "vi", "vg", "vq"})
CLAUSE_MARKS = "，,；;：:"
PUNCTUATION = "，,。；;：:、！？!?（）()“”‘’\"'《》【】[]—…·/\n "
TIME_WORD = re.compile(r"^(?:\d+|[上下本今去明前后当同]).*(?:年|月|日|天|季度|期)$|^(?:今年|去年|明年|同期|上年|年内|年底|年末)$"
                       r"|^(?:\d+|[一二三四五六七八九十]+)?月份$")


class Tok(NamedTuple):
    word: str
    flag: str
    start: int
    end: int


def is_punct(tok: Tok) -> bool:
    """True for tokens made of punctuation only."""
    return not tok.word.strip(PUNCTUATION)  # str.strip tests every character in C


def is_nounish(tok: Tok) -> bool:
    """Tokens that may sit inside a noun phrase (nouns, verbal nouns, adjectives, abbreviations)."""
    if tok.word in NOUNISH_NUMERAL_WORDS or tok.word in lex.NOUNISH_OTHER_WORDS:
        return True
    if (tok.word in lex.SCOPE_WORDS or tok.word in lex.TARGET_WORDS or tok.word in lex.ASPECT_TIME_WORDS or is_punct(tok)
            or TIME_WORD.match(tok.word)):
        return False  # 去年同期, 力争: time and goal words are never what is counted
    return tok.flag in NOUN_FLAGS or tok.flag.startswith("n")


def people_head(word: str) -> bool:
    """A token naming people (产业工人, 劳动者); 人才队伍 counts as its members."""
    return word.removesuffix("队伍").endswith(lex.PEOPLE_HEADS)


def last_clause_mark(text: str, start: int, end: int) -> int:
    """Offset of the last clause mark (，；：) in text[start:end], -1 when there is none."""
    return max(text.rfind(mark, start, end) for mark in CLAUSE_MARKS)
