"""kill -9 while check-ins are being saved: the file stays sound and keeps every reported save.

A few trials here with the harness in tests/crash_harness.py; benchmarks/crash_harness.py runs
hundreds and prints the counts.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parent / "crash_harness.py"


def _harness():
    spec = importlib.util.spec_from_file_location("crash_harness", HARNESS)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["crash_harness"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


harness = _harness()


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return harness.make_base(tmp_path_factory.mktemp("base"))


@pytest.mark.parametrize("mode", harness.MODES)
def test_killed_writers_lose_nothing_they_reported(tmp_path, base, mode):
    rng = random.Random(f"{mode}-seed")
    reported = 0
    for n in range(2):
        # the kill lands a moment after the first reported save, however loaded the machine is
        result = harness.run_trial(tmp_path / f"trial{n}", mode, rng.uniform(0.0, 0.3), base,
                                   after_first_save=mode == "service")
        assert result.problems == []
        assert result.missing == []
        assert result.writer_errors == []
        reported += len(result.reported)
    if mode == "service":
        assert reported > 0  # the kills landed while check-ins were being written
