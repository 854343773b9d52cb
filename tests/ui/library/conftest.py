"""A small library and its window; dialogs answered by the test, never shown."""

from __future__ import annotations

import pytest

from desktop.core import Library

PHRASES = [
    # title, body, category, code
    ("问好", "亲，在的～有什么可以帮您？", "售前/迎接", "hy"),
    ("尺码推荐", "麻烦发一下身高体重，帮您推荐尺码", "售前/尺码", "cm"),
    ("退货说明", "支持七天无理由退货", "售后/退换货", "th"),
    ("换货说明", "可以换货，运费我们出", "售后/退换货", "hh"),
    ("退款进度", "退款已经处理，1-3 天到账", "售后/退款", "tk"),
    ("粗体测试", "<b>粗体</b><img src=x>", "其他", "html"),
]


@pytest.fixture
def shop(lib: Library) -> Library:
    for title, body, category, code in PHRASES:
        lib.add(title, body, category, code=code)
    lib.ensure_category("售后", note="收货以后的问题")
    return lib


@pytest.fixture
def window(qtbot, shop):
    from desktop.ui.library.window import LibraryWindow

    win = LibraryWindow(shop)
    qtbot.addWidget(win)
    win.confirmations = []  # (title, text) of every question asked
    win.answer = True

    def confirm(title: str, text: str) -> bool:
        win.confirmations.append((title, text))
        return win.answer

    win.confirm = confirm
    win.ask_text = lambda *a, **k: None
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()  # before the library closes: closing may still save
    win.deleteLater()
