"""A stand-in for Qianniu's chat box: a text window that saves what it receives.

Run as a separate process by the end-to-end tests; every change of its text is
written to the file given on the command line, so the test can read it.
"""

import sys
from pathlib import Path

from PySide6 import QtWidgets


def main() -> int:
    out = Path(sys.argv[1])
    app = QtWidgets.QApplication(sys.argv[:1])
    edit = QtWidgets.QPlainTextEdit()
    edit.setWindowTitle("qr-target")
    edit.resize(500, 300)
    edit.move(600, 100)

    def save() -> None:
        tmp = out.with_suffix(".tmp")
        tmp.write_text(edit.toPlainText(), encoding="utf-8")
        tmp.replace(out)

    edit.textChanged.connect(save)
    edit.show()
    save()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
