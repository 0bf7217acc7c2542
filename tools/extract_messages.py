"""Collect the message templates raised below the window, for the English catalogue.

Reads tracker/ (all but the window, whose strings go through Qt's own tr(), and the command
line) and finds every text that can reach the user as a message, each as a template with {}
where the details go:

- the text an exception is made with, raised or returned (`raise UserError(f"进度“{value}”…")`,
  `return ReadOnlyFile(f"…")`), and every notice the store appends for the status bar;
- what flows into those texts: a MESSAGE constant raised by name (STALE, also imported from
  another module), a constant written into an f-string (the sheet name 台账 is part of the
  sentence, not a detail), a local variable (`broken = f"…"; raise X(… or broken)`), the
  branches of `a or b` and `x if c else y`, a Chinese phrase passed to a helper that builds the
  message (`self._refusal("表格中没有读到工作任务")`), the phrases a local holds when it fills
  a hole (`kind`, `title` in a refusal);
- sentences and labels functions return (`backup_offer`, a row's label "第 {} 行（{} {}）"),
  which other messages are built from.

It also collects the "words": the field names passed to a checking helper's `what`/`header`
parameter (`clean_field(value, "责任人")`, `parse_date(text, "完成时限")`, the default "日期"),
which fill a template's holes and are translated one by one.

With --write, new templates and words are added to resources/translations/messages_en.json with
an empty translation (fill them in), and templates no longer raised anywhere are dropped (words
added by hand are kept). The exit status is 1 while anything lacks English.

    python tools/extract_messages.py [--write]
"""

from __future__ import annotations

import ast
import builtins
import itertools
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "tracker"
CATALOGUE = ROOT / "resources" / "translations" / "messages_en.json"
SKIPPED = ("ui", "cli.py", "cli_backup.py", "cli_ledger.py", "cli_plans.py", "cli_periods.py",
           "cli_server.py", "cli_terminal.py", "cli_tracking.py", "app.py", "preflight.py", "desktop.py")
CJK = re.compile(r"[\u4e00-\u9fff]")
# a returned text is a phrase for a person (not a numeral's pieces like "{}十{}") when it has
# a Chinese word of two characters or Chinese punctuation
_PHRASE = re.compile(r"[\u4e00-\u9fff]{2}|[。，：；！？（）“”、]")
_SENTENCE = re.compile(r"[。，：；！？]")  # a field name is a word, not a sentence
_REGEX = re.compile(r"\\[dswDSW]|\(\?|\[[^\]]*\]\{|\]\{")
FIELD_PARAMETERS = ("what", "header")  # a checking helper's parameter naming the field
_MAX_ALTERNATIVES = 16
_HOLE = "{}"


def _sources() -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in SKIPPED or relative.name in SKIPPED:
            continue
        yield path


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@dataclass
class _Module:
    name: str
    tree: ast.Module
    constants: dict[str, ast.expr] = field(default_factory=dict)
    imports: dict[str, tuple[str, str]] = field(default_factory=dict)  # local → (module, name)


def _modules() -> dict[str, _Module]:
    out: dict[str, _Module] = {}
    for path in sorted(PACKAGE.rglob("*.py")):  # constants may come from skipped modules too
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = _Module(_module_name(path), tree)
        for node in tree.body:
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        module.constants[target.id] = node.value
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) \
                    and node.value is not None:
                module.constants[node.target.id] = node.value
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    module.imports[alias.asname or alias.name] = (node.module, alias.name)
        out[module.name] = module
    return out


def _exception_classes(modules: dict[str, _Module]) -> set[str]:
    """Names of exception classes: the built-in ones and the package's (by their bases' names)."""
    known = {name for name, value in vars(builtins).items()
             if isinstance(value, type) and issubclass(value, BaseException)}
    classes = [node for m in modules.values() for node in ast.walk(m.tree)
               if isinstance(node, ast.ClassDef)]
    changed = True
    while changed:
        changed = False
        for cls in classes:
            bases = {b.id if isinstance(b, ast.Name) else b.attr if isinstance(b, ast.Attribute) else ""
                     for b in cls.bases}
            if cls.name not in known and bases & known:
                known.add(cls.name)
                changed = True
    return known


def _called_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Call):  # raise type(exc)(…)
        return "type" if isinstance(func.func, ast.Name) and func.func.id == "type" else ""
    return ""


def _locals(function: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, list[ast.expr]]:
    out: dict[str, list[ast.expr]] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out.setdefault(target.id, []).append(node.value)
        elif isinstance(node, ast.AnnAssign | ast.AugAssign | ast.NamedExpr) \
                and isinstance(node.target, ast.Name) and node.value is not None:
            out.setdefault(node.target.id, []).append(node.value)
    return out


def _plain(text: str) -> str:
    """Runs of placeholders are one hole: the matcher cannot tell them apart anyway."""
    return re.sub(r"(\{\})+", _HOLE, text)


class _Collector:
    """Walks one module; `found` gets its templates."""

    def __init__(self, module: _Module, modules: dict[str, _Module], exceptions: set[str]) -> None:
        self.module = module
        self.modules = modules
        self.exceptions = exceptions
        self.found: list[str] = []
        self.locals: dict[str, list[ast.expr]] = {}
        self.in_message = False  # a helper's phrase arguments count only inside a message

    # -- what a text expression can read as ------------------------------------------------
    def constant(self, name: str, module: _Module | None = None, depth: int = 0) -> ast.expr | None:
        module = module or self.module
        if name in module.constants:
            return module.constants[name]
        if name in module.imports and depth < 4:
            source, original = module.imports[name]
            other = self.modules.get(source)
            if other is not None:
                return self.constant(original, other, depth + 1)
        return None

    def templates(self, node: ast.expr | None, depth: int = 0) -> list[str]:
        """The texts `node` can be, with {} for what is not known until it runs."""
        if node is None or depth > 6:
            return [_HOLE]
        if isinstance(node, ast.Constant):
            return [node.value] if isinstance(node.value, str) else [_HOLE]
        if isinstance(node, ast.JoinedStr):
            parts: list[list[str]] = []
            for value in node.values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    parts.append([value.value])
                elif isinstance(value, ast.FormattedValue):
                    parts.append(self.filled(value, depth))
                else:
                    parts.append([_HOLE])
            return self.combine(parts)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self.combine([self.templates(node.left, depth + 1),
                                 self.templates(node.right, depth + 1)])
        if isinstance(node, ast.BoolOp):
            return self.either([self.templates(v, depth + 1) for v in node.values])
        if isinstance(node, ast.IfExp):
            return self.either([self.templates(node.body, depth + 1),
                                self.templates(node.orelse, depth + 1)])
        if isinstance(node, ast.Name):
            if node.id in self.locals:
                return self.either([self.templates(v, depth + 1) for v in self.locals[node.id]])
            constant = self.constant(node.id)
            return self.templates(constant, depth + 1) if constant is not None else [_HOLE]
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "format":
                return [re.sub(r"\{[^{}]*\}", _HOLE, t) for t in self.templates(func.value, depth + 1)]
            if isinstance(func, ast.Attribute) and func.attr in (
                    "replace", "strip", "rstrip", "lstrip", "removesuffix", "removeprefix"):
                return self.templates(func.value, depth + 1)
            # a helper that builds the message: the phrases handed to it are messages' parts
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                if self.in_message and isinstance(arg, ast.Constant | ast.JoinedStr):
                    for text in self.templates(arg, depth + 1):
                        self.keep(text)
            return [_HOLE]
        return [_HOLE]

    def filled(self, value: ast.FormattedValue, depth: int) -> list[str]:
        """A hole in an f-string: a constant's text is part of the sentence; a local's phrases
        are kept as templates of their own (they are translated when they fill the hole)."""
        expr = value.value
        if isinstance(expr, ast.Name) and value.format_spec is None and value.conversion == -1:
            if expr.id in self.locals:
                for text in self.either([self.templates(v, depth + 1) for v in self.locals[expr.id]]):
                    self.keep(text)
            else:
                constant = self.constant(expr.id)
                if isinstance(constant, ast.Constant) and isinstance(constant.value, str):
                    return [constant.value]
        return [_HOLE]

    @staticmethod
    def combine(parts: list[list[str]]) -> list[str]:
        out: list[str] = []
        for pieces in itertools.product(*parts):
            text = _plain("".join(pieces))
            if text not in out:
                out.append(text)
            if len(out) >= _MAX_ALTERNATIVES:
                break
        return out

    @staticmethod
    def either(options: list[list[str]]) -> list[str]:
        out = [t for ts in options for t in ts if t != _HOLE]
        return list(dict.fromkeys(out)) or [_HOLE]

    # -- what is kept ------------------------------------------------------------------------
    def keep(self, text: str) -> None:
        text = _plain(text)
        if CJK.search(text) and text.strip("{} ") and not _REGEX.search(text) \
                and text not in self.found:
            self.found.append(text)

    def message(self, node: ast.expr) -> None:
        self.in_message = True
        try:
            for text in self.templates(node):
                self.keep(text)
        finally:
            self.in_message = False

    def visit(self, node: ast.AST) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            outer, self.locals = self.locals, _locals(node)
            for child in ast.iter_child_nodes(node):
                self.visit(child)
            self.locals = outer
            return
        if isinstance(node, ast.Call) and node.args:
            name = _called_name(node)
            func = node.func
            notice = isinstance(func, ast.Attribute) and (
                (func.attr == "append" and isinstance(func.value, ast.Attribute)
                 and func.value.attr == "notices") or func.attr == "add_notice")
            if name in self.exceptions or name == "type" or notice:
                self.message(node.args[0])
        elif isinstance(node, ast.Return) and node.value is not None:
            for text in self.templates(node.value):
                if _PHRASE.search(text):
                    self.keep(text)
        for child in ast.iter_child_nodes(node):
            self.visit(child)


def _field_words(modules: dict[str, _Module], sources: set[str]) -> list[str]:
    """The field names passed to a checking helper's `what`/`header` parameter (and its default)."""
    positions: dict[str, tuple[int, str]] = {}
    words: list[str] = []

    def add(text: object) -> None:
        if isinstance(text, str) and CJK.search(text) and not _SENTENCE.search(text) \
                and text not in words:
            words.append(text)

    for module in modules.values():
        if module.name not in sources:
            continue
        for node in ast.walk(module.tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                args = [*node.args.posonlyargs, *node.args.args]
                offset = 1 if args and args[0].arg in ("self", "cls") else 0
                for i, arg in enumerate(args):
                    if arg.arg in FIELD_PARAMETERS:
                        positions[node.name] = (i - offset, arg.arg)
                        defaults = node.args.defaults
                        j = i - (len(args) - len(defaults))
                        default_value = defaults[j] if j >= 0 else None
                        if isinstance(default_value, ast.Constant):
                            add(default_value.value)
                for kwarg, default in zip(node.args.kwonlyargs, node.args.kw_defaults, strict=True):
                    if kwarg.arg in FIELD_PARAMETERS:
                        positions[node.name] = (-1, kwarg.arg)
                        if isinstance(default, ast.Constant):
                            add(default.value)
    for module in modules.values():
        if module.name not in sources:
            continue
        collector = _Collector(module, modules, set())
        for function in [n for n in ast.walk(module.tree)
                         if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)] + [module.tree]:
            collector.locals = _locals(function) if not isinstance(function, ast.Module) else {}
            for node in ast.walk(function):
                if not isinstance(node, ast.Call) or _called_name(node) not in positions:
                    continue
                index, keyword = positions[_called_name(node)]
                given = [k.value for k in node.keywords if k.arg == keyword]
                if 0 <= index < len(node.args):
                    given.append(node.args[index])
                for expr in given:
                    for value in _field_values(expr, collector):
                        add(value)
    return words


def _field_values(expr: ast.expr, collector: _Collector) -> list[str]:
    """A field name as passed: a literal, a choice of literals, or a lookup in a dict of them."""
    if isinstance(expr, ast.Subscript):
        table = expr.value
        dicts: list[ast.expr] = []
        if isinstance(table, ast.Name):
            dicts = list(collector.locals.get(table.id, []))
            constant = collector.constant(table.id)
            if constant is not None:
                dicts.append(constant)
        return [v.value for d in dicts if isinstance(d, ast.Dict) for v in d.values
                if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    return [t for t in collector.templates(expr) if _HOLE not in t]


def collect() -> tuple[list[str], list[str]]:
    """(templates, words) found in the package."""
    modules = _modules()
    exceptions = _exception_classes(modules)
    sources = {_module_name(p) for p in _sources()}
    found: list[str] = []
    for name in sorted(sources):
        collector = _Collector(modules[name], modules, exceptions)
        collector.visit(modules[name].tree)
        found.extend(t for t in collector.found if t not in found)
    return found, [w for w in _field_words(modules, sources) if w not in found]


def templates() -> list[str]:
    return collect()[0]


def main(argv: list[str]) -> int:
    found, words = collect()
    raw: dict[str, dict[str, str]] = {}
    if CATALOGUE.exists():
        raw = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    current = raw.get("messages", {})
    known_words = raw.get("words", {})
    missing = [t for t in found if not current.get(t, "").strip()]
    missing_words = [w for w in words if not known_words.get(w, "").strip()]
    if "--write" in argv:
        merged = {"messages": {t: current.get(t, "") for t in found},
                  "words": {**known_words, **{w: known_words.get(w, "") for w in words}}}
        CATALOGUE.write_text(json.dumps(merged, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for t in missing:
        print(t)
    for w in missing_words:
        print(f"word: {w}")
    print(f"{len(found)} templates, {len(missing)} without an English translation; "
          f"{len(words)} field words, {len(missing_words)} without", file=sys.stderr)
    return 1 if missing or missing_words else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
