"""The order in which lists of names appear: the bureau's own, else pinyin.

A bureau lists its departments in a fixed order (办公室 first, …) that no alphabet gives; once the
user arranges the department list, every list follows it. Names not arranged (or all of them,
before that) follow in pinyin order, which is how a user looks a Chinese name up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCollator, QLocale

from tracker.domain.model import Department

_COLLATOR = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


def pinyin_key(name: str) -> object:
    return _COLLATOR.sortKey(name)


def departments_in_order(departments: Iterable[Department]) -> list[Department]:
    """Arranged ones by their position, then the rest in pinyin order."""
    return sorted(departments, key=lambda d: (d.position is None, d.position or 0, pinyin_key(d.name)))


def names_in_order(names: Iterable[str], order: Sequence[str]) -> list[str]:
    """`names` (without repeats or blanks) in the order of `order`, the others in pinyin order."""
    rank = {name: n for n, name in enumerate(order)}
    unique = {n for n in names if n}
    return sorted(unique, key=lambda n: (n not in rank, rank.get(n, 0), pinyin_key(n)))
