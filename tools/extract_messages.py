"""Collect the message templates raised below the window, for the English catalogue.

Reads tracker/ (all but the window, whose strings go through Qt's own tr()) and finds every
exception raised with a text — `raise UserError(f"进度“{value}”…")` — and every notice the store
appends for the status bar. Each becomes a template with {} where the details go. With --write,
new templates are added to resources/translations/messages_en.json with an empty translation
(fill them in), and templates no longer raised anywhere are dropped. The "words" part (field
names that fill the holes, e.g. 完成时限 → Deadline) is kept by hand.

    python tools/extract_messages.py [--write]
"""

from __future__ import annotations

import ast
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "tracker"
CATALOGUE = ROOT / "resources" / "translations" / "messages_en.json"
SKIPPED = ("ui", "cli.py", "cli_backup.py", "cli_ledger.py", "cli_plans.py", "cli_periods.py",
           "cli_server.py", "app.py", "preflight.py", "desktop.py")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _sources() -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in SKIPPED or relative.name in SKIPPED:
            continue
        yield path


class _Collector(ast.NodeVisitor):
    def __init__(self, constants: dict[str, ast.expr]) -> None:
        self.constants = constants
        self.found: list[str] = []

    def template(self, node: ast.expr | None, depth: int = 0) -> str | None:
        if node is None or depth > 5:
            return None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.JoinedStr):
            parts: list[str] = []
            for value in node.values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    parts.append(value.value)
                else:
                    parts.append("{}")
            return "".join(parts)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.template(node.left, depth + 1), self.template(node.right, depth + 1)
            return (left if left is not None else "{}") + (right if right is not None else "{}")
        if isinstance(node, ast.Name) and node.id in self.constants:
            return self.template(self.constants[node.id], depth + 1)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "format"):
            base = self.template(node.func.value, depth + 1)
            return re.sub(r"\{[^{}]*\}", "{}", base) if base is not None else None
        return None

    def _keep(self, text: str | None) -> None:
        if text and CJK.search(text) and text.strip("{} ") and text not in self.found:
            self.found.append(_collapse(text))

    def visit_Raise(self, node: ast.Raise) -> None:
        call = node.exc
        if isinstance(call, ast.Call) and call.args:
            self._keep(self.template(call.args[0]))
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        # notices for the status bar: db.notices.append(...), self.add_notice(...)
        if isinstance(func, ast.Attribute) and node.args and (
                (func.attr == "append" and isinstance(func.value, ast.Attribute)
                 and func.value.attr == "notices") or func.attr == "add_notice"):
            self._keep(self.template(node.args[0]))
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        # MESSAGE = "…" constants are raised by name elsewhere too (STALE, NO_PLAN …)
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and node.targets[0].id.isupper():
            self._keep(self.template(node.value))
        self.generic_visit(node)


def _collapse(text: str) -> str:
    """Runs of placeholders are one hole: the matcher cannot tell them apart anyway."""
    return re.sub(r"(\{\})+", "{}", text)


def templates() -> list[str]:
    out: list[str] = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                     for t in node.targets if isinstance(t, ast.Name)}
        collector = _Collector(constants)
        collector.visit(tree)
        out.extend(t for t in collector.found if t not in out)
    return out


def main(argv: list[str]) -> int:
    found = templates()
    raw: dict[str, dict[str, str]] = {}
    if CATALOGUE.exists():
        raw = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    current = raw.get("messages", {})
    missing = [t for t in found if not current.get(t, "").strip()]
    if "--write" in argv:
        merged = {"messages": {t: current.get(t, "") for t in found}, "words": raw.get("words", {})}
        CATALOGUE.write_text(json.dumps(merged, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for t in missing:
        print(t)
    print(f"{len(found)} templates, {len(missing)} without an English translation", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
