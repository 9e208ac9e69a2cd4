"""Rules that tell a reported quantity from dates, ordinals, names, idioms, list markers and policy structure."""
from __future__ import annotations

import re
from itertools import takewhile

from analysis import stat_lexicon as lex
from analysis.stat_clause import counts_people
from analysis.stat_mentions import Mention
from analysis.stat_stripped import stripped_large_count, stripped_verdict, stripped_year_count
from analysis.stat_tokens import Tok, is_nounish, is_punct, last_clause_mark


RANK_WORDS = ("排名", "位列", "位居", "排在", "名列", "排行", "编号", "号码", "电话", "代码", "邮编", "热线", "传真")
LIST_MARK_AFTER = frozenset("、.)）")
LIST_MARK_BEFORE = frozenset("\n（(")
POLICY_UNITS = frozenset({"个", "条", "项", "点", "类", "招", "批", "种", "张", "件", ""})
SMALL_CATEGORY = 10  # 三项社会保险基金总收入1086.5亿元: a small Chinese count naming categories before a figure
ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
SERVICE_NUMBERS = frozenset({"110", "119", "120", "122", "114", "12345", "12315", "12333", "12351", "12366", "95598"})
MAGNITUDE_MODIFIER_UNITS = frozenset({"人", "名", "家", "个", "亩"})
VAGUE_MARKS = frozenset("数几若")
RATE_NAME_TOKENS = 6
RATE_NAME_MAX = 1000
RATE_ENDS = ("率", "比重", "占比")
RATE_NEAR = re.compile("率|比重|占比")  # (the cheap test first: most counts have no rate after them)
ROUND_MAGNITUDES = frozenset({"万", "亿", "千万", "百万", "万亿", "十万", "十亿", "百亿", "千亿"})
CLASS_HEADS = ("企业", "项目", "工程", "集群", "园区")
VAGUE_REDUPLICATION = re.compile(r"千千万万|万万千千|成千上万|成百上千|千万万")  # 千千万万个“工匠”: no figure
MAX_RULE_COUNT = 10
# 两项内容：一是…, 重点做好三项工作：一是…: a count announcing the enumeration that follows is the text's structure
ENUMERATION_AFTER = re.compile(r"[^，,。；;：:\d]{0,8}[：:]\s*(?:一是|一、|（一）|\(一\)|首先|第一|1[.、．])")
RULE_WINDOW = 14
PER_HEAD_RULE = re.compile(r"每[个人名位户家次]")  # (not 每万人, 每年: rates and yearly figures)
DURATION_WINDOW = 12  # 平均每人补贴约2340元…发放时限30工作日: a cue that far back measures something else
ORDINAL_UNITS = frozenset({"次", "届"})  # (第)47次常务会议: a meeting's number, its 第 stripped
BOUND_QUALIFIERS = frozenset({"at_least", "less_than", "more_than"})
BRACKET_AFTER = re.compile(r"(?:之间)?的?[\u4e00-\u9fff]{0,6}?(?:占|仅|只有)[^，,。；;\d]{0,6}?"
                           r"(?:\d+(?:\.\d+)?%|[一二三四五六七八九]成)")
COUNT_NOUNS = ("人数", "次数", "户数", "件数", "总数", "家数")  # 求职人数两倍, 总数七成: 数 closes a noun, not 数十
UNIT_FREE_KINDS = frozenset({"%", "‰", "个百分点", "百分点", "倍", "成"})
QUOTE_PAIRS = {"“": "”", "《": "》", "‘": "’", "「": "」", "〈": "〉"}
QUOTE_OPENING = re.compile("[" + "".join(QUOTE_PAIRS) + "]")
MAX_QUOTED_NAME = 14
# 经过两轮角逐, 历经三轮评审: the rounds of a contest or review are its stages, like an ordinal, not a quantity.
STAGE_UNITS = frozenset({"轮", "轮次"})
STAGE_LEADS = ("经过", "历经", "通过", "经")
STAGE_WORDS = ("角逐", "比拼", "比赛", "竞赛", "较量", "选拔", "评审", "评选", "筛选", "答辩", "面试", "考核", "投票",
               "谈判", "磋商", "激烈")
MAX_STAGES = 10


def _tokens_after(tokens: list[Tok], at: int, *, limit: int = 6) -> list[Tok]:
    """Up to `limit` tokens starting at or after `at`, stopping at punctuation."""
    out = []
    for tok in tokens:
        if tok.start < at:
            continue
        if is_punct(tok) or len(out) >= limit:
            break
        out.append(tok)
    return out


def _inside_word(mention: Mention, tokens: list[Tok]) -> bool:
    """A Chinese numeral that jieba reads as part of a longer ordinary word (统一, 四川, 一字之差, 千方百计)."""
    for tok in tokens:
        if tok.end <= mention.core_start or tok.start >= mention.core_end:
            continue
        within = mention.start <= tok.start and tok.end <= mention.end  # 近三成 is one token, all of it ours
        if not within and (tok.flag not in ("m", "q", "mq") or tok.start < mention.start or tok.end > mention.end):
            return True  # 零部件/mq, 统一, 一字之差
    return False


def _quoted(compact: str, mention: Mention, sentence: tuple[int, int]) -> str:
    """The opening quote mark when the mention sits inside a short quotation or a book title, else ''."""
    if not QUOTE_OPENING.search(compact, sentence[0], mention.start):
        return ""  # most numbers: no quote opens before them in the sentence
    for open_mark, close_mark in QUOTE_PAIRS.items():
        i = compact.rfind(open_mark, sentence[0], mention.start)
        if i < 0 or compact.find(close_mark, i, mention.start) >= 0:
            continue
        close = compact.find(close_mark, mention.end, sentence[1] + 1)
        if close >= 0 and (open_mark == "《" or close - i <= MAX_QUOTED_NAME):
            return open_mark
    return ""


def _names_something(tokens: list[Tok], at: int) -> bool:
    """The noun run after a number ends in a name suffix (百万职工技能大赛, 百日千万招聘专项行动); a verb right
    after the number opens the next clause instead (劳动模范1.3万余|建成…工作室)."""
    after = [t for t in _tokens_after(tokens, at) if is_nounish(t) or t.flag == "v"]
    return bool(after) and after[0].flag != "v" and any(t.word.endswith(lex.NAME_SUFFIXES) for t in after)


def _bare_is_count(compact: str, mention: Mention, tokens: list[Tok]) -> bool:
    """A number without a measure word counts only before a noun, or after a cue such as 达到 at a clause end."""
    core = compact[mention.core_start: mention.core_end]
    if mention.chinese:
        return mention.magnitude and bool(_tokens_after(tokens, mention.end)) and is_nounish(
            _tokens_after(tokens, mention.end)[0])
    digits = core.replace(",", "")
    if mention.magnitude:
        return True
    if "." in digits or len(digits) >= 5 or lex.YEAR_SHAPED.match(digits) or digits.startswith("0"):
        return False
    after = _tokens_after(tokens, mention.end, limit=1)
    if after and is_nounish(after[0]) and after[0].flag not in ("t", "f"):
        return True
    if after:
        return (_closes_noun_phrase(tokens, mention) or mention.qualifier != "exact") and not (
            after[0].flag == "q" or after[0].word[:1].isdigit())  # 站点 1200 全年…, 不少 3000 就业见习岗位
    return (mention.qualifier != "exact" or compact[mention.start - 2: mention.start] in ("达到", "共计", "总计")
            or _closes_noun_phrase(tokens, mention))


def _closes_noun_phrase(tokens: list[Tok], mention: Mention) -> bool:
    """站点|426，工作室|168。: a bare count closing its clause after a countable head noun (its 个 stripped)."""
    before = next((t for t in tokens if t.end == mention.start), None)
    return before is not None and before.flag.startswith("n") and before.flag != "ns" and (
        before.word.endswith(lex.THING_HEADS) or counts_people(before.word))


def _measured_duration(compact: str, mention: Mention, sentence: tuple[int, int]) -> bool:
    """平均在线时长9.6小时: a duration the sentence measures (not 24小时内, 有效期3年, 两年)."""
    if mention.unit not in lex.DURATION_UNITS or compact[mention.end: mention.end + 1] in ("内", "前", "后"):
        return False
    clause_start = last_clause_mark(compact, sentence[0], mention.start)
    window = compact[max(clause_start, sentence[0], mention.start - DURATION_WINDOW): mention.start]
    return any(cue in window for cue in lex.DURATION_CUES)  # (stripped text has no commas: a near cue only)


def _is_threshold(compact: str, mention: Mention, sentence: tuple[int, int]) -> bool:
    """A condition in a rule: 对涉及10人以上的…, 亿元以上项目 (a bare magnitude as a class boundary),
    留用率达到50%以上的， (a clause naming those who reach it), 对吸纳就业5至10人的创业实体 (a range of a class)."""
    round_magnitude = compact[mention.core_start: mention.core_end] in ROUND_MAGNITUDES
    if mention.qualifier == "more_than":  # 产值超百亿元|企业6家: a class of firms, not an amount (突破万亿元 is one)
        return round_magnitude and compact[mention.start: mention.core_start] in ("超", "超过") and (
            compact.startswith(CLASS_HEADS, mention.end))
    bounded = mention.qualifier in ("at_least", "less_than") and compact[mention.end - 2: mention.end] in (
        "以上", "以下", "以内")
    if not bounded and mention.value_max is None:
        return False
    if bounded and round_magnitude:
        return True
    if compact[mention.end: mention.end + 1] != "的":
        return False
    if bounded and compact[mention.end + 1: mention.end + 2] in ("，", ",", "；", ";"):
        return True
    clause_start = last_clause_mark(compact, sentence[0], mention.start)
    clause = compact[max(clause_start, sentence[0]): mention.start]
    return clause.lstrip("，,；;：:").startswith("对")


def _names_a_rate(after: list[Tok]) -> bool:
    """The nouns right after a count end in a rate (…城镇调查失业率): the count names the rate's population."""
    run = list(takewhile(lambda t: is_nounish(t) or t.flag == "vn", after))
    return len(run) >= 2 and run[-1].word.endswith(RATE_ENDS)


def _figure_follows(compact: str, mention: Mention, sentence: tuple[int, int]) -> bool:
    """Another number follows in the same clause right after the noun the count modifies."""
    clause_end = min([i for i in (compact.find(p, mention.end, sentence[1]) for p in "，,；;。") if i >= 0]
                     or [sentence[1]])
    rest = compact[mention.end: clause_end]
    return bool(re.search(r"\d", rest)) and not re.match(r"^[的是为]", rest)


def _is_stage_count(compact: str, mention: Mention) -> bool:
    """经过两轮角逐: a few rounds after 经过/历经 or before a contest word count stages, not things."""
    return mention.value <= MAX_STAGES and (
        compact[max(0, mention.start - 2): mention.start].endswith(STAGE_LEADS)
        or compact.startswith(STAGE_WORDS, mention.end))


def is_plausible(compact: str, mention: Mention, sentence: tuple[int, int]) -> bool:
    """The rules that need no tokens: dates, durations, ages, ordinals, codes, list markers, quotes, bare 一."""
    unit = mention.unit
    if not unit and mention.chinese and not mention.magnitude:
        return False  # the most frequent case by far: 一 or 十 inside an ordinary word (一些, 统一, 十分)
    if (unit in lex.MONEY_UNITS or unit not in lex.PERCENT_UNITS and compact.startswith("的", mention.end)) and (
            bracket := BRACKET_AFTER.match(compact, mention.end, sentence[1])) and (
            bracket.group().startswith("之间") or mention.qualifier in BOUND_QUALIFIERS):
        return False  # 收入5000元至8000元之间|占56%, 在线超过10小时的司机|占比: a bracket, the share is the figure
    if unit in lex.TIME_UNITS and not _measured_duration(compact, mention, sentence):
        return False
    before = compact[max(0, mention.core_start - 2): mention.core_start]
    ranked = before in RANK_WORDS and not mention.magnitude  # 电话12345; 咨询电话1.5万个 counts calls
    if before.endswith(("第", "前", "#", "届")) or ranked or (
            compact[mention.core_start] in "千万成" and VAGUE_REDUPLICATION.match(compact, mention.core_start)) or (
            mention.qualifier != "exact" or mention.value_max is not None) and (
            _is_threshold(compact, mention, sentence)):
        return False
    if before[-1:] in ASCII_LETTERS or compact[mention.core_end: mention.core_end + 1] in ASCII_LETTERS:
        return False
    if before[-1:] in ":：" and before[:1].isdigit():
        return False  # 08:30 is a clock time
    if before[-1:] == " " and before[:1] in ASCII_LETTERS or mention.chinese and before[-1:] in VAGUE_MARKS and (
            before not in COUNT_NOUNS):
        return False  # iPhone 15, 数十万 / 几百 (vague, no value)
    if not unit and compact[mention.end: mention.end + 1] in LIST_MARK_AFTER and (
            mention.core_start == sentence[0] or before[-1:] in LIST_MARK_BEFORE):
        return False
    if mention.chinese and (unit == "期" and mention.value <= 10 or mention.value <= 1 and not mention.magnitude
                            and unit not in UNIT_FREE_KINDS):
        return False  # 二期 is a project phase; 一个, 一名 are not figures
    if unit in STAGE_UNITS and _is_stage_count(compact, mention) or unit in POLICY_UNITS and (
            mention.value <= SMALL_CATEGORY and ENUMERATION_AFTER.match(compact, mention.end)):
        return False  # 经过两轮角逐; 两项内容：一是…
    core = compact[mention.core_start: mention.core_end]
    if unit == "成" and (mention.value > 10 or not mention.chinese) or not unit and core in SERVICE_NUMBERS:
        return False  # 120急救中心, 12345热线
    if not unit and (lex.YEAR_SHAPED.match(core) and stripped_year_count(compact, mention, sentence)
                     or stripped_large_count(compact, mention, sentence)):
        return not _quoted(compact, mention, sentence)  # 创业1900带动…: the year-like number counts (stat_stripped)
    if not unit and (mention.chinese and not mention.magnitude or not mention.chinese and not mention.magnitude and (
            "." in core or len(core.replace(",", "")) >= 5 or lex.YEAR_SHAPED.match(core) or core.startswith("0"))):
        return False
    if mention.value <= MAX_RULE_COUNT and unit not in lex.MONEY_UNITS and unit not in lex.PERCENT_UNITS and (
            PER_HEAD_RULE.search(compact, max(sentence[0], mention.start - RULE_WINDOW), mention.start)):
        return False  # 每人每年享受3次, 每个工种至少配备3名考评员: a rule's quota, not a count of what happened
    quote = _quoted(compact, mention, sentence)
    return not (quote == "《" or quote and (not unit or mention.chinese))


def is_statistic(compact: str, mention: Mention, tokens: list[Tok], sentence: tuple[int, int], *,
                 plausible: bool = False) -> bool:
    """True unless the number is a date, ordinal, name, idiom, list marker, age, duration or policy count.

    plausible=True says the caller already ran is_plausible on this mention (the token-free rules).
    """
    unit = mention.unit
    if not plausible and not is_plausible(compact, mention, sentence):
        return False
    if (verdict := stripped_verdict(compact, mention, tokens, sentence)) is not None:
        return verdict  # seed-style text: a figure whose 人/个/至 or date words were stripped
    if mention.chinese and _inside_word(mention, tokens):
        return False
    if mention.chinese and unit in MAGNITUDE_MODIFIER_UNITS and mention.value in (100, 1000, 10**4) and (
            _tokens_after(tokens, mention.end, limit=1) and is_nounish(_tokens_after(tokens, mention.end, limit=1)[0])):
        return False  # 万人招聘会, 千人计划: a round magnitude naming a scale
    if not unit and not _bare_is_count(compact, mention, tokens):
        return False
    named = not unit or mention.chinese and unit != "%" or unit in ORDINAL_UNITS  # (三分之一 is a share, no name)
    if named and _names_something(tokens, mention.end):
        return False
    if mention.chinese and mention.value <= SMALL_CATEGORY and unit in POLICY_UNITS and _figure_follows(
            compact, mention, sentence):
        return False
    if unit == "个" and mention.value < RATE_NAME_MAX and RATE_NEAR.search(compact, mention.end, mention.end + 14) and (
            not compact.endswith("有", 0, mention.start)) and (
            _names_a_rate(_tokens_after(tokens, mention.end, limit=RATE_NAME_TOKENS))):
        return False  # 31个大城市城镇调查失业率为5.0%: the count names the rate's population (有23个省份…: counted)
    if unit in POLICY_UNITS:
        after = _tokens_after(tokens, mention.end, limit=2)
        if any(t.word.endswith(lex.POLICY_HEADS) for t in after) and not (
                after[0].word == "重点" and len(after) > 1 and is_nounish(after[1])
                and not after[1].word.endswith(lex.POLICY_HEADS + ("领域", "工作"))):
            return False  # 五方面, 三个重点; but 38个重点|城市 counts cities
    return True
