"""설정 dialog: values round-trip to the versioned file; the token goes to the keyring or nowhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot

from app.gui.dialogs.settings_dialog import SettingsDialog
from app.gui.engine_controller import EngineState
from app.gui.main_window import MainWindow
from app.llm.model_store import ModelStore
from app.store.paths import app_paths
from app.store.secrets import HF_TOKEN, SecretStore
from app.store.settings import Settings, load_settings, save_settings
from tests.unit.llm.ggufgen import build_gguf
from tests.unit.store.memkeyring import MemoryKeyring

TOKEN = "hf_DialogSecret_0987654321"


def _files_with(root: Path, needle: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]


def test_shows_and_saves_every_setting(qtbot: QtBot, tmp_path: Path, baro_home: Path) -> None:
    store = ModelStore(tmp_path / "models")
    store.import_file(build_gguf(tmp_path / "kor.gguf"))
    save_settings(Settings(threads=3, temperature=0.4))
    dialog = SettingsDialog(secrets=SecretStore(MemoryKeyring()), store=store)
    qtbot.addWidget(dialog)
    assert dialog.threads.value() == 3

    dialog.model.setCurrentIndex(dialog.model.findData("kor"))
    dialog.context.setValue(8192)
    dialog.gpu_layers.setValue(12)
    dialog.history.setChecked(False)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    saved = load_settings().settings
    assert saved == Settings(
        model="kor", threads=3, context_size=8192, gpu_layers=12, temperature=0.4, history_enabled=False
    )
    assert app_paths().settings_file.is_file()


def test_the_token_goes_to_the_keyring_and_never_to_a_file(qtbot: QtBot, baro_home: Path) -> None:
    keyring = MemoryKeyring()
    dialog = SettingsDialog(secrets=SecretStore(keyring), store=ModelStore(baro_home / "m"))
    qtbot.addWidget(dialog)
    dialog.token.setText(TOKEN)
    dialog.save()
    assert keyring.secrets[("baro", HF_TOKEN)] == TOKEN
    assert _files_with(baro_home, TOKEN) == []
    again = SettingsDialog(secrets=SecretStore(keyring), store=ModelStore(baro_home / "m"))
    qtbot.addWidget(again)
    assert again.token.text() == ""  # shown as stored, never echoed back
    assert again.forget.isEnabled()
    again.forget_token()
    assert keyring.secrets == {}


def test_without_a_keyring_the_token_field_is_off_and_says_why(qtbot: QtBot, baro_home: Path) -> None:
    dialog = SettingsDialog(secrets=SecretStore(fail.Keyring()), store=ModelStore(baro_home / "m"))
    qtbot.addWidget(dialog)
    assert not dialog.token.isEnabled()
    assert "keyring" in dialog.keyring_note.text()
    dialog.save()
    assert _files_with(baro_home, "hf_") == []


@pytest.mark.slow
def test_a_new_temperature_applies_to_the_loaded_model_without_a_reload(qtbot: QtBot, window: MainWindow) -> None:
    assert window.engine.wait_loaded(120)
    loaded = window.engine.assistant
    assert loaded is not None and loaded.temperature == Settings().temperature
    dialog = window.open_settings()
    dialog.temperature.setValue(0.9)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert window.engine.assistant is loaded  # same engine, nothing reloaded
    assert loaded.temperature == 0.9
    assert window.engine.state == EngineState.READY
    assert load_settings().settings.temperature == 0.9
