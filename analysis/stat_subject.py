"""What a statistic counts (subject), whether it is a goal (target) and whether it measures the workforce."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from analysis import stat_lexicon as lex

MAX_SUBJECT_CHARS = 16
NUMERAL_CHAR = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿]")
QUOTES = frozenset("“”‘’「」\"'")
MAX_HEAD_DISTANCE = 24  # a people noun this far after 名/位/人 still names what is counted
MONEY_LEADERS = frozenset({"的", "标准", "给予", "发放", "的标准", "补贴标准", "予以"})
INNER_ADVERBS = frozenset({"再", "新", "重新", "免费", "灵活", "稳定", "实际", "初步", "一次性", "拒不"})
HONOUR_LEVELS = frozenset({"国家", "省", "市", "省市", "全国", "省级", "市级", "国家级", "区级", "县级", "各级"})
NOUNISH_NUMERAL_WORDS = frozenset({"一线", "一次性", "一流", "首席", "一体化", "双师型", "三支一扶"})
INNER_LINKS = frozenset({"以上", "及以上", "以下"})  # 规模以上工业企业, 大专及以上学历
PERIOD_WORDS = frozenset({"月", "年", "日"})  # 月收入, 年营业收入
PROPORTION_VERBS = frozenset({"是", "为", "占", "相当于", "占到"})
COMPOUND_HEADS = lex.MONEY_HEADS + ("会", "活动", "项目", "基地", "中心", "平台", "人员", "对象", "率", "站", "机构",
                                   "岗位", "服务", "工作", "意向")
COMPOUND_VERBS = frozenset({"帮扶", "招聘", "救助", "返还", "稳岗", "资助", "培训", "补贴", "慰问", "创业", "就业",
                            "见习", "维权", "培育", "扶持", "奖励", "支付"})
SUFFIX_HEADS = frozenset({"率", "量", "数", "额", "比", "比例", "人数", "次数", "金额", "规模", "总量", "总额", "周期"})
EXAMPLE_CLASS_CHARS = 4
BYLINE = frozenset({"记者", "通讯员", "编辑", "责编", "责任编辑", "摄影", "来源", "本报讯"})
MODIFIER_VERBS = frozenset({"有", "懂", "会", "能", "具有", "来自", "具备", "掌握", "持有", "取得", "获得", "参加", "参与"})
VP_HEADS = ("案件", "线索", "行为", "情况", "问题", "事件", "率", "比例", "比重")
PLACE_TAILS = frozenset({"地区", "市", "省", "区", "县"})
NOUN_FLAGS = frozenset({"n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "nw", "vn", "an", "j", "b", "eng", "a", "g", "ng",
                        "s", "t", "l", "i"})
VERB_FLAGS = frozenset({"v", "vd", "vi", "vg", "vq"})
JOINING_WORDS = frozenset({"和", "与", "及", "以及", "或"})
PUNCTUATION = set("，,。；;：:、！？!?（）()“”‘’\"'《》【】[]—…·/\n ")
REFERENCE_TIME = re.compile(r"去年|上年|同期|前年|上届|年前|年初|年末|年底|平均水平")
TIME_WORD = re.compile(r"^(?:\d+|[上下本今去明前后当同]).*(?:年|月|日|季度|期)$|^(?:今年|去年|明年|同期|上年|年内|年底|年末)$")


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
    if tok.word in NOUNISH_NUMERAL_WORDS:
        return True
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
    """Tokens after a number up to punctuation or the next number; a quoted modifier, quotes and 的 dropped."""
    if after and after[0].word == "“":
        close = next((i for i, t in enumerate(after) if t.word == "”"), None)
        if close is not None and close + 1 < len(after) and (
                is_nounish(after[close + 1]) or after[close + 1].flag in VERB_FLAGS):
            after = after[close + 1:]  # “家门口”|就业服务站
    window = [t for t in after if t.word not in QUOTES]
    while window and window[0].word == "的":
        window = window[1:]
    stop = next((i for i, t in enumerate(window) if is_punct(t) or t.flag in ("m", "q", "x") or t.word in BYLINE),
                len(window))
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
        run = window[:5]
        heads = [i for i, t in enumerate(run) if "".join(w.word for w in run[: i + 1]).endswith(lex.MONEY_HEADS)]
        return "".join(t.word for t in run[: heads[-1] + 1]) if heads else ""
    if mode == "verb":  # 1.1万余人|取得证书, 18.6万人|签约留汉
        if window and window[0].flag in VERB_FLAGS and len(window) > 1:
            rest = [t for t in window[1:4] if is_nounish(t) or t.flag in VERB_FLAGS]
            return window[0].word + "".join(t.word for t in rest[: len(window[1:4])])
        return ""
    if mode == "people" and window and window[0].flag in VERB_FLAGS and not _people_head(window[0].word) and (
            window[0].word not in MODIFIER_VERBS):
        return ""  # 3.2万人|帮助…: a verb after the count starts the next clause
    if mode == "people":
        head = next((i for i, t in enumerate(window) if t.word not in lex.ACTION_VERBS and _people_head(t.word)
                     and sum(len(w.word) for w in window[: i + 1]) <= MAX_HEAD_DISTANCE), None)
        if head is not None:
            first = head
            while first > 0 and window[first - 1].flag not in ("l", "i") and (is_nounish(window[first - 1]) or (
                    first in (head, 1) and window[first - 1].flag in VERB_FLAGS and len(window[first - 1].word) >= 2
                    and window[first - 1].word not in lex.ACTION_VERBS | lex.HONOUR_VERBS_SET)):
                first -= 1  # 灵活就业人员
            if head + 2 < len(window) and window[head + 1].word in JOINING_WORDS and _people_head(window[head + 2].word):
                head += 2  # 困难职工和农民工
            return "".join(t.word for t in window[first: head + 1]).removesuffix("队伍")
    if mode == "bare" and not (window and is_nounish(window[0]) and window[0].flag not in ("l", "i")):
        return ""  # 3.2万|帮助…: a bare number before a verb closes its clause; its subject is on the left
    heads = lex.THING_HEADS if mode == "thing" else lex.THING_HEADS + lex.PEOPLE_HEADS
    return "".join(t.word for t in _noun_run(window, heads=heads)).removesuffix("队伍")


def _noun_run(window: list[Tok], *, heads: tuple[str, ...]) -> list[Tok]:
    """Leading nounish tokens (at most five), ending at the first head noun; verbs may modify a head (就业见习岗位)."""
    if heads:
        for i, tok in enumerate(window[:5]):
            if tok.word.removesuffix("队伍").endswith(heads) and i > 0 and all(
                    is_nounish(t) or t.flag in VERB_FLAGS and t.word not in lex.ACTION_VERBS for t in window[:i]):
                return window[: i + 1]
            if not (is_nounish(tok) or tok.flag in VERB_FLAGS):
                break
    run: list[Tok] = []
    for i, tok in enumerate(window[:5]):
        joining = tok.word in JOINING_WORDS and run and i + 1 < len(window) and is_nounish(window[i + 1])
        if not joining and (not is_nounish(tok) or tok.flag == "i"):
            break
        if run and tok.flag == "vn" and not (i + 1 < len(window) and window[i + 1].flag.startswith("n")):
            break  # 机器人|有序运转: a trailing verbal noun is the predicate
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
        if is_punct(tok) or not (is_nounish(tok) or tok.word in HONOUR_LEVELS or tok.flag == "m" and not run):
            break
        run.append(tok)
    while run and (run[0].word in HONOUR_LEVELS or run[0].flag == "m"):
        run = run[1:]
    words = [t.word for t in run if t.word not in ("称号", "荣誉称号", "荣誉")]
    return "".join(words)[:MAX_SUBJECT_CHARS]





def _is_left_boundary(tok: Tok, collected: list[Tok]) -> bool:
    """Where a leftward subject search stops: punctuation, numbers, scope/time words, pronouns, prepositions."""
    if tok.word in NOUNISH_NUMERAL_WORDS:
        return False
    if collected and (tok.word in INNER_LINKS or tok.word in PERIOD_WORDS):
        return False  # 规模以上工业企业, 月收入
    if tok.word == "等":  # 工资等待遇 keeps its example; 骑手等|户外劳动者 names the class after 等
        return sum(len(t.word) for t in collected) >= EXAMPLE_CLASS_CHARS
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
        return (tok.word in lex.GLUE_WORDS or tok.word.startswith("每")
                or tok.word in lex.TARGET_WORDS and not (leading and len(toks) > 1 and toks[1].flag.startswith("n"))
                or tok.word in QUOTES or tok.flag in ("d", "uj", "ul", "p", "c") and tok.word not in INNER_ADVERBS
                or (tok.word in lex.TRAILING_GLUE and not leading))
    while toks and removable(toks[0] if leading else toks[-1]):
        toks = toks[1:] if leading else toks[:-1]
    return toks


def _after_last_verb(collected: list[Tok]) -> list[Tok]:
    """The object after the last full verb of an over-long phrase (…入会方式|快递员入会率)."""
    verbs = [i for i, t in enumerate(collected[:-1]) if t.flag in VERB_FLAGS and len(t.word) >= 2
             and t.word not in lex.KEPT_LEADING_VERBS and not _compound(collected, i)]
    return collected[verbs[-1] + 1:] if verbs else collected


def _compound(collected: list[Tok], i: int) -> bool:
    """帮扶|资金, 招聘|会: a verb modifying the final head noun is part of the name, not an action."""
    if i + 2 == len(collected) and collected[i + 1].word in SUFFIX_HEADS:
        return True  # 办结|率, 开设|率
    return (collected[i].word in COMPOUND_VERBS and i + 1 < len(collected)
            and collected[i + 1].word.endswith(COMPOUND_HEADS))


def _new_thing(collected: list[Tok]) -> bool:
    """新建|标准化厂房: 新建/新增 before a noun phrase is the action; before a verb (新增|就业) it names the figure."""
    return collected[0].word in lex.KEPT_LEADING_VERBS and collected[0].word.startswith("新") and (
        collected[-1].flag.startswith("n") and collected[-1].flag != "nr")


def _is_place(tok: Tok, following: Tok) -> bool:
    """A leading place name (武汉市, 西安 before 地区) or the 地区 after it."""
    if tok.word in PLACE_TAILS:
        return True
    return tok.flag == "ns" and (following.word in PLACE_TAILS or len(tok.word) >= 3 and (
        tok.word[-1] in "市省县" or tok.word.endswith("地区")))


def _walk(before: list[Tok]) -> list[Tok]:
    """The phrase right before a number: back to a boundary, after the last reporting verb, edges trimmed."""
    before = _strip_edges([t for t in before if t.word not in QUOTES], leading=False)
    collected: list[Tok] = []
    for i in range(len(before) - 1, -1, -1):
        tok = before[i]
        bound = len(tok.word) == 1 and (tok.flag in ("m", "q") or tok.word == "之") and not (
            NUMERAL_CHAR.match(tok.word))
        after_activity = tok.word == "后" and i > 0 and before[i - 1].flag == "vn" and collected  # 培训后就业率
        if after_activity or bound and i > 0 and (is_nounish(before[i - 1]) or before[i - 1].word == "之"):
            collected.insert(0, tok)  # 专业|点, 司机|之|家: a bound morpheme inside a noun
            continue
        if _is_left_boundary(tok, collected):
            break
        if sum(len(t.word) for t in collected) + len(tok.word) > MAX_SUBJECT_CHARS:
            collected = _after_last_verb(collected)  # no boundary in reach (text without commas)
            break
        collected.insert(0, tok)
    actions = [i for i, t in enumerate(collected[:-1]) if t.word in lex.ACTION_VERBS and not _compound(collected, i)]
    if actions and collected[-1].word.endswith(VP_HEADS):
        actions = [i for i in actions if i == 0]  # 支持农民工起诉|案件: a case noun keeps its verb phrase
    if actions:
        collected = collected[actions[-1] + 1:]
    while len(collected) > 1 and (collected[0].word in lex.ACTION_VERBS and not _compound(collected, 0)
                                  or collected[0].word in JOINING_WORDS or _new_thing(collected)):
        collected = collected[1:]
    collected = _strip_edges(collected, leading=True)
    achieved = next((i for i, t in enumerate(collected) if t.word == "实现" and i > 0
                     and _people_head(collected[i - 1].word)), None)
    if achieved is not None:
        collected = collected[:achieved]  # 就业困难人员|实现就业: the people are counted
    while len(collected) > 1 and (_is_place(collected[0], collected[1])
                                  or len(collected[0].word) == 1 and collected[0].flag in ("ns", "j")):
        collected = collected[1:]  # 西安地区|普通高校毕业生, 武汉市|最低工资标准
    if "".join(t.word for t in collected) in lex.GENERIC_SUBJECTS:
        return []
    return collected


def left_subject(before: list[Tok], context: Callable[[], list[Tok]]) -> str:
    """The subject written before a number in its clause; a comparison (比上年…) or standard (按…) is skipped."""
    cut = max((i for i, t in enumerate(before) if is_punct(t) and t.word not in QUOTES), default=-1)
    clause = before[cut + 1:]
    closing = max((i for i, t in enumerate(clause) if t.word == "”"), default=-1)
    if 0 <= closing < len(clause) - 1 and is_nounish(clause[closing + 1]):
        clause = clause[closing + 1:]  # “春风行动”|招聘活动: the quoted name is a modifier
    refs = [i for i, t in enumerate(clause) if i > 0 and t.word in lex.REFERENCE_WORDS]
    if clause and clause[-1].word == "的":  # X是Y的1.5倍, X占Y的8%: X is what is measured
        refs += [i for i, t in enumerate(clause) if t.word in PROPORTION_VERBS]  # 占全省职工总数的八成: see before
    if refs:
        clause = clause[: max(refs)]
    collected = _walk(clause)
    return _hypernym(collected, context) or "".join(t.word for t in collected)


def _hypernym(collected: list[Tok], context: Callable[[], list[Tok]]) -> str:
    """A list ending in items that share a head (生活服务、公共服务、政务服务) is named by the head's first mention."""
    if len(collected) < 2 or len(collected[-1].word) < 2:
        return ""
    head = collected[-1].word[-2:]
    holders = [i for i, t in enumerate(collected) if t.word.endswith(head)]
    if len(holders) < 2 or any(t.flag in VERB_FLAGS for t in collected[holders[-2]:]):
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
