"""The plan commands as outside checks call them: import-report (--json), delete-plan, carry-over."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.test_cli import run, tasks

DATA = Path(__file__).parent / "data"


def test_dry_run_json_is_the_contract_object(capsys, new_db):
    code, out, err = run(capsys, "import-report", str(DATA / "reports" / "07_fenjie_notice_lines.txt"),
                         "--db", new_db, "--dry-run", "--json")
    assert code == 0, err
    plan = json.loads(out)
    assert set(plan) == {"year", "title", "areas", "skipped"}
    assert plan["year"] == 2021
    item = plan["areas"][0]["items"][0]
    assert set(item) == {"title", "detail", "due", "lead_dept", "co_depts"}
    assert (item["due"], item["lead_dept"], item["co_depts"]) == ("2021-12-31", "市发展改革委",
                                                                 ["市财政局", "市自然资源和规划局"])
    assert {"text": "某市人民政府办公室", "reason": "outside"} in plan["skipped"]
    code, out, _ = run(capsys, "plans", "--db", new_db, "--json")
    assert [p["year"] for p in json.loads(out)] == [2018]  # nothing written


def test_plain_dry_run_prints_the_tree_then_the_skipped_passages(capsys, new_db):
    code, out, _ = run(capsys, "import-report", str(DATA / "reports" / "04_review_plan_cn.txt"),
                       "--db", new_db, "--dry-run")
    lines = out.splitlines()
    tree = [ln for ln in lines if re.match(r"^  \d+ |^    \d+\.\d+ ", ln)]
    assert tree[0] == "  1 稳定粮食生产"
    assert tree[1] == "    1.1 落实粮食安全责任制，确保粮食播种面积稳定在52万亩以上"
    assert len(tree) == 4 + 10
    skipped = lines[lines.index(next(ln for ln in lines if ln.startswith("未列入计划的段落"))) + 1:]
    assert "  - [计划部分之外] 二、存在的主要问题" in skipped
    assert lines.index(tree[-1]) < lines.index(skipped[0])


@pytest.mark.parametrize("name", ["documents/numbered.docx", "documents/review.pdf"])
def test_word_and_pdf_reports_import(capsys, new_db, name):
    code, out, err = run(capsys, "import-report", str(DATA / name), "--db", new_db)
    assert code == 0, err
    assert len(tasks(capsys, new_db, "--year", "2024")) in (6, 7)


def test_a_non_plan_is_refused_with_what_was_found(capsys, new_db):
    code, _, err = run(capsys, "import-report", str(DATA / "reports" / "14_info_disclosure.txt"),
                       "--db", new_db)
    assert code == 1 and "没有找到" in err and "信息公开" in err and len(err.strip().splitlines()) == 1


def test_delete_then_reimport_the_same_year(capsys, new_db):
    db = new_db
    seed = Path(__file__).resolve().parents[1] / "resources" / "reports" / "xiaogan-keji-2017.txt"
    assert run(capsys, "import-report", str(seed), "--db", db)[0] == 1
    code, out, err = run(capsys, "delete-plan", "--year", "2018", "--db", db)
    assert code == 0, err
    if "删除前的备份：" in out:
        assert Path(out.split("删除前的备份：")[1].strip()).exists()
    else:  # on a server the backups are the server's
        assert "服务器上的数据由服务器备份" in out
    assert run(capsys, "import-report", str(seed), "--db", db)[0] == 0
    assert run(capsys, "delete-plan", "--year", "2030", "--db", db)[0] == 1


def test_carry_over_creates_the_next_year(capsys, new_db):
    db = new_db
    assert run(capsys, "checkin", "1.1", "--db", db, "--progress", "100", "--date", "2018-06-01")[0] == 0
    code, out, err = run(capsys, "carry-over", "--from", "2018", "--to", "2019", "1.1", "1.2", "--db", db)
    assert code == 0, err
    assert "1 项未完成事项" in out and "已完成，不结转：1.1" in out
    assert [r["title"] for r in tasks(capsys, db, "--year", "2019")] == [
        "在应城、安陆等知识产权试点县市组建专利执法队伍,壮大执法队伍"]
    code, _, err = run(capsys, "carry-over", "--from", "2017", "--to", "2019", "--db", db)
    assert code == 1 and "没有 2017 年的计划" in err
