"""The first-run welcome: what runs where, which model is active, and how to get a better one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomeDialog(QDialog):
    """Shown once. ``models_requested`` fires when the user asks for a better model (the caller opens 모델 관리)."""

    models_requested = Signal()

    def __init__(self, model_name: str, model_is_small: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome_dialog")
        self.setWindowTitle(self.tr("Welcome to Baro"))
        self.setMinimumWidth(520)

        title = QLabel(self.tr("Welcome to Baro"))
        title.setObjectName("welcome_title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        icon = QLabel()
        icon.setPixmap(self.windowIcon().pixmap(56, 56))
        header = QHBoxLayout()
        header.addWidget(icon)
        header.addWidget(title, 1)

        self.local_label = self._paragraph(
            self.tr(
                "Everything runs on this computer. Your documents, questions and answers never leave it; "
                "Baro uses the network only when you choose to download a model."
            ),
            "welcome_local",
        )
        self.model_label = self._paragraph(self.tr("Active model: %1").replace("%1", model_name), "welcome_model")
        self.model_label.setTextFormat(Qt.TextFormat.PlainText)
        advice = (
            self.tr(
                "The built-in model is small, so it works offline right away but its summaries and drafts are "
                "rough. A larger Korean model (for example EXAONE 3.5 2.4B or Kanana 1.5 2.1B) answers far "
                "better: open the model manager to download or import one."
            )
            if model_is_small
            else self.tr("You can change the model at any time in the model manager.")
        )
        self.advice_label = self._paragraph(advice, "welcome_advice")

        buttons = QDialogButtonBox()
        self.models_button = QPushButton(self.tr("Get a better model…"))
        self.models_button.setObjectName("welcome_models")
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setObjectName("welcome_start")
        self.start_button.setDefault(True)
        buttons.addButton(self.models_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.models_button.clicked.connect(self._want_models)
        self.start_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(header)
        for label in (self.local_label, self.model_label, self.advice_label):
            layout.addWidget(label)
        layout.addWidget(buttons)

    def _paragraph(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def _want_models(self) -> None:
        self.accept()
        self.models_requested.emit()
