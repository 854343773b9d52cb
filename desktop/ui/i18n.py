"""The UI language: which one, and the translators that make every widget speak it.

Source strings are Chinese, so Chinese needs only Qt's own catalogue
(``qtbase_zh_CN``: standard buttons, file and colour dialogs, the line-edit
menu); English loads ours, ``resources/translations/quickreply_en.qm``.  The
translators go in before the first widget exists because Qt reads a text once,
when the widget is built: that is also why a change in 设置 applies at the next
start.  ``resources/translations/refresh.py`` rebuilds the ``.ts`` and ``.qm``.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from desktop.core.base.messages import translated
from desktop.core.base.resources import resource
from desktop.core.store.db import peek_setting
from desktop.qt import QT_TRANSLATE_NOOP, QtCore

log = logging.getLogger("quickreply.app")

CHINESE = "zh_CN"
ENGLISH = "en"
AUTO = "auto"
LANGUAGES = (CHINESE, ENGLISH)
FALLBACK_CONTEXT = ""  # refresh.py copies every message here too; see _AppTranslator

# Buyer fields are data keys (agents write them in phrases as {订单号}); the
# English UI names them and keeps the key in brackets so the link stays visible.
FIELD_CONTEXT = "Fields"
FIELD_LABELS = (
    QT_TRANSLATE_NOOP("Fields", "买家昵称"),
    QT_TRANSLATE_NOOP("Fields", "订单号"),
    QT_TRANSLATE_NOOP("Fields", "商品"),
    QT_TRANSLATE_NOOP("Fields", "快递公司"),
    QT_TRANSLATE_NOOP("Fields", "运单号"),
)

_installed: list[QtCore.QTranslator] = []  # owned here: a translator must outlive its use


def choose(setting: str, system: str) -> str:
    """``auto`` follows the system locale: any Chinese one gives Chinese, a real other
    language English.  A machine with no locale set (``C``/``POSIX``) says nothing
    about its user, so it gets the product's default, Chinese."""
    if setting in LANGUAGES:
        return setting
    name = system.lower()
    if name.startswith("zh") or name in ("", "c", "posix"):
        return CHINESE
    return ENGLISH


def stored_language(db_path: Path) -> str:
    """The ``language`` setting, read before the library is opened (and maybe found damaged).

    Read-only and forgiving: a missing or damaged file means ``auto``, and the
    recovery dialog that follows then speaks the system's language.
    """
    value = peek_setting(db_path, "language")
    if value is None:
        log.info("no language setting readable in %s, following the system", db_path.name)
    return value or AUTO


def field_label(name: str) -> str:
    """A buyer field's label: the key itself in Chinese, "Order number (订单号)" in English."""
    return QtCore.QCoreApplication.translate(FIELD_CONTEXT, name)


def says(text: object) -> str:
    """What the core said (a ``Message``, or an exception carrying one) in the UI language.

    Core patterns sit in the fallback context of our catalogue; Chinese has no
    catalogue, so there the pattern comes back unchanged.  Anything that is not
    a ``Message`` (a file name, an OS error text) is shown as it is.
    """
    return translated(
        text, lambda pattern: QtCore.QCoreApplication.translate(FALLBACK_CONTEXT, pattern)
    )


def named(name: str, text: str) -> str:
    """``「name」text``: what happened, after the subscription or category it happened to."""
    pattern = QtCore.QCoreApplication.translate("i18n", "「%1」%2")
    return re.sub("%([12])", lambda m: name if m.group(1) == "1" else text, pattern)


class _AppTranslator(QtCore.QTranslator):
    """Our catalogue, looked up by context first and then by source text alone.

    lupdate names a context after the class or object a ``tr`` call is written
    on (a module helper gets none, ``w.tr`` gets ``w``), while at run time
    PySide uses the object's own class, a subclass included.  The fallback
    context makes the text, not the spelling of the call, decide.
    """

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = data  # QTranslator reads this buffer in place; keep it alive
        if not self.load(data):
            raise ValueError("not a Qt translation file")

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        text = super().translate(context, source, disambiguation, n)
        if not text and context != FALLBACK_CONTEXT:
            text = super().translate(FALLBACK_CONTEXT, source, disambiguation, n)
        # None reaches Qt as a null string, "not mine: ask the next translator";
        # an empty one would blank Qt's own texts (standard buttons) in English.
        return text or None


def _qt_translator(language: str) -> QtCore.QTranslator | None:
    """Qt's own strings (standard buttons, dialogs) from the Qt installation or bundle."""
    folder = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QtCore.QTranslator()
    if translator.load(QtCore.QLocale(language), "qtbase", "_", folder):
        return translator
    log.info("no Qt translation for %s in %s", language, folder)
    return None


def _app_translator(language: str) -> QtCore.QTranslator | None:
    if language == CHINESE:
        return None  # the source strings are Chinese
    try:
        data = resource("translations", f"quickreply_{language}.qm").read_bytes()
        return _AppTranslator(data)
    except (OSError, ValueError) as exc:
        log.warning("translation %s not loaded: %s", language, exc)
        return None


def install(app: QtCore.QCoreApplication, language_setting: str) -> str:
    """Install the translators for ``language_setting`` (``auto``, ``zh_CN`` or ``en``).

    Returns the language chosen.  Calling it again replaces the earlier ones.
    """
    remove(app)
    system = QtCore.QLocale.system()
    language = choose(language_setting, system.name())
    if not system.name().startswith(language.split("_")[0]):
        # Dates, numbers and day names in widgets follow the UI, not the system.
        QtCore.QLocale.setDefault(QtCore.QLocale(language))
    for make in (_qt_translator, _app_translator):
        translator = make(language)
        if translator is not None and app.installTranslator(translator):
            _installed.append(translator)
    log.info("UI language %s (setting %s, system %s)", language, language_setting, system.name())
    return language


def remove(app: QtCore.QCoreApplication) -> None:
    """Take out what ``install`` put in and go back to the system locale."""
    while _installed:
        app.removeTranslator(_installed.pop())
    QtCore.QLocale.setDefault(QtCore.QLocale.system())
