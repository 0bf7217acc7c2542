"""kill -9 while check-ins are saved, hundreds of times: prints how many reported saves were lost.

The harness itself lives in tests/crash_harness.py, since the test suite runs a few of its trials
(tests/test_reliability_crash.py); this script runs many and prints the counts.

    python benchmarks/crash_harness.py [--trials 200] [--seed N] [--max-delay 1.0]
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

if __name__ == "__main__":
    harness = Path(__file__).resolve().parent.parent / "tests" / "crash_harness.py"
    sys.argv[0] = str(harness)
    runpy.run_path(str(harness), run_name="__main__")
