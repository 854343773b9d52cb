"""Snapshot/restore must bring back every format, not just the text."""

from __future__ import annotations

import pytest

from desktop.qt import QtCore, QtGui
from desktop.ui import clipboard as cb

pytestmark = pytest.mark.gui


@pytest.fixture
def board(qapp):
    clip = QtGui.QGuiApplication.clipboard()
    clip.clear()
    yield clip
    clip.clear()


def red_image() -> QtGui.QImage:
    image = QtGui.QImage(6, 4, QtGui.QImage.Format.Format_ARGB32)
    image.fill(QtGui.QColor("red"))
    image.setPixelColor(1, 2, QtGui.QColor("blue"))
    return image


def test_text_html_and_image_survive_a_round_trip(board):
    data = QtCore.QMimeData()
    data.setText("订单 123")
    data.setHtml("<b>订单</b> 123")
    data.setImageData(red_image())
    data.setData("application/x-custom", QtCore.QByteArray(b"\x00\x01raw"))
    board.setMimeData(data)

    snap = cb.snapshot(board)
    cb.set_text(board, "话术")
    assert board.text() == "话术"
    cb.restore(board, snap)

    restored = board.mimeData()
    assert restored.text() == "订单 123"
    assert restored.html() == "<b>订单</b> 123"
    assert bytes(restored.data("application/x-custom").data()) == b"\x00\x01raw"
    image = board.image().convertToFormat(QtGui.QImage.Format.Format_ARGB32)
    assert image == red_image()


def test_image_set_with_setImage_survives(board):
    board.setImage(red_image())
    snap = cb.snapshot(board)
    assert snap.image is not None
    cb.set_text(board, "x")
    cb.restore(board, snap)
    assert board.image().convertToFormat(QtGui.QImage.Format.Format_ARGB32) == red_image()


def test_snapshot_is_a_copy_not_a_view(board):
    board.setText("before")
    snap = cb.snapshot(board)
    board.setText("after")
    cb.restore(board, snap)
    assert board.text() == "before"


def test_empty_snapshot_clears(board):
    snap = cb.snapshot(board)
    assert snap.empty
    cb.set_text(board, "phrase")
    cb.restore(board, snap)
    assert board.text() == ""
    data = board.mimeData()
    assert data is None or not data.formats()


def test_text_normalises_windows_line_breaks(board):
    board.setText("a\r\nb")
    assert cb.text(board) == "a\nb"


def test_release_keeps_the_restored_text_but_drops_our_mime_object(qtbot):
    from desktop.qt import QtCore, QtGui
    from desktop.ui import clipboard as cb

    board = QtGui.QGuiApplication.clipboard()
    data = QtCore.QMimeData()
    data.setText("用户的内容")
    data.setHtml("<b>用户的内容</b>")
    board.setMimeData(data)
    snap = cb.snapshot(board)
    board.setText("临时")
    cb.restore(board, snap)
    assert board.mimeData().hasHtml()
    cb.release(board)
    assert board.text() == "用户的内容"
    assert cb._handed is None
