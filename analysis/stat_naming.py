"""What a figure counts: its subject, chosen between the phrase after the number and the phrase before it.

The grammar of either side lives in stat_subject (after) and stat_left/stat_walk (before); this module decides which
side names the figure, by its measure word: money by its money noun, shares by whom they are of, activities by the
act, head counts and things by the noun after the number unless the noun before heads it or the noun after opens
the next figure.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from analysis import stat_lexicon as lex
from analysis.stat_clause import (
    QUANTITY_NOUNS,
    activity_phrase,
    closes_clause,
    counts_people,
    fits_unit,
    heads_unit,
    is_people_noun,
    money_named_before,
    previous_topic,
)
from analysis.stat_left import memoised_left_subject
from analysis.stat_lists import nouns_lead
from analysis.stat_mentions import Mention
from analysis.stat_stripped import is_subset_count, outcome_follows
from analysis.stat_subject import honour_subject, right_subject
from analysis.stat_tagging import pos_tokens
from analysis.stat_tokens import VERB_FLAGS, Tok, is_nounish, is_punct, people_head
from analysis.stat_trims import HONOUR_NAMES

NUMERAL_START = re.compile(r" ?[\d零一二两三四五六七八九十百千万]")
NAME_FLAGS = frozenset({"nr", "ns", "nt", "nrt", "nrfg"})  # 三成左右|通过培训/nr: the tagger's names are guesses
ACTIVITY_UNITS = frozenset({"人次", "户次", "场次", "家次", "项次", "车次", "架次"})
MONEY_NAMERS = lex.MONEY_HEADS + ("捐赠", "投入")
MONEY_AFTER_PAYING = re.compile(r"^.+(?:开出|给出|每人每[年月天]|每人|处以)")  # who pays or is paid, then the money
RATE_OF_STANDARD = re.compile(r"按照?[^，,；;：:。]*的$")  # 按当地最低工资标准的|80%: a rate set by a standard
RECOVERY_VERBS = frozenset({"追回", "追讨", "追发", "讨回", "挽回", "补发", "清偿"})
PROGRAMME_AID = re.compile(r".{0,8}?(?:活动|行动|工程|项目)(?:资助|帮扶|慰问|救助|帮助|惠及|覆盖)(?P<people>.{2,})")
DEPENDANTS = ("子女", "儿童", "家属")  # people a programme reaches besides workers
MAX_LISTED_ITEM_TOKENS = 3  # 环卫、交警、公交等: short items; a clause before 、 is no item
DEMAND_NOUNS = QUANTITY_NOUNS + ("需求", "缺口")  # a bare number after these is their size

Tokens = Callable[[int, int], list[Tok]]


def name_subject(compact: str, mention: Mention, floor: int, bounds: tuple[int, int], tokens: Tokens) -> str:
    """What is counted: the noun after a count, a money noun after an amount, else the phrase before."""
    after, before = tokens(mention.end, bounds[1]), tokens(floor, mention.start)
    context = partial(pos_tokens, compact, (bounds[0], mention.start))  # the sentence up to the number
    left = _once(partial(memoised_left_subject, before, context))  # several rules below may ask for it
    if mention.unit in lex.PEOPLE_UNITS:
        left = _once(partial(_people_reached, left))
    unit = mention.unit
    if unit in lex.MONEY_UNITS or unit == "块":  # …发放生活救助金，每人1000元: the fund named earlier
        named = _money_subject(after, left, unit) or money_named_before(tokens(bounds[0], mention.start))
        payer = MONEY_AFTER_PAYING.match(named)  # 为首席技师开出|年薪, 财政每人每年|补贴
        paid = named[payer.end():] if payer else ""
        named = paid if paid.endswith(lex.MONEY_HEADS) and len(paid) >= 2 else named
        return _recovered(compact, named, bounds[0], mention.start)
    if unit in lex.PERCENT_UNITS and RATE_OF_STANDARD.search(compact, bounds[0], mention.start) and (
            paid := right_subject(after, mode="money")):
        return paid  # 按当地最低工资标准的70%|给予见习补贴: the rate sets the money paid
    share = _share_subject(compact, mention, after, left)
    if share is not None:
        return share
    if unit in ACTIVITY_UNITS:  # 培训12.7万人次: what is counted is the activity written before
        return (activity_phrase(before) or left() or right_subject(after, mode="people")
                or right_subject(after, mode="verb"))  # 2.36万人次领取补贴: the act after the count
    if not unit and (is_subset_count(compact, mention) or outcome_follows(after)):
        # 徒弟60多名|9|成为高级技师, 实习610|留用: what the subset became, the outcome the people took up
        return right_subject(after, mode="verb") or left()
    if closes_clause([t.word for t in before]):
        return left()  # '' lets the sentence's previous subject stand
    topic_first = heads_unit(before[-1], unit) if unit and before else not unit and (nouns_lead(
        tokens(bounds[0], mention.start)) or bool(before) and before[-1].word.endswith(DEMAND_NOUNS))
    # 提供岗位|超过20万个|当天…, 现有职业院校161高职院校44…, 新增用工需求|约8000|冷库叉车…
    if topic_first:  # the topic noun before the number is counted
        mode = "bare" if not unit else "people" if unit in lex.PEOPLE_UNITS else "thing"
        return left() or right_subject(after, mode=mode)
    return _counted_subject(compact, mention, (after, before), (floor, bounds), tokens, left)


def _money_subject(after: list[Tok], left: Callable[[], str], unit: str) -> str:
    """The money noun after an amount (300元|技能津贴), or the one before it when a verb follows the amount."""
    named = unit == "块" and right_subject(after, mode="thing")  # 两百块试板 counts pieces; 六千块 is money
    named = named or right_subject(after, mode="money")
    if named and after[0].flag in VERB_FLAGS and left().endswith(MONEY_NAMERS):
        named = ""  # 乡村振兴捐赠|2100万元|设立助学金…: the money noun before the amount names it
    return named or left()


def _share_subject(compact: str, mention: Mention, after: list[Tok], left: Callable[[], str]) -> str | None:
    """Whom a share is of (近六成|受访者, 有八成以上的|一线员工), the phrase before it, or None for other units."""
    unit = mention.unit
    # 近六成|受访者, 超过六成|规模以上工业企业, 超过30%的|企业: a share of those named after it
    named_after = unit == "成" and after and (
        people_head(after[0].word) or is_nounish(after[0]) and after[0].flag not in NAME_FLAGS and not left())
    of_the = unit in ("%", "成") and compact[mention.end: mention.end + 1] == "的"
    if (named_after or of_the and not left()) and (share_of := right_subject(after, mode="bare")):
        return share_of
    if unit in lex.PERCENT_UNITS or not unit and mention.qualifier == "more_than":
        return left()  # 47万余 closes its phrase
    return None


def _counted_subject(compact: str, mention: Mention, sides: tuple[list[Tok], list[Tok]],
                     span: tuple[int, tuple[int, int]], tokens: Tokens, left: Callable[[], str]) -> str:
    """A head count or a thing: the noun after the number, unless it is the next figure's; else the phrase before."""
    (after, before), (floor, bounds), unit = sides, span, mention.unit
    mode = "bare" if not unit else "people" if unit in lex.PEOPLE_UNITS else "thing"
    listed = _listed_class(after) if unit else []  # 1.6万名|环卫、交警、公交等|一线工作人员
    subject = listed and right_subject(listed, mode=mode) or right_subject(after, mode=mode)
    if not subject and mode == "people" and _names_honour(honour := honour_subject(after)):
        return honour  # 3人|获评全国技术能手: no people noun, so the honour says whom the count is of
    if subject and not fits_unit(unit, subject):  # 22万人|城镇调查失业率: the next clause's topic
        named = left()
        subject = named if named and counts_people(named) == (unit in lex.PEOPLE_UNITS) else subject
    if subject:
        subject_end = compact.find(subject, mention.end) + len(subject)
        if unit and NUMERAL_START.match(compact, subject_end) and (named := left()) and (
                counts_people(named) if unit in lex.PEOPLE_UNITS else not is_people_noun(named)) and (
                not _is_place_name(named, before)):
            return named  # 劳动力约480万人|外出务工260万人: a noun run right before a figure is that figure's topic
        return honour_subject(tokens(subject_end, bounds[1])) or _people_of(subject, mode)
    named = left()
    if mode != "people" or named and named not in lex.ACTION_VERBS and not _is_place_name(named, before):
        return named
    outcome = right_subject(after, mode="verb")  # 帮助|两千六百多人|实现就业: the outcome is counted
    if outcome or floor != bounds[0]:
        return outcome or named
    return previous_topic(tokens(bounds[0], mention.start)) or named  # 像他这样的骑手，在重庆有|近十二万名


def _people_reached(left: Callable[[], str]) -> str:
    """“金秋助学”活动资助|困难职工子女693名: a programme's people are those it reached, not the programme."""
    named = left()
    aided = PROGRAMME_AID.match(named)
    reached = aided["people"] if aided else ""
    return reached if people_head(reached) or reached.endswith(DEPENDANTS) else named


def _listed_class(after: list[Tok]) -> list[Tok]:
    """1.6万名|环卫、交警、公交等|一线工作人员: the tokens after a 等 that closes a list, [] when there is none."""
    if not any(t.word == "、" for t in after[1: MAX_LISTED_ITEM_TOKENS + 1]):
        return []  # most counts: no list right after the number
    listed, item = False, 0  # item: tokens in the list item being read
    for i, tok in enumerate(after):
        if tok.word in ("等", "等等"):
            return after[i + 1:] if listed and i + 1 < len(after) and is_nounish(after[i + 1]) else []
        if tok.word == "、":
            listed, item = True, 0
            continue
        item += 1
        if is_punct(tok) or tok.flag in ("m", "q") and i or item > MAX_LISTED_ITEM_TOKENS or not listed and (
                people_head(tok.word) and i + 1 < len(after) and after[i + 1].word != "、"):
            return []  # 432名毕业生|进入航空维修、新能源等…, 3所职业院校开设了…等: the list is not what is counted
    return []


def _people_of(subject: str, mode: str) -> str:
    """12名|员工工资 (one token): a head count counts the people, not the money named after them."""
    if mode != "people" or not subject.endswith(lex.MONEY_HEADS):
        return subject
    return next((subject[:k] for k in range(2, len(subject) - 1)
                 if subject[k:] in lex.MONEY_HEADS and people_head(subject[:k])), subject)


def _recovered(compact: str, named: str, start: int, end: int) -> str:
    """追回|工资 → 追回工资: money won back for workers is named with the verb (工资 alone would read as wages)."""
    at = compact.rfind(named, start, end) if named else -1
    return compact[at - 2: at] + named if at >= 2 and compact[at - 2: at] in RECOVERY_VERBS else named


def _names_honour(phrase: str) -> bool:
    """An honour title (技术能手, 五一劳动奖章) or a title held by people (劳动模范), not what was handed out (股票)."""
    return bool(phrase) and (phrase.endswith(HONOUR_NAMES) or people_head(phrase))


def _once(compute: Callable[[], str]) -> Callable[[], str]:
    """compute() on the first call, the same result after (cheaper than a cache object per number)."""
    known: list[str] = []

    def value() -> str:
        if not known:
            known.append(compute())
        return known[0]
    return value


def _is_place_name(subject: str, before: list[Tok]) -> bool:
    """True when the subject is one place-name token (在重庆有…), which names where, not what."""
    return any(t.word == subject and t.flag == "ns" for t in before)
