"""How long reading a ~300-page report takes (target: a few seconds at most).

A whole-document plan shaped like a real one, scaled up: a review part, then 30 areas of
一、 headings with （一） items whose paragraphs run on for lines, 1. sub-points, deadlines and
牵头单位 lines, ending in 保障措施 and a signature — about 300 A4 pages (~1,000 characters
each). Prints the median of several runs.

    .venv/bin/python benchmarks/report_import.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import time

from tracker.io.report import parse_report
from tracker.io.report.numerals import cn_numeral

CHARS_PER_PAGE = 1000


def big_report(areas: int = 30, items: int = 26) -> str:
    lines = ["某市2031年工作要点", "", "2031年全市工作的总体要求是：坚持稳中求进，推动高质量发展。" * 3,
             ""]
    lines += ["一、指导思想", "以新发展理念为引领，统筹发展和安全，全面完成年度目标任务。" * 4]
    for a in range(1, areas + 1):
        lines.append(f"{cn_numeral(a + 1)}、推进第{a}方面重点工作，着力提升治理能力")
        for i in range(1, items + 1):
            body = (f"（{cn_numeral(i)}）实施第{a}.{i}项重点任务，完善工作机制，"
                    f"{(i % 12) + 1}月底前完成阶段目标。"
                    + "围绕目标任务，细化工作措施，压实工作责任，加强督促检查，确保各项工作落到实处。" * 6)
            lines.append(body)
            lines += [f"{k}.落实第{k}项具体措施，强化要素保障，按季度通报进展情况。" for k in range(1, 4)]
            lines += ["牵头单位：市发展改革委", "责任单位：市财政局、市统计局"]
    lines += [f"{cn_numeral(areas + 2)}、保障措施", "加强组织领导，强化督查考核。" * 5, "",
              "某市人民政府", "2031年1月5日"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text = big_report()
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        draft = parse_report(text)
        times.append(time.perf_counter() - start)
    pages = len(text) / CHARS_PER_PAGE
    print(f"report: {len(text):,} characters (~{pages:.0f} pages), {len(draft.areas)} areas, "
          f"{draft.item_count} items, {len(draft.skipped)} skipped passages")
    print(f"parse_report: median {statistics.median(times):.2f} s over {args.runs} runs "
          f"(min {min(times):.2f} s, max {max(times):.2f} s)")


if __name__ == "__main__":
    main()
