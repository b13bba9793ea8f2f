"""Start Baro on login, in the tray (``--minimized``).

Linux and other freedesktop desktops: a ``baro.desktop`` entry in ``$XDG_CONFIG_HOME/autostart``
(``~/.config/autostart``), removed again when the option is turned off.

The equivalents elsewhere (not written by this module yet; the settings option says so there):
- Windows: a string value ``Baro`` = ``"C:\\...\\baro.exe" --minimized`` under
  ``HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run`` (or a shortcut in
  ``shell:startup``); the installer can add it.
- macOS: ``~/Library/LaunchAgents/kr.baro.app.plist`` with ``ProgramArguments`` = the app binary and
  ``--minimized`` and ``RunAtLoad`` = true, or ``SMAppService.mainApp.register()`` from a signed bundle.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from app.core.atomic_file import write_text_atomically
from app.core.errors import BaroError, SaveFailed, os_error_reason

ENTRY_NAME = "baro.desktop"
MINIMIZED_FLAG = "--minimized"


class AutostartUnsupported(BaroError):
    def __init__(self) -> None:
        super().__init__(
            "이 운영체제에서는 로그인할 때 자동 시작을 아직 설정할 수 없습니다. "
            "운영체제의 시작 프로그램 설정에 Baro를 직접 추가해 주세요."
        )


class AutostartWriteFailed(BaroError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"자동 시작 항목 {path}을(를) 쓰지 못했습니다 ({reason}). 폴더 권한을 확인해 주세요.")


def supported() -> bool:
    return sys.platform.startswith("linux") or "bsd" in sys.platform


def autostart_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME")
    return (Path(base) if base else Path.home() / ".config") / "autostart"


def entry_path() -> Path:
    return autostart_dir() / ENTRY_NAME


def launch_command() -> list[str]:
    """How to start this Baro again: the frozen executable, the installed ``baro`` script, or the module."""
    if getattr(sys, "frozen", False):
        return [sys.executable, MINIMIZED_FLAG]
    script = Path(sys.executable).with_name("baro")
    if script.is_file():
        return [str(script), MINIMIZED_FLAG]
    found = shutil.which("baro")
    if found:
        return [found, MINIMIZED_FLAG]
    return [sys.executable, "-m", "app.main", MINIMIZED_FLAG]


def desktop_exec(command: list[str]) -> str:
    """Quote per the Desktop Entry spec: double quotes around arguments with reserved characters."""
    quoted: list[str] = []
    for arg in command:
        if arg and all(c.isalnum() or c in "-_./=+:," for c in arg):
            quoted.append(arg)
        else:
            escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
            quoted.append(f'"{escaped}"')
    return " ".join(quoted).replace("%", "%%")


def entry_text(command: list[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Baro\n"
        "Name[ko]=바로\n"
        "Comment=Offline Korean work assistant, in the tray\n"
        "Comment[ko]=알림 영역에서 바로 부를 수 있는 한국어 업무 도우미\n"
        f"Exec={desktop_exec(command)}\n"
        "Icon=baro\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def is_enabled() -> bool:
    return supported() and entry_path().is_file()


def set_autostart(enabled: bool, command: list[str] | None = None) -> Path | None:
    """Write or remove the autostart entry; returns the entry's path when written."""
    if not supported():
        if enabled:
            raise AutostartUnsupported()
        return None
    path = entry_path()
    if not enabled:
        path.unlink(missing_ok=True)
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomically(path, entry_text(command or launch_command()))
    except SaveFailed as err:
        raise AutostartWriteFailed(path, os_error_reason(err.os_error)) from err
    except OSError as err:
        raise AutostartWriteFailed(path, os_error_reason(err)) from err
    return path


def command_of(entry: Path) -> list[str]:
    """The Exec line of an entry, split back into arguments (for checks and tests)."""
    for line in entry.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            return shlex.split(line[len("Exec=") :].replace("%%", "%"))
    return []
