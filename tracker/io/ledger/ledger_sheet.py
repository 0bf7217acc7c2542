"""台账: one row per item in plan order, area rows merged across, the hidden id for the way back.

Also the per-department copies (the same sheet over one department's items). Written as a
stream: the texts are measured first (column widths precede the rows), then each row is made
and written at once, so 100,000 items never stand in memory as rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter

from tracker.domain.model import CheckIn, Node
from tracker.io.ledger import styles
from tracker.io.ledger.layout import (
    FIRST_DATA_ROW,
    HEADER_ROW,
    LAST_VISIBLE,
    LEDGER_COLUMNS,
    LEDGER_INDEX,
    LIGHT_LABELS,
    WidthMeter,
    cell_text,
)
from tracker.io.ledger.sheet import Counter, SheetWriter

if TYPE_CHECKING:
    from tracker.io.ledger_export import LedgerData

_ITEM_STYLES = (
    styles.CENTER, styles.TEXT, styles.TEXT, styles.CENTER, styles.CENTER, styles.TEXT,
    styles.DATE, styles.PERCENT, styles.TEXT, styles.TEXT, styles.TEXT, "", styles.DATE,
)
_AREA_STYLES = (
    styles.AREA_CENTER, styles.AREA, styles.AREA, styles.AREA, styles.AREA, styles.AREA,
    styles.AREA, styles.AREA_PERCENT, styles.AREA, styles.AREA, styles.AREA, "", styles.AREA,
)
_WRAPPED = tuple(i for i, s in enumerate(_ITEM_STYLES) if s == styles.TEXT)
_LIGHT_BY_LABEL = {label: styles.LIGHT_STYLE[light] for light, label in LIGHT_LABELS.items()}
_LIGHT_COL = LEDGER_INDEX["light"]
_ID_COL = LEDGER_INDEX["id"]


def clean(value: str, what: str, warnings: list[str]) -> str:
    """Text as a cell may hold it; a cut at Excel's limit is noted in `warnings`."""
    if value.isprintable() and len(value) <= 32_767:
        return value
    text, cut = cell_text(value)
    if cut:
        warnings.append(f"{what}超过 Excel 单元格上限 32,767 字，已截断。")
    return text


def ledger_rows(data: LedgerData, items: list[Node], warnings: list[str],
                texts: Iterator[tuple[str, CheckIn | None]] | None = None) -> Iterator[list[Any]]:
    """Area rows and item rows in plan order; areas appear only when they hold shown items.
    An area row leaves 具体内容 None (an item's empty detail is ""): it is merged across B:G.
    `texts`: each shown item's detail and latest check-in in full, in plan order, when the
    plan was read without them (LedgerData.texts); else the nodes' own."""
    shown = {n.id for n in items}
    nodes = {n.id: n for n in data.plan.walk()}
    areas = {_area(nodes, n).id for n in items}
    for node in data.plan.walk():
        ev = data.evaluations[node.id]
        light = LIGHT_LABELS[ev.light]
        if node.parent_id is None:
            if node.id in areas:
                yield [node.code, clean(node.title, f"{node.code} 方面名称", warnings),
                       None, None, None, None, None, ev.progress / 100, None, None, None,
                       light, None, node.id]
            continue
        if node.id not in shown:
            continue
        detail, latest = next(texts) if texts is not None else (node.detail, node.latest)
        label = f"{node.code} "
        yield [
            node.code,
            clean(node.title, label + "工作任务", warnings),
            clean(detail, label + "具体内容", warnings),
            clean(node.leader, label + "责任领导", warnings),
            clean(node.lead_dept, label + "牵头科室", warnings),
            clean("、".join(node.co_depts), label + "配合科室", warnings),
            ev.due,
            ev.progress / 100,
            clean(latest.progress_text, label + "进展情况", warnings) if latest else "",
            clean(latest.problems, label + "存在问题", warnings) if latest else "",
            clean(latest.next_steps, label + "下步措施", warnings) if latest else "",
            light,
            latest.date if latest else None,
            node.id,
        ]


def _area(nodes: dict[int, Node], node: Node) -> Node:
    while node.parent_id is not None:
        node = nodes[node.parent_id]
    return node


_LONG = {LEDGER_INDEX[k]: k for k in ("detail", "progress_text", "problems", "next_steps")}


def _widths(data: LedgerData, items: list[Node]) -> list[float]:
    """Each column's width from what it holds (area titles span B:G: they do not size B); the
    long texts' from their longest (`LedgerData.longest`) when they stream from the file."""
    meter = WidthMeter(LEDGER_COLUMNS)
    for row in ledger_rows(data, items, []):
        meter.add(row[:1] if row[2] is None else row)
    if data.texts is not None:
        for i, key in _LONG.items():  # as if every character were a wide one
            meter.add([None] * i + ["汉" * data.longest.get(key, 0)])
    return meter.widths()


def write_ledger_sheet(sheet: SheetWriter, data: LedgerData, items: list[Node], title: str,
                       counter: Counter) -> None:
    ws = sheet.ws
    n_cols = len(LEDGER_COLUMNS)
    sheet.set_widths(_widths(data, items))
    id_letter = get_column_letter(n_cols)
    ws.column_dimensions[id_letter].hidden = True
    ws.freeze_panes = f"C{FIRST_DATA_ROW}"
    styles.setup_page(ws, header_row=HEADER_ROW, title=title)

    plan = data.plan
    subtitle = (f"{plan.title}　截至 {data.today.isoformat()}　共 {len(items)} 项"
                + ("（按筛选导出）" if data.only is not None else ""))
    sheet.title_rows(title, subtitle, LAST_VISIBLE)
    sheet.append([sheet.cell(col.header, styles.HEADER, i) for i, col in enumerate(LEDGER_COLUMNS)],
                 height=24)
    widths = sheet.col_widths
    merged = sum(widths[1:7])
    last = FIRST_DATA_ROW
    texts = iter(data.texts([n.id for n in items])) if data.texts is not None else None
    for row in ledger_rows(data, items, sheet.warnings, texts):
        is_area = row[2] is None
        style_of = _AREA_STYLES if is_area else _ITEM_STYLES
        if is_area:
            height = sheet.height([(row[1], merged)])
        else:
            height = sheet.height([(row[i], widths[i]) for i in _WRAPPED])
        cells: list[Any] = []
        for i in range(_ID_COL):
            value = row[i]
            cells.append(sheet.cell(value, _LIGHT_BY_LABEL[value] if i == _LIGHT_COL else style_of[i], i))
        cells.append(sheet.plain(row[_ID_COL], _ID_COL))  # the hidden id: no border to print
        last = sheet.append(cells, height)
        if is_area:
            ws.merged_cells.add(f"B{last}:G{last}")
        counter.step()
    ws.auto_filter.ref = f"A{HEADER_ROW}:{id_letter}{last}"
    # No data bar on 进度: LibreOffice and WPS drew Excel's fixed-range bar wrongly; the 亮灯 cell
    # beside it carries the judgement, in colours every spreadsheet draws.


def count_rows(data: LedgerData, items: list[Node]) -> int:
    return sum(1 for _ in ledger_rows(data, items, []))
