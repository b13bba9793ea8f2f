"""The interface is Korean only (issue #18's decision): every pane, the popup and the dialogs show no English
text of their own, and there is no interface-language setting that could show half a window in English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.gui.dialogs.models_dialog import ModelsDialog
from app.gui.dialogs.settings_dialog import SettingsDialog
from app.gui.main_window import MainWindow
from app.gui.quick_ask import QuickAskPopup
from app.store.settings import Settings

HANGUL = re.compile(r"[가-힣]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")
NAMES = {
    # formats, units, product and protocol names a Korean office UI writes in Latin letters
    *("HWP", "HWPX", "PDF", "DOCX", "TXT", "MD", "PPTX", "XLSX", "HTML", "CSV", "GGUF", "Q4_K_M"),
    *("Baro", "Gemma", "Hugging", "Face", "llama.cpp", "CPU", "GPU", "RAM", "API", "URL", "OK", "GB", "MB"),
    *("Ctrl", "Alt", "Shift", "Space", "Enter", "Esc"),
    "hf_",  # how a Hugging Face token starts (the token field's placeholder)
}


def texts_of(widget: QWidget) -> Iterator[str]:
    for child in [widget, *widget.findChildren(QWidget)]:
        yield child.windowTitle() if child.isWindow() else ""
        yield child.toolTip()
        if isinstance(child, QLabel):
            yield re.sub(r"<[^>]+>", " ", child.text())
        elif isinstance(child, QAbstractButton):
            yield child.text()
        elif isinstance(child, QLineEdit | QPlainTextEdit | QTextEdit):
            yield child.placeholderText()
        elif isinstance(child, QGroupBox):
            yield child.title()
        elif isinstance(child, QComboBox):
            yield from (child.itemText(i) for i in range(child.count()))
        elif isinstance(child, QListWidget):
            yield from (child.item(i).text() for i in range(child.count()))


def english_only(texts: Iterator[str]) -> list[str]:
    """Texts with words in Latin letters and no Hangul, beyond names, addresses and file names."""
    found = []
    for text in (t.strip() for t in texts):
        if not text or HANGUL.search(text) or "://" in text or re.fullmatch(r"[\w.\-/\\]+\.\w{2,5}", text):
            continue
        if [w for w in LATIN_WORD.findall(text) if w not in NAMES and len(w) > 1]:
            found.append(text)
    return sorted(set(found))


def test_the_check_finds_english_and_lets_names_pass() -> None:
    shown = [
        "Stop",
        "중지",
        "Settings…",
        "Baro 설정",
        "HWP, PDF",
        "보고서.hwpx",
        "https://llm.example.co.kr",
        "Ctrl+Alt",
    ]
    assert english_only(iter(shown)) == ["Settings…", "Stop"]


def test_every_pane_and_the_menu_are_korean(qtbot, window: MainWindow) -> None:
    assert english_only(texts_of(window)) == []
    menu_texts = (a.text().replace("&", "") for m in window.menuBar().actions() for a in [m, *m.menu().actions()])
    assert english_only(menu_texts) == []


def test_the_popup_and_the_dialogs_are_korean(qtbot, window: MainWindow, tmp_path: Path) -> None:
    popup = QuickAskPopup(window.assistant_when_ready, tmp_path / "library.sqlite3", lambda shown: None)
    settings = SettingsDialog(window)
    models = ModelsDialog(window)
    for widget in (popup, settings, models):
        qtbot.addWidget(widget)
        assert english_only(texts_of(widget)) == [], type(widget).__name__


def test_there_is_no_interface_language_to_choose(qtbot, window: MainWindow) -> None:
    assert not hasattr(Settings(), "language")
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    assert "English" not in [t for t in texts_of(dialog)]
