"""POS tagging for the statistics extractor: jieba-rs (rjieba) tags, with jieba-posseg-like word boundaries."""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.stat_subject import Tok

# jieba-rs' HMM glues a closed-class character to its neighbour (率|达 → 率达, 按|上 → 按上, 占|新招 → 占新招);
# jieba.posseg keeps them apart. Such an out-of-dictionary word is split at that character and the rest re-tagged.
GLUED_LEADING = re.compile(r"^[按比较另占从在对向由把被给将已再又共某该各]")
GLUED_TRAILING = re.compile(r"[达为至到]$")
UNIT_CHARS = frozenset("个名位人家项场次所座条件批支类种台套辆枚块间处栋期轮元亩吨户")  # 1830家|新 → 家新
# Words of statistical prose missing from jieba's dictionary; added to this private tagger only.
STATISTIC_WORDS = (("占比", "n"), ("网约车", "n"), ("新就业形态", "n"), ("零工", "n"))
HAN_ONLY = re.compile(r"^[\u4e00-\u9fff]{2,}$")


@lru_cache(maxsize=1)
def make_pos_tokenizer():
    """A private jieba-rs POS tagger (never the global jieba.dt), built once per process."""
    import rjieba

    tagger = rjieba.Jieba()
    for word, flag in STATISTIC_WORDS:
        tagger.add_word(word, None, flag)
    return tagger


def _tagged(text: str) -> list[tuple[str, str]]:
    """(word, flag) pairs; an HMM word that swallowed a preposition, copula or measure word is split there.

    A leading character split off (占|新招员工, 1830家|新发展) means the rest of the text is tagged again, as the
    HMM's guess after it was shaped by the glued character.
    """
    tagger = make_pos_tokenizer()
    out: list[tuple[str, str]] = []
    pos = 0
    for word, flag in tagger.tag(text):
        glued = HAN_ONLY.match(word) and not tagger.has_word(word)
        if glued and (GLUED_LEADING.match(word) or word[0] in UNIT_CHARS and out and out[-1][1] == "m"):
            return out + tagger.tag(word[0], hmm=False) + _tagged(text[pos + 1:])
        if glued and GLUED_TRAILING.search(word):
            out += tagger.tag(word[:-1]) + tagger.tag(word[-1], hmm=False)
        else:
            out.append((word, flag))
        pos += len(word)
    return out


def pos_tokens(compact: str, bounds: tuple[int, int]) -> list[Tok]:
    """POS-tagged tokens of one span of the compact text, with offsets into it."""
    out: list[Tok] = []
    pos = bounds[0]
    for word, flag in _tagged(compact[bounds[0]: bounds[1]]):
        tok = Tok(word, flag, pos, pos + len(word))
        if out and out[-1].word == "每":  # 每+小时 is one distributive word
            tok = Tok("每" + tok.word, "r", out.pop().start, tok.end)
        out.append(tok)
        pos += len(word)
    return out
