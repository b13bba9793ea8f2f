"""Smoke-run the built bundle the way a user would, on a machine with no Python: only the bundle and X.

1. start Xvfb and the bundle (dist/baro/baro) with an empty home and PATH=/usr/bin:/bin, no venv;
2. wait for its window;
3. launch the bundle again with ``--summarize FILE``: the single-instance hand-off gives the file to the
   running window and the second process exits;
4. wait until the summary lands in the history database (so it really ran on the bundled default model);
5. close the windows (WM_DELETE_WINDOW, as a window manager's close button does) and check that the
   app and its engine and reader children all exit.

Run: `python3 packaging/smoke_test.py [--bundle dist/baro/baro]`. Needs Xvfb and xdotool. Prints each
timing on its own line as `name: value` and exits non-zero on the first failed step.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPORT = (
    "2026년 상반기 영업 보고서\n\n"
    "서울 지사의 상반기 매출은 120억 원으로 지난해보다 15% 늘었다. "
    "부산 지사는 신규 고객 40곳을 확보했지만 매출은 지난해와 비슷했다. "
    "하반기에는 온라인 판매 채널을 강화하고 물류 비용을 10% 줄이는 것이 목표다. "
    "인력 충원은 하지 않기로 했다.\n"
)
SUMMARY_KIND = "summary"  # app/gui/panes/summarize_pane.py HISTORY_KIND


class SmokeFailure(Exception):
    pass


def wait_for(what: str, check: Callable[[], object], timeout: float, interval: float = 0.5) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(interval)
    raise SmokeFailure(f"timed out after {timeout:.0f} s waiting for {what}")


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        raise SmokeFailure("Xvfb did not start")
    return xvfb, f":{number}"


def visible_windows(pid: int, env: dict[str, str]) -> list[str]:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(pid)], env=env, capture_output=True, text=True
    )
    return found.stdout.split()


def window_name(window: str, env: dict[str, str]) -> str:
    return subprocess.run(["xdotool", "getwindowname", window], env=env, capture_output=True, text=True).stdout.strip()


class _ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
        ("pad", ctypes.c_long * 24),
    ]


def request_close(display_name: str, window: int) -> None:
    """Send WM_DELETE_WINDOW, the polite close a window manager's close button sends (no WM runs here)."""
    x11 = ctypes.CDLL("libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    display = x11.XOpenDisplay(display_name.encode())
    if not display:
        raise SmokeFailure(f"cannot open X display {display_name}")
    try:
        event = _ClientMessage()
        event.type = 33  # ClientMessage
        event.window = window
        event.message_type = x11.XInternAtom(display, b"WM_PROTOCOLS", 0)
        event.format = 32
        event.data[0] = x11.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
        event.data[1] = 0  # CurrentTime
        x11.XSendEvent(display, window, 0, 0, ctypes.byref(event))
        x11.XFlush(display)
    finally:
        x11.XCloseDisplay(display)


def summaries(history_db: Path) -> list[tuple[str, str]]:
    if not history_db.is_file():
        return []
    try:
        with sqlite3.connect(f"file:{history_db}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT title, text FROM entries WHERE kind = ?", (SUMMARY_KIND,)).fetchall()
    except sqlite3.Error:
        return []  # created but not migrated yet


def session_processes(session: int) -> list[int]:
    """Every live process in the app's session: the app and the engine and reader children it started."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z" and int(fields[3]) == session:  # state, ppid, pgrp, session
            found.append(int(proc.name))
    return found


HIDE_PYTHON = (
    "IFS=:; for d in $BARO_SMOKE_HIDE; do "
    '[ -d "$d" ] && mount -t tmpfs none "$d"; done; unset IFS BARO_SMOKE_HIDE; exec "$@"'
)


def python_dirs() -> list[str]:
    """Every Python install this machine has (and our checkout), to hide from the bundle with --hide-python."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    checkout = Path(__file__).resolve().parents[1]
    candidates = {sys.base_prefix, sys.prefix, str(checkout / ".venv"), str(checkout / "app")}
    candidates |= {str(p) for p in Path("/usr/lib").glob("python3*")} | {f"/usr/local/lib/{version}"}
    home_pyenv = Path.home() / ".pyenv"
    if home_pyenv.is_dir():
        candidates.add(str(home_pyenv))
    return sorted(c for c in candidates if Path(c).is_dir() and c not in ("/", "/usr", "/usr/local"))


def launcher(hide_python: bool) -> list[str]:
    """Run the bundle as is, or in a private mount namespace where every Python install is an empty folder."""
    return ["unshare", "-m", "sh", "-c", HIDE_PYTHON, "sh"] if hide_python else []


def minimal_env(root: Path, display: str) -> dict[str, str]:
    """What a desktop session gives a freshly installed app: no Python, no venv, nothing of ours on PATH."""
    runtime = root / "run"
    runtime.mkdir(mode=0o700)
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(root / "home"),
        "BARO_HOME": str(root / "baro"),
        "DISPLAY": display,
        "XDG_RUNTIME_DIR": str(runtime),
        "LANG": "C.UTF-8",
    }


def run(bundle: Path, timeout: float, hide_python: bool) -> dict[str, float]:
    timings: dict[str, float] = {}
    xvfb, display = start_xvfb()
    with tempfile.TemporaryDirectory(prefix="baro-smoke-") as tmp:
        root = Path(tmp)
        env = minimal_env(root, display)
        prefix = launcher(hide_python)
        if hide_python:
            env["BARO_SMOKE_HIDE"] = ":".join(python_dirs())
            print("hiding:", env["BARO_SMOKE_HIDE"], flush=True)
        (root / "home").mkdir()
        report = root / "상반기 보고서.txt"
        report.write_text(REPORT, encoding="utf-8")
        log = (root / "app.log").open("wb")
        started = time.monotonic()
        app = subprocess.Popen(
            [*prefix, str(bundle)],
            env=env,
            cwd=root / "home",
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_for("the window", lambda: visible_windows(app.pid, env) or app.poll() is not None, 60)
            if app.poll() is not None:
                raise SmokeFailure(f"the app exited with {app.returncode} before showing a window")
            timings["window_seconds"] = time.monotonic() - started
            print("windows:", [window_name(w, env) for w in visible_windows(app.pid, env)], flush=True)

            handed = time.monotonic()
            second = subprocess.run(
                [*prefix, str(bundle), "--summarize", str(report)], env=env, cwd=root, capture_output=True, timeout=60
            )
            if second.returncode != 0:
                raise SmokeFailure(f"the hand-off launch exited with {second.returncode}: {second.stderr[-2000:]!r}")
            timings["handoff_seconds"] = time.monotonic() - handed
            history = Path(env["BARO_HOME"]) / "data" / "history.sqlite3"
            done = wait_for("the summary in the history", lambda: summaries(history), timeout, interval=1.0)
            timings["summary_seconds"] = time.monotonic() - handed
            title, text = done[0]  # type: ignore[index]
            print(f"summary of {title!r}: {text[:200]!r}", flush=True)
            if not text.strip():
                raise SmokeFailure("the summary is empty")

            closing = time.monotonic()

            def close_all() -> bool:
                for window in visible_windows(app.pid, env):
                    request_close(display, int(window))
                return app.poll() is not None

            wait_for("the app to quit", close_all, 60, interval=1.0)
            if app.returncode != 0:
                raise SmokeFailure(f"the app exited with {app.returncode}")
            wait_for("the engine and reader children to exit", lambda: not session_processes(app.pid), 20)
            timings["quit_seconds"] = time.monotonic() - closing
            if not (Path(env["BARO_HOME"]) / "config" / "welcomed").is_file():
                raise SmokeFailure("the first-run welcome was not recorded as shown")
        except (SmokeFailure, subprocess.TimeoutExpired):
            log.flush()
            print((root / "app.log").read_text(encoding="utf-8", errors="replace")[-4000:], file=sys.stderr)
            raise
        finally:
            if app.poll() is None:
                app.kill()
            for pid in session_processes(app.pid):
                os.kill(pid, 9)
            log.close()
            xvfb.terminate()
            xvfb.wait(10)
    timings["total_seconds"] = time.monotonic() - started
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=Path(__file__).resolve().parents[1] / "dist" / "baro" / "baro")
    parser.add_argument("--timeout", type=float, default=300, help="seconds to wait for the summary")
    parser.add_argument(
        "--hide-python", action="store_true", help="hide every Python install from the bundle (needs root: unshare -m)"
    )
    args = parser.parse_args()
    bundle = args.bundle.resolve()
    if not bundle.is_file():
        print(f"no bundle at {bundle}: run `make package` first", file=sys.stderr)
        return 2
    try:
        timings = run(bundle, args.timeout, args.hide_python)
    except SmokeFailure as err:
        print(f"SMOKE FAILED: {err}", file=sys.stderr)
        return 1
    for name, value in timings.items():
        print(f"{name}: {value:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
