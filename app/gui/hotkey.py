"""The global 바로 부르기 hotkey: pynput listens; on X11 we first make sure no other program owns the keys.

pynput's listener is passive (XRecord on X11, a hook on Windows, an event tap on macOS): it never takes
a key away from anyone. Passive also means two programs could react to the same keys, so on X11 Baro
asks the server first: it tries to grab the combination on the root window for a moment. ``BadAccess``
means another client already grabbed it, and Baro then tells the user instead of registering. Under
Wayland no client may watch the keyboard, so the hotkey is unavailable and the tray icon is the way in.
On Windows and macOS the ownership check is not made yet (it would be a ``RegisterHotKey`` /
``RegisterEventHotKey`` probe); there pynput registers without asking.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication

MODIFIERS = {"ctrl": "<ctrl>", "alt": "<alt>", "shift": "<shift>", "meta": "<cmd>"}
NAMED_KEYS = {
    "space": ("<space>", "space"),
    "return": ("<enter>", "Return"),
    "enter": ("<enter>", "Return"),
    "tab": ("<tab>", "Tab"),
    "esc": ("<esc>", "Escape"),
    "escape": ("<esc>", "Escape"),
    "backspace": ("<backspace>", "BackSpace"),
    "ins": ("<insert>", "Insert"),
    "del": ("<delete>", "Delete"),
    "home": ("<home>", "Home"),
    "end": ("<end>", "End"),
    "pgup": ("<page_up>", "Prior"),
    "pgdown": ("<page_down>", "Next"),
}
EXTRA_X_LOCKS = (0, 1 << 1, 1 << 4, (1 << 1) | (1 << 4))
"""CapsLock (LockMask) and NumLock (Mod2Mask) change the modifier state; a grab must cover each."""


class InvalidShortcut(ValueError):
    pass


@dataclass(frozen=True)
class Shortcut:
    """A key combination in Qt's portable text (``Ctrl+Alt+Space``), as pynput and X11 name it."""

    text: str
    modifiers: tuple[str, ...]
    key: str

    @classmethod
    def parse(cls, text: str) -> Shortcut:
        parts = [p.strip() for p in text.split("+")]
        if text.endswith("++"):
            parts = [*parts[:-2], "+"]
        if not parts or any(not p for p in parts):
            raise InvalidShortcut(text)
        *mods, key = parts
        lowered = tuple(m.lower() for m in mods)
        if any(m not in MODIFIERS for m in lowered) or not key:
            raise InvalidShortcut(text)
        if not lowered and not (key.lower().startswith("f") and key[1:].isdigit()):
            raise InvalidShortcut(text)  # a bare letter as a global hotkey would eat ordinary typing
        if not (len(key) == 1 or key.lower() in NAMED_KEYS or (key[:1] in "Ff" and key[1:].isdigit())):
            raise InvalidShortcut(text)
        return cls(text, lowered, key)

    @property
    def pynput(self) -> str:
        lowered = self.key.lower()
        if lowered in NAMED_KEYS:
            key = NAMED_KEYS[lowered][0]
        elif lowered[:1] == "f" and lowered[1:].isdigit():
            key = f"<{lowered}>"
        else:
            key = lowered
        return "+".join([*(MODIFIERS[m] for m in self.modifiers), key])

    @property
    def x_keysym(self) -> str:
        lowered = self.key.lower()
        if lowered in NAMED_KEYS:
            return NAMED_KEYS[lowered][1]
        if lowered[:1] == "f" and lowered[1:].isdigit():
            return lowered.upper()
        return lowered

    @property
    def x_modifier_mask(self) -> int:
        masks = {"shift": 1 << 0, "ctrl": 1 << 2, "alt": 1 << 3, "meta": 1 << 6}
        mask = 0
        for modifier in self.modifiers:
            mask |= masks[modifier]
        return mask


def x11_owner_conflict(shortcut: Shortcut, display_name: str | None = None) -> bool:
    """True when another X client has already grabbed ``shortcut`` (Baro's probe grab gets BadAccess)."""
    from Xlib import XK, X, error
    from Xlib import display as xdisplay

    display: Any = xdisplay.Display(display_name)
    try:
        root = display.screen().root
        keycode = display.keysym_to_keycode(XK.string_to_keysym(shortcut.x_keysym))
        if not keycode:
            raise InvalidShortcut(shortcut.text)
        catcher = error.CatchError(error.BadAccess)
        masks = [shortcut.x_modifier_mask | extra for extra in EXTRA_X_LOCKS]
        for mask in masks:
            root.grab_key(keycode, mask, False, X.GrabModeAsync, X.GrabModeAsync, onerror=catcher)
        display.sync()
        taken = catcher.get_error() is not None
        for mask in masks:
            root.ungrab_key(keycode, mask)
        display.sync()
        return taken
    finally:
        display.close()


class HotkeyState(StrEnum):
    ACTIVE = "active"
    OFF = "off"
    UNAVAILABLE = "unavailable"
    TAKEN = "taken"
    INVALID = "invalid"


@dataclass(frozen=True)
class HotkeyStatus:
    state: HotkeyState
    message: str
    """What to tell the user (empty when there is nothing to say)."""


def keyboard_watch_blocked(environ: Mapping[str, str], platform_name: str) -> bool:
    """Wayland (or no display server at all) does not let one program see another's keys."""
    if platform_name == "wayland" or environ.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        return True
    if environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY"):
        return True
    return sys.platform.startswith("linux") and not environ.get("DISPLAY")


class GlobalHotkey(QObject):
    """``register(text)`` starts listening for a combination; ``activated`` fires on the GUI thread."""

    activated = Signal()

    def __init__(self, parent: QObject | None = None, *, environ: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self._environ = environ if environ is not None else os.environ
        self._listener: Any = None
        self.status = HotkeyStatus(HotkeyState.OFF, "")

    @property
    def active(self) -> bool:
        return self._listener is not None

    def register(self, text: str) -> HotkeyStatus:
        self.unregister()
        self.status = self._register(text)
        return self.status

    def _register(self, text: str) -> HotkeyStatus:
        try:
            shortcut = Shortcut.parse(text)
        except InvalidShortcut:
            return HotkeyStatus(
                HotkeyState.INVALID,
                QCoreApplication.translate(
                    "Hotkey", "The hotkey {keys} cannot be used: use a modifier (Ctrl, Alt, Shift) with a key."
                ).format(keys=text),
            )
        if keyboard_watch_blocked(self._environ, QGuiApplication.platformName()):
            return HotkeyStatus(
                HotkeyState.UNAVAILABLE,
                QCoreApplication.translate(
                    "Hotkey",
                    "This desktop (Wayland) does not let programs watch the keyboard, so the hotkey {keys} cannot work. Click the Baro icon in the tray instead.",
                ).format(keys=text),
            )
        on_x11 = sys.platform.startswith("linux") or "bsd" in sys.platform
        try:
            if on_x11 and x11_owner_conflict(shortcut, self._environ.get("DISPLAY")):
                return HotkeyStatus(
                    HotkeyState.TAKEN,
                    QCoreApplication.translate(
                        "Hotkey",
                        "Another program already uses {keys}. Baro did not take it: choose another hotkey in Settings, or use the tray icon.",
                    ).format(keys=text),
                )
            listener = self._start_listener(shortcut.pynput)
        except InvalidShortcut:
            return HotkeyStatus(
                HotkeyState.INVALID,
                QCoreApplication.translate("Hotkey", "This keyboard has no key for the hotkey {keys}.").format(
                    keys=text
                ),
            )
        except Exception as err:  # pynput or Xlib failing to reach the display: say so, keep the tray
            return HotkeyStatus(
                HotkeyState.UNAVAILABLE,
                QCoreApplication.translate(
                    "Hotkey",
                    "The hotkey {keys} could not be registered ({reason}). Click the Baro icon in the tray instead.",
                ).format(keys=text, reason=f"{type(err).__name__}: {err}"),
            )
        self._listener = listener
        return HotkeyStatus(HotkeyState.ACTIVE, "")

    def _start_listener(self, combination: str) -> Any:
        """pynput's listener; one retry, since its first connection to a display that just started can fail."""
        from pynput import keyboard

        for attempt in range(2):
            listener = keyboard.GlobalHotKeys({combination: self.activated.emit})
            try:
                listener.start()
                listener.wait()
                return listener
            except Exception:
                listener.stop()
                if attempt:
                    raise
                time.sleep(0.3)
        raise AssertionError("unreachable")

    def unregister(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop()
            listener.join(5.0)
        self.status = HotkeyStatus(HotkeyState.OFF, "")
