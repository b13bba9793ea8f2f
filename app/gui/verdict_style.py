"""How a checked sentence looks in every pane (요약, 초안, 질문, the popup): one palette, one format per verdict.

Not backed by the sources: red text with a red wavy underline (the claims guard's mark is the same red).
Partly backed: a pale yellow background with a dotted orange underline. Backed: plain, linked to its source.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat

UNSUPPORTED = "#b01e1e"
UNSUPPORTED_BACKGROUND = "#fde8e8"
PARTIAL = "#e08a00"
PARTIAL_BACKGROUND = "#fff3cd"
HIGHLIGHT = "#ffe58f"
"""The span of a source a sentence or a question matches."""
LINK = "#1a4fa0"
MUTED = "#5a6472"
HIDDEN = "#9a9a9a"
NOTICE = "#8a4b00"


def verdict_format(label: str, tooltip: str = "") -> QTextCharFormat:
    """The character format of a sentence with verdict ``label`` ("supported" | "partial" | "unsupported")."""
    fmt = QTextCharFormat()
    if label == "unsupported":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(UNSUPPORTED))
        fmt.setForeground(QColor(UNSUPPORTED))
    elif label == "partial":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor(PARTIAL))
        fmt.setBackground(QColor(PARTIAL_BACKGROUND))
    if tooltip:
        fmt.setToolTip(tooltip)
    return fmt


def guard_format() -> QTextCharFormat:
    """A sentence the claims guard flagged (e.g. "독도는 일본 땅"): marked like an unsupported one."""
    return verdict_format("unsupported")
