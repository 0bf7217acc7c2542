"""A city-wide plan for the scale benchmarks: N items, twelve monthly check-ins each, owners set.

The plan is for 2026, its check-ins dated up to Nov 30, so a check-in made on the day of a
benchmark run is the item's latest.

Shaped like a supervision office's year: areas of 100 items (a bureau each), two items per area
split into four sub-items, every item with a responsible leader, a lead department, one or two
cooperating departments and an owner, and every leaf with twelve monthly check-ins whose text
varies (so a search word matches some items, not all). Built once per size into a cache folder
(the 100k file takes a minute or two) and copied for each run that writes to it.

    .venv/bin/python benchmarks/scale_data.py 10000      # builds (or finds) the file, prints its path
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import sys
import time
from pathlib import Path

from tracker.domain.model import CheckIn, Kind, NodeDraft, PlanDraft
from tracker.services import open_database
from tracker.store import Database
from tracker.store import repository as repo

YEAR = 2026
PER_AREA = 100
BUILD_VERSION = 6  # bump when the shape changes, so cached files are rebuilt
CACHE = Path(os.environ.get("TRACKER_BENCH_CACHE", Path.home() / ".cache" / "tracker-bench"))

LEADERS = [f"{s}{g}" for s in "张王李赵刘陈杨黄周吴" for g in ("局长", "副局长", "主任")]
DEPTS = [f"{b}{d}" for b in ("发改", "教育", "科技", "工信", "公安", "民政", "司法", "财政", "人社",
                              "自然资源", "生态环境", "住建", "交通", "水利", "农业", "商务", "文旅",
                              "卫健", "应急", "市场监管")
         for d in ("局办公室", "局规划科", "局法规科")]
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"
VERBS = ["推进", "完善", "落实", "开展", "加强", "深化", "组织", "建立", "优化", "提升"]
THINGS = ["营商环境", "信用体系", "数字政府", "安全生产", "生态修复", "乡村振兴", "城市更新",
          "公共服务", "执法监督", "人才引进", "科技创新", "应急管理", "河湖治理", "老旧小区改造",
          "一网通办", "基层治理", "质量强市", "双随机检查", "专利执法", "食品抽检"]
NOTES = ["已完成调研，形成初步方案，正在征求意见", "召开专题会议部署，落实责任到人",
         "完成阶段性任务，正在组织验收", "已报送市政府审议", "项目已开工建设，完成投资过半",
         "组织集中培训，参训人员覆盖各区县", "督导检查发现问题已整改到位", "形成工作台账，按月调度"]
PROBLEMS = ["经费尚未落实", "人手紧张", "个别区县进度滞后", "审批环节较多", "", "", ""]
NEXT = ["按计划推进，月底前完成", "加强督导，每月通报", "协调财政落实经费", "下季度组织考核验收"]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(("", rng.choice(GIVEN)))


def _title(rng: random.Random, a: int, i: int) -> str:
    return f"{rng.choice(VERBS)}{rng.choice(THINGS)}第{a}-{i}项重点工作，确保按期完成"


def draft(items: int, seed: int = 13) -> PlanDraft:
    """`items` items (tasks and sub-tasks) in areas of 100, with departments named."""
    rng = random.Random(seed)
    areas: list[NodeDraft] = []
    made = 0
    a = 0
    while made < items:
        a += 1
        children: list[NodeDraft] = []
        in_area = min(PER_AREA, items - made)
        i = 0
        while i < in_area:
            lead = rng.choice(DEPTS)
            co = rng.sample([d for d in DEPTS if d != lead], rng.choice((1, 1, 2)))
            detail = (f"围绕{rng.choice(THINGS)}和{rng.choice(THINGS)}，{rng.choice(VERBS)}"
                      f"制度建设，{rng.choice(VERBS)}工作机制，年底前形成可复制的经验做法。")
            node = NodeDraft(Kind.TASK, _title(rng, a, i + 1), detail=detail,
                             source_excerpt=f"（{i + 1}）{detail}", lead_dept=lead, co_depts=co)
            i += 1
            if i % 50 == 1 and in_area - i >= 4:  # two items per area split into four sub-items
                for s in range(4):
                    node.children.append(NodeDraft(
                        Kind.SUBTASK, f"{_title(rng, a, i)}之{s + 1}", detail=detail[:30],
                        lead_dept=lead, co_depts=co))
                i += 4
            children.append(node)
        made += in_area
        areas.append(NodeDraft(Kind.AREA, f"{rng.choice(DEPTS)[:-5]}：{rng.choice(VERBS)}"
                                          f"{rng.choice(THINGS)}", children=children))
    return PlanDraft(YEAR, f"{YEAR}年全市重点工作任务", areas=areas)


def build(path: Path, items: int) -> None:
    """Write the plan, owners and twelve monthly check-ins per leaf into a new file at `path`."""
    rng = random.Random(items)
    with open_database(path) as db, db.transaction() as c:
        plan_id = repo.insert_plan(c, draft(items))
        plan = repo.load_plan(c, plan_id)
        for node in plan.walk():
            if node.parent_id is None:
                continue
            repo.update_node(c, node.id, leader=rng.choice(LEADERS), owner=_name(rng))
            if node.children:
                continue
            pace = rng.uniform(0.5, 1.15)
            reporter = _name(rng)
            for month in range(1, 13):  # Jan 25 … Nov 25 and Nov 30: a year's reports so far
                progress = min(100.0, round(month * 8.33 * pace))
                day = dt.date(YEAR, month, 25) if month < 12 else dt.date(YEAR, 11, 30)
                repo.add_checkin(c, CheckIn(
                    0, node.id, day, progress,
                    progress_text=f"{month}月：{rng.choice(NOTES)}，{rng.choice(THINGS)}取得进展",
                    problems=rng.choice(PROBLEMS), next_steps=rng.choice(NEXT), reporter=reporter,
                    created_at=f"{day.isoformat()}T17:00:00"))
    with Database(path) as db:  # a tidy file: the WAL folded back in (no daily backup taken)
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def plan_file(items: int) -> Path:
    """The cached file of this size, built when missing."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"city-{items}-v{BUILD_VERSION}.db"
    if not path.exists():
        partial = path.with_suffix(".partial.db")
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
        start = time.perf_counter()
        build(partial, items)
        os.replace(partial, path)
        for leftover in (Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
        print(f"built {path.name} ({items:,} items) in {time.perf_counter() - start:.0f} s",
              file=sys.stderr)
    return path


def copy_of(items: int, folder: Path) -> Path:
    """A private copy of the cached file (runs that write must not change the cache)."""
    target = folder / f"city-{items}.db"
    shutil.copyfile(plan_file(items), target)
    return target


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["1000"]:
        print(plan_file(int(arg)))
