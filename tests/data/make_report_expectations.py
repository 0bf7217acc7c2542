"""Write the expected plan (JSON) beside each report of the corpus, from the importer's output.

Run after a deliberate change to the importer, then read the diff of every JSON file before
committing it: the JSON files are the corpus's reviewed answers, not a snapshot to accept.

    .venv/bin/python tests/data/make_report_expectations.py [NAME …]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tracker.io.report import ReportError, decode_report, parse_report
from tracker.io.report.summary import draft_json

REPORTS = Path(__file__).parent / "reports"


def expectation(path: Path) -> dict[str, object]:
    try:
        draft = parse_report(decode_report(path.read_bytes()), require_year=False)
    except ReportError as exc:
        return {"refused": str(exc)}
    return draft_json(draft)


def main(names: list[str]) -> None:
    for path in sorted(REPORTS.glob("*.txt")):
        if names and path.stem not in names and path.name not in names:
            continue
        out = path.with_suffix(".json")
        out.write_text(json.dumps(expectation(path), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(out.name)


if __name__ == "__main__":
    main(sys.argv[1:])
