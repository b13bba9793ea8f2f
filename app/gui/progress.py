"""A progress bar that shows a known fraction, or a busy sweep when the fraction is unknown."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar


def show_fraction(bar: QProgressBar, fraction: float | None) -> None:
    if fraction is None:
        bar.setRange(0, 0)
    else:
        bar.setRange(0, 100)
        bar.setValue(round(fraction * 100))
