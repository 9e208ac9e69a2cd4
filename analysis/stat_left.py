"""The subject written before a number: its clause, comparisons and periods skipped, the walked phrase named."""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from operator import itemgetter

from analysis import stat_lexicon as lex
from analysis.stat_clause import is_change_phrase
from analysis.stat_subject import MAX_SUBJECT_CHARS
from analysis.stat_tagging import tokens_from
from analysis.stat_tokens import QUOTES, TIME_WORD, VERB_FLAGS, Tok, is_nounish, is_punct, people_head
from analysis.stat_walk import (
    CLOSING_BRACKETS,
    PERIOD_UNITS,
    REFERENCE_TIME,
    _gloss_start,
    _walk,
)

PROPORTION_VERBS = frozenset({"是", "为", "占", "相当于", "占到"})
RANGE_DASHES = frozenset({"—", "–", "-", "~", "～"})  # 25—29岁: a dash inside a range is not punctuation
PERIOD_EDGES = frozenset({"末", "初", "底", "年末", "年初", "年底", "期末", "以来"})
COMPARISON_WORDS = frozenset({"比", "较", "相比", "相较", "对比"})  # a clause opening 比同企业…高出 compares the last figure
SOURCE_WORDS = frozenset({"从", "由"})  # 从|85%提高到… starts a change; 从一线工人中推荐… names a source
SHARE_VERBS = frozenset({"占", "占到"})  # with the part left unsaid, the share is named by its whole
BARE_HEADS = frozenset({"活动", "项目", "工程", "行动", "企业"})  # a head that says nothing without its name
MIN_LISTED_HOLDERS = 3  # 生活服务公共服务政务服务 is a class; 困难职工和一线职工 (two) are named as they are
CHANGE_VERBS = frozenset({"增长", "增加", "下降", "减少", "提高", "降低", "上升", "回落", "回升", "加快", "放缓", "扩大",
                          "缩小", "高", "低", "多", "少", "快", "慢"})  # a change read against a time
BASE_COMPARISONS = frozenset({"高出", "低出", "高于", "低于"})  # Y高出N%: with 比 gone, Y is the base of comparison
# …增长9.2%，高于管理岗位|2.6个百分点: a clause opening with a comparison names only the base; the figure before stands
OPENING_COMPARISONS = COMPARISON_WORDS | BASE_COMPARISONS | {"快于", "慢于"}
CHANGE_TO_FLAGS = VERB_FLAGS | {"vn"}  # 发展/vn|到


LEFT_CACHE = 1 << 15  # distinct token runs before a number kept per process
SEPARATOR = "\x00"  # joins a run's words (or flags) into one string key: much smaller than a tuple of words
WORD, FLAG = itemgetter(0), itemgetter(1)  # Tok.word, Tok.flag

def without_period_reference(clause: list[Tok]) -> list[Tok]:
    """技能人才总量|“十三五”末|168万人 (由 and 的 stripped): a period the figure dates from is not its subject."""
    end = len(clause)
    def dating(tok: Tok) -> bool:
        return tok.word in PERIOD_EDGES or bool(TIME_WORD.match(tok.word)) or bool(REFERENCE_TIME.search(tok.word))

    while end > 0 and (clause[end - 1].word in QUOTES or clause[end - 1].flag == "m" or dating(clause[end - 1])):
        end -= 1
    dated = any(dating(t) for t in clause[end:])
    return clause[:end] if dated and end > 0 and is_nounish(clause[end - 1]) else clause


def _starts_change(rest: list[Tok]) -> bool:
    """由/从 followed only by a time (由|2022年的|28.4%, 由|“十三五”末的|168万人) starts a change, not a source."""
    quoted = False
    for tok in rest:
        if tok.word in QUOTES:
            quoted = not quoted
        elif not quoted and not (tok.word in ("的", "末", "初", "底", "前") or tok.flag in ("t", "m")
                                 or TIME_WORD.match(tok.word) or REFERENCE_TIME.search(tok.word)):
            return False
    return True


def _clause_mark(before: list[Tok]) -> int:
    """Index of the last punctuation mark before the number (-1 if none), read from the right: only that clause counts."""
    last = len(before) - 1
    i = len(before)
    while i > 0:
        i -= 1
        tok = before[i]
        if is_punct(tok) and tok.word not in QUOTES and not (
                tok.word in RANGE_DASHES and 0 < i < last and before[i + 1].flag == "m"):
            gloss = _gloss_start(before, i) if tok.word in CLOSING_BRACKETS and (
                i == last or not is_punct(before[i + 1])) else -1
            if gloss < 0:
                return i  # 25—29岁: a dash inside a range is not the mark
            i = gloss  # 就业（升学）|率: a gloss inside a phrase is no clause mark
    return -1


def left_subject(before: list[Tok], context: Callable[[], list[Tok]]) -> str:
    """The subject written before a number in its clause; a comparison (比上年…) or standard (按…) is skipped."""
    cut = _clause_mark(before)
    clause = without_period_reference(before[cut + 1:])
    clause = _before_change_to(_around_quoted_name(clause))
    if cut >= 0 and before[cut].word == "、":  # 数控加工、工业机器人、检测与维修等|专业28个: the class after 等
        etc = max((j for j, t in enumerate(clause[:-1]) if t.word in ("等", "等等")), default=-1)
        if etc >= 0 and not (people_head(clause[-1].word) or clause[-1].word in ("群体", "人群", "对象")):
            # (…配送员等会员, …司机等群体: a class of people keeps its example)
            clause, cut = clause[etc + 1:], -1  # (the list before it is no part of what is counted)
    refs = [i for i, t in enumerate(clause) if (i > 0 or t.word in OPENING_COMPARISONS)
            and t.word in lex.REFERENCE_WORDS and (t.word not in SOURCE_WORDS or _starts_change(clause[i + 1:]))
            and not (t.word == "按" and i + 1 < len(clause) and clause[i + 1].word in PERIOD_UNITS)]  # 按月支付
    if clause and clause[-1].word == "的":  # X是Y的1.5倍, X占Y的8%: X is what is measured
        refs += [i for i, t in enumerate(clause) if t.word in PROPORTION_VERBS]  # 占全省职工总数的八成: see before
    elif (share := _share_of_whole(clause)) >= 0:
        refs.append(share)  # X占Y|8% (的 stripped)
    compared = _time_compared(clause)
    head = "".join(t.word for t in _walk(clause[:compared])) if compared > 0 else ""
    if compared == 0 or head and not is_change_phrase(head):  # (比 stripped) 增速|上半年|加快: the noun before
        return head  # the time changed; 去年|高, 持平|上年同期|下降: nothing named, the figure before stands
    if head:
        return ""
    whole = clause
    if refs:
        # 比同企业…高出: all of it is the comparison; X比Y高出: X, before 比, is what is measured
        clause = clause[: min(refs) if refs[0] == 0 or clause[min(refs)].word in COMPARISON_WORDS else max(refs)]
    collected = _walk(clause)
    if not collected and refs and whole[max(refs)].word in SHARE_VERBS:  # …的主力，占|新招员工|的六成
        base = "".join(t.word for t in whole[max(refs) + 1:] if t.word != "的")
        return base if len(base) <= MAX_SUBJECT_CHARS else ""
    named = _hypernym(collected, context) or "".join(t.word for t in collected)
    if refs and whole[max(refs)].word in BASE_COMPARISONS and collected and collected[0] is whole[0] and (
            people_head(named)):
        return ""  # (比 stripped) 月薪达到9800元|普通工人|高出45%: the people are the base, the wage is measured
    if collected and clause and collected[0] is clause[0] and cut >= 0 and before[cut].word == "、":
        return _listed(before[:cut], named)  # 新开设订单班、冠名班|146个: the list is counted together
    return named


def _before_change_to(clause: list[Tok]) -> list[Tok]:
    """成员|发展到如今的|46名: a figure a change reached by a time is named by what changed, before the verb."""
    for j in range(len(clause) - 2, 0, -1):
        if clause[j].word in ("到", "至") and clause[j - 1].flag in CHANGE_TO_FLAGS and _starts_change(clause[j + 1:]):
            return clause[: j - 1]
    return clause


def _around_quoted_name(clause: list[Tok]) -> list[Tok]:
    """“春风行动”|招聘活动: a quoted name before a head is a modifier, dropped; before a bare head (“暖心年夜饭”活动)
    it is the name, kept, and what comes before the quote is dropped (组织|“送万福进万家”活动)."""
    closing = max((i for i, t in enumerate(clause) if t.word == "”"), default=-1)
    if closing < 0 or closing == len(clause) - 1:
        return clause
    if "".join(t.word for t in clause[closing + 1:]) in BARE_HEADS:
        opening = max((i for i, t in enumerate(clause[:closing]) if t.word == "“"), default=0)
        return clause[opening:]
    following = clause[closing + 1]
    opening = max((i for i, t in enumerate(clause[:closing]) if t.word == "“"), default=0)
    if opening > 0 and clause[opening - 1].word in lex.REFERENCE_WORDS:
        return clause  # 比“十四五”初期|提高: the quote is inside the comparison, which the caller skips
    return clause[closing + 1:] if is_nounish(following) or following.flag in VERB_FLAGS else clause


def _time_compared(clause: list[Tok]) -> int:
    """Index of the time a change is measured against when nothing else marks it (增速|上半年|加快, 去年|高);
    -1 when the clause does not end in such a change."""
    if len(clause) < 2 or clause[-1].word not in CHANGE_VERBS:
        return -1
    i = len(clause) - 1
    while i > 0 and (TIME_WORD.match(clause[i - 1].word) or REFERENCE_TIME.search(clause[i - 1].word)
                     or clause[i - 1].flag == "m" and clause[i].word.startswith("月")):  # 8|月份
        i -= 1
    return i if i < len(clause) - 1 else -1


def _share_of_whole(clause: list[Tok]) -> int:
    """Index of 占 in X占Y|8% with 的 stripped, before a plain noun phrase (技能人才总量), not a named share
    (技能人才比重); -1 when there is none."""
    last = len(clause) - 1
    while last >= 0 and clause[last].word not in SHARE_VERBS:
        last -= 1
    whole = clause[last + 1:]
    plain = bool(whole) and all(is_nounish(t) for t in whole) and not whole[-1].word.endswith(lex.SHARE_WORDS)
    return last if last >= 0 and plain else -1


def _listed(before: list[Tok], last: str) -> str:
    """Nouns joined by 、 before the last item (订单班、|冠名班); the last item alone when the list is not nouns."""
    items = [last]
    while before:
        cut = max((i for i, t in enumerate(before) if is_punct(t)), default=-1)
        segment = before[cut + 1:]
        item = _walk(segment)
        text = "".join(t.word for t in item)
        if not item or item[-1] is not segment[-1] or not (text[-1] == last[-1] or abs(len(text) - len(last)) <= 1):
            break  # only parallel items (订单班、冠名班), not a modifier list (电工、家政|免费技能培训)
        items.insert(0, text)
        if cut < 0 or before[cut].word != "、":
            break
        before = before[:cut]
    joined = "、".join(items)
    return joined if len(joined) <= MAX_SUBJECT_CHARS and len(items) > 1 else last


def _hypernym(collected: list[Tok], context: Callable[[], list[Tok]]) -> str:
    """A list ending in items that share a head (生活服务、公共服务、政务服务) is named by the head's first mention."""
    if len(collected) < 2 or len(collected[-1].word) < 2:
        return ""
    head = collected[-1].word[-2:]
    holders = [i for i, t in enumerate(collected) if t.word.endswith(head)]
    if len(holders) < MIN_LISTED_HOLDERS or any(t.flag in VERB_FLAGS for t in collected[holders[-2]:]):
        return ""
    tokens = context()  # the sentence up to the number, tokenised only when a shared head is found
    if not tokens:
        return head
    text = "".join(t.word for t in tokens)
    offset = tokens[0].start
    first = text.find(head)
    if first < 0 or first + offset >= collected[0].start:
        return head
    before = [t for t in tokens if t.end == first + offset]
    if before and is_nounish(before[0]) and before[0].word not in lex.SCOPE_WORDS:
        return before[0].word + head
    return head


class _ContextNeeded(Exception):
    """left_subject asked for the sentence's tokens, which a memoised call cannot know."""


def _no_context() -> list[Tok]:
    raise _ContextNeeded


def _rebuilt(words: str, flags: str) -> list[Tok]:
    """Tokens from SEPARATOR-joined words and flags, laid end to end from offset 0."""
    if not words:
        return []
    return tokens_from(words.split(SEPARATOR), flags.split(SEPARATOR))


@lru_cache(maxsize=LEFT_CACHE)
def _left_memo(words: str, flags: str) -> str | None:
    """left_subject of a token run given as its joined words and flags; None when it would need the sentence context.

    left_subject reads only words, flags and offsets relative to one another, so a run re-built from offset 0
    names the same subject as the run it was taken from.
    """
    try:
        return left_subject(_rebuilt(words, flags), _no_context)
    except _ContextNeeded:
        return None


def memoised_left_subject(before: list[Tok], context: Callable[[], list[Tok]]) -> str:
    """`left_subject`, memoised by the words and flags of the tokens before the number (runs such as ，城镇新增就业
    recur far more often than sentences); a run that needs the sentence `context` is computed directly."""
    words, flags = SEPARATOR.join(map(WORD, before)), SEPARATOR.join(map(FLAG, before))
    separators = max(len(before) - 1, 0)
    if words.count(SEPARATOR) == separators and flags.count(SEPARATOR) == separators:  # the join can be undone
        named = _left_memo(words, flags)
        if named is not None:
            return named
    return left_subject(before, context)
