"""The right-hand editor: title, code, tags, note (适用场景) and body, with a live
preview and the linter's findings as the user types.

The editor only reads the library (to flag a taken code and fill the
preview); saving is the window's job, through the undo stack.  "Dirty" means
the fields differ from what was loaded, so typing and then typing back is
not a change worth saving.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop.core import Library, QuickReplyError
from desktop.core.store.models import Phrase
from desktop.core.store.suggestions import clean_examples
from desktop.core.store.validation import clean_accept, clean_code, clean_tags
from desktop.core.text.lint import lint
from desktop.core.text.template import render
from desktop.qt import Qt, QtGui, QTimer, QtWidgets, Signal
from desktop.ui.i18n import says
from desktop.ui.library import editor_parts as parts

LINT_DELAY_MS = 200
_FIELDS = ("title", "code", "tags", "note", "examples", "accept", "body")
EXAMPLE_SEPARATOR = " | "


class PhraseEditor(QtWidgets.QWidget):
    dirty_changed = Signal(bool)

    def __init__(self, library: Library, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = library
        self.phrase: Phrase | None = None
        self.draft_category: tuple[str, ...] | None = None
        self._baseline: dict[str, str] = dict.fromkeys(_FIELDS, "")
        self._was_dirty = False
        self._read_only = True
        self.browse = False
        self._lint_timer = QTimer(self, singleShot=True, interval=LINT_DELAY_MS)
        self._lint_timer.timeout.connect(self._check)
        self._build()
        self.show_phrase(None)

    # ----- construction ----------------------------------------------------------
    def _build(self) -> None:
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 6)
        self.banner = parts.plain_label(
            "noteBanner",
            style="background: #fff4d6; border: 1px solid #e8c66a; border-radius: 3px;"
            " padding: 6px; font-size: 11pt;",
        )
        self.error = parts.plain_label("editorError", style="color: #c5221f;")
        self.empty = QtWidgets.QLabel(self.tr("选择一条话术，或按 Ctrl+N 新建"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #707070;")
        self.title = QtWidgets.QLineEdit(placeholderText=self.tr("标题，例如：发货时间"))
        self.code = QtWidgets.QLineEdit(placeholderText=self.tr("如 fhsj"))
        self.tags = QtWidgets.QLineEdit(placeholderText=self.tr("用逗号分隔"))
        self.note = QtWidgets.QLineEdit(placeholderText=self.tr("什么时候用这条话术"))
        self.examples = QtWidgets.QLineEdit(
            placeholderText=self.tr("买家会怎么问，用 | 分隔，例如：发货了吗 | 什么时候发")
        )
        self.examples.setObjectName("examples")
        self.accept_line = QtWidgets.QLineEdit(
            placeholderText=self.tr("练习时也算答对的其他话术：快捷编码或标题，用 | 分隔")
        )
        self.accept_line.setObjectName("accept")
        self.code_warning = parts.plain_label("codeWarning", style="color: #c5221f;")
        self.body = QtWidgets.QPlainTextEdit(
            placeholderText=self.tr("话术内容；{买家昵称} 这样的占位符发送时自动填入")
        )
        self.insert_button = QtWidgets.QPushButton(self.tr("插入字段"))
        self.insert_button.setMenu(parts.field_menu(self._lib, self, self.insert_field))
        self.lint_list = parts.LintList(self.select_span)
        self.preview = parts.named(
            QtWidgets.QPlainTextEdit(readOnly=True), "preview", "background: palette(window);"
        )
        self.preview.setMaximumHeight(160)
        self.save_button = QtWidgets.QPushButton(self.tr("保存 (Ctrl+S)"))

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("标题"), self.title)
        code_row = QtWidgets.QHBoxLayout()
        code_row.addWidget(self.code, 2)
        code_row.addWidget(QtWidgets.QLabel(self.tr("标签")))
        code_row.addWidget(self.tags, 3)
        form.addRow(self.tr("快捷编码"), code_row)
        form.addRow("", self.code_warning)
        form.addRow(self.tr("适用场景"), self.note)
        form.addRow(self.tr("买家常问"), self.examples)
        form.addRow(self.tr("也算对"), self.accept_line)
        body_head = QtWidgets.QHBoxLayout()
        body_head.addWidget(QtWidgets.QLabel(self.tr("内容")))
        body_head.addStretch(1)
        body_head.addWidget(self.insert_button)

        self.form = QtWidgets.QWidget()
        inner = QtWidgets.QVBoxLayout(self.form)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(form)
        inner.addLayout(body_head)
        inner.addWidget(self.body, 2)
        inner.addWidget(self.lint_list)
        inner.addWidget(QtWidgets.QLabel(self.tr("预览（示例值）")))
        inner.addWidget(self.preview, 1)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        inner.addLayout(buttons)
        for widget in (self.banner, self.error, self.empty, self.form):
            layout.addWidget(widget)
        for line in (self.title, self.code, self.tags, self.note, self.examples, self.accept_line):
            line.textChanged.connect(self._changed)
        self.body.textChanged.connect(self._changed)
        self.code.textChanged.connect(self._check_code)

    def hideEvent(self, event: QtGui.QHideEvent) -> None:
        self._lint_timer.stop()  # nothing to show it to
        super().hideEvent(event)

    # ----- loading -----------------------------------------------------------------
    def _texts(self) -> dict[str, str]:
        return {
            "title": self.title.text(),
            "code": self.code.text(),
            "tags": self.tags.text(),
            "note": self.note.text(),
            "examples": self.examples.text(),
            "accept": self.accept_line.text(),
            "body": self.body.toPlainText(),
        }

    def _fill(self, texts: dict[str, str]) -> None:
        self.title.setText(texts["title"])
        self.code.setText(texts["code"])
        self.tags.setText(texts["tags"])
        self.note.setText(texts["note"])
        self.examples.setText(texts["examples"])
        self.accept_line.setText(texts["accept"])
        if self.body.toPlainText() != texts["body"]:
            self.body.setPlainText(texts["body"])
        self._baseline = self._texts()
        self.error.clear()
        self._check()
        self._check_code()
        self._emit_dirty()

    def show_phrase(self, phrase: Phrase | None, *, read_only: bool = False) -> None:
        """Load a saved phrase (or nothing); any unsaved text is replaced."""
        self.phrase, self.draft_category = phrase, None
        self._read_only = read_only or self.browse or phrase is None
        texts = dict.fromkeys(_FIELDS, "")
        if phrase is not None:
            texts = {
                "title": phrase.title,
                "code": phrase.code or "",
                "tags": ", ".join(phrase.tags),
                "note": phrase.note,
                "examples": EXAMPLE_SEPARATOR.join(phrase.examples),
                "accept": EXAMPLE_SEPARATOR.join(phrase.accept),
                "body": phrase.body,
            }
        self._fill(texts)
        self._apply_mode()

    def start_draft(self, category: tuple[str, ...]) -> None:
        """A new, not yet saved phrase for ``category``."""
        self.phrase, self.draft_category = None, tuple(category)
        self._read_only = False
        self._fill(dict.fromkeys(_FIELDS, ""))
        self._apply_mode()
        self.title.setFocus()

    def set_browse(self, on: bool) -> None:
        self.browse = on
        if on:
            self._read_only = True
        elif self.phrase is not None or self.draft_category is not None:
            self._read_only = False
        self._apply_mode()

    def _apply_mode(self) -> None:
        has = self.phrase is not None or self.draft_category is not None
        self.empty.setVisible(not has)
        self.form.setVisible(has)
        for line in (self.title, self.code, self.tags, self.note, self.examples, self.accept_line):
            line.setReadOnly(self._read_only)
        self.body.setReadOnly(self._read_only)
        self.insert_button.setVisible(not self._read_only)
        self.save_button.setVisible(not self._read_only)
        note = self.phrase.note if self.phrase else ""
        self.banner.setText(self.tr("适用场景：") + note)
        self.banner.setVisible(self.browse and bool(note))

    # ----- state -------------------------------------------------------------------
    @property
    def editing(self) -> bool:
        return self.phrase is not None or self.draft_category is not None

    def is_dirty(self) -> bool:
        return self.editing and not self._read_only and self._texts() != self._baseline

    def values(self) -> dict[str, Any]:
        t = self._texts()
        return {
            "title": t["title"],
            "body": t["body"],
            "code": t["code"].strip() or None,
            "tags": clean_tags([t["tags"]]),
            "note": t["note"],
            "examples": clean_examples(t["examples"]),
            "accept": clean_accept(t["accept"]),
        }

    def changes(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """(old, new) values of the fields that differ from what was loaded."""
        assert self.phrase is not None
        now, new = self._texts(), self.values()
        old = {
            "title": self.phrase.title,
            "body": self.phrase.body,
            "code": self.phrase.code,
            "tags": self.phrase.tags,
            "note": self.phrase.note,
            "examples": self.phrase.examples,
            "accept": self.phrase.accept,
        }
        changed = [k for k in _FIELDS if now[k] != self._baseline[k]]
        return {k: old[k] for k in changed}, {k: new[k] for k in changed}

    def mark_saved(self, phrase: Phrase) -> None:
        """After a save: the saved phrase is the new baseline (text kept as typed)."""
        self.phrase, self.draft_category = phrase, None
        self._baseline = self._texts()
        self.error.clear()
        self._apply_mode()
        self._emit_dirty()

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def _emit_dirty(self) -> None:
        dirty = self.is_dirty()
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed.emit(dirty)

    # ----- live feedback -----------------------------------------------------------
    def _changed(self) -> None:
        self._lint_timer.start()
        self._emit_dirty()

    def _check(self) -> None:
        """Lint and preview; runs a moment after the last keystroke."""
        body, title = self.body.toPlainText(), self.title.text()
        findings = lint(body, title) if self.editing and (body or title) else []
        self.lint_list.show_findings(findings)
        parts.underline(self.body, findings)
        text = render(body, parts.sample_values(self._lib), now=datetime.now()).text if body else ""
        self.preview.setPlainText(text)

    def _check_code(self) -> None:
        """Flag a shortcut code that another phrase already uses, before saving."""
        message = ""
        if self.code.text().strip() and not self._read_only:
            try:
                code = clean_code(self.code.text())
                other = self._lib.find_by_code(code) if code else None
            except QuickReplyError as exc:
                message, other = says(exc), None
            own = self.phrase.id if self.phrase else None
            if other is not None and other.id != own:
                message = (
                    self.tr("快捷编码「%1」已被「%2」使用")
                    .replace("%1", code or "")
                    .replace("%2", other.title)
                )
        self.code_warning.setText(message)
        self.code_warning.setVisible(bool(message))

    def insert_field(self, text: str) -> None:
        if self._read_only:
            return
        self.body.insertPlainText(text)
        self.body.setFocus()

    def select_span(self, start: int, end: int) -> None:
        text = self.body.toPlainText()
        cursor = self.body.textCursor()
        cursor.setPosition(parts.qt_pos(text, start))
        cursor.setPosition(parts.qt_pos(text, end), cursor.MoveMode.KeepAnchor)
        self.body.setTextCursor(cursor)
        self.body.setFocus()
