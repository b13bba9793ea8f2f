"""Fonts that render Hangul and a calm style sheet."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

HANGUL_FONTS = (
    "Malgun Gothic",  # Windows
    "Apple SD Gothic Neo",  # macOS
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "NanumGothic",
    "Source Han Sans KR",
    "UnDotum",
)

STYLE = """
QListWidget#nav { background: #f3f5f8; border: none; border-right: 1px solid #dde2ea; padding-top: 12px;
                  font-size: 15px; }
QListWidget#nav::item { padding: 12px 16px; color: #2b3440; }
QListWidget#nav::item:selected { background: #e2e9f5; color: #1a4fa0; font-weight: bold;
                                 border-left: 3px solid #1a4fa0; }
QLabel#hint { color: #5a6472; }
QLabel#notice { background: #fff4e5; border: 1px solid #f0c987; border-radius: 4px; padding: 6px; }
QPushButton#primary { background: #1a4fa0; color: white; border-radius: 4px; padding: 6px 16px; }
QPushButton#primary:disabled { background: #9fb3d6; }
QTextBrowser#output { font-size: 14px; border: 1px solid #dde2ea; border-radius: 4px; padding: 6px; }
"""


def hangul_font_family() -> str | None:
    available = set(QFontDatabase.families())
    return next((family for family in HANGUL_FONTS if family in available), None)


def apply_look(app: QApplication) -> None:
    family = hangul_font_family()
    if family is not None:
        font = QFont(family)
        font.setPointSize(10)
        app.setFont(font)
    app.setStyleSheet(STYLE)
