"""A real X display for the tests that need one: Xvfb on a free display number, with trayer as tray host.

``xvfb_display`` (see tests/gui/conftest.py) yields an ``XDisplay``; tests marked ``xvfb`` use it. Without
Xvfb they skip and say which package to install. Qt in the test process stays offscreen (one platform per
process), so tests that need Qt itself on X run a child process with ``run_on_display``.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT_S = 10.0


@dataclass
class XDisplay:
    name: str
    processes: list[subprocess.Popen[bytes]]

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
        env["DISPLAY"] = self.name
        return env

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env, check=True, timeout=10)

    def run_on_display(
        self, args: Sequence[str], *, env: dict[str, str] | None = None, timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        """A child Python process with Qt on this display (xcb), from the repository root."""
        child_env = {**self.env, "QT_QPA_PLATFORM": "xcb", **(env or {})}
        return subprocess.run(
            [sys.executable, *args], cwd=ROOT, env=child_env, capture_output=True, text=True, timeout=timeout
        )


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb picks a free display itself (``-displayfd``), so parallel runs and other users never collide."""
    read_end, write_end = os.pipe()
    try:
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    finally:
        os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        number = pipe.readline().strip()  # written once the server accepts connections
    if not number.isdigit():
        server.kill()
        server.wait()
        raise RuntimeError("Xvfb did not start")
    return server, f":{int(number)}"


def _wait_for(check: object, what: str) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if callable(check) and check():
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not become ready in {READY_TIMEOUT_S:.0f} s")


def _tray_owned(name: str) -> bool:
    """A tray host owns the _NET_SYSTEM_TRAY_S0 selection once it is ready."""
    from Xlib import display as xdisplay

    try:
        d = xdisplay.Display(name)
    except Exception:
        return False
    try:
        atom = d.intern_atom("_NET_SYSTEM_TRAY_S0")
        return bool(d.get_selection_owner(atom))
    finally:
        d.close()


def start_display(*, tray: bool = True) -> XDisplay:
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb, or run packaging/linux/install-system-deps.sh)")
    for tool in ("xdotool", *(["trayer"] if tray else [])):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (run packaging/linux/install-system-deps.sh)")
    server, name = _start_xvfb()
    shown = XDisplay(name, [server])
    try:
        if tray:
            trayer = subprocess.Popen(
                ["trayer", "--edge", "top", "--align", "right", "--widthtype", "pixel", "--width", "120"],
                env=shown.env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            shown.processes.append(trayer)
            _wait_for(lambda: _tray_owned(name), "trayer")
    except BaseException:
        stop_display(shown)
        raise
    return shown


def stop_display(shown: XDisplay) -> None:
    for process in reversed(shown.processes):
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def display_fixture(tray: bool = True) -> Iterator[XDisplay]:
    shown = start_display(tray=tray)
    try:
        yield shown
    finally:
        stop_display(shown)


@pytest.fixture
def xvfb_display() -> Iterator[XDisplay]:
    """Xvfb with a tray host (trayer) on a free display; stopped after the test."""
    yield from display_fixture(tray=True)


@pytest.fixture(autouse=True)
def collect_qt_garbage() -> Iterator[None]:
    """Collect the test's unreachable Qt wrappers now, on the GUI thread.

    Left for later, Python's cyclic GC may run on whichever thread allocates next (a task's QThread, the
    engine's reader) and delete widgets there, which crashes Qt in an unrelated test.
    """
    yield
    gc.collect()


@pytest.fixture
def xvfb_no_tray() -> Iterator[XDisplay]:
    """Xvfb alone (enough for key presses and grabs)."""
    yield from display_fixture(tray=False)
