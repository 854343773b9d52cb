"""The English UI is complete, and stays complete as strings are added.

Guards, cheapest first: no Chinese literal in UI code escapes ``tr()``; every
string lupdate finds has a finished English translation with the same
placeholders; the committed .qm is what the .ts compiles to; and with the
translators installed, real windows show English (and Qt's own buttons
Chinese under zh_CN).  When one fails: mark the string, then run
``python resources/translations/refresh.py`` and translate what it reports.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from desktop.core import Library
from desktop.core.exchange.seed import open_library
from desktop.core.store.settings import STORE_PREFIX, STORE_VARIABLES
from desktop.core.text.buyer import FIELDS as BUYER_FIELDS
from desktop.core.text.template import BUILTINS
from desktop.qt import QtCore, QtGui, QtWidgets
from desktop.ui import i18n

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
HAN = re.compile(r"[\u3400-\u9fff]")
TR_CALLS = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"}
LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical"}

# Chinese that is data, not wording: the placeholder keys agents type in phrases.
DATA_KEYS = {
    *BUYER_FIELDS, *STORE_VARIABLES, *BUILTINS, *(STORE_PREFIX + v for v in STORE_VARIABLES)
}
ALLOWED = {  # per file, literals that stay Chinese in every UI language, and why
    "desktop/ui/icon.py": {"快"},  # the brand glyph drawn on the tray icon
    "desktop/ui/settings_dialog.py": {"一二三四五六日", "日", "天", "中文"},  # stored days; 中文 names itself
    "desktop/ui/smoke.py": {"发货"},  # a query the smoke test types
    "desktop/ui/library/editor_parts.py": {"小王", "纯棉T恤", "顺丰", "示例旗舰店", "小林"},  # sample buyer
    "desktop/ui/library/handbook_pdf.py": {"QuickReply 快回", "中"},  # PDF metadata; a glyph probe
    "desktop/ui/library/window.py": {"未分类"},  # the library's default category: data
}
# lines of `quickreply doctor`: the CLI's language
NOT_UI = {"desktop/ui/desktop_checks.py", "desktop/ui/binding_check.py"}


def _load_refresh() -> ModuleType:
    path = ROOT / "resources" / "translations" / "refresh.py"
    spec = importlib.util.spec_from_file_location("translations_refresh", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


refresh = _load_refresh()


# ----- 1. nothing user-visible escapes tr() ------------------------------------
def _call_name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _exempt_nodes(tree: ast.Module) -> set[int]:
    """Docstrings, literal arguments of tr()-style calls, and whole logger calls."""
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                exempt.add(id(first.value))
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node.func)
        if name in TR_CALLS:
            exempt.update(id(a) for a in node.args if isinstance(a, ast.Constant))
        receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
        if name in LOG_METHODS and isinstance(receiver, ast.Name) and "log" in receiver.id:
            exempt.update(id(sub) for sub in ast.walk(node))
    return exempt


def unmarked_chinese(path: Path, allowed: Collection[str] = ()) -> list[str]:
    """``line: text`` for each Chinese literal that would reach the user untranslated.

    An f-string with Chinese counts even inside tr(): lupdate cannot extract it.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exempt = _exempt_nodes(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            exempt.update(id(v) for v in node.values)
            text = "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
            if HAN.search(text):
                found.append(f"{node.lineno}: f-string {text!r}")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in exempt
            and HAN.search(node.value)
            and node.value not in DATA_KEYS
            and node.value not in allowed
        ):
            found.append(f"{node.lineno}: {node.value!r}")
    return found


def test_every_chinese_literal_in_ui_code_is_marked_for_translation():
    problems = []
    for path in refresh.sources():
        rel = path.relative_to(ROOT).as_posix()
        if rel not in NOT_UI:
            problems += [f"{rel}:{p}" for p in unmarked_chinese(path, ALLOWED.get(rel, set()))]
    assert not problems, "wrap these in tr() (or list data in ALLOWED):\n" + "\n".join(problems)


def test_the_scan_catches_a_bare_literal_and_an_f_string(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""模块说明。"""\n'
        'log.info("日志不翻译")\n'
        'ok = self.tr("搜索话术")\n'
        'bad = QLabel("当前买家")\n'
        'worse = self.tr(f"共 {n} 条")\n',
        encoding="utf-8",
    )
    assert unmarked_chinese(sample) == ["4: '当前买家'", "5: f-string '共  条'"]


def chinese_raised_outside_messages(path: Path) -> list[str]:
    """``line: text`` for Chinese an exception carries that is not a ``Message("…")`` pattern.

    What the core and the OS layer raise reaches windows through ``i18n.says``,
    which can translate only a ``Message`` whose pattern lupdate could read.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Raise) or node.exc is None:
            continue
        patterns: set[int] = set()
        for sub in ast.walk(node.exc):
            if isinstance(sub, ast.Call) and _call_name(sub.func) == "Message" and sub.args:
                first = sub.args[0]
                if isinstance(first, ast.Constant):
                    patterns.add(id(first))
                else:
                    found.append(f"{sub.lineno}: Message pattern is not a literal")
        for sub in ast.walk(node.exc):
            if isinstance(sub, ast.JoinedStr):
                patterns.update(id(v) for v in sub.values)  # judged as a whole, here
                if any(isinstance(v, ast.Constant) and HAN.search(str(v.value)) for v in sub.values):
                    found.append(f"{sub.lineno}: f-string")
            elif (
                isinstance(sub, ast.Constant)
                and isinstance(sub.value, str)
                and id(sub) not in patterns
                and HAN.search(sub.value)
            ):
                found.append(f"{sub.lineno}: {sub.value!r}")
    return sorted(set(found))


def test_what_the_core_raises_in_chinese_is_a_translatable_message():
    problems = []
    for path in refresh.message_sources():
        rel = path.relative_to(ROOT).as_posix()
        problems += [f"{rel}:{p}" for p in chinese_raised_outside_messages(path)]
    assert not problems, "write these as Message(\"…\", name=value):\n" + "\n".join(problems)


def test_the_core_scan_catches_f_strings_and_bare_literals(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'raise ValidationError(Message("没有这个分类：{path}", path=p))\n'
        'raise ValidationError(f"没有这个分类：{p}")\n'
        'raise NotFoundError("没有这条话术")\n'
        'raise PackError(Message(pattern))\n'
        'raise ValueError("plain English is left alone")\n',
        encoding="utf-8",
    )
    assert chinese_raised_outside_messages(sample) == [
        "2: f-string", "3: '没有这条话术'", "4: Message pattern is not a literal"
    ]


# ----- 2. lupdate finds nothing the English file lacks --------------------------
Key = tuple[str, str, str]  # context, source, disambiguation


def _messages(ts: Path) -> dict[Key, ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (c.findtext("name") or "", m.findtext("source") or "", m.findtext("comment") or ""): m
        for c in root.findall("context")
        for m in c.findall("message")
    }


def _translations(message: ET.Element) -> list[str]:
    node = message.find("translation")
    assert node is not None
    forms = node.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [node.text or ""]


@pytest.fixture(scope="module")
def committed() -> dict[Key, ET.Element]:
    return _messages(refresh.ts_path("en"))


def test_every_marked_string_has_a_finished_english_translation(tmp_path, committed):
    fresh = tmp_path / "fresh_en.ts"
    refresh.lupdate(fresh, "en")
    current = _messages(fresh)
    assert len(current) > 200  # lupdate really read the sources
    missing = [k for k in current if k not in committed]
    unfinished = [
        k for k, m in committed.items()
        if m.find("translation").get("type") or not all(t.strip() for t in _translations(m))
    ]  # fmt: skip
    stale = [k for k in committed if k not in current]
    assert not missing, f"not in quickreply_en.ts (run refresh.py, then translate): {missing}"
    assert not unfinished, f"untranslated in quickreply_en.ts: {unfinished}"
    assert not stale, f"no longer in the sources (run refresh.py): {stale}"


def test_translations_keep_placeholders_and_field_names(committed):
    def marks(text: str) -> tuple[list[str], list[str]]:
        return sorted(re.findall(r"%\d|%n", text)), sorted(re.findall(r"\{[^{}\s]*\}", text))

    wrong = [
        (source, text)
        for (_c, source, _d), message in committed.items()
        for text in _translations(message)
        if marks(source) != marks(text)
    ]
    assert not wrong


def test_the_committed_qm_is_built_from_the_committed_ts(tmp_path):
    rebuilt = tmp_path / "quickreply_en.qm"
    refresh.lrelease(refresh.ts_path("en"), rebuilt)
    assert rebuilt.read_bytes() == refresh.qm_path("en").read_bytes(), "run refresh.py"


# ----- 3. the translators at work -------------------------------------------------
def _cancel_text() -> str:
    box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
    return box.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).text()


def test_english_translates_our_widgets_and_leaves_qt_in_english(language):
    from desktop.app import tr as app_tr
    from desktop.ui import crash, recovery
    from desktop.ui.tray import Tray

    assert language("en") == "en"
    tray = Tray()
    assert tray.menu.actions()[0].text() == "Search phrases"
    assert app_tr("快回 搜索") == "QuickReply Search"  # a module-level tr() helper
    assert crash.tr("快回出错了") == "QuickReply error"  # shown before any library opens
    assert recovery.tr("恢复最近的备份") == "Restore the latest backup"
    assert i18n.field_label("订单号") == "Order number (订单号)"
    assert _cancel_text() == "Cancel"


def test_chinese_needs_no_catalogue_of_ours_but_translates_qt(language):
    from desktop.ui.tray import Tray

    assert language("zh_CN") == "zh_CN"
    tray = Tray()
    assert tray.menu.actions()[0].text() == "搜索话术"
    assert i18n.field_label("订单号") == "订单号"
    assert _cancel_text() == "取消"


@pytest.mark.parametrize(
    ("setting", "system", "chosen"),
    [
        ("auto", "zh_CN", "zh_CN"),
        ("auto", "zh_TW", "zh_CN"),
        ("auto", "en_GB", "en"),
        ("auto", "C", "zh_CN"),
        ("auto", "POSIX", "zh_CN"),
        ("auto", "de_DE", "en"),
        ("en", "zh_CN", "en"),
        ("zh_CN", "de_DE", "zh_CN"),
    ],
)
def test_auto_follows_the_system_locale(setting, system, chosen):
    assert i18n.choose(setting, system) == chosen


def test_the_stored_setting_is_read_without_opening_the_library(tmp_path):
    path = tmp_path / "library.db"
    assert i18n.stored_language(path) == "auto"  # no file yet
    with open_library(path) as lib:
        assert i18n.stored_language(path) == "auto"  # the default
        lib.set_setting("language", "en")
    assert i18n.stored_language(path) == "en"
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a database" * 100)
    assert i18n.stored_language(damaged) == "auto"


def _shown_texts(window: QtWidgets.QWidget) -> Iterator[str]:
    """The wording a window shows: titles, labels, buttons, menus, headers, hints."""
    widgets = [window, *window.findChildren(QtWidgets.QWidget)]
    actions = window.findChildren(QtGui.QAction)
    for widget in widgets:
        actions += widget.actions()
        yield widget.windowTitle() if widget.isWindow() else ""
        yield widget.toolTip()
        for getter in ("text", "title", "placeholderText", "suffix"):
            if isinstance(widget, (QtWidgets.QLineEdit, QtWidgets.QPlainTextEdit)) and getter == "text":
                continue  # what the agent typed, or phrase text
            value = getattr(widget, getter, None)
            if callable(value):
                try:
                    result = value()
                except TypeError:
                    continue
                yield result if isinstance(result, str) else ""
        if isinstance(widget, QtWidgets.QComboBox):
            yield from (widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QtWidgets.QHeaderView) and widget.model() is not None:
            model, horizontal = widget.model(), widget.orientation()
            yield from (str(model.headerData(i, horizontal) or "") for i in range(widget.count()))
        if isinstance(widget, QtWidgets.QAbstractItemView) and widget.model() is not None:
            yield from _item_texts(widget.model())
    for action in actions:
        yield action.text()
        yield action.toolTip()


def _item_texts(model: QtCore.QAbstractItemModel) -> Iterator[str]:
    """Fixed rows such as 常用 or 全部话术 (the library is empty, so nothing else)."""
    parents = [QtCore.QModelIndex()]
    for parent in parents:
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                yield str(index.data() or "")
                yield str(index.data(QtCore.Qt.ItemDataRole.ToolTipRole) or "")
            parents.append(model.index(row, 0, parent))


def _untranslated(texts: Iterator[str]) -> set[str]:
    def strip_data(text: str) -> str:
        for key in sorted(DATA_KEYS | {"中文"}, key=len, reverse=True):
            text = text.replace(key, "")
        return text

    return {t for t in texts if HAN.search(strip_data(t))}


def test_english_windows_show_no_chinese(language):
    """An empty library, so any Chinese on screen is wording rather than phrase data."""
    from desktop.app import QuickReplyApp
    from desktop.platform.base import Platform
    from desktop.platform.fake import FakeFocus, FakeHotkey, FakeKeystroke

    language("en")
    app = QuickReplyApp(
        Library.memory(), Platform("fake", FakeHotkey(), FakeFocus(), FakeKeystroke())
    )
    app.start()
    try:
        app.open_popup()
        app.edit_buyer()
        app.edit_settings()
        app.open_stats()
        app.open_library()
        app.tray.import_requested.emit()
        app.tray.subscriptions_requested.emit()
        app.show_side_panel(True)
        windows = [app.popup, app.side_panel, *app._dialogs]
        assert app.library_window is not None
        windows.append(app.library_window)
        shown = {text for w in windows for text in _shown_texts(w)}
        shown |= {a.text() for a in app.tray.menu.actions()} | {app.tray.toolTip()}
        assert "Phrase library" in shown and "Language" in shown
        assert _untranslated(iter(shown)) == set()
    finally:
        for dialog in list(app._dialogs):
            dialog.close()
        if app.library_window is not None:
            app.library_window.close()
        app.popup.hide()
        app.shutdown()


# ----- 4. what the core says, in the UI's language --------------------------------
def test_refusals_from_the_core_read_in_english(qtbot, lib, tmp_path, language):
    """Settings, import and library refusals come from core code; the English UI says them in English."""
    from desktop.ui.import_dialog import ImportDialog
    from desktop.ui.settings_dialog import SettingsDialog

    language("en")
    settings = SettingsDialog(lib)
    qtbot.addWidget(settings)
    settings.hotkey.setText("ctrl+space")
    settings.accept()
    assert settings.error.text() == (
        "Ctrl+Space / Shift+Space switch the Chinese input method; please choose another"
    )

    dialog = ImportDialog(lib)
    qtbot.addWidget(dialog)
    broken = tmp_path / "团队话术.xlsx"
    broken.write_bytes(b"not a zip")
    dialog.load_file(str(broken))
    assert dialog.status.text() == (
        "团队话术.xlsx is not a valid xlsx file (it may be damaged or incomplete)"
    )  # the file name is data and stays as it is
    sheet = tmp_path / "in.csv"
    sheet.write_text("标题,内容,别的\n好,好的\n空,\n", encoding="utf-8")
    dialog.load_file(str(sheet))
    assert dialog.bad_list.toPlainText() == "Row 3: content is empty"
    assert "Ignored unknown columns: 别的" in dialog.summary.text()


def test_a_library_refusal_and_lint_findings_read_in_english(qtbot, lib, language):
    from desktop.ui.library.window import LibraryWindow

    language("en")
    lib.add("退货说明", "支持七天无理由退货", "售后", code="th")
    taken = lib.add("换货说明", "可以换货", "售后", code="hh")
    window = LibraryWindow(lib)
    qtbot.addWidget(window)
    asked: list[str] = []
    window.confirm = lambda title, text: asked.append(text) or True  # 放弃修改并关闭
    window.show()  # hiding it on close stops the editor's pending lint
    qtbot.waitExposed(window)
    window.editor.show_phrase(lib.get(taken.id))
    window.editor.body.setPlainText("加我微信，保证最低价")
    qtbot.waitUntil(lambda: window.editor.lint_list.count() >= 2)
    findings = [window.editor.lint_list.item(i).text() for i in range(window.editor.lint_list.count())]
    assert "“微信” Off-platform contact: directing buyers to contact or trade off the platform " \
        "breaks its rules and may be penalised; please remove it" in findings
    assert not any("站外引流" in text or "广告法" in text for text in findings)
    window.editor.code.setText("th")
    assert not window.save_editor()
    assert window.editor.error.text().startswith("Shortcut code th is already used by “退货说明”")
    assert lib.find_by_code("hh").title == "换货说明"  # refused: the code stayed
    assert lib.find_by_code("th").title == "退货说明"
    window.close()
    assert asked and asked[0].startswith("This phrase cannot be saved: Shortcut code th")


def test_a_subscription_problem_stored_last_week_still_reads_in_english(tmp_path, language):
    """The last problem is kept in the library file; the English list translates it."""
    import json

    from desktop.core.team import subscriptions as subs
    from desktop.ui.subscriptions_dialog import status_text

    pack = tmp_path / "team.json"
    pack.write_text(json.dumps({"format": "quickreply.pack", "version": 1, "phrases": []}))
    with Library.open(tmp_path / "agent.db") as lib:
        sub = subs.subscribe(lib, str(pack)).subscription
        pack.unlink()
        subs.update(lib, sub)
    language("en")
    with Library.open(tmp_path / "agent.db") as lib:
        shown = status_text(subs.all_subscriptions(lib)[0])
    assert "File not found (is the shared folder connected?): " in shown
    assert str(pack) in shown and not HAN.search(shown.replace(str(pack), ""))
