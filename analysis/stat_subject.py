"""Subject grammar: the subject written after a number, and what a head count did or won."""
from __future__ import annotations

import re
from itertools import takewhile

from analysis import stat_lexicon as lex
from analysis.stat_tokens import (
    NOUNISH_NUMERAL_WORDS,
    NUMERAL_CHAR,
    QUOTES,
    TIME_WORD,
    VERB_FLAGS,
    Tok,
    is_nounish,
    is_punct,
    people_head,
)

MAX_SUBJECT_CHARS = 16
MAX_GLOSS_TOKENS = 4  # 职业（工种）, 就业（升学）率: a gloss of a word or two
NOTE_WORDS = ("含", "包括", "不含", "不包括", "其中", "下同")  # （含灵活就业）: a note on scope, not a gloss
NOT_MONEY_ENDINGS = ("免费", "消费", "浪费")  # 费 ends them, but they are no money nouns
COUNTED_WORD = re.compile(r"^[\d一两二三四五六七八九十]+[个名位家辆台件条次座所项只]")  # 800辆|一辆车: a new count
MAX_HEAD_DISTANCE = 24  # a people noun this far after 名/位/人 still names what is counted
JOINING_WORDS = frozenset({"和", "与", "及", "以及", "或"})


# Verbs that form compound nouns (新增就业目标, 就业见习岗位, 参保人数) rather than start a predicate.
MODIFYING_VERBS = frozenset({"新增", "就业", "再就业", "创业", "见习", "培训", "参保", "转移", "务工", "返岗", "招聘", "实训"})
# Verbs that describe people's status and modify the people noun after them (1.2万名|参保|职工, 返乡|农民工).
STATUS_VERBS = frozenset({"参保", "在岗", "在职", "失业", "返乡", "返岗", "待业", "参训", "参赛", "持证", "退休", "离校",
                          "入会", "务工", "转岗", "下岗", "留用", "新录用", "新招", "外出", "进城", "流动"})
SPLIT_UNIT = "人"  # 万人工伤保险 is cut 万|人工|伤…: the unit may come back as a token of its own
# Frames between a head count and its verb: 在 … 中/上 (where), 被 … (by whom, up to the last verb).
PREDICATE_FRAMES = {"在": frozenset({"中", "上", "里", "内"}), "被": frozenset()}
ASPECT_FLAGS = frozenset({"ul", "ug", "uz", "uguo"})  # 拿到|了, 拿|过: aspect particles stay with their verb
RANK_WORDS = frozenset({"以上", "及以上"})  # 中级工以上证书: a rank link inside an object
MAX_PREDICATE_CHARS = 12  # a longer predicate is a clause, not a name: its object alone is kept
MIN_LISTED_PEOPLE_CHARS = 5  # 户外劳动者: a shorter tail (工匠人才, 职工代表) is a compound, not the list's class


def last_listed_people(toks: list[Tok]) -> list[Tok]:
    """快递员|外卖骑手|户外劳动者 run together (text without 、 or 等): the last people phrase names the class."""
    if not toks or not people_head(toks[-1].word) or any(t.word in JOINING_WORDS for t in toks):
        return toks
    cuts = [i for i, t in enumerate(toks[:-1]) if len(t.word) >= 2 and t.flag.startswith("n") and people_head(t.word)
            and sum(len(w.word) for w in toks[i + 1:]) >= MIN_LISTED_PEOPLE_CHARS
            and not any(w.flag in VERB_FLAGS for w in toks[i + 1:])]  # 互助保障|参保职工 is one phrase
    return toks[cuts[-1] + 1:] if cuts else toks


def _window(after: list[Tok]) -> list[Tok]:
    """Tokens after a number up to punctuation or the next number; a quoted modifier, quotes and 的 dropped."""
    if after and after[0].word == "“":
        close = next((i for i, t in enumerate(after) if t.word == "”"), None)
        named = close is not None and "".join(t.word for t in after[1:close]).endswith(
            lex.PEOPLE_HEADS + lex.THING_HEADS)  # 50名“羊城工匠”|颁发: the quoted words are what is counted
        if close is not None and close + 1 < len(after) and (
                is_nounish(after[close + 1]) or after[close + 1].flag in VERB_FLAGS and not named):
            after = after[close + 1:]  # “家门口”|就业服务站
    window = [t for t in after if t.word not in QUOTES]
    while window and window[0].word == "的":
        window = window[1:]
    stop = next((i for i, t in enumerate(window) if is_punct(t) or t.word in lex.BYLINE or t.word not in
                 NOUNISH_NUMERAL_WORDS and (t.flag in ("m", "q", "x") or COUNTED_WORD.match(t.word))), len(window))
    return window[:stop]


def _lastpeople_head(window: list[Tok], head: int) -> int:
    """Index of the last people noun in the noun run that starts at `head`."""
    last = head
    for j in range(head + 1, len(window)):
        if not is_nounish(window[j]) or window[j].flag in ("l", "i", "vn"):
            break
        if people_head(window[j].word):
            last = j
    return last


def right_subject(after: list[Tok], *, mode: str) -> str:
    """The noun phrase after a number (600万|产业工人, 280名|产业生态圈领军人才); '' when none follows.
    mode "people" looks past a modifier clause for the first people noun (1812名有技术…成都工匠);
    "bare" and "thing" take the noun run, ending it at the first head noun; "money" wants a money noun
    (300元|技能津贴, 1500元的标准给予|一次性补贴); "verb" takes a verb and its object (1.1万余人|取得证书).
    """
    window = _window(after)
    if mode != "bare" and window and window[0].word == SPLIT_UNIT:
        window = window[1:]  # 236万|人|工伤保险…: the measure word cut off its number is not what is counted
    if mode == "money":
        while window and (window[0].word in lex.MONEY_LEADERS or window[0].word == "不" and len(window) > 1
                          and window[1].word == "等"):  # 1000元至3000元|不等的|技能提升补贴
            window = window[2:] if window[0].word == "不" else window[1:]
        if window and window[0].word in lex.COMPARING_VERBS:
            return ""  # 8600元|相当于最低工资…: what the amount is compared with is not what it is
        run = list(takewhile(lambda t: not (t.flag == "t" or TIME_WORD.match(t.word) or t.word in lex.SHARE_LINKS),
                             window[:5]))  # 补贴|今年…, 劳务报酬|占…: a time or a share verb ends the noun
        heads = [i for i, t in enumerate(run) if "".join(w.word for w in run[: i + 1]).endswith(lex.MONEY_HEADS)
                 and not t.word.endswith(NOT_MONEY_ENDINGS)]
        last = after.index(run[heads[-1]]) + 1 if heads else 0  # …亿元|发放失业保险金|2.1亿元: the next figure's
        next_figure = not heads or _figure_at(after, last, lex.LINKING_VERBS)  # …|员工人均年收入|达到|11.2万元
        return "" if next_figure else "".join(t.word for t in run[: heads[-1] + 1])
    if mode == "verb":  # 1.1万余人|取得证书, 18.6万人|签约留汉
        return predicate(after)
    if mode == "people" and window and window[0].word == "被":  # 2316人|被见习单位留用: what befell them
        return honour_subject(after) or predicate(after)
    if mode == "people" and _mistagged_verb(window):  # 15个|成了技师, 1126人|晋升/nr…: a verb the tagger missed
        return predicate(after, verb_first=True)
    if mode == "people" and _starts_clause(window):
        return ""  # 3.2万人|帮助…: a verb after the count starts the next clause (1.2万名|参保职工 modifies)
    if mode == "people":
        named = _people_phrase(window)
        if named is not None:
            return "" if _linked_figure_follows(after) else named  # 12万人|高级工缺口占60%: the next topic
    modified = _modified_noun(window, measured=mode == "thing") if mode in ("bare", "thing") else 0
    if modified:  # 8辆|返岗专车, 3000|就业见习岗位: a verb modifying a noun, not a new clause
        return "".join(t.word for t in window[:modified])
    if mode == "bare" and not (window and is_nounish(window[0]) and window[0].flag not in ("l", "i")):
        return ""  # 3.2万|帮助…: a bare number before a verb closes its clause; its subject is on the left
    heads = lex.THING_HEADS if mode == "thing" else lex.THING_HEADS + lex.PEOPLE_HEADS
    toks = _noun_run(window, heads=heads)
    run = "".join(t.word for t in toks).removesuffix("队伍")
    if run.endswith(lex.SHARE_WORDS) or mode == "bare" and _linked_figure_follows(after):
        return ""  # 实现就业4252|就业率…: a count never counts a rate; 总数12680|女性员工占38.6%: the next topic
    return run + _gloss_after(after, toks[-1]) if toks and run.endswith(toks[-1].word) else run


def _linked_figure_follows(after: list[Tok]) -> bool:
    """The noun run after a number is followed by 占/达到… and a number: it is that figure's topic."""
    i = next((j for j, t in enumerate(after) if not is_nounish(t)), len(after))
    return _figure_at(after, i, lex.SHARE_LINKS, linked=True)


def _figure_at(toks: list[Tok], i: int, links: frozenset[str], *, linked: bool = False) -> bool:
    """A number at toks[i], or right after a link verb (达到, 占…) there; `linked`: only after a link verb."""
    link = i + 1 < len(toks) and toks[i].word in links
    if linked and not link:
        return False
    i += link
    return i < len(toks) and toks[i].flag == "m" and bool(NUMERAL_CHAR.match(toks[i].word))


def _gloss_after(after: list[Tok], last: Tok) -> str:
    """152个职业|（工种）: a short bracketed gloss right after the noun names it too; '' for a note (（含…）)."""
    at = next((i for i, t in enumerate(after) if t is last), -1)
    if at < 0 or at + 2 >= len(after) or after[at + 1].word not in ("（", "("):
        return ""
    for j in range(at + 2, min(at + 2 + MAX_GLOSS_TOKENS, len(after))):
        if after[j].word in ("）", ")"):
            inner = after[at + 2: j]
            noted = inner[0].word.startswith(NOTE_WORDS)
            return "" if noted or not all(is_nounish(t) for t in inner) else "".join(t.word for t in after[at + 1: j + 1])
    return ""


def _starts_clause(window: list[Tok]) -> bool:
    """A verb right after a people count that is not a modifier of a following people noun."""
    if not window or window[0].flag not in VERB_FLAGS or people_head(window[0].word) or window[0].word in lex.MODIFIER_VERBS:
        return False
    return not (window[0].word in STATUS_VERBS and len(window) > 1 and people_head(window[1].word))


def _people_phrase(window: list[Tok]) -> str | None:
    """The first people noun in reach with its modifiers (1812名有技术…|成都工匠, 灵活就业人员); None when none."""
    head = next((i for i, t in enumerate(window) if t.word not in lex.ACTION_VERBS and people_head(t.word)
                 and sum(len(w.word) for w in window[: i + 1]) <= MAX_HEAD_DISTANCE), None)
    if head is None:
        return None
    first = head
    while first > 0 and window[first - 1].flag not in ("l", "i") and (is_nounish(window[first - 1]) or (
            first in (head, 1) and window[first - 1].flag in VERB_FLAGS and len(window[first - 1].word) >= 2
            and window[first - 1].word not in lex.ACTION_VERBS | lex.HONOUR_VERBS_SET)):
        first -= 1  # 灵活就业人员
    head = _lastpeople_head(window, head)  # 2.3万名|技工|院校学生: the compound's last people noun
    if head + 2 < len(window) and window[head + 1].word in JOINING_WORDS:
        modified = head + 3 < len(window) and not people_head(window[head + 2].word) and (
            is_nounish(window[head + 2]) and people_head(window[head + 3].word))
        joined = head + 2 + modified
        head = joined if people_head(window[joined].word) else head  # 困难职工和农民工, 劳动模范和先进|工作者
    return "".join(t.word for t in last_listed_people(window[first: head + 1])).removesuffix("队伍")


def _modified_noun(window: list[Tok], *, measured: bool) -> int:
    """Tokens of a modifying verb + its noun (8辆|返岗|专车, 就业|见习|岗位), 0 for an action on an object (帮助|职工).

    A bare number (no measure word) before a verb and a plain noun starts a new clause (420|撤销|产业…)."""
    if len(window) < 2 or window[0].flag not in VERB_FLAGS or window[0].word in lex.ACTION_VERBS:
        return 0
    if window[1].flag in VERB_FLAGS and len(window) > 2 and window[2].word.endswith(lex.THING_HEADS):
        return 3
    noun, following = window[1], window[2] if len(window) > 2 else None
    plain = noun.flag.startswith("n") and noun.flag not in ("ns", "nr") and not people_head(noun.word)
    closed = following is None or not following.flag.startswith("n") or following.flag == "ns"
    return 2 if measured and plain and closed and len(window[0].word) == 2 else 0


def _compound_head(window: list[Tok], i: int, heads: tuple[str, ...]) -> int:
    """1 when the head noun at i is followed by another head noun it modifies (头部平台|企业, 服务|站点)."""
    nxt = window[i + 1] if i + 1 < len(window) else None
    return int(nxt is not None and nxt.flag.startswith("n") and nxt.flag != "ns" and nxt.word.endswith(lex.THING_HEADS)
               and not people_head(nxt.word) and window[i].word.endswith(lex.THING_HEADS))


def _noun_run(window: list[Tok], *, heads: tuple[str, ...]) -> list[Tok]:
    """Leading nounish tokens (at most five), ending at the first head noun; verbs may modify a head (就业见习岗位)."""
    if heads:
        for i, tok in enumerate(window[:5]):
            head = tok.word.removesuffix("队伍").endswith(heads)
            if head and i == 0 and tok.flag.startswith("n"):  # 32|行政村|登记农村劳动力: a head ends the run
                return window[: 1 + _compound_head(window, 0, heads)]  # (职业|工种 is one compound)
            if head and i > 0 and all(
                    is_nounish(t) or t.flag in VERB_FLAGS and t.word not in lex.ACTION_VERBS for t in window[:i]):
                return window[: i + 1 + _compound_head(window, i, heads)]
            if not (is_nounish(tok) or tok.flag in VERB_FLAGS):
                break
    run: list[Tok] = []
    for i, tok in enumerate(window[:5]):
        joining = (tok.word in JOINING_WORDS and run and i + 1 < len(window) and is_nounish(window[i + 1])
                   or tok.word in RANK_WORDS and run and run[-1].word.endswith("级")  # 省级|以上|开发区
                   or tok.word.endswith("级") and i + 1 < len(window) and window[i + 1].word in RANK_WORDS)
        inner_verb = run and (tok.word in MODIFYING_VERBS or all(t.flag == "a" for t in run) and i + 1 < len(window)
                              and tok.flag in VERB_FLAGS and is_nounish(window[i + 1]))
        # 城镇|新增|就业|目标, 严重/a|欠薪/v|用人单位 (集体|授予|… is a new clause)
        if not joining and not inner_verb and (not is_nounish(tok) or tok.flag == "i"):
            break
        following = window[i + 1].flag if i + 1 < len(window) else ""
        if tok.flag == "vn" and (following in VERB_FLAGS if not run else not following.startswith("n")):
            break  # 机器人|有序运转, 3.6万条|服务求职…: a verbal noun before a verb or at the end is the predicate
        run.append(tok)
        if heads and tok.word.removesuffix("队伍").endswith(heads):
            break
    while run and run[-1].flag in VERB_FLAGS:
        run.pop()  # 企业|参与: a verb ends the noun phrase only when a noun follows it
    return run


def _mistagged_verb(window: list[Tok]) -> bool:
    """A word right after a head count that acts as its verb: followed by 了/过, or tagged a person's name (no name
    follows a count of people)."""
    if not window or people_head(window[0].word):
        return False
    return window[0].flag == "nr" or len(window) > 1 and window[1].flag in ASPECT_FLAGS


def predicate(after: list[Tok], *, verb_first: bool = False) -> str:
    """What a head count did, read to the clause end: the verb with its object (1126人|晋升相应职业技能等级),
    past a place or agent phrase (21人在…大赛中|获奖, 2316人被见习单位|留用); '' when no verb follows."""
    clause = [t for t in after if t.word not in QUOTES]
    stop = next((i for i, t in enumerate(clause) if is_punct(t) and t.word != "、" or t.flag == "m"), len(clause))
    closed, clause = stop < len(clause), clause[:stop]
    if clause and clause[0].word in PREDICATE_FRAMES:  # 在…中|获奖, 被…|留用: the frame names where or by whom
        frame_end = PREDICATE_FRAMES[clause[0].word]
        ends = [i for i, t in enumerate(clause) if (t.word in frame_end if frame_end else t.flag in VERB_FLAGS)]
        clause = clause[ends[-1] + (1 if frame_end else 0):] if ends else []
    if len(clause) < (1 if closed else 2) or clause[0].flag not in VERB_FLAGS and not verb_first:
        return ""  # a lone verb at the sentence's end without punctuation may be cut off: only a closed clause
    verb = [clause[0]] + list(takewhile(lambda t: t.flag in ASPECT_FLAGS, clause[1:]))
    obj = _object(_listed_nouns(clause[len(verb):]))
    phrase = "".join(t.word for t in verb + obj)
    return phrase if len(phrase) <= MAX_PREDICATE_CHARS else "".join(t.word for t in obj[-3:])


def _listed_nouns(rest: list[Tok]) -> list[Tok]:
    """An object read to its end: 、 between nouns and a rank link (中级工|以上|证书) are kept, the next clause is not."""
    out: list[Tok] = []
    for i, tok in enumerate(rest):
        nxt = rest[i + 1] if i + 1 < len(rest) else None
        inner = tok.word == "、" or tok.word in RANK_WORDS
        if inner and not (out and nxt is not None and is_nounish(nxt)):
            break
        out.append(tok)
    return out


def _object(rest: list[Tok]) -> list[Tok]:
    """The object of a verb: leading verbs (签约|留汉), then nouns up to the next action verb (参保企业|发放… stops)."""
    out: list[Tok] = []
    for i, tok in enumerate(rest):
        if not (is_nounish(tok) or tok.flag in VERB_FLAGS or out and (tok.word == "、" or tok.word in RANK_WORDS)):
            break
        if tok.flag in VERB_FLAGS and any(is_nounish(t) for t in out) and (  # 技能|提升|补贴 is one noun
                tok.word in lex.ACTION_VERBS or i + 1 >= len(rest) or not is_nounish(rest[i + 1])):
            break
        out.append(tok)
    return out


def honour_subject(after: list[Tok]) -> str:
    """The honour named after 评为/获评/被授予 (…评为国家省市劳动模范 → 劳动模范), '' when none."""
    after = [t for t in after if t.word not in QUOTES]
    if after and after[0].word == "被":
        after = after[1:]
    if not after or after[0].word not in lex.HONOUR_VERBS:
        return ""
    run = []
    for tok in after[1:]:
        if is_punct(tok) or not (is_nounish(tok) or tok.word in lex.HONOUR_LEVELS or tok.flag == "m" and not run):
            break
        run.append(tok)
    while run and (run[0].word in lex.HONOUR_LEVELS or run[0].flag == "m"):
        run = run[1:]
    words = [t.word for t in run if t.word not in ("称号", "荣誉称号", "荣誉")]
    return "".join(words)[:MAX_SUBJECT_CHARS]
