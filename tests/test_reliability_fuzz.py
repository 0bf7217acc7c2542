"""Hostile report texts: the importer returns a plan that can be saved, or a ReportError. Nothing else.

Random text, the real report cut, doubled, shuffled and salted with numbering marks, and
random bytes for the decoder. A hang is caught by an alarm (POSIX), not by a timing assertion.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.domain.model import PlanDraft
from tracker.io.report import ReportError, cn_numeral, decode_report, parse_report
from tracker.store import Database
from tracker.store import repository as repo

SEED = (Path(__file__).resolve().parent.parent / "resources" / "reports" / "xiaogan-keji-2017.txt")
SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_LINES = SEED_TEXT.splitlines()
MARKS = [
    "一是", "二是", "三是", "十是", "（一）", "（二）", "一、", "二、", "三、", "1、", "2、", "1.", "2.",
    "(1)", "（2）", "①", "②", "⑳", "第一部分", "第二章", "三、2019年工作目标和重点", "2018年工作打算",
    "明年工作要点", "；", "。", "：", "，", "\n", "\n\n", "\r\n", "\r", "\t", "\u3000", "\ufeff", "\u200b",
    "\x00", "\x1b", "\ud7ff", "\U0001f600", "相关链接", "来源：", "【", "（孝感市科技局", ")", "（", "）",
    "年底前", "2018年", "1999年", "2099年", "百是", "〇是", "十一是", " " * 50, "是" * 30,
]
HANG_GUARD_SECONDS = 20


@contextmanager
def no_hang(seconds: int = HANG_GUARD_SECONDS) -> Iterator[None]:
    """Turn a hang into a failure (where SIGALRM exists); the limit is far above any real run."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def hung(*_: Any) -> None:
        raise TimeoutError(f"the importer ran over {seconds} s: a hang")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@st.composite
def mutated_reports(draw: Callable[..., Any]) -> str:
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(0, 10))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "mark", "cut", "splice", "char"]))
        if not lines:
            lines = [""]
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        if op == "delete":
            end = draw(st.integers(i, min(len(lines), i + 10)))
            del lines[i:end]
        elif op == "duplicate":
            lines[i:i] = lines[i: i + draw(st.integers(1, 5))] * draw(st.integers(1, 3))
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "mark":
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + draw(st.sampled_from(MARKS)) + line[at:]
        elif op == "cut":
            lines[i] = line[: draw(st.integers(0, len(line)))]
        elif op == "splice":
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + draw(st.text(max_size=30)) + line[at:]
        elif op == "char" and line:
            at = draw(st.integers(0, len(line) - 1))
            lines[i] = line[:at] + draw(st.characters()) + line[at + 1:]
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)


marked_text = st.lists(st.one_of(st.sampled_from(MARKS), st.text(max_size=20)), max_size=60).map("".join)


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A data file without plans: every parsed plan must be savable into it."""
    with Database(tmp_path_factory.mktemp("fuzz") / "empty.db") as db:
        yield db


class _Undo(Exception):
    pass


def check(text: str, db: Database, year: int | None = None) -> None:
    with no_hang():
        try:
            draft = parse_report(text, year)
        except ReportError as exc:
            assert str(exc)  # a message for the user
            return
    assert isinstance(draft, PlanDraft)
    assert draft.areas and all(a.title for a in draft.areas)
    try:  # the draft saves (then is undone): a plan that cannot be saved is a crash postponed
        with db.transaction() as c:
            repo.insert_plan(c, draft)
            raise _Undo
    except _Undo:
        pass


FUZZ = settings(max_examples=int(os.environ.get("TRACKER_FUZZ_EXAMPLES", "250")), deadline=2000,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@FUZZ
@given(mutated_reports())
def test_mutated_reports(empty_db, text):
    check(text, empty_db)


@FUZZ
@given(st.text(max_size=3000))
def test_random_text(empty_db, text):
    check(text, empty_db)


@FUZZ
@given(marked_text, st.sampled_from(["三、2018年工作目标和重点\n", "（四）明年工作打算\n", ""]))
def test_random_numbering(empty_db, body, heading):
    check("关于2017年工作情况的报告\n" + heading + body, empty_db)


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_decode_or_refuse(data):
    try:
        text = decode_report(data)
    except ReportError:
        return
    assert isinstance(text, str)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(SEED_TEXT.encode("gb18030")) - 1), st.integers(0, 255)),
                max_size=20))
def test_gbk_report_with_flipped_bytes(empty_db, flips):
    data = bytearray(SEED_TEXT.encode("gb18030"))
    for at, value in flips:
        data[at] = value
    try:
        text = decode_report(bytes(data))
    except ReportError:
        return
    check(text, empty_db)


@pytest.mark.parametrize("text", [
    "关于2017年工作情况的报告\n三、2018年工作目标和重点\n1、执法："
    + "。".join(f"{cn_numeral(i)}是事项{i}" for i in range(1, 100)) + "。",  # 99 ordinals and more
    "三、2018年工作目标和重点\n" + "1、" * 200_000,
    "三、2018年工作目标和重点\n1、执法：" + "（" * 200_000,
    "三、2018年工作目标和重点\n1、执法：" + "一是" * 200_000,
    "三、2018年工作目标和重点\n" + "\n".join(f"{n % 99 + 1}、事项；事项" for n in range(50_000)),
    SEED_TEXT * 40,
], ids=["99 ordinals", "numbers", "parens", "ordinals", "many areas", "long report"])
def test_pathological_texts_finish(empty_db, text):
    check(text, empty_db)
