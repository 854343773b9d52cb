"""The core must run without Qt, keyboard hooks or clipboard libraries."""

import subprocess
import sys

FORBIDDEN = ("PySide6", "shiboken6", "keyboard", "pyperclip", "Xlib")


def test_importing_the_whole_core_loads_no_gui_or_os_hook_module():
    code = (
        "import pkgutil, importlib, sys, desktop.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'desktop.core.'):\n"
        "    importlib.import_module(m.name)\n"
        f"bad = [n for n in sys.modules if n.split('.')[0] in {FORBIDDEN!r}]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
