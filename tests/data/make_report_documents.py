"""Build the Word and PDF reports of the corpus (committed; CI has no LibreOffice).

    .venv/bin/python tests/data/make_report_documents.py        # .docx only
    .venv/bin/python tests/data/make_report_documents.py --pdf  # also the PDFs (needs soffice)
    .venv/bin/python tests/data/make_report_documents.py --pdf quotes  # one of them

numbered.docx uses Word's automatic numbering: real numbering.xml list definitions
(一、 / （一） / 1.) referenced from the paragraphs, no number typed in the text.
table.docx is a 任务分解 notice whose tasks are a table with merged group rows and a
vertically merged 类别 column; its PDF is a notice refused (LibreOffice draws the table
cell by cell, a few characters a line, which no reader can put back into rows).
quotes.pdf draws its curly quotes apart from the Chinese text, as LibreOffice does;
group_headings.docx has bold unnumbered area headings over Word's running "List Number"
items. heading_styles.docx has its areas only in Heading 2 (no numbers), its items plain
paragraphs. review.docx is a review + plan report with a running header and footer and runs
split mid-word, as Word saves after editing. running.pdf has a header and a dated footer on
three pages, each page ending with the wrapped tail of an item. categories.docx is a 民生实事
table whose category rows are merged across the row; its PDF is refused, naming the table.
letterhead.docx has two sections, each with its own header of the same words, a footer of
two lines (the issuing office, then the page number) and a first page with a header of its own.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

OUT = Path(__file__).parent / "documents"

NUMBERING = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>
    <w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>
    <w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/>
    <w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>"""


def _font(document: docx.Document) -> None:
    style = document.styles["Normal"]
    style.font.name = "Noto Serif CJK SC"
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")


def _numbered(document: docx.Document, text: str, level: int) -> None:
    p = document.add_paragraph(text)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))


def numbered() -> docx.Document:
    document = docx.Document()
    _font(document)
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstract = parse_xml(NUMBERING)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    document.add_heading("某市知识产权局2024年工作要点", level=1)
    document.add_paragraph("2024年全市知识产权工作要坚持严保护、大保护、快保护、同保护，着力提升知识产权创造、运用、"
                           "保护、管理和服务水平。")
    plan = [
        ("强化知识产权保护", [
            "完善行政执法与司法保护衔接机制，6月底前出台衔接工作办法。",
            "开展“蓝天”专项整治行动，严厉打击非正常专利申请。",
            "建设知识产权保护工作站5家，年底前投入运行。",
        ]),
        ("促进知识产权运用", [
            "实施专利转化专项计划，第三季度完成首批项目评审。",
            "推进知识产权质押融资，全年融资额达到10亿元。",
        ]),
        ("加强知识产权服务", [
            "建设知识产权公共服务平台。",
            "开展知识产权进企业活动，服务企业不少于200家。",
        ]),
    ]
    for area, items in plan:
        _numbered(document, area, 0)
        for item in items:
            _numbered(document, item, 1)
    document.add_paragraph("某市知识产权局")
    document.add_paragraph("2024年1月12日")
    return document


def _merge_row(row) -> None:
    first = row.cells[0]
    first.merge(row.cells[-1])


def table() -> docx.Document:
    document = docx.Document()
    _font(document)
    document.add_paragraph("关于印发某县2024年重点工作任务分解表的通知")
    document.add_paragraph("各乡镇人民政府，县直各单位：")
    document.add_paragraph("现将《某县2024年重点工作任务分解表》印发给你们，请各牵头单位于每月25日前报送进展情况。")
    document.add_paragraph("某县人民政府办公室")
    document.add_paragraph("2024年2月1日")
    document.add_paragraph("某县2024年重点工作任务分解表")
    rows = [
        ("产业发展", "1", "推进经济开发区扩区调规，新增工业用地1000亩", "县发改局",
         "县自然资源局、县工信局", "2024年9月底前"),
        ("产业发展", "2", "新引进亿元以上项目20个", "县商务局", "各乡镇人民政府", "2024年12月底"),
        ("民生保障", "3", "新建农村公路80公里", "县交通运输局", "县财政局", "2024年10月底前"),
        ("民生保障", "4", "完成城区学校扩容工程，新增学位1500个", "县教育局", "县住建局", "2024年8月31日前"),
        ("民生保障", "5", "实施农村供水保障工程，解决2万人饮水安全问题", "县水利局", "", "2024年第三季度"),
    ]
    t = document.add_table(rows=1, cols=6)
    t.style = "Table Grid"
    for cell, name in zip(t.rows[0].cells, ("类别", "序号", "工作任务", "牵头单位", "配合单位", "完成时限"),
                          strict=True):
        cell.text = name
    start = {}
    for category, *values in rows:
        row = t.add_row()
        row.cells[0].text = category if category not in start else ""
        start.setdefault(category, len(t.rows) - 1)
        for cell, value in zip(row.cells[1:], values, strict=True):
            cell.text = value
    for category, first in start.items():  # the 类别 column merged down over its rows
        last = max(i for i, r in enumerate(rows, 1) if r[0] == category)
        t.cell(first, 0).merge(t.cell(last, 0))
        t.cell(first, 0).text = category
    document.add_paragraph("（此件公开发布）")
    return document


def review() -> docx.Document:
    document = docx.Document()
    _font(document)
    section = document.sections[0]
    section.header.paragraphs[0].text = "某区发展和改革局文件"
    section.footer.paragraphs[0].text = "内部资料 注意保存"
    document.add_paragraph("某区发展和改革局2023年工作总结和2024年工作计划")
    document.add_paragraph("一、2023年工作总结")
    document.add_paragraph("2023年，我局紧紧围绕区委、区政府中心工作，全年完成固定资产投资86亿元，同比增长9.5%。"
                           "重大项目建设扎实推进，全年实施重点项目52个。")
    document.add_paragraph("二、存在的问题")
    document.add_paragraph("一是项目储备不足；二是要素保障压力较大。")
    document.add_paragraph("三、2024年工作计划")
    p = document.add_paragraph()
    for piece in ("（一）抓项目", "促投资。一是", "实施重点项目60个，年度投资", "100亿元。二是加强项目储备，"
                  "上半年储备项目不少于80个。"):
        p.add_run(piece)
    document.add_paragraph("（二）优环境、强服务。一是深化投资审批制度改革，9月底前实现投资项目审批全程网办。"
                           "二是落实惠企政策，开展“千企万户大走访”活动。")
    document.add_paragraph("（三）保民生、惠民生。一是推进价格监测预警，保障重要民生商品价格稳定。二是做好粮食安全储备工作。")
    document.add_paragraph("特此报告。")
    return document


def _page_field(paragraph) -> None:
    """"— N —" with Word's PAGE field, as a footer shows the page number."""
    paragraph.add_run("— ")
    run = paragraph.add_run()._r
    for kind in ("begin", None, "end"):
        if kind is None:
            run.append(parse_xml(f'<w:instrText {nsdecls("w")}> PAGE </w:instrText>'))
        else:
            run.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{kind}"/>'))
    paragraph.add_run(" —")


def quotes() -> docx.Document:
    """A 要点 whose tasks quote terms in curly quotes, over three pages with a header and a
    numbered footer: LibreOffice's PDF draws the quotes apart from the Chinese text."""
    document = docx.Document()
    _font(document)
    section = document.sections[0]
    section.header.paragraphs[0].text = "市交通运输局文件"
    _page_field(section.footer.paragraphs[0])
    document.add_paragraph("市交通运输局2022年工作要点")
    document.add_paragraph("2022年全市交通运输工作的总体要求是：坚持稳中求进，加快建设交通强市。"
                           "围绕上述要求，重点抓好以下工作。")
    plan = [
        ("一、加快综合交通基础设施建设", [
            "1．加快高速公路建设。确保沿江高速公路年内建成通车，外环高速公路完成投资30亿元。",
            "2．推进普通国省道改造。新改建农村公路500公里，实施危桥改造20座。"]),
        ("二、提升运输服务水平", [
            "3．推进城乡客运一体化。实现建制村通客车率100%，推广农村客运“预约响应”模式。",
            "4．发展现代物流。培育多式联运示范企业2家。"]),
        ("三、强化行业安全监管", [
            "5．深入开展安全生产专项整治，加强“两客一危”车辆动态监控，坚决遏制较大以上安全事故发生。"]),
    ]
    for n, (area, items) in enumerate(plan):
        heading = document.add_paragraph()
        heading.add_run(area).bold = True
        heading.paragraph_format.page_break_before = n > 0
        for item in items:
            document.add_paragraph(item)
    document.add_paragraph("市交通运输局办公室")
    return document


def categories() -> docx.Document:
    """A 民生实事 table whose category rows are one cell merged across the whole row ("养老服务")
    over the numbered tasks of that category."""
    document = docx.Document()
    _font(document)
    document.add_paragraph("某某市2022年民生实事项目表")
    rows = [
        ("养老服务",),
        ("1", "新建社区养老服务站", "新建社区养老服务站12个", "市民政局", "各区人民政府", "2022年9月"),
        ("2", "开展适老化改造", "完成困难老年人家庭适老化改造500户", "市民政局", "市残联", "2022年11月"),
        ("城市交通",),
        ("3", "打通断头路", "打通城区断头路6条", "市住建局", "市交通运输局、市公安局", "2022年12月"),
    ]
    t = document.add_table(rows=1, cols=6)
    t.style = "Table Grid"
    names = ("序号", "项目名称", "建设内容", "牵头单位", "配合单位", "完成时间")
    for cell, name in zip(t.rows[0].cells, names, strict=True):
        cell.text = name
    for values in rows:
        row = t.add_row()
        if len(values) == 1:  # the category: one cell across the row
            row.cells[0].merge(row.cells[5]).text = values[0]
            continue
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    return document


def running() -> docx.Document:
    """Three pages under a running header and a dated footer; every item wraps, so each page
    ends with the second line of an item ("年度目标。完成时限：2021年6月底。"), which looks
    like the next page's last line but for its numbers."""
    document = docx.Document()
    _font(document)
    section = document.sections[0]
    section.header.paragraphs[0].text = "某某县住房和城乡建设局文件"
    section.footer.paragraphs[0].text = "某某县住房和城乡建设局办公室 2021年3月印发"
    document.add_paragraph("某某县住房和城乡建设局2021年重点工作计划")
    document.add_paragraph("为推进城乡建设高质量发展，结合我县实际，制定本计划。")
    for i, area in enumerate(("城市更新", "市政设施", "园林绿化")):
        heading = document.add_paragraph(f"{'一二三'[i]}、推进{area}工作")
        heading.paragraph_format.page_break_before = i > 0
        for j in range(1, 4):
            document.add_paragraph(f"{j}.实施{area}第{j}项重点任务，完善相关配套设施，加强日常监督管理，"
                                   f"确保按期完成年度目标。完成时限：2021年{3 + 3 * i + j}月底。")
    return document


def group_headings() -> docx.Document:
    """Area headings in bold with no number; the items in Word's "List Number" style, whose
    numbers run on from one area to the next (1, 2 | 3, 4, 5 | 6)."""
    document = docx.Document()
    _font(document)
    document.add_paragraph("市卫生健康委员会2021年工作总结和2022年工作计划")
    document.add_paragraph("一、2021年工作总结")
    document.add_paragraph("全年全市医疗卫生机构总诊疗人次达到1200万，疫情防控取得重大战略成果。")
    document.add_paragraph("二、2022年工作计划")
    plan = [
        ("持续巩固疫情防控成果", ["严格落实“四早”要求，完善多点触发监测预警机制。",
                        "加快推进新冠疫苗加强针接种，60岁以上人群接种率达到90%以上。"]),
        ("深化医药卫生体制改革", ["推进紧密型县域医共体建设，年内实现县域全覆盖。",
                        "深化公立医院薪酬制度改革。"]),
        ("提升基层医疗服务能力", ["完成20个乡镇卫生院提档升级。"]),
    ]
    for area, items in plan:
        document.add_paragraph().add_run(area).bold = True
        for item in items:
            document.add_paragraph(item, style="List Number")
    document.add_paragraph("市卫生健康委员会")
    document.add_paragraph("2021年12月25日")
    return document


def heading_styles() -> docx.Document:
    """The title in Heading 1, the areas in Heading 2 with no number, each item a plain
    paragraph: only Word's heading styles tell the areas from the items."""
    document = docx.Document()
    _font(document)
    document.add_heading("2023年市民政局工作要点", level=1)
    document.add_paragraph("2023年全市民政工作的总体思路是：坚持以人民为中心，兜住民生底线，提升基层治理水平。")
    plan = [
        ("兜牢基本民生保障底线", [
            "提高城乡低保标准，城市低保标准每人每月不低于800元。",
            "完善特困人员供养制度，6月底前完成特困人员认定复核。",
        ]),
        ("提升养老服务水平", [
            "新建社区养老服务中心10个。",
            "推进居家适老化改造，年底前完成500户。",
            "开展养老机构服务质量提升行动。",
        ]),
        ("加强基层社会治理", [
            "完成第十二届村（居）民委员会换届选举。",
        ]),
    ]
    for area, items in plan:
        document.add_heading(area, level=2)
        for item in items:
            document.add_paragraph(item)
    document.add_paragraph("市民政局办公室")
    document.add_paragraph("2023年1月10日")
    return document


def letterhead() -> docx.Document:
    """A 要点 in two sections whose headers say the same, a footer with the issuing office over
    the page number, and a first page of its own: each text is listed once, the number not."""
    document = docx.Document()
    _font(document)
    first = document.sections[0]
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "某市生态环境局文件 第1期"
    first.header.paragraphs[0].text = "某市生态环境局文件"
    first.footer.paragraphs[0].text = "某市生态环境局办公室  2022年2月10日印发"
    _page_field(first.footer.add_paragraph())
    document.add_paragraph("某市生态环境局2022年工作要点")
    document.add_paragraph("2022年全市生态环境工作要以改善生态环境质量为核心，深入打好污染防治攻坚战。")
    document.add_paragraph("一、深入打好蓝天保卫战")
    document.add_paragraph("1.推进钢铁行业超低排放改造，年底前完成3家企业改造。")
    document.add_paragraph("2.开展挥发性有机物综合治理。")
    second = document.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "某市生态环境局文件"
    document.add_paragraph("二、深入打好碧水保卫战")
    document.add_paragraph("1.完成城镇污水处理厂提标改造4座。")
    document.add_paragraph("2.巩固城市黑臭水体治理成效。")
    return document


BUILDERS = (("numbered", numbered), ("table", table), ("review", review), ("quotes", quotes),
            ("group_headings", group_headings), ("running", running), ("categories", categories),
            ("heading_styles", heading_styles), ("letterhead", letterhead))
PDFS = ("numbered", "review", "quotes", "table", "running", "categories")


def main(pdf: bool, only: list[str]) -> None:
    OUT.mkdir(exist_ok=True)
    for name, build in BUILDERS:
        if only and name not in only:
            continue
        path = OUT / f"{name}.docx"
        build().save(path)
        print(path)
    if pdf:
        for name in PDFS:
            if only and name not in only:
                continue
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(OUT),
                            str(OUT / f"{name}.docx")], check=True, capture_output=True, timeout=300)
            print(OUT / f"{name}.pdf")


if __name__ == "__main__":
    main("--pdf" in sys.argv, [a for a in sys.argv[1:] if not a.startswith("--")])
