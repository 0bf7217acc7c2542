"""The corpus: reports in many layouts, each compared field by field with its reviewed plan.

tests/data/reports/*.txt are reports written for these tests in the layouts offices use
(whole-document 要点, review + plan, 任务分解 notices, tables, pasted web pages, non-plans);
the .json beside each is its expected plan, or {"refused": message} for a text that is not
a plan. A second test checks the promise that nothing is dropped silently: every sentence
of every report is in an item, a title, or the skipped list.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tracker.domain.model import PlanDraft
from tracker.io.report import ReportError, decode_report, parse_report
from tracker.io.report.lines import clean
from tracker.io.report.outline import ANY_MARKER
from tracker.io.report.summary import draft_json

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"
CORPUS = sorted(REPORTS.glob("*.txt"))


def read(path: Path) -> str:
    return decode_report(path.read_bytes())


def test_the_corpus_is_large_enough():
    assert len(CORPUS) >= 25
    assert all(p.with_suffix(".json").exists() for p in CORPUS)


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_report_gives_its_expected_plan(path: Path):
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    if "refused" in expected:
        with pytest.raises(ReportError) as refused:
            parse_report(read(path), require_year=False)
        assert str(refused.value) == expected["refused"]
        assert "没有找到" in str(refused.value)
        return
    got = draft_json(parse_report(read(path), require_year=False))
    assert (got["year"], got["title"]) == (expected["year"], expected["title"])
    assert [a["title"] for a in got["areas"]] == [a["title"] for a in expected["areas"]]
    for got_area, want_area in zip(got["areas"], expected["areas"], strict=True):
        assert got_area["items"] == want_area["items"], got_area["title"]
    assert got["skipped"] == expected["skipped"]


_FIELD = re.compile(r"(?:牵头|牽頭|责任|責任|配合|完成|时间|時間)[^：:]{0,4}[:：]|牵头|配合[）)]|负责[）)]")


def _flat(text: str) -> str:
    return re.sub(r"[\s\u3000，,、。；;：:（）()“”\"|【】]", "", text)


def haystack(draft: PlanDraft) -> str:
    parts = [draft.title, *(s.text for s in draft.skipped)]
    for area in draft.areas:
        parts.append(area.title)
        for item in area.children:
            parts += [item.title, item.detail, item.lead_dept, *item.co_depts]
    return _flat("".join(parts))


PLANS = [p for p in CORPUS if "refused" not in p.with_suffix(".json").read_text("utf-8")]


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_nothing_is_dropped_silently(path: Path):
    text = clean(read(path))
    found = haystack(parse_report(text, require_year=False))
    for line in text.splitlines():
        cells = [c for c in line.split("\t") if c.strip()]
        if len(cells) > 1:  # a table row: its task is an item, the other cells are fields
            cells = [max(cells, key=len)]
        for cell in cells:
            for sentence in re.split(r"[。！？；;]", cell):
                sentence = ANY_MARKER.sub("", sentence.strip(), count=1)
                sentence = re.sub(r"^要", "", sentence)  # the 要 of a 要-clause is its marker
                if _FIELD.search(sentence) or len(_flat(sentence)) < 2:
                    continue
                assert _flat(sentence) in found, f"{path.name}: lost “{sentence}”"
