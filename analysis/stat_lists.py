"""Figures given in lists: A、B和C…分别 x、y、z, and runs of noun–number pairs in text stripped of measure words."""
from __future__ import annotations

import re

from analysis import stat_lexicon as lex
from analysis.stat_clause import QUANTITY_NOUNS
from analysis.stat_mentions import Mention
from analysis.stat_subject import QUOTES, VERB_FLAGS, Tok, is_nounish, is_punct
from analysis.stat_tagging import pos_tokens

LIST_SEPARATORS = re.compile(r"[、和及]|以及")
LIST_MARKS = ("、", "和")  # 技师和高级技师…分别为8900元和1.12万元: two items are joined by 和, more by 、
BETWEEN_LISTED = re.compile(r"^(?:、|，|,|和|及|以及)$")
CLAUSE_START = re.compile(r"[，,；;：:。！？\n]")
DISTRIBUTIVE = "分别"
DIGIT = re.compile(r"\d")
MAX_ITEM_CHARS = 16


def _list_items(compact: str, bounds: tuple[int, int], cue: int) -> list[str]:
    """The items (joined by 、 or 和) nearest before 分别 in its sentence (A、B、C…分别), '' items dropped."""
    starts = [bounds[0]] + [m.end() for m in CLAUSE_START.finditer(compact, bounds[0], cue)]
    for clause_start, clause_end in zip(reversed(starts), [cue] + list(reversed(starts))[:-1]):
        text = compact[clause_start:clause_end].split(DISTRIBUTIVE)[0]  # A、B…分别为x、y: the items end at 分别
        if any(m in text for m in LIST_MARKS) and not DIGIT.search(text):  # 分别为2.4亿人、2.98亿人: named earlier
            return [i.strip(",，;；:：") for i in LIST_SEPARATORS.split(text) if i.strip(",，;；:：")]
    return []


def distribute(compact: str, bounds: tuple[int, int], mentions: list[Mention], subjects: list[str]) -> list[str]:
    """A、B、C…分别达到 x、y、z: give each listed item its own number (each 分别 governs the numbers after it)."""
    out = list(subjects)
    if len(mentions) < 2 or compact.find(DISTRIBUTIVE, bounds[0], bounds[1]) < 0:
        return out  # most sentences: nothing listed
    cues = [m.start() for m in re.finditer(DISTRIBUTIVE, compact[bounds[0]: bounds[1]])]
    for n, cue in enumerate(c + bounds[0] for c in cues):
        limit = cues[n + 1] + bounds[0] if n + 1 < len(cues) else bounds[1]
        group = [i for i, m in enumerate(mentions) if cue < m.start < limit]
        if len(group) < 2 or any(not BETWEEN_LISTED.match(compact[mentions[a].end: mentions[b].start])
                                 for a, b in zip(group, group[1:])):
            continue
        items = _list_items(compact, bounds, cue)  # nearest list before this 分别 that is not the numbers
        if len(items) != len(group):
            continue
        for i, item in zip(group, _trim_items(items)):
            out[i] = item[-MAX_ITEM_CHARS:]
    return out


def _trim_items(items: list[str]) -> list[str]:
    """职工取得|初级工 → 初级工; the last item loses the shared tail (工伤保险|参保人数)."""
    first = pos_tokens(items[0], (0, len(items[0])))
    tail: list[Tok] = []
    for tok in reversed(first):
        if not is_nounish(tok) or tok.word in lex.SCOPE_WORDS:
            break
        tail.insert(0, tok)
    items = ["".join(t.word for t in tail) or items[0], *items[1:]]
    head = items[0][-2:]
    if head in items[-1]:
        items[-1] = items[-1][: items[-1].index(head) + 2]
    return items


def nouns_lead(clause: list[Tok]) -> bool:
    """现有职业院校161高职院校44…: in a run of noun–number pairs opened by a verb, each number closes the thing or
    quantity noun before it; 建设15产业生态圈66…, where a number comes first, counts the noun after each number."""
    i, quoted = len(clause) - 1, False
    while i >= 0 and (quoted or clause[i].word in QUOTES or not is_punct(clause[i]) and (
            is_nounish(clause[i]) or clause[i].flag == "m")):
        quoted = quoted != (clause[i].word in QUOTES)  # “骑手之家”: a quoted name is part of the run
        i -= 1
    if i < 0 or not (clause[i].flag in VERB_FLAGS or clause[i].word in lex.SCOPE_WORDS):
        return False  # 全市|现有…, 建成|…: the run is what a verb or a scope word introduces
    run = [t for t in clause[i + 1:] if t.word not in QUOTES]
    ends = [run[j - 1] for j, t in enumerate(run) if t.flag == "m" and j > 0] + [run[-1]] if run else []
    return run[0].flag != "m" and all(_counted_thing(t) for t in ends) if run else False


def _counted_thing(tok: Tok) -> bool:
    """A noun a bare number can count: a thing (院校, 站点) or a quantity (人数, 总量)."""
    return tok.flag.startswith("n") and tok.flag != "ns" and tok.word.endswith(lex.THING_HEADS + QUANTITY_NOUNS)
