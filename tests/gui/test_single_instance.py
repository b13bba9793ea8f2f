"""Single instance: real QLocalSocket between real processes, stale-socket recovery, launch arguments."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.events import Token
from app.gui.application import create_app
from app.gui.main_window import MainWindow
from app.gui.shell import DesktopShell, LaunchRequest, parse_launch
from app.gui.single_instance import InstanceServer, hand_over, server_name
from tests.gui.xvfb import ROOT, collect_qt_garbage  # noqa: F401  (fixtures)

SUMMARY_MS = 120_000


@pytest.fixture
def kiwi_loaded() -> None:
    """Load Kiwi on the main thread first: its first import on a task thread, while the GUI thread runs
    Qt events, can crash PySide 6.12's import hook (seen as a segfault in this test when it ran first)."""
    from app.text.kiwi import kiwi

    kiwi()


DIE_WHILE_LISTENING = """
import os, signal, sys
from PySide6.QtCore import QCoreApplication
from app.gui.single_instance import InstanceServer
app = QCoreApplication([])
server = InstanceServer(sys.argv[1])
assert server.listen()
print("listening", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""

HAND_OVER = """
import sys
from app.gui.single_instance import hand_over
sys.exit(0 if hand_over(sys.argv[2:], sys.argv[1]) else 3)
"""


def _python(*args: str, **kwargs: object) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _socket_path(name: str) -> Path:
    from PySide6.QtCore import QDir

    return Path(QDir.tempPath()) / name


def test_launch_arguments_round_trip(tmp_path: Path) -> None:
    request, rest = parse_launch(
        ["--quick-ask", "--summarize", "a.txt", str(tmp_path / "b.pdf"), "-platform", "offscreen"], cwd=tmp_path
    )
    assert request == LaunchRequest([tmp_path / "a.txt", tmp_path / "b.pdf"], quick_ask=True)
    assert rest == ["-platform", "offscreen"]
    assert parse_launch(request.to_args())[0] == request
    assert parse_launch(["--minimized"])[0].minimized


def test_the_name_depends_on_the_data_folder(baro_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    first = server_name()
    monkeypatch.setenv("BARO_HOME", str(tmp_path / "other"))
    assert server_name() != first


def test_no_running_instance_means_no_hand_over(qtbot) -> None:
    assert not hand_over(["--quick-ask"])


def test_a_live_instance_is_not_replaced(qtbot) -> None:
    first = InstanceServer()
    assert first.listen()
    try:
        second = InstanceServer()
        assert not second.listen() and not second.removed_stale
    finally:
        first.close()


def test_a_stale_socket_after_a_crash_does_not_block_start_up(qtbot) -> None:
    name = server_name()
    crashed = _python("-c", DIE_WHILE_LISTENING, name)
    out, err = crashed.communicate(timeout=60)
    assert "listening" in out and crashed.returncode == -9, err
    assert _socket_path(name).exists()  # what a crash leaves behind

    assert not hand_over(["--quick-ask"], name)  # nobody answers on it
    server = InstanceServer(name)
    assert server.listen() and server.removed_stale
    try:
        client = _python("-c", HAND_OVER, name, "--quick-ask")
        with qtbot.waitSignal(server.arguments_received, timeout=30_000) as received:
            pass
        assert received.args == [["--quick-ask"]]
        assert client.wait(30) == 0
    finally:
        server.close()


@pytest.mark.slow
def test_a_second_launch_hands_its_file_to_the_running_window(
    qtbot, kiwi_loaded: None, window: MainWindow, report_file: Path
) -> None:
    server = InstanceServer()
    assert server.listen()
    shell = DesktopShell(create_app([]), window.engine, window, server=server)
    pane = window.summarize_pane
    second: subprocess.Popen[str] | None = None
    try:
        with qtbot.waitSignal(pane.task_started, timeout=60_000):
            second = _python("-m", "app.main", "--summarize", str(report_file))
        assert pane.current_file == report_file
        assert pane.runner is not None
        tokens: list[Token] = []
        pane.runner.yielded.connect(lambda item: tokens.append(item) if isinstance(item, Token) else None)
        qtbot.waitUntil(lambda: bool(tokens) or not pane.busy, timeout=SUMMARY_MS)
        assert tokens, pane.last_error  # the real model is writing the summary of the handed-over file
        assert second.wait(30) == 0, second.stderr.read() if second.stderr else ""
        if pane.busy:
            with qtbot.waitSignal(pane.task_finished, timeout=30_000):
                pane.cancel()
        assert shell.window is window
    finally:
        server.close()
        if second is not None and second.poll() is None:
            second.kill()  # it never handed over, so it became a Baro of its own: do not leave it running
            second.wait()
