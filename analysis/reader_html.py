"""The reader's HTML: an article in its sections with statistics and keywords marked in place.

Every piece of user text passes through html.escape (quote=True) before it is placed in the markup,
so titles or bodies holding <script>, <img onerror> or markdown links are shown as text.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from analysis.kwic import find_occurrences
from analysis.models import Keyword, Section, Statistic, Token

LEAD_LABEL = "导语"
RUN_IN_ENDINGS = ("。", "：", ":")
QUALIFIER_WORDS = {"exact": "确数", "about": "约数", "more_than": "超过", "at_least": "不少于", "less_than": "不足"}
READER_CSS = """<style>
.wy-reader{font-size:1.05rem;line-height:1.95;color:#1f2d3d;max-width:54rem}
.wy-reader h3{font-size:1.2rem;margin:1.4rem 0 .2rem;color:#8c1c13}
.wy-reader .wy-subhead{color:#5b6b7b;margin:0 0 .5rem;font-weight:500}
.wy-reader p{margin:.35rem 0;text-indent:2em}
.wy-stat{background:#fff1c1;border-bottom:2px solid #d4a017;border-radius:3px;padding:0 2px;cursor:help}
.wy-stat.wy-work{background:#fbd5c8;border-bottom-color:#b33a2a}
.wy-kw{background:#e3eef9;border-radius:3px;padding:0 1px;cursor:help}
</style>"""


def format_number(value: float) -> str:
    """6000000 -> 6,000,000; 1.5 -> 1.5 (no scientific notation for big counts)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def statistic_tooltip(stat: Statistic) -> str:
    """Plain-text hover details: value, unit, qualifier, subject, target, workforce."""
    value = format_number(stat.value) + (f"–{format_number(stat.value_max)}" if stat.value_max is not None else "")
    parts = [f"数值：{value} {stat.unit}", f"限定：{QUALIFIER_WORDS.get(stat.qualifier, stat.qualifier)}",
             f"对象：{stat.subject}"]
    if stat.is_target:
        parts.append("目标值")
    parts.append("劳动力相关" if stat.is_workforce else "非劳动力数据")
    return " · ".join(parts)


def _marks(text: str, *, statistics: Sequence[Statistic], keywords: Sequence[Keyword],
           tokens: Sequence[Token]) -> list[tuple[int, int, str, str]]:
    """Non-overlapping (start, end, css class, tooltip); statistics win over keywords."""
    candidates = []
    for stat in statistics:
        css = "wy-stat wy-work" if stat.is_workforce else "wy-stat"
        for start, end in (stat.spans or ((stat.start, stat.end),)):
            candidates.append((start, 0, end, css, statistic_tooltip(stat)))
    for rank, keyword in enumerate(keywords, start=1):
        tip = f"关键词第 {rank} 位 · 权重 {keyword.weight:.3g}"
        for start, end in find_occurrences(text, keyword.word, tokens=tokens):
            candidates.append((start, 1, end, "wy-kw", tip))
    chosen, taken = [], []
    for start, priority, end, css, tip in sorted(candidates, key=lambda c: (c[1], c[0])):
        if 0 <= start < end <= len(text) and all(end <= a or start >= b for a, b in taken):
            taken.append((start, end))
            chosen.append((start, end, css, tip))
    return sorted(chosen)


def _marked(text: str, start: int, end: int, marks: Sequence[tuple[int, int, str, str]]) -> str:
    """Escaped text[start:end] with marks inside it wrapped in spans; paragraphs as <p>."""
    pieces, at = [], start
    for m_start, m_end, css, tip in marks:
        if m_start < start or m_end > end:
            continue
        pieces.append(escape(text[at:m_start]))
        pieces.append(f'<span class="{css}" title="{escape(tip)}">{escape(text[m_start:m_end])}</span>')
        at = m_end
    pieces.append(escape(text[at:end]))
    return "".join(f"<p>{line}</p>" for line in "".join(pieces).split("\n") if line.strip())


def _body_start(text: str, section: Section) -> int:
    """Skip the heading and subheading lines (shown as headings); a run-in head loses only its own words."""
    at = section.start
    for label in (section.title, section.subheading):
        line_end = text.find("\n", at, section.end)
        line_end = section.end if line_end < 0 else line_end
        if label and text[at:line_end].strip() == label.strip():
            at = min(line_end + 1, section.end)
        elif label and label is section.title and text.startswith(label, at):
            at += len(label) + (1 if text[at + len(label):at + len(label) + 1] in RUN_IN_ENDINGS else 0)
            break
    return at


def section_family(sections: Sequence[Section], index: int) -> set[int]:
    """A section and every section nested under it (a group heading shows its sub-sections)."""
    family = {index}
    for position, section in enumerate(sections):
        parent = section.parent
        while parent is not None and parent not in family and parent != position:
            parent = sections[parent].parent
        if parent in family:
            family.add(position)
    return family


def article_html(text: str, *, sections: Sequence[Section], statistics: Sequence[Statistic] = (),
                 keywords: Sequence[Keyword] = (), tokens: Sequence[Token] = (),
                 only_section: int | None = None) -> str:
    """The article (or one section) as escaped HTML with marks and section headings."""
    sections = tuple(sections) or (Section(None, None, 0, None, 0, len(text), text),)
    marks = _marks(text, statistics=statistics, keywords=keywords, tokens=tokens)
    shown = None if only_section is None else section_family(sections, only_section)
    html = [READER_CSS, '<div class="wy-reader">']
    for index, section in enumerate(sections):
        if shown is not None and index not in shown:
            continue
        stop = sections[index + 1].start if index + 1 < len(sections) else len(text)
        end = min(section.end, stop) if section.end > section.start else stop
        if section.title:
            html.append(f'<h3 id="sec-{index}">{escape(section.title)}</h3>')
            if section.subheading:
                html.append(f'<div class="wy-subhead">{escape(section.subheading)}</div>')
        html.append(_marked(text, _body_start(text, section), max(end, section.start), marks))
    html.append("</div>")
    return "".join(html)


def legend_counts(statistics: Sequence[Statistic]) -> Mapping[str, int]:
    """How many statistics are workforce figures vs others (for the legend under the text)."""
    workforce = sum(1 for s in statistics if s.is_workforce)
    return {"workforce": workforce, "other": len(statistics) - workforce}


def legend_html(counts: Mapping[str, int]) -> str:
    """Colour key for the marks (numbers only, no user text)."""
    return (READER_CSS + '<div style="color:#5b6b7b;font-size:.9rem">'
            f'<span class="wy-stat wy-work">劳动力数据 {int(counts["workforce"])} 条</span>　'
            f'<span class="wy-stat">其他数据 {int(counts["other"])} 条</span>　'
            '<span class="wy-kw">关键词</span>　鼠标悬停查看数值、单位、限定词与统计对象</div>')
