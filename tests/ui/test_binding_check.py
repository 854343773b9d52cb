"""The binding check behind `quickreply doctor` and the frozen build's smoke test."""

from __future__ import annotations

import sys

import pytest

from desktop.cli import doctor
from desktop.core.store.health import OK, WARN
from desktop.ui import binding_check

pytestmark = pytest.mark.gui


def test_known_bad_combination_is_the_broken_release_before_python_3_12():
    assert binding_check.known_bad("6.12.0", (3, 11))
    assert binding_check.known_bad("6.12.0", (3, 10))
    assert not binding_check.known_bad("6.12.0", (3, 12))
    assert not binding_check.known_bad("6.11.3", (3, 11))


def test_the_installed_binding_passes_the_live_probe():
    # The suite itself must run on a sound binding; pyproject keeps 3.11 off 6.12.0.
    before = sys.getrefcount(None)
    assert binding_check.references_dropped() == 0
    assert abs(sys.getrefcount(None) - before) < binding_check.SLACK


def test_doctor_warns_when_the_probe_sees_dropped_references(monkeypatch):
    assert doctor.version_check().status == OK
    monkeypatch.setattr(binding_check, "references_dropped", lambda calls=0: 300)
    check = doctor.version_check()
    assert check.status == WARN
    assert "引用计数缺陷" in check.detail and "6.11.3" in check.detail and "Python" in check.detail


def test_doctor_warns_on_a_known_bad_version_even_if_the_probe_is_quiet(monkeypatch):
    import PySide6

    monkeypatch.setattr(PySide6, "__version__", "6.12.0")
    monkeypatch.setattr(binding_check, "known_bad", lambda version: version == "6.12.0")
    check = doctor.version_check()
    assert check.status == WARN and "已知有问题的组合" in check.detail


def test_smoke_test_fails_on_a_binding_that_drops_references(qtbot, tmp_path, monkeypatch):
    from desktop.app import QuickReplyApp
    from desktop.core.exchange.seed import open_library
    from desktop.platform.base import Platform
    from desktop.platform.fake import FakeFocus, FakeHotkey, FakeKeystroke
    from desktop.ui.smoke import SmokeTest

    monkeypatch.setattr(binding_check, "references_dropped", lambda calls=0: 300)
    lib = open_library(tmp_path / "lib.db")
    app = QuickReplyApp(lib, Platform("fake", FakeHotkey(), FakeFocus(), FakeKeystroke()))
    app.start()
    try:
        codes: list[int] = []
        SmokeTest(app, quit=codes.append).start()
        qtbot.waitUntil(lambda: codes == [1], timeout=5000)
    finally:
        app.popup.hide()
        app.shutdown()
