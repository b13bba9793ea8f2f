"""Baro never touches the network on its own: `baro summarize` and the window, with every process audited.

A sitecustomize.py on PYTHONPATH installs an audit hook (PEP 578) in the CLI/GUI process and, because
PYTHONPATH is inherited, in the engine worker and the document reader too. It records every
socket.connect / socket.getaddrinfo / socket.sendto / socket.sendmsg to a file; the test then asserts that
no AF_INET/AF_INET6 connection or name lookup was ever attempted, and that all three processes were audited.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SITECUSTOMIZE = """
import json, os, socket, sys

_LOG = os.environ["BARO_NET_AUDIT_LOG"]
_INET = {int(socket.AF_INET), int(socket.AF_INET6)}


def _write(record):
    record["pid"] = os.getpid()
    with open(_LOG, "a", encoding="utf-8") as out:
        out.write(json.dumps(record) + "\\n")


def _hook(event, args):
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        sock = args[0]
        family = int(getattr(sock, "family", -1))
        _write({"event": event, "family": family, "inet": family in _INET, "address": repr(args[1])[:200]})
    elif event == "socket.getaddrinfo":
        _write({"event": event, "inet": True, "address": repr(args[:2])[:200]})


_write({"event": "audited", "argv": sys.argv[:3]})
sys.addaudithook(_hook)
"""

TEXT = (
    "정부는 올해 하반기부터 중소기업의 디지털 전환을 돕기 위해 전국 17개 시도에 지원 센터를 연다고 밝혔다. "
    "센터는 클라우드 도입 상담과 보안 점검을 무료로 제공하며, 첫해 예산은 320억 원이다.\n\n"
    "담당 부처는 신청 기업 가운데 매출 규모와 업종을 고려해 3천 곳을 먼저 선정할 계획이다. "
    "선정된 기업은 최대 6개월 동안 전문가의 방문 컨설팅을 받는다.\n"
)


def _audited_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "net-audit.jsonl"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(site), str(ROOT), env.get("PYTHONPATH")) if p)
    env["BARO_NET_AUDIT_LOG"] = str(log)
    return env, log


def _records(log: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]


def _assert_offline(log: Path, *, processes: int) -> None:
    records = _records(log)
    audited = {r["pid"] for r in records if r["event"] == "audited"}
    assert len(audited) >= processes, f"only {len(audited)} processes audited: {records[:5]}"
    network = [r for r in records if r.get("inet")]
    assert network == [], f"network access attempted: {network}"


@pytest.mark.slow
def test_cli_summarize_never_touches_the_network(tmp_path: Path, default_model_path: Path) -> None:
    document = tmp_path / "보도자료.txt"
    document.write_text(TEXT, encoding="utf-8")
    env, log = _audited_env(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "app.main", "summarize", str(document)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    # The CLI itself, the document reader and the engine worker.
    _assert_offline(log, processes=3)


GUI_SCRIPT = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from app.gui.application import EnginePlanner, create_app
from app.gui.engine_controller import EngineController
from app.gui.main_window import MainWindow

app = create_app([])
engine = EngineController(EnginePlanner())
window = MainWindow(engine)
window.show()
engine.load_in_background()
pane = window.summarize_pane
started = time.monotonic()
state = {"asked": False}

def tick():
    if not state["asked"]:
        state["asked"] = True
        pane.summarize_file(Path(sys.argv[1]))
        return
    finished = not pane.busy and (pane.last_result is not None or pane.last_error)
    if finished or time.monotonic() - started > 240:
        print("RESULT:", "ok" if pane.last_result is not None else "error: " + pane.last_error, flush=True)
        window.close()
        app.quit()

timer = QTimer()
timer.timeout.connect(tick)
timer.start(250)
app.exec()
engine.shutdown()
"""


@pytest.mark.slow
def test_the_window_with_a_summary_never_touches_the_network(tmp_path: Path, default_model_path: Path) -> None:
    document = tmp_path / "문서.txt"
    document.write_text(TEXT, encoding="utf-8")
    env, log = _audited_env(tmp_path)
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-c", GUI_SCRIPT, str(document)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "RESULT: ok" in result.stdout, result.stdout + result.stderr[-2000:]
    _assert_offline(log, processes=3)


def test_the_audit_hook_does_catch_a_connection(tmp_path: Path) -> None:
    """The check above would be worthless if the hook missed a real connection attempt."""
    env, log = _audited_env(tmp_path)
    code = "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\nexcept OSError:\n    pass\n"
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, timeout=60, check=True)
    with pytest.raises(AssertionError, match="network access attempted"):
        _assert_offline(log, processes=1)
