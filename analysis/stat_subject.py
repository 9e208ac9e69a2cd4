"""What a statistic counts (subject), whether it is a goal (target) and whether it measures the workforce."""
from __future__ import annotations

import re
from typing import NamedTuple

from analysis import stat_lexicon as lex

MAX_SUBJECT_CHARS = 16
QUOTES = frozenset("“”‘’「」\"'")
MAX_HEAD_DISTANCE = 24  # a people noun this far after 名/位/人 still names what is counted
MONEY_LEADERS = frozenset({"的", "标准", "给予", "发放", "的标准", "补贴标准", "予以", "一次性"})
INNER_ADVERBS = frozenset({"再", "新", "重新", "免费", "灵活", "稳定", "实际"})
NOUN_FLAGS = frozenset({"n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "nw", "vn", "an", "j", "b", "eng", "a", "g", "ng",
                        "s", "t", "l", "i"})
VERB_FLAGS = frozenset({"v", "vd", "vi", "vg", "vq"})
JOINING_WORDS = frozenset({"和", "与", "及", "以及", "或"})
PUNCTUATION = set("，,。；;：:、！？!?（）()“”‘’\"'《》【】[]—…·/\n ")
REFERENCE_TIME = re.compile(r"去年|上年|同期|前年|上届|年前|年初|年末|年底|平均水平")
TIME_WORD = re.compile(r"^(?:\d+|[上下本今去明前后当同]).*(?:年|月|日|季度|期)$|^(?:今年|去年|明年|同期|上年|年内|年底|年末)$")
TARGET_CUE = re.compile(lex.TARGET_CUE_PATTERN)
PAST_MARKER = re.compile("|".join(lex.PAST_MARKERS))
TARGET_AFTER = re.compile(r"^[^，,。；;！？]{0,12}为目标")


class Tok(NamedTuple):
    word: str
    flag: str
    start: int
    end: int


def is_punct(tok: Tok) -> bool:
    """True for tokens made of punctuation only."""
    return all(ch in PUNCTUATION for ch in tok.word)


def is_nounish(tok: Tok) -> bool:
    """Tokens that may sit inside a noun phrase (nouns, verbal nouns, adjectives, abbreviations)."""
    if tok.word in lex.SCOPE_WORDS or is_punct(tok):
        return False
    if tok.flag == "t":
        return not TIME_WORD.match(tok.word) and tok.word not in lex.SCOPE_WORDS
    return tok.flag in NOUN_FLAGS or tok.flag.startswith("n")


def _ends_with_any(word: str, heads: tuple[str, ...]) -> bool:
    return any(word.endswith(h) for h in heads)


def _people_head(word: str) -> bool:
    """A token naming people (产业工人, 劳动者); 人才队伍 counts as its members."""
    return word.removesuffix("队伍").endswith(lex.PEOPLE_HEADS)


def _window(after: list[Tok]) -> list[Tok]:
    """Tokens after a number up to punctuation or the next number, quotes and a leading 的 dropped."""
    window = [t for t in after if t.word not in QUOTES]
    while window and window[0].word == "的":
        window = window[1:]
    stop = next((i for i, t in enumerate(window) if is_punct(t) or t.flag in ("m", "q", "x")), len(window))
    return window[:stop]


def right_subject(after: list[Tok], *, mode: str) -> str:
    """The noun phrase after a number (600万|产业工人, 280名|产业生态圈领军人才); '' when none follows.

    mode "people" looks past a modifier clause for the first people noun (1812名有技术…成都工匠);
    "bare" and "thing" take the noun run, ending it at the first head noun; "money" wants a money noun
    (300元|技能津贴, 1500元的标准给予|一次性补贴); "verb" takes a verb and its object (1.1万余人|取得证书).
    """
    window = _window(after)
    if mode == "money":
        while window and window[0].word in MONEY_LEADERS:
            window = window[1:]
        run = _noun_run(window, heads=())
        return "".join(t.word for t in run) if run and run[-1].word.endswith(lex.MONEY_HEADS) else ""
    if mode == "verb":
        if window and window[0].flag in VERB_FLAGS and len(window) > 1 and is_nounish(window[1]):
            return window[0].word + "".join(t.word for t in _noun_run(window[1:], heads=()))
        return ""
    if mode == "people":
        head = next((i for i, t in enumerate(window) if t.flag != "v" and _people_head(t.word)
                     and sum(len(w.word) for w in window[: i + 1]) <= MAX_HEAD_DISTANCE), None)
        if head is not None:
            first = head
            while first > 0 and is_nounish(window[first - 1]) and window[first - 1].flag not in ("l", "i"):
                first -= 1
            return "".join(t.word for t in window[first: head + 1]).removesuffix("队伍")
    heads = lex.THING_HEADS if mode == "thing" else lex.THING_HEADS + lex.PEOPLE_HEADS
    return "".join(t.word for t in _noun_run(window, heads=heads)).removesuffix("队伍")


def _noun_run(window: list[Tok], *, heads: tuple[str, ...]) -> list[Tok]:
    """Leading nounish tokens (at most five), ending at the first head noun."""
    run: list[Tok] = []
    for tok in window[:5]:
        if not is_nounish(tok) or tok.flag == "i":
            break
        run.append(tok)
        if heads and tok.word.removesuffix("队伍").endswith(heads):
            break
    return run


def honour_subject(after: list[Tok]) -> str:
    """The honour named after 评为/获评/被授予 (…评为国家省市劳动模范 → 劳动模范), '' when none."""
    after = [t for t in after if t.word not in QUOTES]
    if after and after[0].word == "被":
        after = after[1:]
    if not after or after[0].word not in lex.HONOUR_VERBS:
        return ""
    run = []
    for tok in after[1:]:
        if is_punct(tok) or not (is_nounish(tok) or tok.word in lex.SCOPE_WORDS or tok.flag == "m" and not run):
            break
        run.append(tok)
    while run and (run[0].word in lex.SCOPE_WORDS or run[0].flag == "m"):
        run = run[1:]
    words = [t.word for t in run if t.word not in ("称号", "荣誉称号", "荣誉")]
    return "".join(words)[:MAX_SUBJECT_CHARS]





def _is_left_boundary(tok: Tok, collected: list[Tok]) -> bool:
    """Where a leftward subject search stops: punctuation, numbers, scope/time words, pronouns, prepositions."""
    if is_punct(tok) or tok.flag in ("m", "q", "r", "p", "f", "y", "e", "o", "x"):
        return True
    if tok.word in lex.SCOPE_WORDS or tok.flag == "t" and TIME_WORD.match(tok.word) or REFERENCE_TIME.search(tok.word):
        return True
    if tok.flag == "d" and tok.word in INNER_ADVERBS and collected:
        return False
    if tok.word == "的":
        return not collected
    if tok.flag == "c" or tok.flag.startswith("u") or tok.flag == "d":
        return not (tok.word in JOINING_WORDS and collected)
    verbish_tail = collected and all(t.flag in VERB_FLAGS or t.flag == "vn" for t in collected)
    return bool(verbish_tail and tok.word.endswith(lex.AGENT_SUFFIXES))  # 成都工匠学院|免费培训


def _strip_edges(toks: list[Tok], *, leading: bool) -> list[Tok]:
    """Drop glue, target cues, distributive 每X words, adverbs and quotes from one end."""
    def removable(tok: Tok) -> bool:
        return (tok.word in lex.GLUE_WORDS or tok.word in lex.TARGET_WORDS or tok.word.startswith("每")
                or tok.word in QUOTES or tok.flag in ("d", "uj", "ul", "p", "c") and tok.word not in INNER_ADVERBS
                or (tok.word in lex.TRAILING_GLUE and not leading))
    while toks and removable(toks[0] if leading else toks[-1]):
        toks = toks[1:] if leading else toks[:-1]
    return toks


def _walk(before: list[Tok]) -> list[Tok]:
    """The phrase right before a number: back to a boundary, after the last reporting verb, edges trimmed."""
    before = _strip_edges([t for t in before if t.word not in QUOTES], leading=False)
    collected: list[Tok] = []
    for tok in reversed(before):
        if _is_left_boundary(tok, collected):
            break
        if sum(len(t.word) for t in collected) + len(tok.word) > MAX_SUBJECT_CHARS:
            break
        collected.insert(0, tok)
    actions = [i for i, t in enumerate(collected[:-1]) if t.word in lex.ACTION_VERBS]
    if actions:
        collected = collected[actions[-1] + 1:]
    while collected and len(collected) > 1 and (
            collected[0].flag in VERB_FLAGS and len(collected[0].word) >= 2
            and collected[0].word not in lex.KEPT_LEADING_VERBS or collected[0].word in JOINING_WORDS):
        collected = collected[1:]
    collected = _strip_edges(collected, leading=True)
    if "".join(t.word for t in collected) in lex.GENERIC_SUBJECTS:
        return []
    return collected


def left_subject(before: list[Tok], context: list[Tok]) -> str:
    """The subject written before a number in its clause; a comparison (比上年…) or standard (按…) is skipped."""
    cut = max((i for i, t in enumerate(before) if is_punct(t) and t.word not in QUOTES), default=-1)
    clause = before[cut + 1:]
    refs = [i for i, t in enumerate(clause) if t.word in lex.REFERENCE_WORDS]
    if refs:
        clause = clause[: refs[-1]]
    collected = _walk(clause)
    return _hypernym(collected, context) or "".join(t.word for t in collected)


def _hypernym(collected: list[Tok], tokens: list[Tok]) -> str:
    """A list ending in items that share a head (生活服务、公共服务、政务服务) is named by the head's first mention."""
    if len(collected) < 2 or len(collected[-1].word) < 2:
        return ""
    head = collected[-1].word[-2:]
    holders = [i for i, t in enumerate(collected) if t.word.endswith(head)]
    if len(holders) < 2 or any(t.flag in VERB_FLAGS for t in collected[holders[-2]:]):
        return ""
    text = "".join(t.word for t in tokens)
    offset = tokens[0].start
    first = text.find(head)
    if first < 0 or first + offset >= collected[0].start:
        return head
    before = [t for t in tokens if t.end == first + offset]
    if before and is_nounish(before[0]) and before[0].word not in lex.SCOPE_WORDS:
        return before[0].word + head
    return head


def is_target(sentence: str, offset: int, end: int) -> bool:
    """True when a goal/plan cue precedes the number in its sentence with no past marker in between."""
    cues = list(TARGET_CUE.finditer(sentence, 0, offset))
    if cues and not PAST_MARKER.search(sentence, cues[-1].end(), offset):
        return True
    return bool(TARGET_AFTER.match(sentence[end:]))


def _last_hit(text: str, words: tuple[str, ...]) -> tuple[int, int]:
    """(end, length) of the right-most lexicon word in text; (0, 0) when none."""
    best = (0, 0)
    for word in words:
        pos = text.rfind(word)
        if pos >= 0:
            best = max(best, (pos + len(word), len(word)))
    return best


def is_workforce(subject: str, sentence: str) -> bool:
    """Workforce when the subject's right-most lexicon word is a workforce word; else by sentence context."""
    hit_yes, hit_no = _last_hit(subject, lex.WORKFORCE_WORDS), _last_hit(subject, lex.NON_WORKFORCE_WORDS)
    if hit_yes != hit_no:
        return hit_yes > hit_no
    n_yes = sum(sentence.count(w) for w in lex.WORKFORCE_WORDS)
    n_no = sum(sentence.count(w) for w in lex.NON_WORKFORCE_WORDS)
    return n_yes > n_no
