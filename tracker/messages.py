"""The messages the services, the store and the importers raise, in the interface's language.

They are written in Chinese, where they are raised, with the details filled in (a path, a
date, a value the user typed). For an English interface they are matched against a catalogue
of their templates (`resources/translations/messages_en.json`, made by
tools/extract_messages.py from the raise sites) and rewritten with the same details. A message
the catalogue does not know is shown as it is, sentence by sentence: what can be translated is.
A test keeps the catalogue complete. No Qt here: the command line could use it too.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from tracker import resources_dir

PLACEHOLDER = "{}"
_SENTENCE_END = re.compile(r"(?<=[。；！？])")


def catalogue_path(language: str = "en") -> Path:
    return resources_dir() / "translations" / f"messages_{language}.json"


def template_pattern(template: str) -> re.Pattern[str]:
    """A template's text with each {} matching any details (shortest first)."""
    parts = template.split(PLACEHOLDER)
    return re.compile("(.*?)".join(re.escape(p) for p in parts) + r"\Z", re.DOTALL)


def _load(language: str) -> dict[str, dict[str, str]]:
    try:
        raw = json.loads(catalogue_path(language).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


@lru_cache(maxsize=4)
def _words(language: str) -> dict[str, str]:
    """Field names and such that fill a template's holes ("完成时限" → "Deadline")."""
    words = _load(language).get("words", {})
    return {k: v for k, v in words.items() if isinstance(v, str) and v.strip()}


@lru_cache(maxsize=4)
def _catalogue(language: str) -> tuple[tuple[re.Pattern[str], str, int], ...]:
    messages = _load(language).get("messages", {})
    entries = [(source, target) for source, target in messages.items()
               if isinstance(target, str) and target.strip()]
    # longer templates first, so a specific one wins over a general one that also matches
    entries.sort(key=lambda e: -len(e[0].replace(PLACEHOLDER, "")))
    return tuple((template_pattern(s), t, s.count(PLACEHOLDER)) for s, t in entries)


def _one(text: str, language: str) -> str | None:
    for pattern, target, holes in _catalogue(language):
        m = pattern.match(text)
        if m is not None and len(m.groups()) == holes:
            words = _words(language)
            try:
                return target.format(*(words.get(g.strip(), g.strip()) for g in m.groups()))
            except (IndexError, KeyError, ValueError):
                return None
    return None


def localize(text: str, language: str) -> str:
    """`text` in `language` ("zh" returns it as it is)."""
    if language == "zh" or not text:
        return text
    whole = _one(text, language)
    if whole is not None:
        return whole
    sentences = [s for s in _SENTENCE_END.split(text) if s]
    if len(sentences) < 2:
        return text
    return " ".join(_one(s, language) or s for s in sentences)
