"""The fill-in form under the preview: one input per placeholder the agent must see.

Built-ins (今天, 发货日 …) and store variables (店铺名 …) fill themselves and are
not shown: asking about them would only slow the agent down.  Buyer fields
that are already known *are* shown, pre-filled, because a wrong order number
is worse than a missing one and the agent must be able to correct it.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.core.text.template import BUILTINS, Field, fields
from desktop.qt import Qt, QtWidgets, Signal

MISSING_PROPERTY = "missing"
_STYLE = """
QLineEdit[missing="true"], QComboBox[missing="true"] {
    border: 2px solid #d93025;
    border-radius: 3px;
    padding: 1px 3px;
    background: #fff4f3;
}
"""


def _filled(values: Mapping[str, str], name: str) -> str | None:
    """The value for ``name`` if it counts as provided (empty or blank does not)."""
    value = values.get(name)
    return value if isinstance(value, str) and value.strip() else None


def _default(field: Field) -> str:
    """What the phrase itself would put there if the agent typed nothing."""
    if field.choices:
        return field.choices[0]
    return field.fallback or ""


class FillForm(QtWidgets.QWidget):
    """Inputs for one phrase's placeholders; the popup renders from ``values()``."""

    changed = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fillForm")
        self.setStyleSheet(_STYLE)
        self._layout = QtWidgets.QFormLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setHorizontalSpacing(10)
        self._layout.setVerticalSpacing(6)
        self._layout.setFieldGrowthPolicy(
            QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow
        )
        self._layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._rows: list[tuple[Field, QtWidgets.QLineEdit | QtWidgets.QComboBox]] = []

    # ----- building ------------------------------------------------------------
    def set_phrase(
        self,
        body: str,
        *,
        buyer: Mapping[str, str] | None = None,
        store: Mapping[str, str] | None = None,
    ) -> None:
        """Show inputs for ``body``: buyer fields pre-filled, others from the phrase's defaults."""
        self.clear()
        buyer = buyer or {}
        store = store or {}
        for field in fields(body):
            known = _filled(buyer, field.name)
            if known is None and (field.name in BUILTINS or _filled(store, field.name)):
                continue
            self._add_row(field, known)

    def clear(self) -> None:
        """Drop every row.  Widgets are deleted later, not now: the popup may be
        inside one of their event handlers (Ctrl+digit typed in a field)."""
        while self._layout.rowCount():
            taken = self._layout.takeRow(0)
            for item in (taken.labelItem, taken.fieldItem):
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()
        self._rows = []

    def _add_row(self, field: Field, known: str | None) -> None:
        editor: QtWidgets.QLineEdit | QtWidgets.QComboBox
        if field.choices:
            combo = QtWidgets.QComboBox(self)
            combo.setEditable(True)
            combo.setInsertPolicy(QtWidgets.QComboBox.InsertPolicy.NoInsert)
            combo.addItems(list(field.choices))
            if known is not None:
                combo.setEditText(known)
            combo.currentTextChanged.connect(lambda _t, w=combo: self._on_edit(w))
            editor = combo
        else:
            line = QtWidgets.QLineEdit(self)
            line.setText(known if known is not None else field.fallback or "")
            if field.required:
                line.setPlaceholderText(self.tr("必填"))
            else:
                line.setPlaceholderText(field.fallback or "")
            line.textChanged.connect(lambda _t, w=line: self._on_edit(w))
            editor = line
        editor.setObjectName(f"field:{field.name}")
        editor.setProperty(MISSING_PROPERTY, False)
        label = QtWidgets.QLabel(field.name, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setBuddy(editor)
        self._layout.addRow(label, editor)
        self._rows.append((field, editor))

    def _on_edit(self, editor: QtWidgets.QWidget) -> None:
        if editor.property(MISSING_PROPERTY) and _text(editor).strip():
            _set_missing(editor, False)
        self.changed.emit()

    # ----- reading -------------------------------------------------------------
    def has_fields(self) -> bool:
        return bool(self._rows)

    def names(self) -> list[str]:
        return [field.name for field, _ in self._rows]

    def editors(self) -> list[QtWidgets.QWidget]:
        return [editor for _, editor in self._rows]

    def editor(self, name: str) -> QtWidgets.QWidget | None:
        for field, editor in self._rows:
            if field.name == name:
                return editor
        return None

    def values(self) -> dict[str, str]:
        """Every shown field's text, trimmed (an empty one counts as not provided)."""
        return {field.name: _text(editor).strip() for field, editor in self._rows}

    def entered_values(self) -> dict[str, str]:
        """Values that carry information: not empty and not just the phrase's own default.

        These are what may be remembered for the buyer; the fallback ``亲`` is
        not the buyer's nickname.
        """
        out: dict[str, str] = {}
        for field, editor in self._rows:
            value = _text(editor).strip()
            if value and value != _default(field):
                out[field.name] = value
        return out

    def missing_required(self) -> list[str]:
        return [
            field.name
            for field, editor in self._rows
            if field.required and not _text(editor).strip()
        ]

    # ----- focus ---------------------------------------------------------------
    def focus_first(self) -> bool:
        if not self._rows:
            return False
        self._rows[0][1].setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def focus_first_missing(self) -> str | None:
        """Mark every empty required field and put the cursor in the first one."""
        first: str | None = None
        for field, editor in self._rows:
            empty = field.required and not _text(editor).strip()
            _set_missing(editor, empty)
            if empty and first is None:
                first = field.name
                editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return first


def _text(editor: QtWidgets.QWidget) -> str:
    if isinstance(editor, QtWidgets.QComboBox):
        return editor.currentText()
    if isinstance(editor, QtWidgets.QLineEdit):
        return editor.text()
    return ""


def _set_missing(editor: QtWidgets.QWidget, missing: bool) -> None:
    """Dynamic properties are only re-read by the style sheet on a re-polish."""
    editor.setProperty(MISSING_PROPERTY, missing)
    style = editor.style()
    style.unpolish(editor)
    style.polish(editor)
    editor.update()
