"""News layout metadata: kicker (引题), subtitle (副题), bylines, datelines, sources, editor lines, captions.

`find_layout(text)` accepts an article body (or a whole page copy) and returns the metadata it found plus
the spans it occupies, so that `sections.detect_sections` can keep those lines out of headings and sections.
`settle_title(title, layout)` tells the loader when the first line it took as the title was a kicker.

Span kinds: kicker, title (a title line at the top of a page copy), subtitle, byline, dateline (a prefix of the
first paragraph ending in 电 / 讯 / 消息, under this paper's, an agency's or a site's name or none: 本报长沙4月15日讯
（记者 王晓）, 新华社北京3月5日电, 长江日报讯, 央视网消息, so its span ends mid-line), source (发布时间：…, 《报》（…版）,
or a date followed by where the text came from: 2025年9月3日 来源：安徽日报), editor, caption, date (a line holding
only a date, with weekday or time: 2023年3月6日 / 2024-05-06 星期一), signature (issuing office and date closing an
official notice), end (（完）). Whole-line spans cover the stripped line. The article date is the first complete
year-month-day found in a metadata span (a dateline such as 4月28日电 has no year, so it gives no date on its own).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from analysis.dates import parse_date

Span = tuple[int, int, str]

# A line may be metadata only when it is short; body paragraphs that merely start with 记者 are long.
MAX_META_LINE_CHARS = 60
MAX_HEADER_LINE_CHARS = 40
N_HEADER_LINES = 3

SENTENCE_END_RE = re.compile(r"[。！？!?]")
SUBTITLE_RE = re.compile(r"^(?:——|—|－－|--)\s*\S|^(?:原标题|副题|副标题)\s*[：:]")
# Dashes and 副题 labels are dropped; 原标题 stays, written 原标题：…, as the loader writes it.
SUBTITLE_MARK_RE = re.compile(r"^(?:——|—|－－|--|(?:副题|副标题)\s*[：:])\s*|^原标题\s*[：:]\s*")
# A numbered or Markdown heading followed by a —— deck is a section, not a title block.
HEADING_START_RE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]"
                              r"|第[一二三四五六七八九十百\d]{1,4}[章节编篇部]|\d{1,2}[.．、]|#|\*\*|关键词)")
KICKER_LABEL_RE = re.compile(r"^(?:【(?:引题|肩题)】|(?:引题|肩题)\s*[：:])\s*(?P<value>\S.*)$")
BYLINE_ROLE = r"(?:本报记者|本报通讯员|本报特约记者|本报评论员|特约记者|实习记者|新华社记者|记者|通讯员|作者|撰文)"
NAME = r"[\u4e00-\u9fff·]{2,4}"
# 记者手记 / 记者观察 are column headings, not a reporter called 手记.
NOT_A_NAME = r"(?!手记|观察|调查|札记|笔记|日记|随笔|探访|走访|眼中|视角|见闻|来信|感言|体验)"
BYLINE_RE = re.compile(
    rf"^{BYLINE_ROLE}\s*[：:]?\s*{NOT_A_NAME}{NAME}(?:[\s、，,]+(?:{BYLINE_ROLE}\s*[：:]?\s*)?{NAME})*$"
    r"|^文\s*[/／｜|：:]\s*\S"
    rf"|^[\u4e00-\u9fff]{{2,12}}(?:报|网|社|台|新闻|客户端)[—－-]?[\u4e00-\u9fff]{{0,6}}(?:记者|通讯员)\s*{NAME}"
)
PAREN_BYLINE_RE = re.compile(r"^[（(][^（）()]{0,40}(?:记者|通讯员|作者|撰稿)[^（）()]{0,40}[）)]$")
# Who filed the story: this paper (本报) or a wire / site by its known name, or any 长江日报 / 某某网 / 某某新闻.
KNOWN_AGENCY = r"(?:本报|本刊|本台|本网|新华社|中新社|中新网|新华网|人民网|央视网|央广网|光明网|中国新闻网|国际在线)"
AGENCY = rf"(?:{KNOWN_AGENCY}|[\u4e00-\u9fff]{{2,8}}?(?:日报|晚报|晨报|都市报|商报|时报|报|网|社|台|新闻|客户端))"
MONTH_DAY = r"(?:(?:\d{4}|[〇零一二三四五六七八九]{4})年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
PLACE = r"(?:(?!记者)[\u4e00-\u9fff]){2,6}?"
FILED = r"(?:电|讯|消息)(?![视话影脑商力网器子台员息号])"  # 3月5日电视台… / 本报通讯员 are not datelines
# 本报长沙4月15日讯 / 新华社北京3月5日电 / 北京3月5日电 / 本报讯 / 人民网北京电 / 央视网消息; an undated line
# under any other name (长江日报讯) must stand apart from what follows: 合作社电商… is text.
DATELINE_RE = re.compile(
    rf"^(?:(?:{AGENCY}\s*)?[\u4e00-\u9fff]{{0,8}}?\s*{MONTH_DAY}\s*{FILED}"
    rf"|{KNOWN_AGENCY}\s*(?:{PLACE}\s*)?{FILED}"
    rf"|{AGENCY}\s*(?:{PLACE}\s*)?(?:电|讯|消息)(?=[\s（(【\[：:]|$))"
    r"\s*(?:[（(][^（）()]{0,40}[）)])?(?:\s*[：:])?"
)
SOURCE_RE = re.compile(
    r"^[（(【]?\s*(?:来源|稿源|出处|转自|信息来源|原文来源|发布时间|发布日期|更新时间|发稿时间|发表时间|时间|日期)\s*[：:]"
    r"|^《[^》]{1,20}》\s*[（(]\s*\d{4}\s*年[^（）()]{0,30}[）)]$"
    r"|^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}[:：]\d{2}"  # a web page's 2026-04-29 08:30 来源…
    r"|^.{0,30}?(?<![^\s|｜丨])(?:来源|稿源)\s*[：:]"  # 5月6日 来源：… / 字号：大 中 小 | 来源：…
)
EDITOR_RE = re.compile(
    r"^[（(【\[]?\s*(?:责编|责任编辑|编辑|审核|审校|校对|监制|终审|制图|美编|统筹|策划)"
    r"\s*(?:[：:]\s*|\s+|(?=[\u4e00-\u9fff]{2,4}\s*[）)】\]]$))\S"
)
CAPTION_RE = re.compile(
    r"^(?:图为|图片为|图：|图/|▲|△|上图|下图|左图|右图|资料图|图片来源)"
    r"|(?:[。\s（(]|记者|通讯员)[\u4e00-\u9fff·]{2,6}\s*摄\s*[）)]?$"
    r"|^[（(]?[\u4e00-\u9fff·]{2,4}\s*摄\s*[）)]?$"
    r"|(?:供图|摄影\s*[：:]\s*[\u4e00-\u9fff·]{2,6}|(?:新华社|中新社)发)\s*[）)]?$"
)
MAX_CAPTION_CHARS = 120
# Metadata closing a paragraph: 。（成都日报 记者 侯初）  (责编 章华维 — the bracket may be left open.
TAIL_RES = (
    ("editor", re.compile(r"[（(【\[]\s*(?:责编|责任编辑|编辑)\s*[：:]?\s*[^（）()。]{1,30}[）)】\]]?\s*$")),
    ("byline", re.compile(r"[（(][^（）()。]{0,30}(?:记者|通讯员)[^（）()。]{0,30}[）)]\s*$")),
    ("source", re.compile(r"[（(]\s*(?:来源|稿源)\s*[：:][^（）()。]{1,30}[）)]\s*$")),
    ("end", re.compile(r"(?<=[。！？”])\s*[（(](?:完|全文完)[）)]\s*$")),  # a wire item's …意向。（完）
)
TAIL_OPENER_RE = re.compile(r"[（(【\[]")  # each pattern of TAIL_RES starts at one of these
END_MARK_RE = re.compile(r"^[（(](?:完|全文完|终)[）)]$|^[-—－]*\s*(?:END|完)\s*[-—－]*$", re.IGNORECASE)
DATE_ONLY_RE = re.compile(r"^(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年.{1,4}月.{1,4}日$")
LINE_DATE = (r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
             r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)")
WEEKDAY_CLOCK = (r"(?:\s*[（(]?\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[）)]?)?"
                 r"(?:\s*\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?|\s*\d{1,2}时(?:\d{1,2}分)?)?")
# A line holding a date (2024-05-06 10:32, 2023年3月6日 星期一), alone or before where it came from.
DATE_LINE_RE = re.compile(rf"^[【\[（(]?\s*{LINE_DATE}\s*[】\]）)]?{WEEKDAY_CLOCK}(?:\s*[|｜丨/·]?\s*(?P<tail>\S.*))?$")
# What may follow the date on such a line: a labelled source or author, a page number, a paper or site name.
DATE_TAIL_RE = re.compile(
    r"^(?:来源|稿源|出处|转自|作者|编辑|责编|责任编辑|记者|字号|阅读|浏览|点击|发布者?)(?:\s*[：:]|\s+\S)"
    r"|^第\s*[A-Z\d一二三四五六七八九十]{1,4}\s*版"
    r"|^[\u4e00-\u9fff·－—-]{2,16}?(?:日报|晚报|晨报|报|网|社|台|新闻|客户端|杂志|周刊)(?:\s|[－—-]|$)"
)
ORG_LINE_RE = re.compile(r"^[\u4e00-\u9fff（）()]{3,30}(?:局|厅|部|委员会|委|会|办公室|办|政府|中心|公司|院|所|处|站)$")
BYLINE_BRACKETS_RE = re.compile(r"^[（(]\s*(?P<inner>.*?)\s*[）)]$")
DATELINE_REPORTER_RE = re.compile(r"[（(]\s*(?P<inner>[^（）()]*(?:记者|通讯员)[^（）()]*?)\s*[）)]")


class Line(NamedTuple):
    """One non-empty line of the text: offsets of its stripped content and that content."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Layout:
    """News layout metadata of one text; `spans` are (start, end, kind) in text offsets."""

    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    spans: tuple[Span, ...] = ()
    title: str | None = None  # a title line in the header block at the top of the text (see settle_title)


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with the offsets of their stripped content."""
    lines: list[Line] = []
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = position + (len(raw) - len(raw.lstrip()))
            lines.append(Line(start, start + len(stripped), stripped))
        position += len(raw) + 1
    return lines


def is_header_like(line: str) -> bool:
    """A short line with no sentence punctuation (title, kicker or heading shape)."""
    return len(line) <= MAX_HEADER_LINE_CHARS and not SENTENCE_END_RE.search(line)


def classify_meta_line(line: str) -> str | None:
    """Kind of a whole metadata line (byline, source, editor, caption, end) or None."""
    if END_MARK_RE.match(line):
        return "end"
    if len(line) <= MAX_CAPTION_CHARS and CAPTION_RE.search(line):
        return "caption"
    if len(line) > MAX_META_LINE_CHARS:
        return None
    if DATE_ONLY_RE.match(line):
        return "date"
    if SOURCE_RE.match(line):
        return "source"
    dated = DATE_LINE_RE.match(line)
    if dated and not dated.group("tail"):
        return "date"
    if dated and not SENTENCE_END_RE.search(line) and _is_date_tail(dated.group("tail")):
        return "source"
    if EDITOR_RE.match(line):
        return "editor"
    if SENTENCE_END_RE.search(line):
        return None
    if BYLINE_RE.match(line) or PAREN_BYLINE_RE.match(line):
        return "byline"
    return None


def _is_date_tail(tail: str) -> bool:
    """Text after a date that says where the article came from (来源：…, 安徽日报, an issuing office)."""
    return bool(DATE_TAIL_RE.match(tail) or ORG_LINE_RE.match(tail))


def _header_spans(lines: list[Line]) -> list[Span]:
    """Kicker / repeated title / subtitle at the top of the text."""
    top = lines[:N_HEADER_LINES]
    spans: list[Span] = []
    for line in top:
        if KICKER_LABEL_RE.match(line.text):
            spans.append((line.start, line.end, "kicker"))
    for position, line in enumerate(top):
        if not SUBTITLE_RE.match(line.text) or len(line.text) > MAX_META_LINE_CHARS:
            continue
        above = [item for item in top[:position] if not any(s[0] == item.start for s in spans)]
        if all(is_header_like(item.text) and not HEADING_START_RE.match(item.text) for item in above):
            kinds = ["kicker", "title"][-len(above):] if above else []
            spans.extend((item.start, item.end, kind) for item, kind in zip(above, kinds))
            spans.append((line.start, line.end, "subtitle"))
        break
    return spans


def _signature_spans(lines: list[Line]) -> list[Span]:
    """Issuing office(s) and date closing an official notice."""
    if not lines or not DATE_ONLY_RE.match(lines[-1].text):
        return []
    spans: list[Span] = [(lines[-1].start, lines[-1].end, "signature")]
    for line in reversed(lines[-3:-1]):
        if not ORG_LINE_RE.match(line.text):
            break
        spans.insert(0, (line.start, line.end, "signature"))
    return spans


def _dateline_span(lines: list[Line], taken: set[int]) -> Span | None:
    """A dateline opening the first body paragraph (本报北京4月28日电 / 新华社…电 / 本报讯)."""
    for line in lines[:N_HEADER_LINES + 3]:
        if line.start in taken:
            continue
        match = DATELINE_RE.match(line.text)
        if match and match.end() > 0:
            end = line.start + len(match.group(0).rstrip())
            return (line.start, end, "dateline")
        return None
    return None


def _tail_spans(line: Line) -> list[Span]:
    """Metadata at the end of a paragraph, peeled off from the right."""
    spans: list[Span] = []
    if TAIL_OPENER_RE.search(line.text) is None:
        return spans  # every tail opens a bracket; most lines hold none, and the searches scan the whole line
    end = len(line.text)
    found = True
    while found:
        found = False
        head = line.text[:end].rstrip()
        for kind, pattern in TAIL_RES:
            match = pattern.search(head)
            if match and match.start() > 0:
                spans.append((line.start + match.start(), line.start + len(head), kind))
                end, found = match.start(), True
                break
    return spans


def find_layout(text: str) -> Layout:
    """Find the layout metadata lines of a news text and the article date they give."""
    lines = split_lines(text)
    if not lines:
        return Layout()
    spans = _header_spans(lines) + _signature_spans(lines)
    taken = {span[0] for span in spans}
    for line in lines:
        kind = None if line.start in taken else classify_meta_line(line.text)
        if kind:
            spans.append((line.start, line.end, kind))
            taken.add(line.start)
        elif line.start not in taken:
            spans.extend(_tail_spans(line))
    dateline = _dateline_span(lines, taken)
    if dateline:  # a dateline wins over a byline found at the end of the same short line
        spans = [span for span in spans if span[1] <= dateline[0] or span[0] >= dateline[1]] + [dateline]
    spans.sort()
    return _layout_from_spans(text, tuple(spans))


def _dateline_reporter(dateline: str | None) -> str | None:
    """The reporter named in a dateline's brackets (记者 张悦), else the dateline itself."""
    if dateline is None:
        return None
    match = DATELINE_REPORTER_RE.search(dateline)
    return match.group("inner") if match else dateline.rstrip("：: ")


def _subtitle_label(match: re.Match[str]) -> str:
    return "原标题：" if match.group(0).startswith("原标题") else ""


def _layout_from_spans(text: str, spans: tuple[Span, ...]) -> Layout:
    """Pick the kicker, subtitle, byline and date out of the spans."""

    def first(*kinds: str) -> str | None:
        return next((text[s:e] for s, e, k in spans if k in kinds), None)

    subtitle = first("subtitle")
    kicker = first("kicker")
    byline = first("byline") or _dateline_reporter(first("dateline"))
    date = next((d for s, e, k in spans if k != "caption" and (d := parse_date(text[s:e]))), None)
    return Layout(
        title=first("title"),
        kicker=KICKER_LABEL_RE.sub(r"\g<value>", kicker) if kicker else None,
        subtitle=SUBTITLE_MARK_RE.sub(_subtitle_label, subtitle) if subtitle else None,
        byline=BYLINE_BRACKETS_RE.sub(r"\g<inner>", byline).strip() if byline else None,
        date=date,
        spans=spans,
    )


def settle_title(title: str, layout: Layout, *, first_line: bool = True) -> tuple[str, str | None]:
    """(title, kicker): when the title was a file's first line and the text opens with a different title line
    over a —— subtitle, that first line was the kicker (引题) and the line in the text is the title."""
    if first_line and layout.title and not layout.kicker and layout.title != title:
        return layout.title, title or None
    return title, layout.kicker
