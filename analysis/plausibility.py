"""How much decoded text looks like real text (Chinese first): the judge behind encoding detection.

A wrong codec rarely fails outright on Chinese bytes (GB18030 maps nearly every byte sequence), so encoding.py
decodes with each candidate and keeps the decoding whose characters look most like everyday written Chinese.
"""
from __future__ import annotations

import re
import unicodedata

SAMPLE_CHARS = 200_000  # plausibility is judged on a prefix so 5 MB inputs stay fast
MAX_BAD_SHARE = 0.02  # control / private-use / replacement characters tolerated in real text
MIN_COMMON_SHARE = 0.30  # share of CJK characters that must be everyday characters
CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
# About 1100 of the most frequent characters in modern Chinese (simplified), then common traditional forms.
# Real Chinese text draws most of its characters from here; wrongly decoded bytes draw from ~20 000.
COMMON_CHARS = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所"
    "然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长"
    "把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身"
    "果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活"
    "尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治"
    "展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领"
    "共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存"
    "未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消"
    "越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅"
    "考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族"
    "供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破"
    "网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊"
    "伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策"
    "演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮"
    "宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换"
    "闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湖钟奥智市县省区镇乡村街道路号楼层亿元万件项"
    "這個們來說時會對國為發後裡過還點開從應與長問動種實現經機關進學樣頭見間題體聽區團業義氣電車將務門東產華變報當總"
    "無認資邊條場萬號際並師陳紀員統計穩薪灣臺劃傳術勞確營據權論參幫議處歲歷連價醫廠級網絡讓運興舉億離難極記們"
)
# Frequent-character blocks: where everyday characters sit in each legacy standard.
GB2312_LEVEL1 = ("gb2312", 0xB0A1, 0xD7F9)
BIG5_FREQUENT = ("big5", 0xA440, 0xC67E)
FREQUENT_BLOCKS = {"gb18030": (GB2312_LEVEL1,), "big5": (BIG5_FREQUENT,)}
FREQUENT_SAMPLE = 5_000
MIN_FREQUENT_SHARE = 0.90
LATIN_RANGES = ((0x20, 0x052F), (0x2000, 0x206F), (0x3000, 0x303F), (0xFF00, 0xFFEF))
LATIN_SHARE = 0.95
_CONTROL_CATEGORIES = frozenset({"Cc", "Co", "Cs", "Cn"})


def plausibility(text: str, *, encoding: str | None = None) -> float | None:
    """Score how much a decoding looks like real (Chinese) text; None when it is implausible."""
    sample = text[:SAMPLE_CHARS]
    if not sample:
        return 0.0
    if mostly_binary(sample):
        return None
    cjk = CJK_RE.findall(sample)
    if not cjk:
        # No Chinese at all: plausible only as Latin-script text (UTF-16 misreads give Hangul, Yi, symbols …).
        latin = sum(1 for ch in sample if ch.isspace() or any(lo <= ord(ch) <= hi for lo, hi in LATIN_RANGES))
        return 0.1 if latin >= len(sample) * LATIN_SHARE else None
    common = sum(1 for ch in cjk if ch in COMMON_CHARS) / len(cjk)
    frequent = _frequent_share(cjk[:FREQUENT_SAMPLE], encoding)
    if len(cjk) >= 4 and common < MIN_COMMON_SHARE and frequent < MIN_FREQUENT_SHARE:
        return None
    return common + frequent / 2 + len(cjk) / len(sample)


def _frequent_share(cjk: list[str], encoding: str | None) -> float:
    """Share of ideographs in the frequent block of the standard decoded with (GB2312 level 1, Big5 A440-C67E)."""
    blocks = FREQUENT_BLOCKS.get(encoding or "", (GB2312_LEVEL1, BIG5_FREQUENT))
    hits = 0
    for ch in cjk:
        for codec, low, high in blocks:
            try:
                code = int.from_bytes(ch.encode(codec), "big")
            except UnicodeEncodeError:
                continue
            if low <= code <= high:
                hits += 1
                break
    return hits / len(cjk)


def mostly_binary(text: str) -> bool:
    """More control, private-use or replacement characters than real text holds."""
    sample = text[:SAMPLE_CHARS]
    # Counted in C by a regex over the BMP; the rare astral characters are judged one by one.
    bad = len(BAD_BMP_RE.findall(sample)) + sum(1 for ch in ASTRAL_RE.findall(sample) if _is_bad_char(ch))
    return bad > len(sample) * MAX_BAD_SHARE


def _is_bad_char(ch: str) -> bool:
    if ch in "\t\n\r\f":
        return False
    return ch == "\ufffd" or unicodedata.category(ch) in _CONTROL_CATEGORIES


def _bad_bmp_pattern() -> str:
    """A character class of every BMP character `_is_bad_char` rejects (built from unicodedata, ~7 ms once)."""
    ranges: list[list[int]] = []
    for code in range(0x10000):
        if _is_bad_char(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in ranges) + "]"


BAD_BMP_RE = re.compile(_bad_bmp_pattern())
ASTRAL_RE = re.compile(r"[\U00010000-\U0010ffff]")
