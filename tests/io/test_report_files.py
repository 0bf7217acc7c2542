"""Word, PDF and text report files: numbering, tables, headers, and hostile or damaged files."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from pypdf import PdfWriter

from tracker.io.report import ReportError, parse_report
from tracker.io.report.files import explain_refusal, read_report_file, report_text
from tracker.io.report.pdf import drop_running_lines, unwrap_pdf_lines
from tracker.io.report.summary import draft_json

DOCUMENTS = Path(__file__).resolve().parents[1] / "data" / "documents"
FILES = sorted([*DOCUMENTS.glob("*.docx"), *DOCUMENTS.glob("*.pdf")])


def test_there_are_word_and_pdf_reports():
    assert len([p for p in FILES if p.suffix == ".docx"]) >= 3
    assert len([p for p in FILES if p.suffix == ".pdf"]) >= 2


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_document_gives_its_expected_plan(path: Path):
    expected = json.loads(path.with_name(path.name + ".json").read_text(encoding="utf-8"))
    source = read_report_file(path)
    if "refused" in expected:
        with pytest.raises(ReportError) as refused:
            parse_report(source.text, hard_wrapped=source.hard_wrapped)
        assert str(refused.value) == expected["refused"]
        return
    assert draft_json(parse_report(source.text, hard_wrapped=source.hard_wrapped,
                                   furniture=source.furniture, headings=source.headings)) == expected


def test_word_automatic_numbering_is_rendered_as_text():
    text = read_report_file(DOCUMENTS / "numbered.docx").text
    assert "一、强化知识产权保护" in text.splitlines()
    assert "（三）建设知识产权保护工作站5家，年底前投入运行。" in text.splitlines()
    assert "三、加强知识产权服务" in text.splitlines()  # counters run on across the list


def test_word_heading_styles_are_outline_levels():
    """Heading 1 / Heading 2 (or a style named 标题 2) mark headings that carry no number."""
    source = read_report_file(DOCUMENTS / "heading_styles.docx")
    lines = source.text.splitlines()
    assert {lines[n]: level for n, level in source.headings.items()} == {
        "2023年市民政局工作要点": 1, "兜牢基本民生保障底线": 2, "提升养老服务水平": 2, "加强基层社会治理": 2}
    document = docx.Document()
    named = document.styles.add_style("我的标题", WD_STYLE_TYPE.PARAGRAPH)
    named.element.find(qn("w:name")).set(qn("w:val"), "标题 2")
    document.add_paragraph("2023年工作要点")
    document.add_paragraph("加强基层社会治理", style=named)
    document.add_paragraph("完成村（居）民委员会换届选举。")
    buffer = io.BytesIO()
    document.save(buffer)
    source = report_text("a.docx", buffer.getvalue())
    assert dict(source.headings) == {1: 2}


def test_word_header_and_footer_are_not_report_text():
    text = read_report_file(DOCUMENTS / "review.docx").text
    assert "某区发展和改革局文件" not in text and "内部资料" not in text


def test_word_headers_and_footers_are_listed_once_as_skipped_noise():
    """Two sections' headers of the same words are one entry; a footer's page number is none;
    a first page's own header is one (it is shown only because the section says so)."""
    source = read_report_file(DOCUMENTS / "letterhead.docx")
    assert source.furniture == ("某市生态环境局文件 第1期", "某市生态环境局文件",
                                "某市生态环境局办公室 2022年2月10日印发")
    assert not any(line in source.text for line in source.furniture)
    draft = parse_report(source.text, hard_wrapped=source.hard_wrapped, furniture=source.furniture)
    assert [s.text for s in draft.skipped if s.reason.value == "noise"] == list(source.furniture)


def test_a_first_page_header_word_does_not_show_is_not_listed():
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "某县水利局文件"
    section.first_page_header.paragraphs[0].text = "草稿"  # defined, but titlePg is off
    section.different_first_page_header_footer = False
    document.add_paragraph("某县水利局2024年工作要点")
    buffer = io.BytesIO()
    document.save(buffer)
    assert report_text("a.docx", buffer.getvalue()).furniture == ("某县水利局文件",)


def test_a_task_table_with_merged_category_cells_gives_areas():
    source = read_report_file(DOCUMENTS / "table.docx")
    draft = parse_report(source.text)
    assert [a.title for a in draft.areas] == ["产业发展", "民生保障"]
    item = draft.areas[0].children[0]
    assert (item.lead_dept, item.co_depts, item.due.isoformat()) == ("县发改局", ["县自然资源局", "县工信局"],
                                                                    "2024-09-30")


def test_running_headers_and_page_numbers_leave_pdf_text():
    body = ["加强组织领导。", "完善工作机制。", "落实经费保障。", "强化督促检查。", "做好宣传引导。",
            "健全考核办法。", "推进信息公开。", "抓好队伍建设。"]
    pages = [["某县水利局文件", body[2 * n], body[2 * n + 1], f"- {n + 1} -"] for n in range(4)]
    assert drop_running_lines(pages) == body


def test_pdf_lines_cut_at_the_page_width_are_joined():
    full = "这是一段很长的正文，它在页面宽度处被截断了，后面的文字在下一行继续写下去直到这个句子"
    lines = [full, "结束。", "（二）下一项工作。", full[:30] + "。", "短行", full, "完。"]
    assert unwrap_pdf_lines(lines)[0] == full + "结束。"


def test_a_refused_notice_is_named_by_its_title_alone():
    """table.pdf's tasks cannot be read; the refusal quotes the notice's title, not the title
    with the salutation below it glued on (the PDF's lines there are no wider than its cells)."""
    source = read_report_file(DOCUMENTS / "table.pdf")
    with pytest.raises(ReportError) as refused:
        parse_report(source.text, hard_wrapped=source.hard_wrapped)
    assert "（标题“关于印发某县2024年重点工作任务分解表的通知”）" in str(refused.value)


def test_a_pdf_title_line_is_not_joined_to_the_line_below():
    cells = ["产业发展 1 推进经济开", "发区扩区调", "规，新增工", "业用地", "县发改局 县自然资源",
             "局、县工信"]
    lines = ["关于印发某县2024年重点工作任务分解表的通知", "局机关各科室：", *cells]
    assert unwrap_pdf_lines(lines)[:2] == lines[:2]


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "data", "message"), [
    ("bomb.docx", _zip({"word/document.xml": b"<a>" + b"0" * 30_000_000 + b"</a>"}), "压缩炸弹"),
    ("cut.docx", (DOCUMENTS / "numbered.docx").read_bytes()[:3000], "已损坏"),
    ("empty.docx", _zip({"hello.txt": b"hi"}), "不是 Word 文档"),
    ("bad.docx", _zip({"word/document.xml": b"<w:document", "[Content_Types].xml": b"<x/>"}), "已损坏"),
    ("cut.pdf", (DOCUMENTS / "numbered.pdf").read_bytes()[:2000], "PDF"),
    ("fake.pdf", b"hello, not a pdf", "不是 PDF"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "另存为 .docx"),
])
def test_damaged_or_hostile_files_get_one_clear_line(name: str, data: bytes, message: str):
    with pytest.raises(ReportError, match=message) as refused:
        report_text(name, data)
    assert "\n" not in str(refused.value)


def _pdf(encrypt: bool = False) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if encrypt:
        writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_without_text_is_called_a_scan():
    with pytest.raises(ReportError, match="扫描件"):
        report_text("scan.pdf", _pdf())


def test_a_password_protected_pdf_is_refused():
    with pytest.raises(ReportError, match="密码"):
        report_text("locked.pdf", _pdf(encrypt=True))


def test_a_docx_renamed_txt_is_still_read_as_word_by_its_content(tmp_path: Path):
    # a .txt that is really a zip is refused as binary text, not misread
    with pytest.raises(ReportError, match="不是文本文件"):
        report_text("report.txt", (DOCUMENTS / "numbered.docx").read_bytes())
    assert report_text("report", (DOCUMENTS / "numbered.docx").read_bytes()).kind == "docx"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
def test_text_files_in_the_encodings_offices_use(encoding: str):
    text = "某局2024年工作要点\n一、加强管理\n（一）完善制度，6月底前出台。\n（二）落实责任。\n"
    source = report_text("r.txt", text.encode(encoding))
    assert parse_report(source.text).areas[0].children[0].title == "完善制度，6月底前出台"


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(21 * 1024 * 1024)
    with pytest.raises(ReportError, match="文件过大"):
        read_report_file(big)


def test_running_lines_are_told_by_position_and_text_and_listed_as_skipped():
    """Each page of running.pdf ends with an item's wrapped tail ("年度目标。完成时限：2021年6月底。"),
    alike but for its numbers: it stays text; the header and footer leave and are listed."""
    source = read_report_file(DOCUMENTS / "running.pdf")
    assert source.furniture == ("某某县住房和城乡建设局文件", "某某县住房和城乡建设局办公室2021年3月印发")
    draft = parse_report(source.text, hard_wrapped=source.hard_wrapped, furniture=source.furniture)
    noise = [s.text for s in draft.skipped if s.reason.value == "noise"]
    assert noise == list(source.furniture)
    assert draft.areas[0].children[2].due.isoformat() == "2021-06-30"


def test_a_page_number_inside_a_running_line_may_change():
    pages = [["某县水利局", "正文第一句。", f"第{n + 1}项工作", f"某县水利局 第 {n + 1} 页 共 4 页"]
             for n in range(4)]
    body = [line for n in range(4) for line in ("正文第一句。", f"第{n + 1}项工作")]
    assert drop_running_lines(pages) == body


def test_a_pdf_task_table_that_cannot_be_read_is_named_in_the_refusal():
    """categories.pdf draws its table cell by cell: the refusal names the table and the .docx."""
    source = read_report_file(DOCUMENTS / "categories.pdf")
    with pytest.raises(ReportError) as refused:
        parse_report(source.text, hard_wrapped=source.hard_wrapped)
    message = str(explain_refusal(source, refused.value))
    assert message.startswith("PDF 中有一张任务表（表头：序号 项目名称 建设内容 牵头单位 配合单位 完成时间）")
    assert "Word（.docx）原件" in message
    assert explain_refusal(read_report_file(DOCUMENTS / "numbered.pdf"), refused.value) is refused.value


@pytest.mark.parametrize(("even_pages", "listed"), [
    (True, ("奇数页眉", "偶数页眉", "页脚")), (False, ("奇数页眉", "页脚"))])
def test_an_even_page_header_is_listed_when_the_document_shows_it(even_pages: bool, listed: tuple[str, ...]):
    document = docx.Document()
    document.settings.odd_and_even_pages_header_footer = even_pages
    section = document.sections[0]
    section.header.paragraphs[0].text = "奇数页眉"
    section.even_page_header.paragraphs[0].text = "偶数页眉"
    section.footer.paragraphs[0].text = "页脚"
    document.add_paragraph("某县水利局2024年工作要点")
    buffer = io.BytesIO()
    document.save(buffer)
    assert report_text("a.docx", buffer.getvalue()).furniture == listed
