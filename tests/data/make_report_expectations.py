"""Write the expected plan (JSON) beside each report of the corpus, from the importer's output.

Run after a deliberate change to the importer, then read the diff of every JSON file before
committing it: the JSON files are the corpus's reviewed answers, not a snapshot to accept.

    .venv/bin/python tests/data/make_report_expectations.py [NAME …]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tracker.io.report import ReportError, parse_report
from tracker.io.report.files import read_report_file
from tracker.io.report.summary import draft_json

DATA = Path(__file__).parent
REPORTS = DATA / "reports"
DOCUMENTS = DATA / "documents"


def expectation(path: Path) -> dict[str, object]:
    try:
        source = read_report_file(path)
        draft = parse_report(source.text, hard_wrapped=source.hard_wrapped, require_year=False,
                             furniture=source.furniture, headings=source.headings)
    except ReportError as exc:
        return {"refused": str(exc)}
    return draft_json(draft)


def main(names: list[str]) -> None:
    paths = [*REPORTS.glob("*.txt"), *DOCUMENTS.glob("*.docx"), *DOCUMENTS.glob("*.pdf")]
    for path in sorted(paths):
        if names and path.stem not in names and path.name not in names:
            continue
        out = path.with_name(path.name + ".json") if path.suffix != ".txt" else path.with_suffix(".json")
        out.write_text(json.dumps(expectation(path), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(out.name)


if __name__ == "__main__":
    main(sys.argv[1:])
