"""설정 → 엔진: this PC (default) or an organisation's model server (address, model, API key in the keyring)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import BaroError
from app.tasks.settings import SecretStore, Settings
from app.tasks.team_server import (
    WHAT_IS_SENT,
    ServerChoice,
    checked_address,
    entered_choice,
    has_api_key,
    offered_models,
    store_api_key,
)


class EngineBox(QGroupBox):
    """The engine part of the settings dialog; ``apply`` checks it and returns the settings to save."""

    def __init__(self, current: Settings, secrets: SecretStore, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Engine: where answers are made"), parent)
        self.secrets = secrets
        self.local = QRadioButton(self.tr("This PC (nothing leaves the computer)"))
        self.server = QRadioButton(self.tr("Organisation server (OpenAI-compatible)"))
        self.url = QLineEdit(current.engine_url)
        self.url.setPlaceholderText("https://llm.example.co.kr")
        self.model = QComboBox()
        self.model.setEditable(True)
        if current.engine_model:
            self.model.addItem(current.engine_model)
        self.fetch = QPushButton(self.tr("Load models"))
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.insecure = QCheckBox(self.tr("Allow unencrypted http to another computer (not recommended)"))
        self.insecure.setChecked(current.engine_insecure)
        self.status = QLabel()
        self.status.setWordWrap(True)
        (self.server if current.engine == "server" else self.local).setChecked(True)

        model_row = QHBoxLayout()
        model_row.addWidget(self.model, 1)
        model_row.addWidget(self.fetch)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Server address"), self.url)
        self.form.addRow(self.tr("Model"), model_row)
        self.form.addRow(self.tr("API key"), self.key)
        self.form.addRow("", self.insecure)
        layout = QVBoxLayout(self)
        layout.addWidget(self.local)
        layout.addWidget(self.server)
        layout.addLayout(self.form)
        layout.addWidget(self.status)

        self.server.toggled.connect(self._show_state)
        self.url.editingFinished.connect(self._show_state)
        self.insecure.toggled.connect(self._warn_insecure)
        self.fetch.clicked.connect(self.load_models)
        self._show_state()

    def _show_state(self) -> None:
        on = self.server.isChecked()
        for widget in (self.url, self.model, self.fetch, self.key, self.insecure):
            widget.setEnabled(on)
        if not on:
            self.status.setText(self.tr("Documents, questions and answers stay on this PC."))
            return
        host = self._host_or_none()
        stored = host is not None and has_api_key(host, self.secrets)
        self.key.setPlaceholderText(
            self.tr("Stored in the keyring") if stored else self.tr("none (if the server needs none)")
        )
        self.status.setText(WHAT_IS_SENT)

    def _host_or_none(self) -> str | None:
        try:
            return checked_address(self.url.text(), allow_insecure=True).host
        except BaroError:
            return None

    def _warn_insecure(self, on: bool) -> None:
        if on:
            QMessageBox.warning(
                self,
                self.tr("Unencrypted connection"),
                self.tr(
                    "Without https, anyone on the network between this PC and the server can read the passages "
                    "and answers. Use it only if your administrator says the network is protected."
                ),
            )

    def choice(self) -> ServerChoice:
        return entered_choice(self.url.text(), self.model.currentText(), key=self.key.text().strip(),
                              allow_insecure=self.insecure.isChecked(), secrets=self.secrets)  # fmt: skip

    def load_models(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            names = offered_models(self.choice())
        except BaroError as err:
            self.status.setText(err.user_message)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        chosen = self.model.currentText()
        self.model.clear()
        self.model.addItems(names)
        if chosen in names:
            self.model.setCurrentText(chosen)
        self.status.setText(self.tr("The server offers {count} model(s).").format(count=len(names)))

    def apply(self, settings: Settings) -> Settings:
        """The settings with this engine choice; stores a new API key in the keyring. Raises ``BaroError``."""
        if not self.server.isChecked():
            return replace(settings, engine="local")
        choice = self.choice()
        if not choice.model:
            raise BaroError(self.tr("Choose the server's model (Load models lists them)."))
        if self.key.text().strip():
            store_api_key(choice.address.host, self.key.text().strip(), self.secrets)
            self.key.clear()
        return replace(
            settings,
            engine="server",
            engine_url=choice.address.url,
            engine_model=choice.model,
            engine_insecure=self.insecure.isChecked(),
        )
