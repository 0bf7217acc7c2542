"""The messages the services, the store and the importers raise, in the interface's language.

They are written in Chinese, where they are raised, with the details filled in (a path, a
date, a value the user typed). For an English interface they are matched against a catalogue
of their templates (`resources/translations/messages_en.json`, made by
tools/extract_messages.py from the raise sites) and rewritten with the same details:

- a detail that is one of the catalogue's "words" (a field name such as 完成时限, or a list of
  them joined with 、) is translated; one that is itself a message (a row's label "第 5 行（…）",
  the reason a text was refused) is translated the same way, so composed messages read whole;
- a message made of several (a refusal followed by "最新的完好备份：…", a field name glued to
  "文本过长…", a field of a row "第 5 行（…）的责任领导") is cut at sentence and bracket
  boundaries into pieces the catalogue knows; of several readings, the one that leaves the
  least Chinese wins;
- what the catalogue does not know is shown as it is: what can be translated is.

Holes are filled in order; an English translation may number them ({1} … {0}) to reorder.
A test keeps the catalogue complete. No Qt here: the command line could use it too.
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tracker import resources_dir

PLACEHOLDER = "{}"
CJK = re.compile(r"[\u4e00-\u9fff]")
_CUT_AFTER = "。；！？）\n"  # a composed message is cut after these …
_CUT_BEFORE = "（\n"  # … and before these
_MAX_SPAN = 12  # a piece spans at most this many cuts (one template's sentences and brackets)
_STOPS = str.maketrans({"。": ".", "；": ";", "，": ",", "：": ":", "！": "!", "？": "?"})
_LIST = "、"
_OF = "的"
_MAX_DEPTH = 3  # a detail inside a detail inside a message, no deeper
_BUDGET = 20_000  # pieces and matches one message may cost (a real one needs a few hundred)
_PROPER = ("Word", "Excel", "PDF", "SQLite", "ID", "YYYY")  # never lower-cased mid-sentence


def catalogue_path(language: str = "en") -> Path:
    return resources_dir() / "translations" / f"messages_{language}.json"


class Template:
    """A template's text, matched against a message: each {} takes any details, as few as let
    the rest match (leftmost, with no backtracking, so a long message costs linear time). A
    space in the template may be missing or doubled in the message ("第 5 行（标题）" lost the one
    before a missing code); a detail followed by a space and another detail ("“{} {}”", a code
    and a title) holds no space itself."""

    def __init__(self, template: str) -> None:
        parts = template.split(PLACEHOLDER)
        self.holes = len(parts) - 1
        literal = [r"\s*".join(re.escape(w) for w in p.split(" ")) for p in parts]
        literal[-1] += r"\Z"
        self.parts = [re.compile(p) for p in literal]
        self.tight = [parts[i + 1] == " " and i + 1 < self.holes for i in range(self.holes)]

    def match(self, text: str) -> list[str] | None:
        """The details, in order; None when `text` is not this template."""
        m = self.parts[0].match(text)
        if m is None:
            return None
        pos, details = m.end(), []
        for i, part in enumerate(self.parts[1:]):
            if self.tight[i]:
                end = pos
                while end < len(text) and not text[end].isspace():
                    end += 1
                m = part.match(text, end)
            else:
                m = part.search(text, pos)
            if m is None:
                return None
            details.append(text[pos:m.start()])
            pos = m.end()
        return details if pos == len(text) else None


def target_fields(target: str) -> list[int] | None:
    """The holes of a translation in the order they appear, as indexes into the details
    ({} {} → [0, 1], {1} {0} → [1, 0]); None when it is not a valid format string."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(target) if name is not None]
    except ValueError:
        return None
    if all(n == "" for n in names):
        return list(range(len(names)))
    if all(n.isdigit() for n in names):
        return [int(n) for n in names]
    return None


@dataclass(frozen=True)
class _Entry:
    source: str
    pattern: Template
    target: str
    holes: int
    starts: frozenset[int]  # the details a sentence of the translation starts with
    head: str  # the text a message must start with, end with, and hold, to match (cheap tests
    tail: str  # before the pattern's)
    needles: tuple[str, ...]

    def could_match(self, text: str) -> bool:
        return text.startswith(self.head) and text.endswith(self.tail) \
            and all(n in text for n in self.needles)


def _sentence_starts(target: str) -> frozenset[int]:
    """Which holes of a translation begin a sentence (a translated detail there is capitalised,
    elsewhere lower-cased: "{}: the progress …" → "Row 5 (…): the progress …")."""
    starts: set[int] = set()
    before = ""
    auto = 0
    for literal, name, _, _ in string.Formatter().parse(target):
        before += literal
        if name is None:
            continue
        index = int(name) if name else auto
        auto += 1
        if not before.strip() or before.rstrip().endswith((".", "?", "!")):
            starts.add(index)
        before += "{}"
    return frozenset(starts)


def _load(language: str) -> dict[str, dict[str, str]]:
    try:
        raw = json.loads(catalogue_path(language).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


@lru_cache(maxsize=4)
def _words(language: str) -> dict[str, str]:
    """Field names and such that fill a template's holes ("完成时限" → "deadline")."""
    words = _load(language).get("words", {})
    return {k: v.strip() for k, v in words.items() if isinstance(v, str) and v.strip()}


@lru_cache(maxsize=4)
def _leading(language: str) -> dict[str, tuple[str, ...]]:
    """The words by their first character, longest first (to find one a message starts with)."""
    out: dict[str, list[str]] = {}
    for word in sorted(_words(language), key=len, reverse=True):
        out.setdefault(word[:1], []).append(word)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=4)
def _catalogue(language: str) -> tuple[_Entry, ...]:
    messages = _load(language).get("messages", {})
    entries: list[_Entry] = []
    for source, target in messages.items():
        if not isinstance(target, str) or not target.strip():
            continue
        holes = source.count(PLACEHOLDER)
        order = target_fields(target)
        if order is None or sorted(set(order)) != list(range(holes)) or len(order) != holes:
            continue  # a broken translation is not used (the catalogue test names it)
        parts = source.split(PLACEHOLDER)
        needles = tuple(w for p in parts for w in p.split(" ") if w)
        entries.append(_Entry(source, Template(source), target, holes,
                              _sentence_starts(target), parts[0].split(" ")[0],
                              parts[-1].split(" ")[-1], needles))
    # longer templates first, so a specific one wins over a general one that also matches
    entries.sort(key=lambda e: -len(e.source.replace(PLACEHOLDER, "")))
    return tuple(entries)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower(text: str) -> str:
    """A translated sentence used inside another: its first word lower-cased, unless a name."""
    if len(text) > 1 and text[0].isupper() and text[1].islower() and not text.startswith(_PROPER):
        return text[0].lower() + text[1:]
    return text


def _chinese(text: str) -> int:
    return len(CJK.findall(text))


# A translation is (text, Chinese characters left in it): of several ways to read a message
# (one template whose last detail swallowed the next sentence, or two templates), the one that
# leaves the least Chinese wins; the user's own details count the same in each.
_Translation = tuple[str, int]
_WORD, _NESTED, _AS_IS = "word", "nested", "as is"


def _as_is(text: str) -> str:
    """A detail left as the user wrote it, its Chinese list and bracket punctuation aside:
    "a、b" → "a, b", "“甲”、“乙”" → "“甲”, “乙”", "（disk I/O error）" → "(disk I/O error)", and
    the full stop of a sentence it ends ("…/纪要.db。") → "."."""
    text = text.replace("”、“", "”, “")
    if text.endswith("。"):
        text = text[:-1] + "."
    if not CJK.search(text):
        text = text.replace(_LIST, ", ").replace("（", "(").replace("）", ")")
    return text


def _tidy(text: str) -> str:
    """Spaces left around a detail that was empty: "damaged : x" → "damaged: x", "( x" → "(x"."""
    text = re.sub(r"([(“])\s+", r"\1", text)
    text = re.sub(r"\s+([)\]:;,.”])", r"\1", text)
    return re.sub(r" {2,}", " ", text).strip()


def _cuts(text: str) -> list[int]:
    cuts = {0, len(text)}
    for i, ch in enumerate(text):
        if ch in _CUT_AFTER:
            cuts.add(i + 1)
        if ch in _CUT_BEFORE:
            cuts.add(i)
    return sorted(cuts)


def _raw(piece: str) -> str:
    """A piece the catalogue does not know, as it is (see `_as_is`); a piece of nothing but
    punctuation and details (the 。 after a composed sentence) is punctuated in English."""
    piece = _as_is(piece.strip(" "))
    return piece if CJK.search(piece) else piece.translate(_STOPS)


def _join(pieces: list[str]) -> str:
    out = ""
    for piece in pieces:
        if not piece:
            continue
        if not out or out.endswith("\n") or piece.startswith("\n") or piece[0] in ".,;:!?)":
            out += piece
        else:
            out += " " + piece
    return out


class _Reader:
    """Reads one message against a language's catalogue. Its work is bounded (`_BUDGET` pieces
    and template matches): past that, what is not read yet stays as it is, so an odd or huge
    text never freezes the window."""

    def __init__(self, language: str) -> None:
        self.words = _words(language)
        self.leading = _leading(language)
        self.entries = _catalogue(language)
        self.budget = _BUDGET
        self._whole: dict[tuple[str, int], _Translation | None] = {}
        self._translated: dict[tuple[str, int], _Translation] = {}

    def detail(self, value: str, depth: int) -> tuple[str, str, int]:
        """A hole's text: a word, a nested message, or as it is (the user's); and the Chinese
        characters left in it."""
        text = value.strip()
        words = self.words
        if text in words:
            return words[text], _WORD, 0
        if not CJK.search(text) or depth >= _MAX_DEPTH:
            return _as_is(text), _AS_IS, _chinese(text)
        if _LIST in text:
            parts = [p.strip() for p in text.split(_LIST)]
            if all(p in words for p in parts):
                return ", ".join(words[p] for p in parts), _WORD, 0
        translated, left = self.translate(text, depth + 1)
        if left >= _chinese(text):
            return _as_is(text), _AS_IS, _chinese(text)
        return translated, _NESTED, left

    def whole(self, text: str, depth: int) -> _Translation | None:
        """`text` as one template of the catalogue, its details filled in; None if none matches."""
        key = (text, depth)
        if key not in self._whole:
            self._whole[key] = self._match(text, depth)
        return self._whole[key]

    def _match(self, text: str, depth: int) -> _Translation | None:
        best: _Translation | None = None
        for entry in self.entries:
            if self.budget <= 0:
                break
            if not entry.could_match(text):
                continue
            self.budget -= 1
            details = entry.pattern.match(text)
            if details is None:
                continue
            values: list[str] = []
            left = 0
            for index, group in enumerate(details):
                detail, how, rest = self.detail(group, depth)
                if how != _AS_IS:
                    detail = _capital(detail) if index in entry.starts else \
                        _lower(detail) if how == _NESTED else detail
                values.append(detail)
                left += rest
            try:
                result = entry.target.format(*values)
            except (IndexError, KeyError, ValueError):
                continue
            result = _tidy(result) if "" in values else result.strip()
            if best is None or left < best[1]:
                best = (result, left)
            if left == 0:
                break
        return best

    def piece(self, text: str, depth: int) -> _Translation | None:
        """One piece of a composed message: a template, or a field name glued to one
        ("牵头科室" + "文本过长（…）" → "Lead department: the text is too long (…)")."""
        if self.budget <= 0:
            return None
        self.budget -= 1
        if text.endswith(("；", "，")):  # one of a list's items ("…的责任领导；…的完成时限")
            item = self.piece(text[:-1].rstrip(), depth)
            return (item[0] + text[-1].translate(_STOPS), item[1]) if item is not None else None
        best = self.whole(text, depth)
        words = self.words
        for word in self.leading.get(text[:1], ()):
            if not text.startswith(word) or len(word) == len(text):
                continue
            rest = self.whole(text[len(word):], depth)
            if rest is not None and (best is None or rest[1] < best[1]):
                best = (f"{_capital(words[word])}: {_lower(rest[0])}", rest[1])
        # "第 5 行（…）的责任领导": a field of something the catalogue knows
        owner, of, field = text.rpartition(_OF)
        if of and field in words and owner:
            whole = self.whole(owner, depth)
            if whole is not None and (best is None or whole[1] < best[1]):
                best = (f"the {words[field]} of {_lower(whole[0])}", whole[1])
        return best

    def translate(self, text: str, depth: int) -> _Translation:
        """`text` cut into pieces (at sentence and bracket boundaries, or not at all), each a
        template of the catalogue or left as it is: the reading that leaves the least Chinese,
        then the one with the fewest pieces."""
        key = (text, depth)
        if key not in self._translated:
            self._translated[key] = self._cut(text, depth)
        return self._translated[key]

    def _cut(self, text: str, depth: int) -> _Translation:
        cuts = _cuts(text)
        n = len(cuts)
        # best[i]: (Chinese left, pieces, texts) for text[cuts[i]:]
        best: list[tuple[int, int, list[str]] | None] = [None] * n
        best[n - 1] = (0, 0, [])
        for i in range(n - 2, -1, -1):
            for j in sorted({*range(i + 1, min(n, i + 1 + _MAX_SPAN)), n - 1}):
                after = best[j]
                assert after is not None
                piece = text[cuts[i]:cuts[j]]
                if not piece.strip():
                    candidate = (after[0], after[1], [piece.strip(" "), *after[2]])
                else:
                    known = self.piece(piece.strip(), depth)
                    if known is None:
                        raw = _raw(piece)
                        known = (raw, _chinese(raw))
                    candidate = (after[0] + known[1], after[1] + 1, [known[0], *after[2]])
                current = best[i]
                if current is None or candidate[:2] < current[:2]:
                    best[i] = candidate
        result = best[0]
        assert result is not None
        return _join(result[2]), result[0]


@lru_cache(maxsize=1024)
def localize(text: str, language: str) -> str:
    """`text` in `language` ("zh" returns it as it is)."""
    if language == "zh" or not text or not CJK.search(text):
        return text
    translated, left = _Reader(language).translate(text.strip(), 0)
    return text if left >= _chinese(text) else translated


def reload() -> None:
    """Read the catalogue again (after it was edited while the program runs, e.g. in tests)."""
    for cached in (_words, _leading, _catalogue, localize):
        cached.cache_clear()
