"""Refresh the translations: lupdate the UI sources and the core's ``Message`` patterns into the
.ts, lrelease the .ts into the .qm.

    python resources/translations/refresh.py

New or changed strings come out ``unfinished``; translate them in Qt Linguist
(``pyside6-linguist resources/translations/quickreply_en.ts``), then run this
again so the .qm matches.  tests/ui/test_translations.py fails until both are done.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGUAGES = ("en",)
FALLBACK_CONTEXT = ""  # desktop/ui/i18n.py looks here when a class context misses


def ts_path(language: str) -> Path:
    return HERE / f"quickreply_{language}.ts"


def qm_path(language: str) -> Path:
    return HERE / f"quickreply_{language}.qm"


def sources(root: Path = ROOT) -> list[Path]:
    """Every file whose strings the user sees in a window: the wiring and the widgets."""
    ui = sorted((root / "desktop" / "ui").rglob("*.py"))
    return [root / "desktop" / "app.py", *ui]


def message_sources(root: Path = ROOT) -> list[Path]:
    """Qt-free code whose ``Message("…")`` patterns reach a window: the core and the OS layer."""
    desktop = root / "desktop"
    return sorted((desktop / "core").rglob("*.py")) + sorted((desktop / "platform").rglob("*.py"))


def tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease``, installed with PySide6."""
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise RuntimeError(f"pyside6-{name} not found; it comes with PySide6")
    return found


def lupdate(ts: Path, language: str, files: list[Path] | None = None) -> None:
    """Merge the strings marked in ``files`` into ``ts``, dropping ones no longer used."""
    command = [tool("lupdate"), "-silent", "-no-obsolete", "-locations", "relative"]
    command += ["-source-language", "zh_CN", "-target-language", language]
    # Message("…") is read like QT_TR_NOOP: its patterns land in the fallback context,
    # where desktop/ui/i18n.py's says() looks them up.
    command += ["-tr-function-alias", "QT_TR_NOOP+=Message"]
    command += [str(f) for f in files or sources() + message_sources()] + ["-ts", str(ts)]
    subprocess.run(command, check=True)


def with_fallback(ts_text: str) -> str:
    """The same catalogue plus a copy of every message in the fallback context."""
    root = ET.fromstring(ts_text)
    contexts = root.findall("context")
    fallback = next(
        (c for c in contexts if (c.findtext("name") or "") == FALLBACK_CONTEXT), None
    )
    if fallback is None:
        fallback = ET.SubElement(root, "context")
        ET.SubElement(fallback, "name").text = FALLBACK_CONTEXT
    seen = {_key(m) for m in fallback.findall("message")}
    for context in contexts:
        if context is fallback:
            continue
        for message in context.findall("message"):
            if _key(message) not in seen:
                seen.add(_key(message))
                fallback.append(message)
    return ET.tostring(root, encoding="unicode")


def _key(message: ET.Element) -> tuple[str, str]:
    return message.findtext("source") or "", message.findtext("comment") or ""


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` (with the fallback context added) into ``qm``."""
    with tempfile.TemporaryDirectory() as tmp:
        merged = Path(tmp) / ts.name
        merged.write_text(with_fallback(ts.read_text(encoding="utf-8")), encoding="utf-8")
        subprocess.run([tool("lrelease"), "-silent", str(merged), "-qm", str(qm)], check=True)


def main() -> int:
    for language in LANGUAGES:
        lupdate(ts_path(language), language)
        lrelease(ts_path(language), qm_path(language))
        text = ts_path(language).read_text(encoding="utf-8")
        todo = text.count('type="unfinished"')
        print(f"{ts_path(language).name}: {todo} to translate" if todo else f"{language}: complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
