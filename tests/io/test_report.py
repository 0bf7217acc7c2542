"""The report importer on the bureau's seed report and on reports of other styles."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.io.report import ReportError, cn_number, cn_numeral, decode_report, parse_report, split_sentence
from tracker.io.report.headings import goal_year

REPORTS = Path(__file__).parent / "reports"
CORPUS = Path(__file__).resolve().parents[1] / "data" / "reports"
SEED = Path(__file__).resolve().parents[2] / "resources" / "reports" / "xiaogan-keji-2017.txt"


def parse_file(path: Path):
    return parse_report(decode_report(path.read_bytes()))


def outline(draft) -> list[tuple[str, list[str]]]:
    return [(a.title, [t.title for t in a.children]) for a in draft.areas]


def test_seed_gives_the_2018_goals_four_areas_ten_items():
    draft = parse_file(SEED)
    assert draft.year == 2018
    assert draft.title == "2018年工作目标和重点"
    assert [a.title for a in draft.areas] == [
        "推进法治队伍建设", "强化法制学习培训", "强化规范公正文明执法", "加强行政执法监督",
    ]
    assert [len(a.children) for a in draft.areas] == [3, 3, 2, 2]


def test_seed_items_split_into_first_sentence_and_rest():
    area3 = parse_file(SEED).areas[2]
    first = area3.children[0]
    assert first.title == "继续突出重点领域开展专项检查"
    assert first.detail.startswith("结合前期工作经验")
    assert first.detail.endswith("并组织开展专项行动。")
    assert first.source_excerpt.startswith("一是继续突出重点领域开展专项检查。")


def test_seed_review_section_and_problems_are_not_goals():
    titles = [t.title for a in parse_file(SEED).areas for t in a.children]
    assert not any("健全依法行政工作机构" in t for t in titles)  # 2017 review
    assert not any("程序意识不强" in t for t in titles)  # 存在问题


def test_seed_trailing_source_and_pasted_fragments_are_dropped():
    draft = parse_file(SEED)
    last = draft.areas[-1].children[-1]
    assert last.title.endswith("建立规范、阳光、透明的科技管理部门")
    assert last.detail == ""
    everything = str(draft.areas)
    for fragment in ("孝感市政府法制办", "荆门市国税局", "青山区", "黄冈市"):
        assert fragment not in everything


def test_seed_intro_paragraph_is_kept_apart():
    assert parse_file(SEED).intro.startswith("继续加强对依法行政工作领导")


def test_parenthesised_heading_with_numbered_items_on_lines():
    draft = parse_file(REPORTS / "style_a_paren_heading_numbered_lines.txt")
    assert draft.year == 2019
    assert outline(draft) == [
        ("持续深化商事制度改革", ["推行企业登记全程电子化", "开展“证照分离”改革全覆盖试点",
                                 "完善企业信用信息公示系统，加强部门信息共享"]),
        ("守牢安全底线", ["实施食品安全放心工程，完成年度抽检任务8000批次",
                          "加强特种设备安全监察，开展隐患排查专项行动"]),
        ("加强干部队伍建设", ["组织全员业务培训不少于两次", "落实党风廉政建设责任制"]),
    ]
    assert draft.areas[0].children[0].detail == "年底前电子化登记率达到80%以上。"


def test_next_year_heading_takes_the_report_year_plus_one_and_semicolon_items():
    draft = parse_file(REPORTS / "style_b_semicolons.txt")
    assert draft.year == 2021
    assert outline(draft)[2] == ("加强普法宣传", ["落实“谁执法谁普法”责任制", "开展宪法宣传周活动"])
    assert draft.item_count == 8
    assert "本报告所列数据" not in str(draft.areas)


def test_part_headings_end_at_the_next_part():
    draft = parse_file(REPORTS / "style_c_part_headings.txt")
    assert draft.year == 2021
    assert [a.title for a in draft.areas] == ["推进教育均衡发展", "加强教师队伍建设", "提升教育治理能力"]
    assert draft.item_count == 7
    assert "落实经费保障" not in str(draft.areas)  # 第三部分 保障措施


@pytest.mark.parametrize(("text", "heading"), [
    ("某局2021年工作计划\n一、2020年工作回顾\n全年完成投资。\n二、2021年主要工作\n（一）深化改革\n"
     "1.推进企业开办便利化。\n（二）加强监管\n1.开展专项行动。\n", "二、2021年主要工作"),
    ("某局2020年工作要点\n\n主要任务\n一、深化改革\n1.推进企业开办便利化。\n2.推行登记规范化。\n"
     "二、加强监管\n1.开展专项行动。\n2.查处违法广告。\n", "主要任务"),
], ids=["numbered-goals-part", "plain-tasks-heading"])
def test_the_heading_over_a_whole_plans_areas_is_listed_as_skipped(text: str, heading: str):
    """The heading naming the plan part is no item and not the plan's title: the preview lists it."""
    draft = parse_report(text)
    assert draft.title != heading and heading not in [a.title for a in draft.areas]
    assert [(s.text, s.reason.value) for s in draft.skipped if s.text == heading] == [(heading, "heading")]


def test_capital_numeral_parts_roc_year_and_expected_benefits_closing():
    """壹/貳/參 number the parts of a Taiwan 施政計畫; 一一〇年度 is 2021; 參、預期效益 ends the
    plan instead of running into the last item."""
    draft = parse_file(CORPUS / "50_traditional_capital_parts.txt")
    assert (draft.year, draft.year_unsure) == (2021, False)
    assert outline(draft) == [
        ("推動產業園區開發", ["加速精密機械園區第三期開發，預計於一一〇年十二月底前完成公共工程",
                              "辦理產業園區土地標售作業"]),
        ("協助中小企業發展", ["辦理中小企業融資貸款利息補貼",
                              "推動中小企業數位轉型輔導計畫，輔導廠商一百家"]),
        ("活絡傳統市場", ["辦理傳統市場環境改善工程五處", "推動市場攤商行動支付"]),
    ]
    assert draft.areas[0].children[0].due.isoformat() == "2021-12-31"
    assert all(item.detail == "" for area in draft.areas for item in area.children)
    assert [(s.text, s.reason.value) for s in draft.skipped] == [
        ("壹、施政目標", "preamble"), ("推動產業升級轉型，強化投資環境，促進經濟穩定成長。", "preamble"),
        ("貳、年度重點工作", "heading"), ("參、預期效益", "closing"),
        ("提升本市產業競爭力，創造就業機會三千個。", "closing")]


def test_plain_heading_items_across_lines_and_link_fragments():
    draft = parse_file(REPORTS / "style_d_plain_heading_fragments.txt")
    assert draft.year == 2022
    area1 = draft.areas[0]
    assert area1.children[1].title == "启动大型灌区续建配套与节水改造项目，年内完成投资8000万元"
    assert [len(a.children) for a in draft.areas] == [2, 2, 3]
    text = str(draft.areas)
    assert "供稿" not in text and "工作部署会" not in text and "冬修" not in text


def test_gbk_file_with_crlf_circled_items_and_no_year_in_heading():
    raw = (REPORTS / "style_e_gbk_crlf_circled.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    draft = parse_report(decode_report(raw))
    assert draft.year == 2023  # 下一步 after a 2022 report
    assert outline(draft) == [
        ("抓好社区治理", ["完善网格化管理，实现网格员全覆盖", "推进社区服务中心标准化建设"]),
        ("抓好民生保障", ["落实低保动态管理", "做好就业帮扶，新增就业岗位300个"]),
    ]


def test_year_option_overrides_the_heading():
    assert parse_report(SEED.read_text(encoding="utf-8"), year=2030).year == 2030


def test_words_like_tongyi_are_not_item_markers():
    text = "三、2019年工作目标\n1、统一思想。一是统一是前提，要统一认识。二是加强学习。"
    items = parse_report(text).areas[0].children
    assert [t.title for t in items] == ["统一是前提，要统一认识", "加强学习"]


def test_control_characters_are_dropped():
    text = "三、2019年工作目标\n1、加强\x00建设。一是完善\x07制度。二是落实\u202e责任。"
    draft = parse_report(text)
    assert [t.title for t in draft.areas[0].children] == ["完善制度", "落实责任"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "为空"),
        ("   \n\n  ", "为空"),
        ("一、2017年工作情况\n1、做了很多工作。一是甲。二是乙。", "没有找到"),
        ("三、2019年工作目标\n四、其他事项\n1、甲。一是乙。二是丙。", "没有找到编号的工作事项"),
    ],
)
def test_texts_without_goals_give_a_clear_error(text, message):
    with pytest.raises(ReportError, match=message):
        parse_report(text)


def test_binary_file_is_refused():
    with pytest.raises(ReportError, match="不是文本文件"):
        decode_report(b"PK\x03\x04\x00\x00binary")


def test_chinese_numbers_round_trip():
    for n in range(1, 100):
        assert cn_number(cn_numeral(n)) == n


def test_split_sentence():
    assert split_sentence("一句话。后面的内容。") == ("一句话", "后面的内容。")
    assert split_sentence("没有句号") == ("没有句号", "")


def test_a_flat_numbered_list_becomes_the_items_of_one_area():
    text = "2023年工作总结\n二、2024年工作打算\n1、加强项目建设，确保按期开工。\n2、加强监管执法。\n"
    draft = parse_report(text)
    assert draft.year == 2024
    assert outline(draft) == [("2024年工作打算", ["加强项目建设，确保按期开工", "加强监管执法"])]


def test_an_area_without_items_is_its_own_single_item():
    text = ("三、2024年工作目标\n1、抓好队伍建设。一是招录人员。二是开展培训。\n"
            "2、加强党风廉政建设。\n")
    draft = parse_report(text)
    assert outline(draft) == [("抓好队伍建设", ["招录人员", "开展培训"]),
                              ("加强党风廉政建设", ["加强党风廉政建设"])]


def test_a_semicolon_area_takes_the_words_before_the_comma_as_its_title():
    text = "三、2024年工作目标\n1、强化安全监管，开展隐患排查；加强执法检查；完善应急预案。\n"
    assert outline(parse_report(text)) == [
        ("强化安全监管", ["开展隐患排查", "加强执法检查", "完善应急预案"])]


def test_utf16_report_from_notepad_is_read():
    raw = SEED.read_text(encoding="utf-8").encode("utf-16")
    assert parse_report(decode_report(raw)).item_count == 10


@pytest.mark.parametrize("year", [0, -5, 1, 99999])
def test_a_year_outside_the_range_is_refused(year):
    with pytest.raises(ReportError, match="1900–2999"):
        parse_report(SEED.read_text(encoding="utf-8"), year=year)


def test_a_title_is_not_cut_inside_a_web_address_or_a_latin_colon():
    assert split_sentence('=HYPERLINK("http://x")压缩企业开办时间。全面推行') == (
        '=HYPERLINK("http://x")压缩企业开办时间', "全面推行")
    assert split_sentence("登录www.gov.cn/a?b=1;c=2办理；另行通知") == (
        "登录www.gov.cn/a?b=1;c=2办理", "另行通知")
    assert split_sentence("按ISO 9001:2015认证：年内完成") == ("按ISO 9001:2015认证", "年内完成")
    assert split_sentence("访问www.gov.cn?再办理") == ("访问www.gov.cn", "再办理")  # a mark after the address


def test_a_refused_notice_quotes_its_whole_title():
    title = "关于印发某某市市场监督管理局2024年度法治政府建设工作要点和重点工作任务分解方案的通知"
    text = (f"{title}\n局机关各科室：\n现将有关方案印发给你们，请认真贯彻执行。\n"
            "某某市市场监督管理局\n2024年2月1日\n")
    with pytest.raises(ReportError) as refused:
        parse_report(text)
    assert f"（标题“{title}”）" in str(refused.value)


def test_an_area_heading_using_zhongdian_is_not_the_plan_of_a_notice():
    """"扎实做好重点群体就业" is a task heading, not a goals part: every area is kept, and
    the year is the notice's own, not the year after it."""
    draft = parse_report("某某局2021年工作通知\n一、全力稳定就业局势\n（一）全年城镇新增就业4.5万人。\n"
                         "二、扎实做好重点群体就业\n（二）开展职业技能培训3万人次。\n"
                         "请各单位于每季度结束后5日内将工作进展情况报送市局。\n")
    assert draft.year == 2021
    assert outline(draft) == [("全力稳定就业局势", ["全年城镇新增就业4.5万人"]),
                              ("扎实做好重点群体就业", ["开展职业技能培训3万人次"])]
    assert draft.areas[1].children[0].detail == ""


@pytest.mark.parametrize(("words", "year"), [
    ("2021年主要工作", 2021), ("2021年重点工作安排", 2021), ("明年的主要工作", 2021), ("今年的主要工作", 0),
    ("下一步工作计划和建议", 2021), ("2021年工作要点（征求意见稿）", 2021), ("2021年的工作目标任务是", 2021),
    ("扎实做好重点群体就业", None), ("加快重点项目建设", None), ("2020年主要工作", None),
])
def test_a_goals_heading_ends_in_its_goal_words(words: str, year: int | None):
    assert goal_year(words, 2020) == year

def test_bullet_glyphs_take_levels_in_the_order_they_appear():
    """▲ over - and ·: the first glyph heads areas, the next ones are items; "- 3 -" stays a page number."""
    text = ("某局2021年工作要点\n▲ 党建引领\n- 推进红色物业建设。\n- 开展党员进社区活动。\n"
            "▲ 民生服务\n· 新建社区养老服务站2个。\n- 3 -\n")
    draft = parse_report(text)
    assert [(a.title, [i.title for i in a.children]) for a in draft.areas] == [
        ("党建引领", ["推进红色物业建设", "开展党员进社区活动"]), ("民生服务", ["新建社区养老服务站2个"])]
    assert [s.text for s in draft.skipped] == ["- 3 -"]
