"""Global hotkey: shortcut parsing, Wayland refusal, and under Xvfb a real key press and a real conflict."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.gui.hotkey import GlobalHotkey, HotkeyState, InvalidShortcut, Shortcut, keyboard_watch_blocked
from tests.gui.xvfb import ROOT, XDisplay, collect_qt_garbage, xvfb_no_tray  # noqa: F401  (fixtures)

GRAB_CTRL_ALT_SPACE = """
import sys
from Xlib import X, XK, display
d = display.Display(sys.argv[1])
root = d.screen().root
code = d.keysym_to_keycode(XK.string_to_keysym("space"))
for extra in (0, X.LockMask, X.Mod2Mask, X.LockMask | X.Mod2Mask):
    root.grab_key(code, X.ControlMask | X.Mod1Mask | extra, False, X.GrabModeAsync, X.GrabModeAsync)
d.sync()
print("grabbed", flush=True)
while True:
    if d.next_event().type == X.KeyPress:
        print("pressed", flush=True)
"""


@pytest.mark.parametrize(
    ("text", "pynput", "keysym", "mask"),
    [
        ("Ctrl+Alt+Space", "<ctrl>+<alt>+<space>", "space", 4 | 8),
        ("Ctrl+Shift+K", "<ctrl>+<shift>+k", "k", 4 | 1),
        ("Meta+F9", "<cmd>+<f9>", "F9", 64),
        ("F9", "<f9>", "F9", 0),
        ("Alt+Return", "<alt>+<enter>", "Return", 8),
    ],
)
def test_shortcuts_translate_to_pynput_and_x11(text: str, pynput: str, keysym: str, mask: int) -> None:
    shortcut = Shortcut.parse(text)
    assert (shortcut.pynput, shortcut.x_keysym, shortcut.x_modifier_mask) == (pynput, keysym, mask)


@pytest.mark.parametrize("text", ["", "K", "Ctrl+", "Hyper+K", "Ctrl+Alt+Volume Up", "Ctrl+Alt"])
def test_unusable_shortcuts_are_refused(text: str) -> None:
    with pytest.raises(InvalidShortcut):
        Shortcut.parse(text)


def test_an_unusable_shortcut_is_reported_not_registered(qtbot) -> None:
    hotkey = GlobalHotkey(environ={"DISPLAY": ":0"})
    status = hotkey.register("K")
    assert status.state == HotkeyState.INVALID and "K" in status.message and not hotkey.active


def test_wayland_is_reported_and_the_tray_offered(qtbot) -> None:
    assert keyboard_watch_blocked({"XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"}, "xcb")
    assert keyboard_watch_blocked({"WAYLAND_DISPLAY": "wayland-0"}, "wayland")
    assert not keyboard_watch_blocked({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}, "xcb")
    hotkey = GlobalHotkey(environ={"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"})
    status = hotkey.register("Ctrl+Alt+Space")
    assert status.state == HotkeyState.UNAVAILABLE and not hotkey.active
    assert "Wayland" in status.message
    assert any(word in status.message.lower() for word in ("tray", "알림 영역"))  # English or Korean


@pytest.mark.xvfb
def test_the_hotkey_fires_on_a_real_key_press(
    qtbot,
    xvfb_no_tray: XDisplay,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DISPLAY", xvfb_no_tray.name)
    hotkey = GlobalHotkey(environ=xvfb_no_tray.env)
    try:
        status = hotkey.register("Ctrl+Alt+Space")
        assert status.state == HotkeyState.ACTIVE, status.message
        with qtbot.assertNotEmitted(hotkey.activated, wait=300):
            xvfb_no_tray.xdotool("key", "ctrl+alt+k")  # another combination does nothing
        with qtbot.waitSignal(hotkey.activated, timeout=5000):
            xvfb_no_tray.xdotool("key", "ctrl+alt+space")
        hotkey.unregister()
        with qtbot.assertNotEmitted(hotkey.activated, wait=300):
            xvfb_no_tray.xdotool("key", "ctrl+alt+space")  # turned off means off
    finally:
        hotkey.unregister()


@pytest.mark.xvfb
def test_a_hotkey_another_program_grabbed_is_reported_not_stolen(
    qtbot,
    xvfb_no_tray: XDisplay,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DISPLAY", xvfb_no_tray.name)
    owner = subprocess.Popen(
        [sys.executable, "-c", GRAB_CTRL_ALT_SPACE, xvfb_no_tray.name],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    hotkey = GlobalHotkey(environ=xvfb_no_tray.env)
    try:
        assert owner.stdout is not None and owner.stdout.readline().strip() == "grabbed"
        status = hotkey.register("Ctrl+Alt+Space")
        assert status.state == HotkeyState.TAKEN and not hotkey.active
        assert "Ctrl+Alt+Space" in status.message
        with qtbot.assertNotEmitted(hotkey.activated, wait=300):
            xvfb_no_tray.xdotool("key", "ctrl+alt+space")
        assert owner.stdout.readline().strip() == "pressed"  # the owner still gets its key
        assert hotkey.register("Ctrl+Alt+J").state == HotkeyState.ACTIVE  # a free combination still works
    finally:
        hotkey.unregister()
        owner.kill()
        owner.wait()
