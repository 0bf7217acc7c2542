"""The words that tell what a heading or a title is about (simplified and traditional).

Kept in one place so the outline, the plan finder and the refusal message agree on what
"a goals heading" or "a closing part" means.
"""

from __future__ import annotations

import re

# A heading that announces what will be done: 目标 重点 打算 要点 计划 安排 思路 主要工作 …
GOAL = re.compile(
    r"目标|目標|重点|重點|打算|要点|要點|计划|計劃|计画|計畫|安排|思路|设想|設想|举措|舉措|任务|任務|部署|"
    r"谋划|謀劃|措施|主要工作"
)
# A goals heading is named by its goal words: they end it ("2021年重点工作", "明年工作打算",
# "明年，我们将重点做好以下工作"), where a task heading only uses one on the way
# ("扎实做好重点群体就业"). A pair ("工作计划和建议"), 如下/是 and a parenthesis after them
# ("（草案）") do not count.
GOAL_END = re.compile(
    rf"(?:{GOAL.pattern}|(?:重点|重點|主要|年度)工作|(?:以下|如下)[^，,。；;：:]{{0,8}}工作)"
    r"(?:(?:和|及|与|與|以及)[^，,。；;：:和及与與]{1,6})?(?:如下|是|为|為)?(?:[（(][^（()）]{0,12}[）)])?$"
)
# 主要工作 heads what was done as often as what will be: a plan only with a later year,
# 明年/今年 or no year at all in the report to compare with.
DONE_OR_PLANNED = re.compile(r"主要工作")
THIS_YEAR = re.compile(r"今年(?!以来)|本年度")
# A heading about what was done or went wrong.
REVIEW = re.compile(
    r"情况|情況|回顾|回顧|总结|總結|成效|成绩|成績|问题|問題|不足|困难|困難|做法|经验|經驗|进展|進展|"
    r"亮点|亮點|工作开展|工作開展|取得"
)
# "Next year" without a number.
NEXT_YEAR = re.compile(r"明年|下一年|下年度|下一步|下步|来年|來年|新的一年|今后|今後|下阶段|下階段|下一阶段")
# A whole document that is a plan, from its title.
PLAN_TITLE = re.compile(
    r"要点|要點|工作计划|工作計劃|计划|計劃|計畫|工作安排|安排|思路|方案|任务分解|任務分解|任务清单|任務清單|"
    r"责任分工|責任分工|分工|重点工作|重點工作|工作打算|工作任务|工作任務|台账|臺賬|行动|行動"
)
REVIEW_TITLE = re.compile(
    r"总结|總結|情况的?报告|情況的?報告|情况汇报|情況匯報|回顾|回顧|述职|述職|工作报告|工作報告|年度报告|年度報告|"
    r"自查报告|自查報告|报告$|報告$|讲话$|講話$"
)
NOTICE_TITLE = re.compile(r"通知|印发|印發|的函$")
# Not plans at all: these must be refused, not mined for headings.
NOT_PLAN = re.compile(r"信息公开|信息公開|政务公开工作年度报告|统计公报|統計公報|决算|決算|预算|預算")
# Parts before the tasks of a plan.
PREAMBLE = re.compile(
    r"^(?:[一二三四五六七八九十\d、.．（）()\s]*)"
    r"(?:指导思想|指導思想|总体要求|總體要求|总体思路|總體思路|基本原则|基本原則|工作原则|工作原則|"
    r"总体目标|總體目標|主要目标|主要目標|预期目标|預期目標|发展目标|發展目標|工作目标|工作目標|"
    r"主要预期目标|主要預期目標|目标要求|目標要求|基本思路|形势分析|形勢分析|面临形势|面臨形勢|"
    r"编制依据|編制依據|适用范围|適用範圍|背景|施政目标|施政目標|年度目标|年度目標)"
)
# Parts after the tasks of a plan.
CLOSING = re.compile(
    r"(?:保障措施|保障机制|保障機制|工作要求|组织保障|組織保障|组织领导|組織領導|组织实施|組織實施|工作保障|"
    r"有关要求|有關要求|实施步骤|實施步驟|工作步骤|工作步驟|进度安排|進度安排|附则|附則|其他事项|其他事項|"
    r"监督考核|監督考核|考核评估|考核評估|督查考核|督查考核|相关要求|相關要求|保障条件|保障條件|"
    r"落实要求|落實要求|有关事项|有關事項|其他要求|资金保障|資金保障|预期效益|預期效益|预期效果|預期效果|"
    r"预期成效|預期成效)"
)
# A heading that holds the tasks of a whole-document plan.
CONTAINER = re.compile(
    r"^(?:\d{4}年)?(?:重点|重點|主要|具体|具體|年度)?(?:工作)?(?:任务|任務|工作|举措|舉措|措施)"
    r"(?:和|及|与|與)?(?:分工|措施|举措|舉措|安排|重点|重點)?$"
)
