"""The right-hand pane: everything about the selected area or item, in the report's own words.

It only renders what it is given; the window fetches check-ins and changes through the service.
Each check-in carries 修改 / 删除 links (edit-checkin:ID, delete-checkin:ID) that PlanEditing
handles; Tab reaches them from the keyboard. Once the plan is locked a moved deadline shows the
approved date beside it, with the extensions and their reasons.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QTextBrowser, QWidget

from tracker.domain.model import CheckIn, LogEntry, Node
from tracker.services import Extension, PlanView
from tracker.ui import theme, words


def _esc(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _muted(widget: QWidget) -> str:
    return theme.muted_text(widget.palette()).name()


def _quote(widget: QWidget) -> str:
    return theme.quote_background(widget.palette()).name()


def _warn(widget: QWidget) -> str:
    return theme.warning_text(widget.palette()).name()


class DetailPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setOpenLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.node_id: int | None = None
        self.editable = False
        self.clear_node()

    def changeEvent(self, event: QEvent) -> None:
        """A new palette: render the same item again in its colours (no re-read needed)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            if self._rendered is not None:
                self.show_node(*self._rendered)
            elif self.node_id is None:
                self.clear_node()

    def clear_node(self) -> None:
        self._rendered: tuple[Any, ...] | None = None
        self.node_id = None
        hint = self.tr("选择左侧的事项，查看报告原文、进展填报和变更记录。")
        self.setHtml(f"<p style='color:{_muted(self)}'>{_esc(hint)}</p>")

    def show_node(self, view: PlanView, node: Node, checkins: list[CheckIn], changes: list[LogEntry],
                  extensions: list[Extension] | None = None, editable: bool = False,
                  edits_item: bool = True) -> None:
        """Render one node; `checkins` and `changes` come newest first, `extensions` oldest first.
        `editable`: check-ins may be added and corrected; `edits_item`: the item itself too."""
        self._rendered = (view, node, checkins, changes, extensions, editable, edits_item)
        self.node_id = node.id
        self.editable = editable
        ev = view.evaluations[node.id]
        is_area = node.parent_id is None
        parts: list[str] = [f"<h2>{_esc(node.code)}　{_esc(node.title)}</h2>"]
        if not is_area:
            area = view.area_of(node)
            label = self.tr("所属方面：")
            parts.append(f"<p style='color:{_muted(self)}'>{_esc(label)}{_esc(area.code)} "
                         f"{_esc(area.title)}</p>")
        color = theme.light_color(ev.light, self.palette()).name()
        light = f"<span style='color:{color}'>●</span> {_esc(words.light_name(ev.light))}"
        due = node.due.isoformat() if node.due else (words.end_of_year() if not is_area else "")
        rows = [
            (self.tr("责任领导"), _esc(node.leader or "—")),
            (self.tr("牵头科室"), _esc(node.lead_dept or "—")),
            (self.tr("配合科室"), _esc("、".join(node.co_depts) or "—")),
            (self.tr("责任人"), _esc(node.owner or "—")),
            (self.tr("完成时限"), self._due_html(view, node, due)),
            (self.tr("状态"), _esc(words.status_name(node.status))),
            (self.tr("进度"), _esc(words.percent(ev.progress))),
            (self.tr("序时进度"), _esc(words.percent(ev.expected))),
            (self.tr("亮灯"), light),
        ]
        if is_area:
            rows = [r for r in rows if r[0] in (self.tr("进度"), self.tr("序时进度"), self.tr("亮灯"))]
            rows.insert(0, (self.tr("事项数"), str(len(node.children))))
        if editable:  # the pane is where the user reads an item, so its edits start here too
            edit_text = self.tr("编辑（F2）")
            actions = [f"<a href='edit-node:{node.id}'>{_esc(edit_text)}</a>"] if edits_item else []
            if not is_area and not node.children:
                checkin_text = self.tr("填报进展（Ctrl+Enter）")
                actions.append(f"<a href='add-checkin:{node.id}'>{_esc(checkin_text)}</a>")
            parts.append("<p>" + "　".join(actions) + "</p>")
        parts.append("<table cellspacing='0' cellpadding='3'>")
        for label, value in rows:
            parts.append(f"<tr><td style='color:{_muted(self)}; padding-right:12px'>{_esc(label)}</td>"
                         f"<td>{value}</td></tr>")
        parts.append("</table>")
        if node.detail:
            heading = self.tr("具体内容")
            parts.append(f"<h3>{_esc(heading)}</h3><p>{_esc(node.detail)}</p>")
        if node.source_excerpt:
            heading = self.tr("报告原文")
            parts.append(f"<h3>{_esc(heading)}</h3>"
                         f"<p style='background:{_quote(self)}; padding:6px'>{_esc(node.source_excerpt)}</p>")
        if extensions:
            parts.append(self._extensions_html(extensions))
        if not is_area or checkins:
            parts.append(self._checkins_html(checkins))
        parts.append(self._changes_html(changes))
        self.setHtml("".join(parts))

    def _checkins_html(self, checkins: list[CheckIn]) -> str:
        heading = self.tr("进展填报（{0}）").format(len(checkins))
        out = [f"<h3>{_esc(heading)}</h3>"]
        if not checkins:
            none = self.tr("还没有进展填报。")
            out.append(f"<p style='color:{_muted(self)}'>{_esc(none)}</p>")
        for ci in checkins:
            who = f"　{_esc(ci.reporter)}" if ci.reporter else ""
            links = ""
            if self.editable:
                edit, delete = self.tr("修改"), self.tr("删除")
                links = (f"　<a href='edit-checkin:{ci.id}'>{_esc(edit)}</a>"
                         f"　<a href='delete-checkin:{ci.id}'>{_esc(delete)}</a>")
            out.append(f"<p><b>{ci.date.isoformat()}　{_esc(words.percent(ci.progress))}</b>{who}{links}</p>")
            fields = [(self.tr("进展情况"), ci.progress_text), (self.tr("存在问题"), ci.problems),
                      (self.tr("下步措施"), ci.next_steps)]
            lines = [f"<span style='color:{_muted(self)}'>{_esc(self._label(label))}</span>{_esc(text)}"
                     for label, text in fields if text]
            if lines:
                out.append(f"<p style='margin-left:12px'>{'<br>'.join(lines)}</p>")
        return "".join(out)

    def _due_html(self, view: PlanView, node: Node, due: str) -> str:
        """The deadline; after the lock, a moved one keeps the approved date beside it."""
        text = _esc(due or "—")
        baseline = node.baseline_due.isoformat() if node.baseline_due else ""
        shown = node.due.isoformat() if node.due else f"{view.plan.year}-12-31"
        if view.plan.locked_at is not None and baseline and baseline != shown:
            note = self.tr("（原定 {0}，已延期）").format(baseline)
            text += f" <span style='color:{_warn(self)}'>{_esc(note)}</span>"
        return text

    def _extensions_html(self, extensions: list[Extension]) -> str:
        heading = self.tr("延期记录（{0}）").format(len(extensions))
        out = [f"<h3>{_esc(heading)}</h3>"]
        reason = self._label(self.tr("理由"))
        for ext in reversed(extensions):
            who = f"　{_esc(ext.who)}" if ext.who else ""
            old = ext.old_due.isoformat() if ext.old_due else ""
            new = ext.new_due.isoformat() if ext.new_due else ""
            out.append(f"<p>{_esc(ext.at[:16].replace('T', ' '))}{who}　{old} → {new}<br>"
                       f"<span style='color:{_muted(self)}'>{_esc(reason)}</span>"
                       f"{_esc(ext.reason)}</p>")
        return "".join(out)

    def _changes_html(self, changes: list[LogEntry]) -> str:
        heading = self.tr("变更记录（{0}）").format(len(changes))
        out = [f"<h3>{_esc(heading)}</h3>"]
        if not changes:
            none = self.tr("没有变更。")
            out.append(f"<p style='color:{_muted(self)}'>{_esc(none)}</p>")
        for ch in changes:
            when = _esc(ch.at[:16].replace("T", " "))
            who = f"　{_esc(ch.who)}" if ch.who else ""
            label = self._label(words.field_name(ch.field))
            if ch.field in ("created", "deleted"):  # the whole item: its title, no arrow
                what = _esc((ch.new if ch.field == "created" else ch.old) or "")
                out.append(f"<p>{when}{who}　{_esc(label)}{what}</p>")
                continue
            old, new = self._shown(ch.field, ch.old), self._shown(ch.field, ch.new)
            out.append(f"<p>{when}{who}　{_esc(label)}{_esc(old)} → {_esc(new)}</p>")
        return "".join(out)

    def _label(self, name: str) -> str:
        """"进展情况：" — the colon differs between Chinese and English."""
        return self.tr("{0}：").format(name)

    def _shown(self, field: str, value: str | None) -> str:
        if not value:
            return self.tr("（空）")
        return words.status_name(value) if field == "status" else value
