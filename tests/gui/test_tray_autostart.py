"""Start on login (freedesktop autostart entry) and the settings that drive it and the hotkey."""

from __future__ import annotations

import configparser
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from app.gui import autostart
from app.gui.application import create_app
from app.gui.dialogs.settings_dialog import SettingsDialog
from app.gui.engine_controller import EngineController
from app.gui.hotkey import HotkeyState
from app.gui.main_window import MainWindow
from app.gui.shell import DesktopShell, parse_launch
from app.store.settings import Settings, load_settings, save_settings
from tests.gui.xvfb import collect_qt_garbage  # noqa: F401  (autouse fixture)

pytestmark = pytest.mark.skipif(not autostart.supported(), reason="the freedesktop autostart entry is Linux/BSD only")


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg"


def test_the_entry_is_written_and_removed(config_home: Path) -> None:
    command = [sys.executable, "-m", "app.main", "--minimized", "/path with space/x"]
    path = autostart.set_autostart(True, command)
    assert path == config_home / "autostart" / "baro.desktop" and autostart.is_enabled()
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(path, encoding="utf-8")
    assert entry["Desktop Entry"]["Type"] == "Application"
    assert autostart.command_of(path) == command
    autostart.set_autostart(False)
    assert not path.exists() and not autostart.is_enabled()


def test_the_launch_command_starts_minimized_in_the_tray() -> None:
    command = autostart.launch_command()
    assert command[-1] == autostart.MINIMIZED_FLAG
    assert parse_launch([arg for arg in command if arg.startswith("--")])[0].minimized


def test_the_settings_dialog_saves_hotkey_and_login_options_and_keeps_the_rest(qtbot) -> None:
    save_settings(Settings(tray_notice_shown=True, hotkey="F9"))
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.hotkey_enabled.isChecked() and not dialog.start_on_login.isChecked()
    dialog.hotkey_enabled.setChecked(False)
    dialog.start_on_login.setChecked(True)
    dialog.save()
    saved = load_settings().settings
    assert (saved.hotkey_enabled, saved.start_on_login, saved.hotkey) == (False, True, "F9")
    assert saved.tray_notice_shown  # a field the dialog does not show survives saving


def test_the_shell_applies_login_and_hotkey_settings(qtbot, config_home: Path) -> None:
    window = MainWindow(EngineController(lambda _anyway: (_ for _ in ()).throw(AssertionError("no model"))))
    qtbot.addWidget(window)
    shell = DesktopShell(create_app([]), window.engine, window)
    try:
        shell.apply_settings(replace(Settings(), start_on_login=True, hotkey_enabled=False))
        assert autostart.is_enabled() and shell.hotkey.status.state == HotkeyState.OFF
        shell.apply_settings(replace(Settings(), start_on_login=False, hotkey="K"))
        assert not autostart.is_enabled()
        assert shell.hotkey.status.state == HotkeyState.INVALID and len(shell.notices) == 1
        shell.apply_settings(replace(Settings(), hotkey="K"))
        assert len(shell.notices) == 1  # the same problem is said once
    finally:
        shell.hotkey.unregister()
        window.quit_for_real()
