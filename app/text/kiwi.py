"""One lazily created Kiwi analyser per process (loading it takes about two seconds)."""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

_lock = threading.Lock()


@cache
def _make() -> Any:
    from kiwipiepy import Kiwi

    return Kiwi()


def kiwi() -> Any:
    """The shared ``kiwipiepy.Kiwi``; thread-safe to create, used under its own locking."""
    with _lock:
        return _make()
