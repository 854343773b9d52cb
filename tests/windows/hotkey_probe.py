"""Run by the Windows lane under Wine: the app's real Windows platform (``create_platform``)
registers the hotkey; every activation prints a line, so the test can count them."""

import sys

from PySide6 import QtCore, QtWidgets

from desktop.platform import create_platform


def main() -> int:
    app = QtWidgets.QApplication(sys.argv[:1])
    platform = create_platform()
    platform.hotkey.activated.connect(lambda: print("activated", flush=True))
    platform.hotkey.register(sys.argv[1])
    print(f"registered {platform.name}", flush=True)
    QtCore.QTimer.singleShot(int(float(sys.argv[2]) * 1000), app.quit)
    app.exec()
    platform.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
