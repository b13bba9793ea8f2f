"""설정: model, threads, context, GPU layers, temperature, history, hotkey, the engine (this PC or a
team server), and the tokens and keys (keyring only)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import BaroError
from app.gui.dialogs.disclosure import confirm_sending
from app.gui.dialogs.engine_settings import EngineBox
from app.tasks.models import ModelStore, open_model_store
from app.tasks.request_preview import settings_preview
from app.tasks.settings import HF_TOKEN, SecretStore, Settings, load_settings, save_settings, validate
from app.tasks.team_server import requested_host


def checked_host(settings: Settings) -> str | None:
    return requested_host(settings, settings.engine_url) if settings.engine == "server" else None


class SettingsDialog(QDialog):
    saved = Signal(object)  # Settings

    def __init__(
        self, parent: QWidget | None = None, *, secrets: SecretStore | None = None, store: ModelStore | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.secrets = secrets or SecretStore()
        self.loaded = load_settings()
        current = self.loaded.settings
        store = store or open_model_store()

        self.model = QComboBox()
        self.model.addItem(self.tr("Built-in model"), "")
        for m in store.list():
            self.model.addItem(m.name, m.key)
        if current.model and self.model.findData(current.model) < 0:
            self.model.addItem(current.model, current.model)
        self.model.setCurrentIndex(max(0, self.model.findData(current.model)))

        self.threads = self._spin(0, 256, current.threads, self.tr("automatic"))
        self.context = self._spin(0, 262_144, current.context_size, self.tr("model's recommendation"), step=512)
        self.gpu_layers = self._spin(0, 999, current.gpu_layers, None)
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(0.0, 2.0)
        self.temperature.setSingleStep(0.05)
        self.temperature.setValue(current.temperature)
        self.temperature.setToolTip(
            self.tr(
                "How freely the model chooses its words, for every task: 0 always gives the same answer, "
                "higher values vary more. Applies from the next answer, without reloading the model."
            )
        )
        self.history = QCheckBox(self.tr("Keep a history of my tasks on this computer"))
        self.history.setChecked(current.history_enabled)
        self.hotkey = QKeySequenceEdit(QKeySequence(current.hotkey))
        self.hotkey_enabled = QCheckBox(self.tr("Open quick ask with this hotkey from any program"))
        self.hotkey_enabled.setChecked(current.hotkey_enabled)
        self.start_on_login = QCheckBox(self.tr("Start Baro in the tray when I log in"))
        self.start_on_login.setChecked(current.start_on_login)

        form = QFormLayout()
        form.addRow(self.tr("Model"), self.model)
        form.addRow(self.tr("CPU threads"), self.threads)
        form.addRow(self.tr("Context size (tokens)"), self.context)
        form.addRow(self.tr("GPU layers"), self.gpu_layers)
        form.addRow(self.tr("Temperature"), self.temperature)
        form.addRow("", self.history)
        form.addRow(self.tr("Hotkey"), self.hotkey)
        form.addRow("", self.hotkey_enabled)
        form.addRow("", self.start_on_login)

        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.forget = QPushButton(self.tr("Forget token"))
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        token_box = QGroupBox(self.tr("Hugging Face token (only for gated model downloads)"))
        token_row = QHBoxLayout()
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.forget)
        token_layout = QVBoxLayout(token_box)
        token_layout.addLayout(token_row)
        token_layout.addWidget(self.keyring_note)
        self._show_token_state()

        self.engine = EngineBox(current, self.secrets)

        self.notice = QLabel("\n".join(self.loaded.notices))
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(self.loaded.notices))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.forget.clicked.connect(self.forget_token)

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(form)
        layout.addWidget(self.engine)
        layout.addWidget(token_box)
        layout.addWidget(buttons)

    def _spin(self, low: int, high: int, value: int, zero_text: str | None, step: int = 1) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSingleStep(step)
        spin.setValue(value)
        if zero_text:
            spin.setSpecialValueText(zero_text)
        return spin

    def _show_token_state(self) -> None:
        if not self.secrets.available:
            self.token.setEnabled(False)
            self.forget.setEnabled(False)
            self.token.setPlaceholderText(self.tr("No keyring on this computer"))
            self.keyring_note.setText(
                self.tr(
                    "No system keyring was found, so Baro cannot store a token. It is never written to a file. "
                    "Public models download without one."
                )
            )
            return
        stored = self.secrets.get(HF_TOKEN) is not None
        self.token.setPlaceholderText(self.tr("Stored in the keyring") if stored else self.tr("hf_…"))
        self.forget.setEnabled(stored)
        self.keyring_note.setText(
            self.tr("Kept in the system keyring ({name}), never in a file.").format(name=self.secrets.backend_name)
        )

    def chosen(self) -> Settings:
        return replace(
            self.loaded.settings,
            model=str(self.model.currentData() or ""),
            threads=self.threads.value(),
            context_size=self.context.value(),
            gpu_layers=self.gpu_layers.value(),
            temperature=round(self.temperature.value(), 2),
            history_enabled=self.history.isChecked(),
            hotkey=self.hotkey.keySequence().toString(QKeySequence.SequenceFormat.PortableText) or Settings().hotkey,
            hotkey_enabled=self.hotkey_enabled.isChecked(),
            start_on_login=self.start_on_login.isChecked(),
        )

    def save(self) -> None:
        try:
            settings = validate(self.engine.apply(self.chosen()))
            if not self.loaded.writable:
                raise BaroError(self.tr("This settings file was written by a newer Baro; it is left unchanged."))
            token = self.token.text().strip()
            if token:
                self.secrets.set(HF_TOKEN, token)
                self.token.clear()
            host = checked_host(settings)
            if host is not None and host != settings.engine_disclosed_host:
                if not confirm_sending(self, host, settings_preview(settings, secrets=self.secrets)):
                    return
                settings = replace(settings, engine_disclosed_host=host)
            save_settings(settings)
        except BaroError as err:
            QMessageBox.warning(self, self.tr("Settings"), err.user_message)
            return
        self.saved.emit(settings)
        self.accept()

    def forget_token(self) -> None:
        try:
            self.secrets.delete(HF_TOKEN)
        except BaroError as err:
            QMessageBox.warning(self, self.tr("Settings"), err.user_message)
        self._show_token_state()
