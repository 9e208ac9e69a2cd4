"""HTML visible text: one linear pass over the parse tree, the same text as the former mutate-then-get_text reader."""
from __future__ import annotations

import time

import pytest
from bs4 import BeautifulSoup, Comment
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.formats import HTML_BLOCK_TAGS, HTML_DROP_TAGS, PARA_MARK, read_html, visible_text

TITLE = "西宁市开展冬季职工技能大比武"
PARAGRAPH = "本报讯 十一月以来，西宁市总工会联合人社部门举办冬季职工技能大比武，共有86家企业的1200余名职工参赛。"


def reference_text(html: str) -> str:
    """The former reader's algorithm (bs4 edits, then get_text), kept as the oracle for visible_text."""
    soup = BeautifulSoup(html, "lxml")
    heading = soup.find("h1")
    if heading is not None:
        heading.decompose()
    for tag in soup(HTML_DROP_TAGS):
        tag.decompose()
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()
    for tag in soup.find_all("br"):
        tag.replace_with(PARA_MARK)
    for tag in soup.find_all(HTML_BLOCK_TAGS):
        tag.insert_before(PARA_MARK)
        tag.insert_after(PARA_MARK)
    return soup.get_text()


def new_text(html: str) -> str:
    soup = BeautifulSoup(html, "lxml")
    return visible_text(soup, skip=soup.find("h1"))


PAGES = [
    f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>首页</title><style>p{{color:red}}</style></head>"
    f"<body><nav><a href='/'>首页</a> | <a href='/news'>要闻</a></nav><h1>{TITLE}</h1>"
    f"<div class='info'>2026-04-29 08:30 来源：西宁晚报</div><!-- 广告位 --><article><p>{PARAGRAPH}</p>"
    "<p>比赛设置<b>电工</b>、<i>焊工</i>等12个工种。<br>决赛选手中青年职工占比达到六成以上。</p>"
    "<script>var tip = '不应出现';</script><table><tr><td>工种</td><td>人数</td></tr><tr><td>电工</td><td>300</td>"
    "</tr></table><ul><li>一等奖 10 名</li><li>二等奖 20 名</li></ul></article><noscript>请启用脚本</noscript>"
    "<footer>责任编辑：王敏</footer></body></html>",
    f"<html><body><div><div><span>{TITLE}</span></div><div>第一段\n续行。<!--注释--></div>"
    "<template><p>模板</p></template><svg><text>图</text></svg><p>Word\nwrap <![CDATA[x]]></p></div></body></html>",
    "<p>没有 html 和 body 标签的片段<h1>标题一</h1><h1>标题二</h1>正文<br/><br/>结尾",
    "<html><head><script>document.write('<p>动态</p>')</script></head><body><pre>  保留\n  缩进  </pre>"
    "<dl><dt>术语</dt><dd>解释</dd></dl><ruby>汉<rt>hàn</rt></ruby><iframe>框</iframe></body></html>",
]


@pytest.mark.parametrize("html", PAGES)
def test_visible_text_equals_the_former_reader(html: str) -> None:
    assert new_text(html) == reference_text(html)


TAGS = ("div", "p", "span", "b", "br", "li", "ul", "td", "tr", "table", "script", "style", "h1", "h2", "section",
        "noscript", "a", "em", "pre", "head", "title")
WORDS = st.sampled_from(["职工", "技能", " ", "\n", "2026年", "Word", "。", "，", "  \t", "<!-- 注释 -->", "&amp;"])


@st.composite
def html_trees(draw: st.DrawFn, depth: int = 0) -> str:
    """Random nested markup, scripts, comments and text (well-formed or not: lxml repairs both sides alike)."""
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(st.sampled_from(TAGS))
            parts.append(f"<{tag}>{draw(html_trees(depth + 1))}</{tag}>")
        else:
            parts.append(draw(WORDS))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(html_trees())
def test_visible_text_equals_the_former_reader_on_random_markup(html: str) -> None:
    page = f"<html><body>{html}</body></html>"
    assert new_text(page) == reference_text(page)


def _nested(depth: int, inner: str) -> bytes:
    return (f"<html><head><title>{TITLE}</title></head><body>" + "<div>" * depth + inner + "</div>" * depth
            + "</body></html>").encode("utf-8")


def _best_seconds(data: bytes, *, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        read_html(data, source="deep.html")
        best = min(best, time.perf_counter() - started)
    return best


def test_deeply_nested_html_loads_in_linear_time() -> None:
    inner = f"<p>{PARAGRAPH}</p><script>var x = '不应出现';</script><!-- 注释 --><style>p{{}}</style>"
    extracted = read_html(_nested(10_000, inner), source="deep.html")
    assert (extracted.title, extracted.body) == (TITLE, PARAGRAPH)
    small, large = _best_seconds(_nested(1_000, inner)), _best_seconds(_nested(10_000, inner))
    # Linear: 10× the depth costs ~10× (the former reader took ~100×, 3–8 s at depth 10,000).
    assert large < 30 * small + 0.05, (small, large)
    assert large < 2.0, large


def test_deeply_nested_dropped_and_block_tags_stay_fast() -> None:
    for tag in ("noscript", "li", "span"):
        data = (f"<html><body><p>{PARAGRAPH}</p>" + f"<{tag}>层" * 10_000 + f"</{tag}>" * 10_000
                + "</body></html>").encode("utf-8")
        started = time.perf_counter()
        extracted = read_html(data, source=f"{tag}.html")
        assert time.perf_counter() - started < 2.0, tag
        assert extracted.body.startswith(PARAGRAPH)
        assert ("层" in extracted.body) == (tag != "noscript")
