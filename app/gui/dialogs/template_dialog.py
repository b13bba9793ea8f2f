"""Show a model's own chat template and choose it or Baro's built-in prompt format."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class TemplateDialog(QDialog):
    def __init__(self, model_name: str, template: str, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chat template: {name}").format(name=model_name))
        self.resize(640, 480)
        text = QPlainTextEdit(template or self.tr("(This model file has no chat template.)"))
        text.setReadOnly(True)
        text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        explain = QLabel(
            self.tr(
                "The model's own template runs in a sandbox with a time limit. Baro's built-in format is "
                "tested with Baro's tasks; choose it if answers look wrong."
            )
        )
        explain.setWordWrap(True)
        self.builtin = QRadioButton(self.tr("Use Baro's built-in prompt format"))
        self.embedded = QRadioButton(self.tr("Use the model's own chat template"))
        self.embedded.setEnabled(bool(template))
        (self.embedded if current == "embedded" and template else self.builtin).setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text, 1)
        layout.addWidget(explain)
        layout.addWidget(self.builtin)
        layout.addWidget(self.embedded)
        layout.addWidget(buttons)

    @property
    def choice(self) -> str:
        return "embedded" if self.embedded.isChecked() else "builtin"
