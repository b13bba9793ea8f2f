"""모델 관리 dialog: lists, import, download (local hub), use with the memory check, remove."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.gui.dialogs.models_dialog import ModelsDialog, confirm_memory
from app.llm.catalog import load_catalog
from app.llm.memory import GIB
from app.llm.model_store import ModelStore
from app.store.settings import load_settings
from tests.unit.llm.ggufgen import CHATML_TEMPLATE, build_gguf
from tests.unit.llm.hubserver import running_hub


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModelStore:
    monkeypatch.setenv("BARO_MODELS_DIR", str(tmp_path / "models"))
    return ModelStore(tmp_path / "models")


def _answer_next_box(role: QMessageBox.ButtonRole) -> list[str]:
    """Press the button with ``role`` on the next modal message box; return the text it showed."""
    shown: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        shown.append(box.text())
        button = next(b for b in box.buttons() if box.buttonRole(b) == role)
        button.click()

    QTimer.singleShot(0, press)
    return shown


def test_lists_installed_and_recommended_models(qtbot: QtBot, store: ModelStore, tmp_path: Path) -> None:
    store.import_file(build_gguf(tmp_path / "mine.gguf"))
    dialog = ModelsDialog(store=store)
    qtbot.addWidget(dialog)
    assert dialog.installed.rowCount() == 1
    assert dialog.installed.item(0, 0).text() == "Tiny Test Model"
    assert dialog.catalog.rowCount() == len(load_catalog().models)


def test_import_runs_in_the_background_and_refuses_bad_files(qtbot: QtBot, store: ModelStore, tmp_path: Path) -> None:
    dialog = ModelsDialog(store=store)
    qtbot.addWidget(dialog)
    dialog.import_file(build_gguf(tmp_path / "Good.gguf", chat_template=CHATML_TEMPLATE))
    qtbot.waitUntil(lambda: dialog.installed.rowCount() == 1, timeout=20_000)
    qtbot.waitUntil(lambda: not dialog.job.isRunning(), timeout=20_000)  # type: ignore[union-attr]

    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"not a model at all" * 100)
    shown = _answer_next_box(QMessageBox.ButtonRole.AcceptRole)
    dialog.import_file(bad)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "bad.gguf" in shown[0] and "GGUF" in shown[0]
    assert dialog.installed.rowCount() == 1


def test_use_switches_model_when_it_fits(qtbot: QtBot, store: ModelStore, tmp_path: Path) -> None:
    store.import_file(build_gguf(tmp_path / "fits.gguf"))
    dialog = ModelsDialog(store=store)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.model_chosen) as chosen:
        assert dialog.use_selected(available=64 * GIB)
    assert chosen.args == ["fits"]
    assert load_settings().settings.model == "fits"
    assert dialog.installed.item(0, 0).text().startswith("●")


@pytest.mark.parametrize(
    ("role", "switched"), [(QMessageBox.ButtonRole.AcceptRole, True), (QMessageBox.ButtonRole.RejectRole, False)]
)
def test_too_little_memory_asks_and_load_anyway_goes_ahead(
    qtbot: QtBot, store: ModelStore, tmp_path: Path, role: QMessageBox.ButtonRole, switched: bool
) -> None:
    store.import_file(build_gguf(tmp_path / "big.gguf"))
    dialog = ModelsDialog(store=store)
    qtbot.addWidget(dialog)
    shown = _answer_next_box(role)
    assert dialog.use_selected(available=GIB // 8) is switched
    assert "메모리가 부족합니다" in shown[0]
    assert (load_settings().settings.model == "big") is switched


def test_confirm_memory_is_silent_when_the_model_fits(qtbot: QtBot, tmp_path: Path) -> None:
    assert confirm_memory(None, build_gguf(tmp_path / "m.gguf"), 2048, available=64 * GIB)


@pytest.mark.usefixtures("loopback_network")
def test_download_from_a_local_hub(
    qtbot: QtBot, store: ModelStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    entry = next(m for m in load_catalog().models if m.repo and not m.sha256)
    data = build_gguf(tmp_path / "served.gguf", rows=2048).read_bytes()
    with running_hub() as hub:
        hub.add(entry.repo, entry.file, data)
        monkeypatch.setenv("BARO_HUB_URL", hub.url)
        dialog = ModelsDialog(store=store)
        qtbot.addWidget(dialog)
        dialog.catalog.selectRow(dialog.offers.index(entry))
        progress: list[object] = []
        dialog.download_selected()
        assert dialog.job is not None
        dialog.job.progressed.connect(lambda done, total: progress.append(done))
        qtbot.waitUntil(lambda: not dialog.job.isRunning(), timeout=30_000)  # type: ignore[union-attr]
        # The list refreshes in the slot queued after the job: wait for it, not for the file alone.
        qtbot.waitUntil(lambda: entry not in dialog.offers, timeout=5_000)
    assert store.get(entry.id) is not None
    assert (store.dir / entry.file).read_bytes() == data


def test_remove(qtbot: QtBot, store: ModelStore, tmp_path: Path) -> None:
    store.import_file(build_gguf(tmp_path / "gone.gguf"))
    dialog = ModelsDialog(store=store)
    qtbot.addWidget(dialog)
    dialog.remove_selected(confirm=False)
    assert dialog.installed.rowCount() == 0
    assert not (store.dir / "gone.gguf").exists()


def test_the_window_menu_opens_both_dialogs(qtbot: QtBot, store: ModelStore) -> None:
    from PySide6.QtGui import QAction

    from app.gui.dialogs.settings_dialog import SettingsDialog
    from app.gui.engine_controller import EngineController
    from app.gui.main_window import MainWindow

    def never(_load_anyway: bool) -> object:
        raise AssertionError("the model must not load in this test")

    window = MainWindow(EngineController(never))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    for name, kind in (("action_models", ModelsDialog), ("action_settings", SettingsDialog)):
        action = window.findChild(QAction, name)
        assert action is not None
        action.trigger()
        opened = window.findChildren(kind)
        assert len(opened) == 1 and opened[0].isVisible()
        opened[0].reject()
