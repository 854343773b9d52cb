"""A second start reaches the running app, and only the running app's own user can."""

from __future__ import annotations

import socket
import sys

import pytest

from desktop.platform import local_channel
from desktop.ui.single_instance import InstanceServer, ask_running_instance, server_name


@pytest.fixture
def name(tmp_path):
    return server_name(tmp_path / "lib.db")


@pytest.fixture
def server(name):
    running = InstanceServer(name)
    yield running
    running.close()


def test_second_start_is_answered_by_the_running_one(qtbot, name):
    assert ask_running_instance(name) is False
    server = InstanceServer(name)
    try:
        with qtbot.waitSignal(server.requested, timeout=3000) as blocker:
            assert ask_running_instance(name) is True
        assert blocker.args == ["show"]
    finally:
        server.close()


def test_a_chinese_request_arrives_whole(qtbot, server, name):
    with qtbot.waitSignal(server.requested, timeout=3000) as blocker:
        assert ask_running_instance(name, "drill:售后/退换货") is True
    assert blocker.args == ["drill:售后/退换货"]


def test_each_library_has_its_own_running_app(qtbot, server, tmp_path):
    assert ask_running_instance(server_name(tmp_path / "other.db")) is False


def test_a_second_listener_for_the_same_library_is_refused(server, name):
    with pytest.raises(OSError):
        InstanceServer(name)


def test_after_close_the_name_is_free_for_the_next_start(qtbot, name):
    first = InstanceServer(name)
    first.close()
    assert ask_running_instance(name) is False
    second = InstanceServer(name)
    try:
        with qtbot.waitSignal(second.requested, timeout=3000):
            assert ask_running_instance(name, "typing") is True
    finally:
        second.close()


def test_a_silent_caller_does_not_block_the_next_start(qtbot, server, name):
    silent = local_channel.connect(local_channel.address_for(name), 1.0)  # connects, says nothing
    try:
        with qtbot.waitSignal(server.requested, timeout=5000) as blocker:
            assert ask_running_instance(name, "show") is True
    finally:
        silent.close()
    assert blocker.args == ["show"]


def test_an_oversized_request_is_dropped_and_serving_goes_on(qtbot, server, name):
    with qtbot.assertNotEmitted(server.requested, wait=300):
        assert ask_running_instance(name, "x" * 100_000) is False
    with qtbot.waitSignal(server.requested, timeout=3000):
        assert ask_running_instance(name) is True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="abstract sockets are Linux only")
def test_another_user_is_not_answered(qtbot, server, name, monkeypatch):
    real_uid = local_channel.os.getuid()
    monkeypatch.setattr(local_channel.os, "getuid", lambda: real_uid + 1)
    with qtbot.assertNotEmitted(server.requested, wait=300):
        assert ask_running_instance(name) is False


@pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files")
def test_a_socket_file_left_by_a_crash_is_taken_over(qtbot, tmp_path, monkeypatch):
    path = str(tmp_path / "qr.sock")
    monkeypatch.setattr(local_channel, "address_for", lambda name: path)
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(path)  # bound and closed without removing the file: a crash
    crashed.close()
    assert ask_running_instance("any") is False
    server = InstanceServer("any")
    try:
        with qtbot.waitSignal(server.requested, timeout=3000):
            assert ask_running_instance("any") is True
    finally:
        server.close()


@pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files")
def test_a_live_socket_file_is_not_taken_over(qtbot, tmp_path, monkeypatch):
    path = str(tmp_path / "qr.sock")
    monkeypatch.setattr(local_channel, "address_for", lambda name: path)
    first = InstanceServer("any")
    try:
        with pytest.raises(OSError):
            InstanceServer("any")
        with qtbot.waitSignal(first.requested, timeout=3000):
            assert ask_running_instance("any") is True
    finally:
        first.close()


def test_close_stops_the_listening_thread(name):
    server = InstanceServer(name)
    server.close()
    server.close()  # twice is harmless
    assert not server._thread.is_alive()
