"""설정 → 엔진: a team server is chosen with its key in the keyring only, http off this PC is refused unless
allowed, the admin's allow-list holds, and nothing is sent before the user has seen what goes to which host."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.gui.application import EnginePlanner
from app.gui.dialogs.settings_dialog import SettingsDialog
from app.llm.model_store import ModelStore
from app.store.secrets import SecretStore
from app.store.settings import Settings, load_settings, save_settings
from app.tasks.team_server import WHAT_IS_SENT, api_key_name
from tests.unit.store.memkeyring import MemoryKeyring

KEY = "team-key-5f1e2d3c4b"


def answer_next_box(choose: Callable[[QMessageBox], object], seen: list[str]) -> None:
    """Answer the next message box Baro opens (it is modal: the test would wait on it forever)."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(f"{box.text()}\n{box.informativeText()}\n{box.detailedText()}")
        button = choose(box)
        assert button is not None
        button.click()  # type: ignore[attr-defined]

    QTimer.singleShot(0, answer)


def by_role(box: QMessageBox, *roles: QMessageBox.ButtonRole) -> object:
    return next(b for b in box.buttons() if box.buttonRole(b) in roles)


def agree(box: QMessageBox) -> object:
    return by_role(box, QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.YesRole)


def decline(box: QMessageBox) -> object:
    return by_role(box, QMessageBox.ButtonRole.RejectRole, QMessageBox.ButtonRole.NoRole)


def dialog_with(qtbot: QtBot, baro_home: Path, keyring: MemoryKeyring) -> SettingsDialog:
    dialog = SettingsDialog(secrets=SecretStore(keyring), store=ModelStore(baro_home / "m"))
    qtbot.addWidget(dialog)
    return dialog


def enter_server(dialog: SettingsDialog, url: str, model: str) -> None:
    dialog.engine.server.setChecked(True)
    dialog.engine.url.setText(url)
    dialog.engine.model.setCurrentText(model)


def test_a_team_server_is_saved_with_its_key_in_the_keyring_after_the_disclosure(qtbot: QtBot, baro_home: Path) -> None:
    keyring = MemoryKeyring()
    dialog = dialog_with(qtbot, baro_home, keyring)
    assert dialog.engine.local.isChecked() and not dialog.engine.url.isEnabled()
    enter_server(dialog, "http://127.0.0.1:8080/v1", "exaone-32b")
    dialog.engine.key.setText(KEY)
    seen: list[str] = []
    answer_next_box(agree, seen)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert "127.0.0.1" in seen[0] and WHAT_IS_SENT in seen[0]
    assert "POST http://127.0.0.1:8080/v1/chat/completions" in seen[0], "the exact request of one question"
    assert '"model": "exaone-32b"' in seen[0] and "Authorization: Bearer ********" in seen[0]
    assert KEY not in seen[0]
    saved = load_settings().settings
    assert (saved.engine, saved.engine_url, saved.engine_model) == ("server", "http://127.0.0.1:8080", "exaone-32b")
    assert saved.engine_disclosed_host == "127.0.0.1"
    assert keyring.secrets[("baro", api_key_name("127.0.0.1"))] == KEY
    assert not [p for p in baro_home.rglob("*") if p.is_file() and KEY.encode() in p.read_bytes()]
    assert EnginePlanner().pending_disclosure() is None


def test_declining_the_disclosure_saves_nothing(qtbot: QtBot, baro_home: Path) -> None:
    dialog = dialog_with(qtbot, baro_home, MemoryKeyring())
    enter_server(dialog, "http://localhost:9000", "m")
    seen: list[str] = []
    answer_next_box(decline, seen)
    dialog.save()
    assert seen and load_settings().settings == Settings()


def test_plain_http_to_another_machine_is_refused_in_korean_unless_allowed(qtbot: QtBot, baro_home: Path) -> None:
    dialog = dialog_with(qtbot, baro_home, MemoryKeyring())
    enter_server(dialog, "http://10.1.2.3:8000", "m")
    refused: list[str] = []
    answer_next_box(agree, refused)
    dialog.save()
    assert "https" in refused[0] and "10.1.2.3" in refused[0]
    assert load_settings().settings.engine == "local"
    warned: list[str] = []
    answer_next_box(agree, warned)
    dialog.engine.insecure.setChecked(True)
    assert warned, "allowing plain http is warned about"
    agreed: list[str] = []
    answer_next_box(agree, agreed)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert load_settings().settings.engine_insecure


def test_the_admin_allow_list_refuses_another_host(qtbot: QtBot, baro_home: Path) -> None:
    (baro_home / "admin.toml").write_text('[engine]\nallowed_hosts = ["llm.example.co.kr"]\n', encoding="utf-8")
    dialog = dialog_with(qtbot, baro_home, MemoryKeyring())
    enter_server(dialog, "https://other.example.com", "m")
    refused: list[str] = []
    answer_next_box(agree, refused)
    dialog.save()
    assert "허용 목록" in refused[0] and load_settings().settings.engine == "local"


def test_a_server_named_at_launch_is_not_used_before_the_user_agrees(baro_home: Path) -> None:
    save_settings(Settings())
    planner = EnginePlanner("http://127.0.0.1:9")
    assert planner.pending_disclosure() == "127.0.0.1"
    plan = planner(False)
    assert plan.server is None, "undisclosed: this PC answers, nothing is sent"
