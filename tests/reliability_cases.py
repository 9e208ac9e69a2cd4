"""Hostile and odd inputs for the reliability tests: each case builds its file's bytes and states the outcome.

An outcome is either the name of the AnalysisError subclass the engine must raise (the CLI prints one `error:`
line, the Corpus page one Chinese sentence), or "ok" with the text the loaded article must contain.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MB = 2**20
TITLE = "西宁市开展冬季职工技能大比武"
BODY = ("本报讯 十一月以来，西宁市总工会联合人社部门举办冬季职工技能大比武，共有86家企业的1200余名职工参赛。\n"
        "比赛设置电工、焊工、数控车工等12个工种，决赛选手中青年职工占比达到六成以上。\n"
        "市总工会负责人表示，将为获奖职工落实技能津贴，并推荐优秀选手参加省级比赛。")
ARTICLE = f"{TITLE}\n\n{BODY}\n"
TRADITIONAL = ("臺北市勞工局舉辦職業訓練成果展\n\n"
               "本報訊 臺北市勞工局今年開辦職業訓練課程三百餘班，結訓學員逾八千人，就業率達百分之七十五。\n"
               "勞工局表示，明年將擴大數位技能課程，協助中高齡勞工轉職。\n")
EMOJI = ("AI 助力 Smart Factory 升级 🚀\n\n"
         "据 Reuters 报道，宁波一家 OEM 工厂引入 AI 质检系统后，良品率提升到 99.2% 👍，"
         "一线 workers 的加班时长减少了三成。😀 工会表示将组织 Python 与数据分析培训。\n")
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
JPEG_HEADER = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xdb\x00C\x00"


@dataclass(frozen=True)
class Case:
    """One input file: name, bytes builder, and the expected outcome ("ok" or an error class name)."""

    id: str
    filename: str
    build: Callable[[], bytes]
    expect: str
    contains: str = ""  # for "ok": a passage the loaded article's title or text must hold
    seconds: float = 30.0  # wall-clock budget of one CLI run or upload on a shared, busy 2-core machine
    xfail: str = ""  # a known engine bug (reported), kept as a strict xfail until it is fixed

    @property
    def outcomes(self) -> tuple[str, ...]:
        """Accepted outcomes: "ok" and/or error class names ("ok|DecodeFailed" accepts either)."""
        return tuple(self.expect.split("|"))


def _random_bytes(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def pdf_bytes(lines: list[str]) -> bytes:
    from fpdf import FPDF

    from analysis.fonts import cjk_font_path

    pdf = FPDF()
    pdf.add_page()
    if lines:
        pdf.add_font("cjk", fname=str(cjk_font_path()))
        pdf.set_font("cjk", size=12)
        for line in lines:
            pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def zip_bytes(members: dict[str, bytes], *, level: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=level) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def csv_bytes(rows: list[list[str]], *, encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def _half(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _nested_html(depth: int) -> bytes:
    inner = f"<p>{BODY.splitlines()[0]}</p>"
    return (f"<html><head><title>{TITLE}</title></head><body>" + "<div>" * depth + inner + "</div>" * depth
            + "</body></html>").encode("utf-8")


def _zip_of_many(n: int) -> bytes:
    return zip_bytes({f"稿件/{i:04d}.txt": f"第{i}号稿件\n\n本报讯 第{i}家企业新增岗位{i}个。\n".encode("utf-8")
                      for i in range(n)})


def _big_file() -> bytes:
    # Just over 50 MB of real text: the size limit must refuse it before any decoding or analysis.
    line = (BODY.replace("\n", "") + "\n").encode("utf-8")
    return line * (50 * MB // len(line) + 1)


PROSE = "职工代表大会是企业实行民主管理的基本形式，工会组织职工依法参与企业的民主决策、民主管理和民主监督，推动构建和谐劳动关系。"


def _one_line(n_bytes: int) -> bytes:
    # Prose without numbers: a number in every sentence would measure the statistics extractor's speed instead.
    sentence = PROSE.encode("utf-8")
    return "职工民主管理调研报告\n".encode("utf-8") + sentence * (n_bytes // len(sentence))


def _mixed_encodings() -> bytes:
    # A file pasted together from a UTF-8 part and a GBK part: the decoder must not guess silently wrong.
    return (TITLE + "\n").encode("utf-8") + BODY.encode("gbk")


def _nul_sprinkled() -> bytes:
    return ARTICLE.encode("utf-8").replace("，".encode("utf-8"), "，".encode("utf-8") + b"\x00")


CASES: tuple[Case, ...] = (
    # empty and white space
    Case("empty_txt", "empty.txt", lambda: b"", "EmptyText"),
    Case("whitespace_txt", "blank.txt", lambda: " \n\t\r\n\u3000\u3000 \n".encode("utf-8"), "EmptyText"),
    Case("whitespace_md", "blank.md", lambda: b"\n\n   \n", "EmptyText"),
    Case("bom_only_txt", "bom.txt", lambda: codecs.BOM_UTF8, "EmptyText"),
    Case("empty_html", "empty.html", lambda: b"<html><head><script>alert(1)</script></head><body> </body></html>",
         "EmptyText"),
    Case("empty_csv_header_only", "header.csv", lambda: "标题,正文\n".encode("utf-8"), "EmptyText"),
    Case("empty_docx", "empty.docx", lambda: docx_bytes([]), "EmptyText"),
    Case("empty_pdf", "empty.pdf", lambda: pdf_bytes([]), "EmptyText"),
    Case("empty_zip", "empty.zip", lambda: zip_bytes({}), "EmptyText"),
    # random bytes and binaries under a text name
    Case("random_txt", "noise.txt", lambda: _random_bytes(4096, 7), "DecodeFailed"),
    Case("random_md", "noise.md", lambda: _random_bytes(20_000, 11), "DecodeFailed"),
    Case("png_as_txt", "photo.txt", lambda: PNG_HEADER + _random_bytes(2000, 3), "UnsupportedFormat"),
    Case("jpeg_as_txt", "photo.txt", lambda: JPEG_HEADER + _random_bytes(2000, 5), "UnsupportedFormat"),
    Case("png_as_csv", "photo.csv", lambda: PNG_HEADER + _random_bytes(500, 9), "UnsupportedFormat"),
    Case("docx_as_txt", "report.txt", lambda: docx_bytes([TITLE, BODY]), "UnsupportedFormat"),
    # corrupt and truncated containers
    Case("corrupt_docx", "broken.docx", lambda: b"PK\x03\x04" + _random_bytes(3000, 13), "CorruptFile"),
    Case("text_as_docx", "notes.docx", lambda: ARTICLE.encode("utf-8"), "CorruptFile"),
    Case("corrupt_xlsx", "broken.xlsx", lambda: _random_bytes(3000, 17), "CorruptFile"),
    Case("corrupt_pdf", "broken.pdf", lambda: b"%PDF-1.4\n" + _random_bytes(3000, 19), "CorruptFile"),
    Case("corrupt_zip", "broken.zip", lambda: b"PK\x03\x04" + _random_bytes(3000, 23), "CorruptFile"),
    Case("truncated_docx", "cut.docx", lambda: _half(docx_bytes([TITLE, BODY])), "CorruptFile"),
    Case("truncated_xlsx", "cut.xlsx", lambda: _half(xlsx_bytes([["标题", "正文"], [TITLE, BODY]])), "CorruptFile"),
    Case("truncated_pdf", "cut.pdf", lambda: _half(pdf_bytes([TITLE, *BODY.splitlines()])), "CorruptFile"),
    Case("truncated_zip", "cut.zip", lambda: _half(zip_bytes({"a.txt": ARTICLE.encode("utf-8") * 50})),
         "CorruptFile"),
    # A download cut inside the last character: the text before it loads, the cut character is dropped.
    Case("truncated_utf8_txt", "cut.txt", lambda: ARTICLE.encode("utf-8")[:-2], "ok",
         contains="推荐优秀选手参加省级比赛"),
    Case("truncated_gbk_txt", "cut_gbk.txt", lambda: ARTICLE.encode("gbk")[:-2], "ok",
         contains="推荐优秀选手参加省级比赛"),
    # NUL bytes, mixed and wide encodings
    Case("nul_byte_txt", "nul.txt", lambda: ARTICLE.encode("utf-8").replace(b"86", b"86\x00", 1), "ok",
         contains="共有86家企业的1200余名职工参赛"),
    Case("nul_bytes_many_txt", "nuls.txt", _nul_sprinkled, "ok", contains="共有86家企业的1200余名职工参赛"),
    Case("all_nul_txt", "zeros.txt", lambda: b"\x00" * 4096, "DecodeFailed"),
    # Decoded line by line (encoding "mixed: utf-8+gb18030"): the UTF-8 title and the GBK body both read right.
    Case("mixed_utf8_gbk_txt", "mixed.txt", _mixed_encodings, "ok", contains=TITLE + "\n本报讯 十一月以来"),
    Case("utf16le_no_bom", "u16le.txt", lambda: ARTICLE.encode("utf-16-le"), "ok", contains=BODY.splitlines()[1]),
    Case("utf16be_no_bom", "u16be.txt", lambda: ARTICLE.encode("utf-16-be"), "ok", contains=BODY.splitlines()[1]),
    Case("utf32le_no_bom", "u32le.txt", lambda: ARTICLE.encode("utf-32-le"), "ok", contains=BODY.splitlines()[1]),
    Case("utf32be_no_bom", "u32be.txt", lambda: ARTICLE.encode("utf-32-be"), "ok", contains=BODY.splitlines()[1]),
    Case("gbk_txt", "gbk.txt", lambda: ARTICLE.encode("gbk"), "ok", contains=BODY.splitlines()[2]),
    Case("gbk_csv", "gbk.csv", lambda: csv_bytes([["标题", "正文"], [TITLE, BODY]], encoding="gbk"), "ok",
         contains="数控车工"),
    # sizes and counts
    Case("one_line_5mb", "long.txt", lambda: _one_line(5 * MB), "ok", contains="民主管理调研报告", seconds=60),
    Case("file_50mb", "huge.txt", _big_file, "TooLarge"),
    Case("zip_3000_files", "many.zip", lambda: _zip_of_many(3000), "TooLarge"),
    Case("nested_html_10000", "deep.html", lambda: _nested_html(10_000), "ok", contains="1200余名职工"),
    # tables without a text column, broken JSON Lines
    Case("csv_no_text_column", "names.csv", lambda: csv_bytes([["姓名", "工种"], ["张伟", "焊工"]]), "MissingColumn"),
    Case("xlsx_no_text_column", "names.xlsx", lambda: xlsx_bytes([["姓名", "工种"], ["张伟", "焊工"]]),
         "MissingColumn"),
    Case("jsonl_broken_line", "feed.jsonl",
         lambda: (json.dumps({"标题": TITLE, "正文": BODY}, ensure_ascii=False) + "\n{\"标题\": \"半截\n").encode(),
         "CorruptFile"),
    Case("jsonl_not_objects", "list.jsonl", lambda: b"[1, 2]\n\"text\"\n", "CorruptFile"),
    Case("jsonl_lone_surrogate", "surrogate.jsonl",
         lambda: ('{"标题": "' + TITLE + '", "正文": "职工\\ud800参赛' + BODY.replace("\n", "") + '"}\n').encode(),
         "ok", contains="1200余名职工参赛"),
    # unknown extensions
    Case("ext_doc", "old.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "UnsupportedFormat"),
    Case("ext_exe", "setup.exe", lambda: b"MZ" + bytes(500), "UnsupportedFormat"),
    Case("ext_none", "README", lambda: ARTICLE.encode("utf-8"), "UnsupportedFormat"),
    Case("zip_only_unsupported", "tools.zip", lambda: zip_bytes({"a.exe": b"MZ", "b.dll": b"MZ"}), "EmptyText"),
    # correct results
    Case("traditional_utf8", "tw.txt", lambda: TRADITIONAL.encode("utf-8"), "ok", contains="結訓學員逾八千人"),
    Case("traditional_big5", "tw_big5.txt", lambda: TRADITIONAL.encode("big5"), "ok", contains="結訓學員逾八千人"),
    Case("chinese_english_emoji", "mixed_emoji.txt", lambda: EMOJI.encode("utf-8"), "ok",
         contains="良品率提升到 99.2% 👍"),
    Case("html_script_dropped", "page.html",
         lambda: f"<html><body><h1>{TITLE}</h1><script>var x='不应出现';</script><p>{BODY}</p></body></html>".encode(),
         "ok", contains="数控车工"),
)
CASES_BY_ID = {case.id: case for case in CASES}


def write_case(case: Case, folder: Path) -> Path:
    """The case's file inside `folder` (its own subfolder, so equal file names never clash)."""
    target = folder / case.id / case.filename
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(case.build())
    return target
