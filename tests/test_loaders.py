"""The same article in every format and encoding loads to the same title and text; bad input gives typed errors."""
from __future__ import annotations

import csv
import io
import json
import random
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.errors import (
    AnalysisError, CorruptFile, DecodeFailed, EmptyText, InputNotFound, MissingColumn, TooLarge, UnsupportedFormat,
)
from analysis.loaders import iter_path, load_bytes, load_path

TITLE = "全市首届产业工人技能运动会开幕"
PARAGRAPHS = (
    "11月20日，全市首届产业工人技能运动会在高新区职工文化中心开幕。来自智能制造、电子信息、轨道交通等12个行业的"
    "860名一线职工报名参赛，人数比原计划多出三成。",
    "本届运动会设置数控车削、工业机器人运维、电工等18个比赛项目，其中新职业项目占比超过40%。市总工会负责人介绍，"
    "获得各项目前三名的选手将按规定晋升相应职业技能等级。",
    "“比赛就是最好的课堂。”参赛选手、某汽车零部件企业焊工李明说，自己报名后利用业余时间练习了两个月，"
    "希望在家门口的赛场上检验所学，也把新工艺带回车间。",
)
TEXT = "\n".join(PARAGRAPHS)
DATE = "2025-11-20"
TW_TITLE = "臺北市勞工局舉辦職場安全講座"
TW_PARAGRAPHS = (
    "臺北市勞動局日前在市府大樓舉辦職場安全講座，邀請專家說明高溫作業的防護措施。",
    "講座吸引兩百多名勞工與企業代表參加，現場並示範緊急救護的正確步驟。",
)
PLAIN = f"{TITLE}\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
FONT_FILE = Path(__import__("manimgx_fonts_cjk").__file__).with_name("NotoSansCJK-VF.otf.ttc")


def make_txt(encoding: str) -> bytes:
    return PLAIN.encode(encoding)


def make_md() -> bytes:
    return (f"# {TITLE}\n\n" + "\n\n".join(PARAGRAPHS)).encode("utf-8")


def make_html() -> bytes:
    body = "".join(f"<p>{p[:30]}<span>{p[30:50]}</span>\n{p[50:]}</p>\n" for p in PARAGRAPHS)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>首页 - 某某新闻网</title>"
        f"<meta name='pubdate' content='{DATE} 08:30'><style>p {{ color: red; }}</style>"
        "<script>var 广告 = '不要出现';</script></head><body>"
        f"<h1>{TITLE}</h1><!-- 注释：编辑备忘，不要出现 -->{body}"
        "<script type='text/javascript'>document.write('统计代码')</script><noscript>请启用脚本</noscript>"
        "</body></html>"
    ).encode("utf-8")


def make_docx() -> bytes:
    document = docx.Document()
    document.add_heading(TITLE, level=0)
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["编号", "标题", "正文", "日期"])
    sheet.append([1, TITLE, TEXT, DATE])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def make_csv(encoding: str, header: tuple[str, ...] = ("Title", "TEXT", "date")) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows([header, [TITLE, TEXT, "2025/11/20"]])
    return buffer.getvalue().encode(encoding)


def make_jsonl() -> bytes:
    record = {"title": TITLE, "text": TEXT, "date": DATE, "extra": [1, 2]}
    return (json.dumps(record, ensure_ascii=False) + "\n\n").encode("utf-8")


def make_pdf(indent: str = "") -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("noto", fname=str(FONT_FILE), collection_font_number=2)  # face 2 of the TTC is Simplified Chinese
    pdf.set_font("noto", size=16)
    pdf.multi_cell(0, 10, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("noto", size=12)
    for paragraph in PARAGRAPHS:
        pdf.multi_cell(0, 8, indent + paragraph, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


FORMAT_CASES = {
    # name: (file name, builder, expected format, expected encoding, expected date)
    "txt-utf8": ("a.txt", lambda: make_txt("utf-8"), "txt", "utf-8", None),
    "txt-utf8-bom": ("a.txt", lambda: make_txt("utf-8-sig"), "txt", "utf-8-sig", None),
    "txt-utf16-bom": ("a.txt", lambda: make_txt("utf-16"), "txt", "utf-16", None),
    "txt-utf16le-no-bom": ("a.txt", lambda: make_txt("utf-16-le"), "txt", "utf-16-le", None),
    "txt-utf16be-no-bom": ("a.txt", lambda: make_txt("utf-16-be"), "txt", "utf-16-be", None),
    "txt-utf32-bom": ("a.txt", lambda: make_txt("utf-32"), "txt", "utf-32", None),
    "txt-gb18030": ("a.txt", lambda: make_txt("gb18030"), "txt", "gb18030", None),
    "txt-gbk": ("a.txt", lambda: make_txt("gbk"), "txt", "gb18030", None),
    "txt-crlf-no-blank": ("a.TXT", lambda: PLAIN.replace("\n\n", "\n").replace("\n", "\r\n").encode(), "txt",
                          "utf-8", None),
    "md": ("a.md", make_md, "md", "utf-8", None),
    "html": ("a.html", make_html, "html", "utf-8", DATE),
    "htm-gb18030": ("a.htm", lambda: make_html().replace(b"utf-8", b"gb2312").decode().encode("gb18030"), "html",
                    "gb18030", DATE),
    "docx": ("a.docx", make_docx, "docx", None, None),
    "xlsx": ("a.xlsx", make_xlsx, "xlsx", None, DATE),
    "csv-utf8-bom": ("a.csv", lambda: make_csv("utf-8-sig"), "csv", "utf-8-sig", DATE),
    "csv-gb18030": ("a.csv", lambda: make_csv("gb18030", ("题目", "内容", "发布日期")), "csv", "gb18030", DATE),
    "tsv-in-csv": ("a.csv", lambda: make_csv("utf-8").replace(b",", b"\t"), "csv", "utf-8", DATE),
    "jsonl": ("a.jsonl", make_jsonl, "jsonl", "utf-8", DATE),
    "pdf": ("a.pdf", make_pdf, "pdf", None, None),
    "pdf-indented": ("a.pdf", lambda: make_pdf(indent="\u3000\u3000"), "pdf", None, None),
}


@pytest.mark.parametrize("case", sorted(FORMAT_CASES))
def test_same_article_in_every_format_loads_to_same_text(case: str) -> None:
    filename, build, fmt, encoding, date = FORMAT_CASES[case]
    [article] = load_bytes(build(), filename)
    assert (article.title, article.text) == (TITLE, TEXT)
    assert (article.format, article.encoding, article.date) == (fmt, encoding, date)
    assert article.presegmented is False and article.raw_text is None and article.token_spans is None


def test_row_sources_are_numbered_from_first_data_row() -> None:
    assert [a.source for a in load_bytes(make_csv("utf-8"), "t.csv")] == ["t.csv#1"]
    assert [a.source for a in load_bytes(make_jsonl(), "t.jsonl")] == ["t.jsonl#1"]


def test_big5_traditional_text_is_detected() -> None:
    data = (TW_TITLE + "\n" + "\n".join(TW_PARAGRAPHS)).encode("big5")
    [article] = load_bytes(data, "tw.txt")
    assert (article.title, article.text, article.encoding) == (TW_TITLE, "\n".join(TW_PARAGRAPHS), "big5")


def test_zip_of_two_with_nested_folders(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("新闻/十一月/a.txt", make_txt("gb18030"))
        archive.writestr("新闻/b.docx", make_docx())
        archive.writestr("新闻/photo.png", b"\x89PNG\r\n\x1a\n")  # unsupported types inside archives are skipped
        archive.writestr("__MACOSX/新闻/._a.txt", b"\x00\x05")
    path = tmp_path / "two.zip"
    path.write_bytes(buffer.getvalue())
    articles = load_path(path)
    assert [(a.title, a.text) for a in articles] == [(TITLE, TEXT)] * 2
    assert [a.source for a in articles] == ["two.zip/新闻/b.docx", "two.zip/新闻/十一月/a.txt"]
    assert [a.format for a in articles] == ["docx", "txt"]
    assert load_bytes(buffer.getvalue(), "two.zip") == articles


def test_zip_entries_never_touch_the_file_system(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../evil.txt", make_txt("utf-8"))
        archive.writestr("/abs/evil2.txt", make_txt("utf-8"))
    work = tmp_path / "work"
    work.mkdir()
    (work / "slip.zip").write_bytes(buffer.getvalue())
    articles = load_path(work / "slip.zip")
    assert sorted(a.source for a in articles) == ["slip.zip/abs/evil2.txt", "slip.zip/evil.txt"]
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["slip.zip", "work"]


def test_table_columns_can_be_chosen_explicitly() -> None:
    data = '编号,稿件,名字\n1,"第一段。\n第二段。",自定义标题\n'.encode("utf-8")
    with pytest.raises(MissingColumn, match="正文"):
        load_bytes(data, "t.csv")
    [article] = load_bytes(data, "t.csv", text_column="稿件", title_column="名字")
    assert (article.title, article.text) == ("自定义标题", "第一段。\n第二段。")
    with pytest.raises(MissingColumn, match="不存在"):
        load_bytes(data, "t.csv", text_column="不存在")


def test_xlsx_without_text_column_raises_missing_column() -> None:
    book = openpyxl.Workbook()
    book.active.append(["姓名", "年龄"])
    book.active.append(["张三", 30])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(MissingColumn):
        load_bytes(buffer.getvalue(), "people.xlsx")


def test_broken_jsonl_line_is_named() -> None:
    data = (json.dumps({"title": "甲", "text": "正文一。"}, ensure_ascii=False) + "\n{broken\n").encode()
    with pytest.raises(CorruptFile, match="line 2"):
        load_bytes(data, "x.jsonl")


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _rng_bytes(n: int) -> bytes:
    return random.Random(n).randbytes(n)


BAD_INPUTS = {
    "empty": ("a.txt", lambda: b"", EmptyText),
    "whitespace": ("a.txt", lambda: " \n\t\u3000\r\n ".encode("utf-8"), EmptyText),
    "whitespace-utf16": ("a.txt", lambda: " \n \n".encode("utf-16"), EmptyText),
    "random-bytes": ("a.txt", lambda: _rng_bytes(4096), (DecodeFailed, UnsupportedFormat)),
    "png-renamed": ("photo.txt", lambda: b"\x89PNG\r\n\x1a\n" + _rng_bytes(200), UnsupportedFormat),
    "pdf-renamed-txt": ("a.txt", make_pdf, UnsupportedFormat),
    "corrupt-docx": ("a.docx", lambda: b"PK\x03\x04" + _rng_bytes(300), CorruptFile),
    "truncated-docx": ("a.docx", lambda: _truncated(make_docx()), CorruptFile),
    "xlsx-as-docx": ("a.docx", make_xlsx, CorruptFile),
    "corrupt-xlsx": ("a.xlsx", lambda: _rng_bytes(500), CorruptFile),
    "truncated-xlsx": ("a.xlsx", lambda: _truncated(make_xlsx()), CorruptFile),
    "corrupt-pdf": ("a.pdf", lambda: b"%PDF-1.4\n" + _rng_bytes(500), CorruptFile),
    "truncated-pdf": ("a.pdf", lambda: _truncated(make_pdf()), CorruptFile),
    "corrupt-zip": ("a.zip", lambda: _rng_bytes(300), CorruptFile),
    "truncated-zip": ("a.zip", lambda: _truncated(_zip_of({"a.txt": PLAIN.encode() * 20})), CorruptFile),
    "empty-zip": ("a.zip", lambda: _zip_of({}), EmptyText),
    "unknown-extension": ("a.pptx", lambda: b"whatever", UnsupportedFormat),
    "old-word": ("a.doc", lambda: b"\xd0\xcf\x11\xe0", UnsupportedFormat),
    "no-extension": ("README", lambda: b"text", UnsupportedFormat),
    "csv-only-header": ("a.csv", lambda: "标题,正文\n".encode(), EmptyText),
    "jsonl-not-object": ("a.jsonl", lambda: b"[1, 2]\n", CorruptFile),
}


def _zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_raises_a_typed_one_line_error(case: str) -> None:
    filename, build, expected = BAD_INPUTS[case]
    with pytest.raises(expected) as caught:
        load_bytes(build(), filename)
    message = str(caught.value)
    assert message and "\n" not in message
    assert caught.value.source is not None


def test_nul_bytes_are_dropped_from_text() -> None:
    [article] = load_bytes(PLAIN.replace("技能", "技\x00能").encode("utf-8"), "nul.txt")
    assert (article.title, article.text) == (TITLE, TEXT)


def test_mixed_encodings_load_line_by_line_and_say_so() -> None:
    data = f"{TITLE}\n\n".encode("utf-8") + "\n".join(PARAGRAPHS).encode("gbk")  # a UTF-8 title pasted on GBK text
    [article] = load_bytes(data, "mixed.txt")
    assert (article.title, article.text, article.encoding) == (TITLE, TEXT, "mixed: utf-8+gb18030")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_file_cut_inside_its_last_character_loads_without_it(encoding: str) -> None:
    [article] = load_bytes(PLAIN.rstrip("\n").encode(encoding)[:-1], "cut.txt")
    assert (article.title, article.text, article.encoding) == (TITLE, TEXT[:-1], encoding)


def test_five_megabyte_single_line_loads_quickly() -> None:
    line = "".join(PARAGRAPHS) * (5 * 2**20 // len("".join(PARAGRAPHS).encode("utf-8")) + 1)
    data = line.encode("utf-8")
    assert len(data) >= 5 * 2**20 and b"\n" not in data
    started = time.perf_counter()
    [article] = load_bytes(data, "long.txt")
    elapsed = time.perf_counter() - started
    assert article.text == line and article.title == ""
    assert elapsed < 3.0, elapsed


def test_too_large_input_is_refused() -> None:
    with pytest.raises(TooLarge):
        load_bytes(b"x" * 101, "a.txt", max_bytes=100)


def test_missing_path_raises_input_not_found(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        load_path(tmp_path / "nope.txt")
    [(source, error)] = list(iter_path(tmp_path / "nope.txt"))
    assert isinstance(error, InputNotFound) and source.endswith("nope.txt")


def test_folder_with_good_and_bad_files(tmp_path: Path) -> None:
    folder = tmp_path / "稿件"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_bytes(make_txt("gb18030"))
    (folder / "sub" / "good.docx").write_bytes(make_docx())
    (folder / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (folder / "sub" / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")  # not a text type: skipped silently in folders
    (folder / ".hidden.txt").write_bytes(b"")
    results = dict(iter_path(folder))
    assert sorted(results) == ["稿件/bad.txt", "稿件/good.txt", "稿件/sub/bad.pdf", "稿件/sub/good.docx"]
    assert isinstance(results["稿件/bad.txt"], UnsupportedFormat)
    assert isinstance(results["稿件/sub/bad.pdf"], CorruptFile)
    assert [(a.title, a.text) for a in results["稿件/good.txt"] + results["稿件/sub/good.docx"]] == [(TITLE, TEXT)] * 2
    with pytest.raises(UnsupportedFormat):
        load_path(folder)


def test_empty_folder_raises_empty_text(tmp_path: Path) -> None:
    with pytest.raises(EmptyText):
        load_path(tmp_path)


def test_explicit_unsupported_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "slides.pptx").write_bytes(b"PK")
    [(_, error)] = list(iter_path(tmp_path / "slides.pptx"))
    assert isinstance(error, UnsupportedFormat)


MIXED_TEXT = st.text(
    alphabet=st.one_of(st.characters(codec="utf-8"), st.sampled_from(list("产业工人原标题 \t\n\r\u3000“”。，%0123456789#<>-:"))),
    max_size=300,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MIXED_TEXT, st.sampled_from(["x.txt", "x.md", "x.html", "x.csv", "x.jsonl"]))
def test_arbitrary_text_only_raises_analysis_errors(text: str, filename: str) -> None:
    try:
        articles = load_bytes(text.encode("utf-8"), filename)
    except AnalysisError:
        return
    for article in articles:
        assert article.text and article.text == article.text.strip()
        if article.presegmented:
            assert all(article.text[s:e].strip() for s, e in article.token_spans)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_only_raise_analysis_errors(data: bytes) -> None:
    for name in ("x.txt", "x.csv", "x.jsonl", "x.html", "x.zip", "x.docx"):
        try:
            load_bytes(data, name)
        except AnalysisError:
            pass


def test_docx_title_from_core_properties_and_tables_in_reading_order() -> None:
    document = docx.Document()
    document.core_properties.title = TITLE
    document.add_paragraph(TITLE)  # the title repeated as the first line is not body text
    document.add_paragraph(PARAGRAPHS[0])
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "项目数", "18个"
    document.add_paragraph(PARAGRAPHS[1])
    buffer = io.BytesIO()
    document.save(buffer)
    [article] = load_bytes(buffer.getvalue(), "t.docx")
    assert (article.title, article.text) == (TITLE, "\n".join([PARAGRAPHS[0], "项目数", "18个", PARAGRAPHS[1]]))


def test_html_without_h1_takes_title_element_and_time_tag() -> None:
    page = (f"<html><head><title>{TITLE}</title></head><body><time datetime='2025-11-20T08:00'>今天</time>"
            f"<div>{PARAGRAPHS[0]}<br>{PARAGRAPHS[1]}</div></body></html>")
    [article] = load_bytes(page.encode("utf-8"), "t.html")
    assert (article.title, article.date) == (TITLE, DATE)
    assert article.text == "\n".join(["今天", PARAGRAPHS[0], PARAGRAPHS[1]])


def test_markdown_front_matter_gives_title_and_date() -> None:
    page = f"---\ntitle: {TITLE}\ndate: 2025年11月20日\n---\n\n" + "\n\n".join(PARAGRAPHS)
    [article] = load_bytes(page.encode("utf-8"), "t.md")
    assert (article.title, article.text, article.date) == (TITLE, TEXT, DATE)


def test_original_title_in_plain_text_goes_to_subtitle() -> None:
    page = f"{TITLE}（原标题：技能运动会开幕）\n" + "\n".join(PARAGRAPHS)
    [article] = load_bytes(page.encode("utf-8"), "t.txt")
    assert (article.title, article.subtitle, article.text) == (TITLE, "原标题：技能运动会开幕", TEXT)


def test_long_first_line_is_not_a_title() -> None:
    [article] = load_bytes("\n".join(PARAGRAPHS).encode("utf-8"), "t.txt")
    assert (article.title, article.text) == ("", TEXT)


def test_zip_member_names_in_gbk_from_chinese_windows() -> None:
    data = _zip_of({"QQQQ.txt": make_txt("utf-8")})
    data = data.replace(b"QQQQ.txt", "新闻.txt".encode("gbk"))  # no UTF-8 flag, as Windows' built-in zip writes
    [article] = load_bytes(data, "win.zip")
    assert (article.source, article.title) == ("win.zip/新闻.txt", TITLE)


NEWS_PAGE = (
    f"{TITLE}\n——全市二十万职工同台比武\n本报记者 王晓\n《工人日报》（2025年11月21日第 08 版）\n{TEXT}\n责编：李明\n"
)


def test_news_layout_fills_date_and_subtitle_when_metadata_has_none() -> None:
    [article] = load_bytes(NEWS_PAGE.encode("utf-8"), "news.txt")
    assert article.title == TITLE and article.date == "2025-11-21"
    assert "全市二十万职工同台比武" in article.subtitle
    assert PARAGRAPHS[1] in article.text


def test_metadata_date_wins_over_layout_date() -> None:
    record = {"标题": TITLE, "正文": NEWS_PAGE.split("\n", 1)[1], "日期": "2025-11-20"}
    [article] = load_bytes(json.dumps(record, ensure_ascii=False).encode("utf-8"), "news.jsonl")
    assert (article.title, article.date) == (TITLE, DATE)


def test_size_limits_guard_archives_and_office_files(monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis import formats, loaders

    bomb = _zip_of({"big.txt": b"a" * 50_000})  # compresses to ~100 bytes
    monkeypatch.setattr(loaders, "MAX_INPUT_BYTES", 10_000)
    with pytest.raises(TooLarge):
        load_bytes(bomb, "bomb.zip")
    monkeypatch.setattr(formats, "MAX_UNPACKED_BYTES", 1_000)
    with pytest.raises(TooLarge):
        load_bytes(make_docx(), "a.docx")


def test_html_source_newlines_never_merge_paragraphs() -> None:
    page = "<html><body><h1>标题</h1><p>第一段。\n</p>\n<p>\n第二段\n继续。</p><div>Word\nwrap</div></body></html>"
    [article] = load_bytes(page.encode("utf-8"), "t.html")
    assert article.text == "第一段。\n第二段继续。\nWord wrap"
