"""Refresh resources/translations/tracker_en.ts from the code and compile the .qm.

Runs pyside6-lupdate over the window's code, then fills any entry lupdate left unfinished with
the English that the same (context, source) had before — in the current file or in any .ts given
on the command line (e.g. the two sides of a merge, exported with `git show :2:… > a.ts`) — and
runs pyside6-lrelease. Prints what is still untranslated; exits 1 if anything is.

    python tools/update_translations.py [OLD.ts ...]
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "tracker_en.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def known(path: Path) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") != "unfinished" and translation.text:
                out[(name, message.findtext("source") or "")] = translation.text
    return out


def main(argv: list[str]) -> int:
    before: dict[tuple[str, str], str] = {}
    for path in [TS, *map(Path, argv)]:
        if path.exists():
            before.update(known(path))
    window = sorted(str(p) for p in (ROOT / "tracker" / "ui").rglob("*.py"))
    sources = [str(ROOT / "tracker" / "app.py"), *window]
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-source-language", "zh_CN", "-target-language",
                    "en", "-no-obsolete", "-locations", "relative", "-ts", str(TS)], check=True)
    tree = ET.parse(TS)
    left = []
    for context in tree.getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            key = (name, message.findtext("source") or "")
            if key in before:
                translation.text = before[key]
                del translation.attrib["type"]
            else:
                left.append(key)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    for name, source in left:
        print(f"untranslated: {name}: {source}")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
