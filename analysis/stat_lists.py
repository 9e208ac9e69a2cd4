"""Figures given in lists: A、B和C…分别 x、y、z, and runs of noun–number pairs in text stripped of measure words."""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise

from analysis import stat_lexicon as lex
from analysis.stat_clause import QUANTITY_NOUNS, is_change_phrase
from analysis.stat_left import left_subject
from analysis.stat_mentions import Mention
from analysis.stat_subject import MODIFYING_VERBS, STATUS_VERBS
from analysis.stat_tagging import pos_tokens
from analysis.stat_tokens import QUOTES, VERB_FLAGS, Tok, is_nounish, is_punct, people_head

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


GOAL_HEADS = ("目标", "目标任务")
CHANGE_GAP = re.compile(r"(?:增长|增加|下降|减少|提高|上升)$")


def distribute(compact: str, bounds: tuple[int, int], mentions: list[Mention], subjects: list[str]) -> list[str]:
    """Subjects of listed figures (see _distribute_lists); a change after a goal share is the count's change."""
    out = _distribute_lists(compact, bounds, mentions, subjects)
    for i in range(2, len(out)):  # 新增就业3.6万人，完成全年目标任务的28.5%，同比增长4.2%: the count grew, not the share
        if out[i] == out[i - 1] and out[i].endswith(GOAL_HEADS) and CHANGE_GAP.search(
                compact, mentions[i - 1].end, mentions[i].start) and mentions[i - 2].unit != mentions[i - 1].unit:
            out[i] = out[i - 2]
    return out


def _distribute_lists(compact: str, bounds: tuple[int, int], mentions: list[Mention], subjects: list[str]) -> list[str]:
    """A、B、C…分别达到 x、y、z: give each listed item its own number (each 分别 governs the numbers after it)."""
    out = list(subjects)
    if len(mentions) < 2:
        return out  # most sentences: nothing listed
    if compact.find(DISTRIBUTIVE, bounds[0], bounds[1]) < 0:
        if any(CANDIDATE_GAP.match(compact, a.end, b.start) for a, b in pairwise(mentions)):
            _pair_runs(compact, bounds, mentions, out)  # numbers with only a short phrase between
            _side_by_side(compact, bounds, mentions, out)
        return out
    cues = [m.start() for m in re.finditer(DISTRIBUTIVE, compact[bounds[0]: bounds[1]])]
    for n, cue in enumerate(c + bounds[0] for c in cues):
        limit = cues[n + 1] + bounds[0] if n + 1 < len(cues) else bounds[1]
        group = [i for i, m in enumerate(mentions) if cue < m.start < limit]
        if len(group) < 2 or any(not BETWEEN_LISTED.match(compact[mentions[a].end: mentions[b].start])
                                 for a, b in pairwise(group)):
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
    if i < 0 or not (clause[i].flag in VERB_FLAGS or clause[i].word in lex.SCOPE_WORDS
                     or clause[i].word in lex.KEPT_LEADING_VERBS):  # 新建/ns: the tagger's place
        return False  # 全市|现有…, 建成|…: the run is what a verb or a scope word introduces
    run = [t for t in clause[i + 1:] if t.word not in QUOTES]
    ends = [run[j - 1] for j, t in enumerate(run) if t.flag == "m" and j > 0] + [run[-1]] if run else []
    return run[0].flag != "m" and all(_counted_thing(t) for t in ends) if run else False


def _counted_thing(tok: Tok) -> bool:
    """A noun a bare number can count: a thing (院校, 站点) or a quantity (人数, 总量)."""
    return tok.flag.startswith("n") and tok.flag != "ns" and tok.word.endswith(lex.THING_HEADS + QUANTITY_NOUNS)


# --- lists whose marks were stripped (seed-style text): 分别 and 、 gone, numbers side by side or after each noun ---
ADJACENT_GAP = re.compile(r"^ ?(?:[、，,和及与]|以及)? ?$")  # …参保人数698.2万人312.5万人: nothing but a list mark between
PAIR_GAP_STOP = re.compile(r"[，,；;：:。！？、\n（）()]")  # a pair run (金牌86枚银牌86枚) has no clause mark inside
MAX_PAIR_GAP = 16
CANDIDATE_GAP = re.compile(r"(?:[^，,；;：:。！？\n（）()]{0,16}| ?[，,] ?)$")  # a gap either list rule may use
LEVEL_WORD = re.compile(r"^[一二三四五六七八九十\d]+级$")  # 初级工五级中级工四级: a level note inside an item
ORDINAL_ITEM = re.compile(r"^(?:第[\d一二三四五六七八九十]+\w|[东西南北中]部)")  # 第二名第三名|3万元2万元, 中部西部: items tagged m / f
REGION_TAIL = "地区"
LIST_GLUE = frozenset({"、", "和", "及", "与", "以及"})
ITEM_STOP_ENDS = lex.THING_HEADS + ("证书", "证")  # 等级证书|初级工: a complete noun before the first item is no modifier
MIN_HEAD_CHARS = 2
NOUN_MAKING_VERBS = MODIFYING_VERBS | STATUS_VERBS  # 参保|人数, 就业|人员: verbs inside a noun compound
MAX_ITEM_TOKENS = 3  # listed items sit side by side: heads more than this many tokens apart are no list
BOUND_FLAGS = frozenset({"zg", "ng", "g"})  # 配送|员/zg: a noun suffix the tagger left on its own
PERIOD_WORDS = frozenset({"每月", "每年", "每人", "每天", "月均", "年均", "人均"})  # a rate inside a listed measure
SHARED_TAILS = lex.MONEY_HEADS + ("人数", "比例", "比重", "占比", "率")  # what several listed groups are measured by


def _is_item_token(tok: Tok) -> bool:
    """Tokens a listed item is made of: nouns and their modifiers (no verbs, scope or time words), or ordinals."""
    return bool(ORDINAL_ITEM.match(tok.word)) or is_nounish(tok) and tok.word not in lex.SCOPE_WORDS and not (
        LEVEL_WORD.match(tok.word))


def _runs(compact: str, mentions: list[Mention], fits) -> list[list[int]]:
    """Maximal runs of at least two mentions whose gaps (text between consecutive ones) satisfy fits(gap, a, b)."""
    runs, current = [], [0]
    for i in range(1, len(mentions)):
        if fits(compact[mentions[i - 1].end: mentions[i].start], mentions[i - 1], mentions[i]):
            current.append(i)
            continue
        if len(current) > 1:
            runs.append(current)
        current = [i]
    return runs + [current] if len(current) > 1 else runs


def _parallel_heads(toks: list[Tok], k: int) -> list[int]:
    """Indexes of the last k tokens sharing a head (失业保险|工伤保险, 初级工|中级工|高级工); [] when none."""
    for size in (2, 1):
        found: dict[str, list[int]] = {}
        for i, tok in enumerate(toks):
            if len(tok.word) >= max(size, MIN_HEAD_CHARS) and _is_item_token(tok):
                found.setdefault(tok.word[-size:], []).append(i)
        best = [at[-k:] for at in found.values() if len(at) >= k
                and all(b - a <= MAX_ITEM_TOKENS for a, b in zip(at[-k:], at[-k + 1:]))]
        if best:
            return max(best, key=lambda at: at[-1])
    return []


def _item(toks: list[Tok], head: int, floor: int, cap: int) -> str:
    """The head token with the nounish modifiers right before it (back to floor, at most cap characters)."""
    start = head
    while start > floor and _is_item_token(toks[start - 1]) and toks[start - 1].word not in LIST_GLUE and (
            sum(len(t.word) for t in toks[start - 1: head + 1]) <= cap) and not toks[start - 1].word.endswith(
            ITEM_STOP_ENDS):
        start -= 1
    return "".join(t.word for t in toks[start: head + 1])


def _stripped_items(toks: list[Tok], k: int) -> list[str]:
    """The k parallel items named before side-by-side numbers (城镇职工基本养老保险|失业保险|工伤保险参保人数)."""
    end = len(toks)
    while end and not (_is_item_token(toks[end - 1]) or toks[end - 1].word in LIST_GLUE):
        end -= 1  # 给予|1000元, 达到|698.2万人: the predicate before the numbers
    start = end
    while start and (_is_item_token(toks[start - 1]) or toks[start - 1].word in LIST_GLUE
                     or LEVEL_WORD.match(toks[start - 1].word) or toks[start - 1].word in PERIOD_WORDS
                     or toks[start - 1].word in NOUN_MAKING_VERBS and start < end and _is_item_token(toks[start])):
        start -= 1  # 工伤保险|参保|人数: a verb modifying the shared tail stays in the region
    region = [t for t in toks[start:end] if t.word not in PERIOD_WORDS]  # 技师高级技师|每月|津贴
    heads = _parallel_heads(region, k)
    if len(heads) != k:
        return _groups_before_tail(region, k)
    others = max(len(_item(region, h, p + 1, MAX_ITEM_CHARS)) for p, h in pairwise(heads))
    first = region[heads[0]].word  # an ordinal (第一名) is complete: 大赛规定 before it is no modifier
    items = [first if ORDINAL_ITEM.match(first) else _item(region, heads[0], 0, 2 * others + 2)]
    items += [_item(region, h, p + 1, MAX_ITEM_CHARS) for p, h in pairwise(heads)]
    if heads[-1] + 1 < len(region) and region[heads[-1] + 1].word == REGION_TAIL:
        items[-1] += REGION_TAIL  # 中部|西部地区|5.2%5.3%: the last item is written with its 地区
    return items if all(len(i) >= MIN_HEAD_CHARS for i in items) else []


def _groups_before_tail(region: list[Tok], k: int) -> list[str]:
    """技师|高级工|平均工资 11.2万元8.6万元: k groups of people right before the measure they share, one per number."""
    if len(region) < k + 1 or not region[-1].word.endswith(SHARED_TAILS):
        return []
    groups = region[-k - 1:-1]
    return [t.word for t in groups] if all(t.flag.startswith("n") and people_head(t.word) for t in groups) else []


def _side_by_side(compact: str, bounds: tuple[int, int], mentions: list[Mention], out: list[str]) -> None:
    """698.2万人312.5万人356.4万人 after a noun list (its 分别 and 、 stripped): one listed item per number, in order;
    a later run of as many numbers (增长6.2%7.5%) reuses the items."""
    runs = _runs(compact, mentions, lambda gap, a, b: bool(ADJACENT_GAP.match(gap)) and a.unit == b.unit)
    if not runs:
        return
    toks = pos_tokens(compact, bounds)
    starts = [t.start for t in toks]
    last: list[str] = []
    for run in runs:
        before = [t for t in toks[: bisect_left(starts, mentions[run[0]].start)] if t.end <= mentions[run[0]].start]
        items = _stripped_items(before, len(run)) or (last if len(last) == len(run) else [])
        for i, item in zip(run, items):
            out[i] = item
        last = items or last


def _nounish_gap(toks: list[Tok]) -> bool:
    """A gap that is one noun phrase: nounish words only (a verb only before a bound suffix: 配送|员), noun-final."""
    kept = [t for t in toks if t.word not in QUOTES and not t.word.startswith("每")]
    return bool(kept) and is_nounish(kept[0]) and (kept[-1].flag.startswith("n") or _bound(kept[-1])) and all(
        is_nounish(t) or _bound(t) or t.flag in VERB_FLAGS and i + 1 < len(kept) and _bound(kept[i + 1])
        for i, t in enumerate(kept))


def _bound(tok: Tok) -> bool:
    """A one-character noun suffix the tagger left on its own (配送|员/zg)."""
    return len(tok.word) == 1 and tok.flag in BOUND_FLAGS


def _opens_noun(tok: Tok) -> bool:
    """A nounish word that is not a verbal noun (规划|建设/vn before a number is a predicate)."""
    return is_nounish(tok) and tok.flag != "vn"


def _short_gap(gap: str, a: Mention, b: Mention) -> bool:
    """The text test of a pair run's gap: short and without a clause mark (no tokens needed)."""
    return 0 < len(gap) <= MAX_PAIR_GAP and not PAIR_GAP_STOP.search(gap)


def _pair_runs(compact: str, bounds: tuple[int, int], mentions: list[Mention], out: list[str]) -> None:
    """金牌86枚银牌86枚铜牌86枚 (marks stripped): a run of noun–number pairs opened by a noun and closed by no noun
    counts the noun before each number. Opened by a verb (建设15产业生态圈…) it is left alone: in stripped text the
    noun after a number is as often the next clause's topic as the thing counted."""
    candidates = _runs(compact, mentions, _short_gap)
    if not candidates:
        return  # most sentences: each number in its own clause, nothing to tag
    toks = pos_tokens(compact, bounds)
    starts = [t.start for t in toks]

    def between(start: int, end: int) -> list[Tok]:
        return [t for t in toks[bisect_left(starts, start): bisect_left(starts, end)] if t.end <= end]

    for candidate in candidates:
        picked = [mentions[i] for i in candidate]
        for part in _runs(compact, picked, lambda gap, a, b: _nounish_gap(between(a.end, b.start))):
            run = [candidate[i] for i in part]
            first, last = mentions[run[0]], mentions[run[-1]]
            floor = mentions[run[0] - 1].end if run[0] else bounds[0]
            opening = [t for t in between(floor, first.start) if not t.word.startswith("每")]
            if not opening or not _opens_noun(opening[-1]) or _noun_tail(between(last.end, bounds[1])):
                continue  # 建设|15产业生态圈…, 210家|合作商户享受…: the noun after a number may be what it counts
            gaps = [between(mentions[a].end, mentions[b].start) for a, b in pairwise(run)]
            for i, name in zip(run, map(_left_of, [opening] + gaps)):
                if name and len(name) <= MAX_ITEM_CHARS and not is_change_phrase(name):  # 同比增加|12万人
                    out[i] = name


def _noun_tail(toks: list[Tok]) -> list[Tok]:
    """The noun phrase right after the last number of a run (…5家|职工食堂。); [] when a verb or mark comes first."""
    tail = []
    for tok in toks:
        if is_punct(tok) or not (is_nounish(tok) or _bound(tok)):
            break
        tail.append(tok)
    return tail


def _left_of(gap: list[Tok]) -> str:
    """The subject left_subject reads in a gap (its context is the gap itself)."""
    return left_subject(gap, lambda: gap)
