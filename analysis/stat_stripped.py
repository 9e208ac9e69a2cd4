"""Rules for stopword-stripped, pre-segmented text (the seed's storage): 人/个/年/月/日/到/至/以上 are gone.

Such a sentence has no commas, so a bare number may close one clause and a verb open the next (扶持个人创业1900带动
就业6100), a date loses its 年月日 (10 28 武汉市…), a range loses its 至 (10万元30万元) and 到2027年 becomes a bare
2027. The detection and goal rules look only at sentences without clause marks, so running prose is left to the
general rules; the range and unit helpers need words stripped text alone produces (800万元1200万元之间, 补贴学徒3100).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING

from analysis import stat_lexicon as lex

if TYPE_CHECKING:  # stat_mentions and stat_filters import this module
    from analysis.stat_mentions import Mention
    from analysis.stat_tokens import Tok

TOKEN_START = attrgetter("start")
CLAUSE_MARK = re.compile(r"[，,、；;：:]")
MIN_STRIPPED_CHARS = 8  # a short heading without commas says nothing about the text's style
BARE_INTEGER = re.compile(r"^[1-9]\d{0,3}$")
LARGE_BARE_INTEGER = re.compile(r"^(?!123\d\d$|9[56]\d{3}$)[1-9]\d{4,5}$")  # not 12309, 95598 (hotlines)
TALLY_NOUNS = ("总数", "人数", "总量", "人次")
LARGE_COUNT_HEADS = lex.PEOPLE_HEADS + TALLY_NOUNS + ("就业", "再就业", "上岗", "参保", "招聘", "入会", "培训")
YEAR_LIKE = re.compile(r"^(?:19[89]\d|20[0-6]\d)$")  # 1980–2069: a year as often as a count when bare
DAY_AFTER_MONTH = re.compile(r"(?:^|[^\d.])(?:1[0-2]|[1-9]) $")  # 10 28: month, space, day (月/日 stripped)
MONTH_AFTER_YEAR = re.compile(r"(?:19|20)\d\d ?$")  # 2022 11: year, month
RELATIVE_YEARS = ("今年", "去年", "明年", "前年", "当年", "同年", "次年", "每年", "上年")
DATELINE_BEFORE = ("讯", "记者", "上午", "下午", "晚上", "凌晨", "中午", "傍晚")
DATELINE_AFTER = ("记者", "上午", "下午", "晚上", "凌晨", "中午", "日电", "电", "讯", "获悉")
DURATION_LEADS = ("整整", "长达", "历时", "已经", "最长", "最短")  # 整整42(年): a span whose 年 was stripped
# 工作11(年), 经营6(个月), 有效期3(年), 见习期3(至)12(个月): how long, not how many.
DURATION_BEFORE = ("工作", "经营", "从业", "任职", "执教", "服役", "期", "期限", "年限", "工龄", "时长", "周期")
MONTH_AFTER = ("持续", "启动", "开始", "起", "上旬", "中旬", "下旬")  # 7(月)持续9(月): a month opening a period
# 力争2027(年)全市…, 实施方案2024…: cue words and document names are followed by a year, not a count.
YEAR_LEADS = ("力争", "争取", "规划", "计划", "目标", "方案", "意见", "纲要", "预计", "确保")
SELF_NAMING_HEADS = lex.FIRM_WORDS + ("集团",)  # 公司2024(年)实现…: a firm reporting on a year
AGE_AFTER = re.compile(r" ?\d+岁")  # 毕业生16(至)24岁: the low end of an age range
MONTH_MAX = 12  # 工会7(月)组织…: a number up to 12 before a verb is as often a month as a count
TALLY_VERBS = ("达到", "共计", "总计", "累计", "合计", "达")  # 总数达到312(个)。: the tally closes the clause
RANGE_CLOSERS = ("之间", "不等")  # 800万元1200万元之间: the 至 of a range was stripped
CLASSIFIER_BEFORE = re.compile(r"[一两二三四五六七八九十][位名个]$")  # 一位90(后): a generation, not a count
PURE_MAGNITUDES = frozenset({"十", "百", "千", "万", "亿", "千万", "百万", "十万", "万亿"})
WORD_OPENING_UNITS = frozenset("头回本条")  # 干快递12(年)|头一回: the measure character opens the next word
THRESHOLD_HEADS = ("项目", "企业", "工程", "龙头企业")  # 新开工亿元(以上)项目: a class boundary, not an amount
SHARE_UNITS = frozenset({"成", "倍"})
COMPOUND_FLAGS = frozenset({"vn", "an", "a", "b", "l", "j"})  # 就业|困难/an|人员: a compound goes on
SET_TERM_FLAGS = ("vn", "l", "j")  # 违法行为/l, 困难职工/l: the tagger files set terms under l and j
NOT_A_HEAD_FLAGS = ("ns", "nr", "nt", "nrt", "t", "f")  # places, names, organisations, times: not what is counted
# 实现就业9800, 招生5000, 推荐上岗870: the people these verbs count close the clause (their 人 stripped).
OUTCOME_VERBS = ("就业", "再就业", "上岗", "创业", "安置", "招生", "招聘", "招用", "录用", "留用", "参保", "参赛",
                 "参训", "培训", "返乡", "转移", "入会", "获奖", "取证", "帮扶", "救助", "慰问", "服务", "结业")
PEOPLE_OUTCOMES = ("学徒", "意向", "创业", "上岗", "招生", "留用", "录用", "安置", "参赛", "参训", "返乡")
PEOPLE_OUTCOMES_AFTER = frozenset({"就业", "再就业", "上岗", "留用", "返岗", "参保", "入会", "参赛", "参训", "获奖",
                                   "结业", "取证", "落户"})
OUTCOME_REACH = 3  # the outcome verb and the two tokens that would carry it into a compound noun
APPRENTICES = ("徒弟", "弟子")  # 带出徒弟60多名9…: a master's apprentices are people
NEXT_REJECT_WORDS = ("底", "末", "年底", "年末", "上半年", "下半年", "前", "后", "以前", "以后", "年初", "初")
# 规划(到)2030(年), 提出(到)2027(年底), (下)一步推动: goal cues that lose 到/年/下 when stripped.
STRIPPED_TARGET_CUE = re.compile(
    r"(?:规划|计划|提出|目标|预计|力争|争取) ?20[2-6]\d(?!\d)|(?:^|表示|介绍|透露|提出|指出)一步(?!一)")
PAST_AFTER_CUE = re.compile(r"已|累计|完成|实现了|达到了|同比|去年|上年|共有")
# 徒弟60多名(其中)9(人)成为…: a smaller bare count glued to a people count and followed by a verb is its subset.
PRIOR_PEOPLE_COUNT = re.compile(r"(\d+)[多余]?[名位人]$")
NEXT_INTEGER = re.compile(r" ?(\d+)(?![\d.])")
MONTH_SPAN = re.compile(r"(?:^|[^\d.])(?:1[0-2]|[1-9])(?:持续|延续)$")  # 7(月)持续9(月): the second month too
CAP_LEADS = ("最长", "最短")  # 最长补贴2(年), 租期最长可达5(年): a cap on a span whose 年 was stripped
CAP_WINDOW = 6
QUOTE_CLOSERS, QUOTE_OPENERS = "”’」", "“‘「"
QUOTED_PLACES = ("家", "港湾", "屋")  # “货车司机家”14: a named place for workers
MAX_QUOTED_HEAD = 12  # 建成“司机家”418: a short quoted name before a bare count is what it counts
THRESHOLD_AFTER = ("群体性",)  # 涉及10(人以上)群体性欠薪: the class boundary of a rule, not a count
# 每个2万元(至)5万元, 每个给予10万元(至)30万元: a per-item standard gives one range; a list of amounts names items.
PER_ITEM_BEFORE = re.compile(r"每[个人家项名位所户次]?(?:给予|补助|奖励|资助|补贴|一次性)*$")


def is_stripped_sentence(compact: str, sentence: tuple[int, int]) -> bool:
    """True for a sentence written the seed's way: long enough and without a single clause mark."""
    start, end = sentence
    return end - start >= MIN_STRIPPED_CHARS and not CLAUSE_MARK.search(compact, start, end)


def _neighbours(tokens: list[Tok], mention: Mention) -> tuple[Tok | None, Tok | None]:
    """(token ending where the mention starts, first non-space token at or after its end)."""
    i = bisect_left(tokens, mention.start, key=TOKEN_START)
    before = tokens[i - 1] if i and tokens[i - 1].end == mention.start else None
    j = bisect_left(tokens, mention.end, key=TOKEN_START)
    while j < len(tokens) and not tokens[j].word.strip():
        j += 1  # 4060 7282元: skip the gap between two numbers
    return before, tokens[j] if j < len(tokens) else None


def _is_date_part(compact: str, mention: Mention, after: Tok | None) -> bool:
    """10 28, 2022 11, 今年5, 本报讯3, 12 3 记者: a day or month whose 年/月/日 were stripped."""
    value, start = mention.value, mention.start
    left = compact[max(0, start - 5): start]
    if value <= 12 and (MONTH_AFTER_YEAR.search(left) or left.endswith(RELATIVE_YEARS) or MONTH_SPAN.search(left)
                        or after is not None and after.word.startswith(MONTH_AFTER)):
        return True
    if value > 31:
        return False
    return bool(DAY_AFTER_MONTH.search(left) or left.endswith(DATELINE_BEFORE)
                or after is not None and after.word.startswith(DATELINE_AFTER))


def _counted_before(before: Tok | None, value: float, *, set_terms: bool = True) -> bool:
    """The token before a bare number names what it counts: a common noun, or a verb whose object is people."""
    if before is None or before.word.endswith(DURATION_BEFORE + YEAR_LEADS):
        return False
    if YEAR_LIKE.match(f"{value:.0f}"):  # 岗位2000, 创业1900 count; 全市2024, 公司2025 are years
        return (before.word.endswith(lex.THING_HEADS + lex.PEOPLE_HEADS + OUTCOME_VERBS)
                and not before.word.endswith(SELF_NAMING_HEADS))
    if before.word.endswith(OUTCOME_VERBS + TALLY_VERBS + lex.THING_HEADS + lex.PEOPLE_HEADS):
        return True  # (the tagger calls 上岗 a place and 幼儿园 a name now and then)
    flags = SET_TERM_FLAGS if set_terms else ("vn",)  # (a Chinese numeral after 俗话说/l is an idiom's)
    return not before.flag.startswith(NOT_A_HEAD_FLAGS) and (before.flag.startswith("n") or before.flag in flags)


def _inside_token(tokens: list[Tok], mention: Mention) -> bool:
    """The numeral shares a token with text outside the mention (一成不变, 二十成群)."""
    return any(t.start < mention.core_end and t.end > mention.core_start
               and (t.start < mention.start or t.end > mention.end) for t in tokens)


def stripped_rejects(compact: str, mention: Mention, tokens: list[Tok]) -> bool:
    """True for what stripping made look like a figure: dates, spans, generations, 1, 百, thresholds, 名字."""
    core = compact[mention.core_start: mention.core_end]
    if mention.unit:
        return _unit_rejects(core, mention, tokens)
    if core in PURE_MAGNITUDES:
        return True  # 百(家)企业: a scale word, no figure
    if mention.chinese or not BARE_INTEGER.match(core):
        return False
    after = _neighbours(tokens, mention)[1]
    left = compact[max(0, mention.start - 2): mention.start]
    reading = after is not None and (after.word[:1] in "℃°" or after.word.startswith("摄氏"))  # 35℃: a reading
    threshold = after is not None and after.word.startswith(THRESHOLD_AFTER)
    return (mention.value == 1 or reading or threshold or _is_date_part(compact, mention, after)
            or bool(AGE_AFTER.match(compact, mention.end))
            or bool(CLASSIFIER_BEFORE.search(left))
            or compact[max(0, mention.start - 4): mention.start].endswith(DURATION_LEADS)
            or any(cue in compact[max(0, mention.start - CAP_WINDOW): mention.start] for cue in CAP_LEADS))


def _unit_rejects(core: str, mention: Mention, tokens: list[Tok]) -> bool:
    """2015名字 (a year glued to a word opening with a measure character), 亿元(以上)项目, 连续两个(月)下降."""
    glued = any(t.start == mention.core_end and t.end > mention.end for t in tokens)
    if YEAR_LIKE.match(core) or glued and mention.unit in WORD_OPENING_UNITS:
        return glued
    if core in PURE_MAGNITUDES and mention.qualifier == "exact":
        after = _neighbours(tokens, mention)[1]
        return after is not None and after.word in THRESHOLD_HEADS
    if not (mention.chinese and mention.unit == "个" and not mention.magnitude and mention.value <= 10):
        return False
    after = _neighbours(tokens, mention)[1]
    return after is None or after.flag[:1] in ("v", "d", "p")


def stripped_accepts(compact: str, mention: Mention, tokens: list[Tok]) -> bool:
    """True for a figure whose measure word or comma was stripped: 创业1900带动…, 一万二千余。, 三成新建, 3万个优先…"""
    unit = mention.unit
    if unit in SHARE_UNITS:
        return not _inside_token(tokens, mention)  # 达到三成|新建…: the next clause is no name
    if unit in ("个", "项", "家") and mention.magnitude and not mention.chinese:
        return True  # 岗位不少3万个|优先安置…: no policy text counts 3万 measures
    if unit:
        return False
    before, after = _neighbours(tokens, mention)
    if after is not None and (after.word in NEXT_REJECT_WORDS or after.flag == "q"
                              or after.word[:1].isdigit() and not _smaller_follows(compact, mention)):
        return False  # 2024上半年, 25 40岁 (至 stripped); 带徒弟48 15(个)… is a list
    if mention.chinese:
        return mention.magnitude and (mention.qualifier != "exact" or _counted_before(before, mention.value,
                                                                                         set_terms=False))
    core = compact[mention.core_start: mention.core_end]
    if after is not None and after.flag.startswith("v") and is_subset_count(compact, mention):
        return True
    if mention.value <= MONTH_MAX and after is not None and after.flag == "v":
        return False
    at = bisect_left(tokens, mention.end, key=TOKEN_START)
    if BARE_INTEGER.match(core) and outcome_follows(tokens[at: at + OUTCOME_REACH]):
        return True  # 实习610|留用, 带动周边1500|就业: the people who took up the outcome (人 stripped)
    if YEAR_LIKE.match(core) and before is not None and before.word in OUTCOME_VERBS and after is not None and (
            after.flag.startswith("n") or after.flag in SET_TERM_FLAGS):
        return True  # 校园招聘2000|研发人员: a hiring verb's object, not a year
    if YEAR_LIKE.match(core) and after is not None and not (after.flag.startswith("v") or after.word in "。！？"):
        return False  # 就业2025全市…: a year opening the next clause is followed by its topic, a count by a verb
    if LARGE_BARE_INTEGER.match(core):
        return before is not None and before.word.endswith(LARGE_COUNT_HEADS)
    return bool(BARE_INTEGER.match(core)) and (_counted_before(before, mention.value) or _quoted_head(compact, mention))


def outcome_follows(after: list[Tok]) -> bool:
    """实习610|留用。: an outcome verb right after a bare count, not opening a compound (620|就业困难人员)."""
    return bool(after) and after[0].word in PEOPLE_OUTCOMES_AFTER and (
        not any(map(_compound_part, after[1:OUTCOME_REACH])))


def _compound_part(tok: Tok) -> bool:
    """就业|困难/an|人员, 就业|见习|岗位: a word that carries an outcome verb on into a compound noun."""
    return tok.flag.startswith("n") or tok.flag in COMPOUND_FLAGS


def _quoted_head(compact: str, mention: Mention) -> bool:
    """“石家庄工匠”200, 新建“司机家”100: the quotation closing right before the number ends in a countable head."""
    start = mention.start
    if start < 2 or compact[start - 1] not in QUOTE_CLOSERS:
        return False
    opening = max(compact.rfind(mark, max(0, start - MAX_QUOTED_HEAD), start - 1) for mark in QUOTE_OPENERS)
    return opening >= 0 and compact.endswith(lex.THING_HEADS + lex.PEOPLE_HEADS + QUOTED_PLACES, opening + 1, start - 1)


def _smaller_follows(compact: str, mention: Mention) -> bool:
    """The next number is smaller: two counts in a row (a range whose 至 was stripped rises)."""
    match = NEXT_INTEGER.match(compact, mention.end)
    return match is not None and int(match.group(1)) < mention.value


def is_subset_count(compact: str, mention: Mention) -> bool:
    """60多名9成为…: the bare number follows a larger people count directly (其中 and 人 stripped)."""
    match = PRIOR_PEOPLE_COUNT.search(compact, max(0, mention.start - 10), mention.start)
    return match is not None and match.end() == mention.start and int(match.group(1)) > mention.value


def stripped_year_count(compact: str, mention: Mention, sentence: tuple[int, int]) -> bool:
    """扶持个人创业1900带动…: a bare number that reads as a year may be a count after a head or an outcome verb."""
    if mention.unit or not lex.YEAR_SHAPED.match(compact[mention.core_start: mention.core_end]):
        return False
    heads = lex.THING_HEADS + lex.PEOPLE_HEADS + OUTCOME_VERBS
    return compact.endswith(heads, sentence[0], mention.start) and is_stripped_sentence(compact, sentence)


def stripped_large_count(compact: str, mention: Mention, sentence: tuple[int, int]) -> bool:
    """员工总数12680(人): a bare number this big counts people only right after a people head or a tally noun."""
    if mention.unit or not LARGE_BARE_INTEGER.match(compact[mention.core_start: mention.core_end]):
        return False
    return compact.endswith(LARGE_COUNT_HEADS, sentence[0], mention.start) and is_stripped_sentence(compact, sentence)


def stripped_verdict(compact: str, mention: Mention, tokens: list[Tok], sentence: tuple[int, int]) -> bool | None:
    """False or True when a stripped-text rule decides the number, None to leave it to the general rules."""
    if not is_stripped_sentence(compact, sentence):
        return None
    if stripped_rejects(compact, mention, tokens):
        return False
    return True if stripped_accepts(compact, mention, tokens) else None


def join_stripped_ranges(compact: str, mentions: list[Mention]) -> list[Mention]:
    """800万元1200万元之间, 每个2万元5万元 (至 stripped): two rising amounts back to back are one range before
    之间/不等 or after a per-item cue (每个, 每人给予…).

    Without 之间 two amounts back to back are as often a list whose 、 was stripped (技师高级技师3500元4500元).
    """
    if "每" not in compact and not any(closer in compact for closer in RANGE_CLOSERS):
        return mentions  # almost every text: nothing to join
    out: list[Mention] = []
    for mention in mentions:
        last = out[-1] if out else None
        if (last is not None and last.end == mention.start and last.unit == mention.unit
                and (compact.startswith(RANGE_CLOSERS, mention.end)
                     or PER_ITEM_BEFORE.search(compact, max(0, last.start - 8), last.start))
                and mention.unit in lex.MONEY_UNITS and last.qualifier == "exact" and last.value_max is None
                and last.value < mention.value and mention.value_max is None):
            out[-1] = mention._replace(start=last.start, core_start=last.core_start, value=last.value,
                                       value_max=mention.value)
            continue
        out.append(mention)
    return out


def stripped_target(sentence: str, offset: int) -> bool:
    """规划2030…达到40万人, 表示一步推动新建…500: a stripped goal cue before the figure, no past word between."""
    ends = [end for start, end in _goal_cues(sentence) if end <= offset]
    return bool(ends) and not PAST_AFTER_CUE.search(sentence, ends[-1], offset)


@lru_cache(maxsize=256)  # one sentence is asked once per figure it holds
def _goal_cues(sentence: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the stripped goal cues of a sentence written the seed's way (none for running prose)."""
    if len(sentence) < MIN_STRIPPED_CHARS or CLAUSE_MARK.search(sentence):
        return ()
    return tuple(m.span() for m in STRIPPED_TARGET_CUE.finditer(sentence))


def counts_people_bare(subject: str) -> bool:
    """A bare count (人 stripped) whose subject ends in a people outcome: 补贴学徒3100, 达成就业意向620."""
    return subject.endswith(PEOPLE_OUTCOMES + APPRENTICES)
