"""A computer without a keyring: `PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring`, as a user would run it.

The token features say the keyring is unavailable, nothing is written to a file, and a gated download says
what to do instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.llm.catalog import load_catalog
from tests.integration.cli import ROOT
from tests.unit.llm.ggufgen import build_gguf
from tests.unit.llm.hubserver import FakeHub, running_hub

NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "QT_QPA_PLATFORM": "offscreen"}

DIALOG_SCRIPT = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from app.gui.dialogs.settings_dialog import SettingsDialog
app = QApplication([])
dialog = SettingsDialog()
print("TOKEN_ENABLED", dialog.token.isEnabled())
print("NOTE", dialog.keyring_note.text())

def close_warning():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        print("WARNING", box.text())
        box.done(0)
    else:
        QTimer.singleShot(50, close_warning)

# The field is disabled; even a token forced into it is refused with a warning, not written anywhere.
dialog.token.setText("hf_should_never_be_stored")
QTimer.singleShot(50, close_warning)
dialog.save()
"""


def _run(args: list[str], **extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **NO_KEYRING, **extra}
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env, timeout=120
    )


@pytest.fixture
def gated_hub(tmp_path: Path) -> Iterator[tuple[FakeHub, str]]:
    entry = next(m for m in load_catalog().models if m.repo and not m.sha256)
    with running_hub() as hub:
        hub.add(entry.repo, entry.file, build_gguf(tmp_path / "served.gguf").read_bytes())
        hub.behaviour.token = "hf_gated_model_token"
        yield hub, entry.id


def test_the_settings_dialog_says_the_keyring_is_unavailable(baro_home: Path) -> None:
    result = _run(["-c", DIALOG_SCRIPT])
    assert result.returncode == 0, result.stderr[-2000:]
    assert "TOKEN_ENABLED False" in result.stdout
    assert "keyring" in result.stdout.split("NOTE", 1)[1]
    assert "keyring" in result.stdout.split("WARNING", 1)[1]
    stored = [p for p in baro_home.rglob("*") if p.is_file() and b"hf_should_never_be_stored" in p.read_bytes()]
    assert stored == []


@pytest.mark.usefixtures("loopback_network")
def test_a_gated_download_says_the_keyring_is_missing_and_what_to_do(
    gated_hub: tuple[FakeHub, str], tmp_path: Path
) -> None:
    hub, model_id = gated_hub
    result = _run(
        ["-m", "app.main", "models", "download", model_id],
        BARO_HUB_URL=hub.url,
        BARO_MODELS_DIR=str(tmp_path / "models"),
    )
    assert result.returncode != 0
    assert "로그인이 필요한 모델" in result.stderr
    assert "keyring" in result.stderr and "baro models import" in result.stderr
    assert not any("authorization" in r and r["authorization"] for r in hub.requests)
    assert not list((tmp_path / "models").glob("*.gguf"))
