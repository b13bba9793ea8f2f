"""Secrets go to the keyring only: never into any file under BARO_HOME, and no plaintext fallback."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail, null

from app.cli import main
from app.store.paths import app_paths
from app.store.secrets import HF_TOKEN, SecretStore, SecretsUnavailable
from app.store.settings import Settings, load_settings, save_settings
from tests.unit.store.memkeyring import MemoryKeyring

TOKEN = "hf_TopSecretTokenValue_1234567890"


def _files_containing(root: Path, needle: bytes) -> list[Path]:
    hits = []
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            if needle in path.read_bytes():
                hits.append(path)
    return hits


def test_a_secret_never_lands_in_any_file_under_baro_home(
    baro_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BARO_MODELS_DIR", str(baro_home / "data" / "models"))
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        store = SecretStore()
        store.set(HF_TOKEN, TOKEN)
        assert store.get(HF_TOKEN) == TOKEN
        # Exercise everything that writes under BARO_HOME: settings, migrations, the model registry.
        old = app_paths().ensure().settings_file
        old.write_text(f'model_path = "x.gguf"\nhf_token = "{TOKEN}"\n', encoding="utf-8")
        load_settings()
        save_settings(Settings(model="x", threads=2))
        assert main(["models", "list"]) == 0
        assert main(["models", "use", "default"]) == 0
    finally:
        keyring.set_keyring(previous)
    assert backend.secrets[("baro", HF_TOKEN)] == TOKEN
    assert any(baro_home.rglob("*")), "the test must have written files"
    assert _files_containing(baro_home, TOKEN.encode()) == []


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_without_a_keyring_nothing_is_stored_and_the_notice_is_clear(backend: object, baro_home: Path) -> None:
    store = SecretStore(backend)  # type: ignore[arg-type]
    assert not store.available
    with pytest.raises(SecretsUnavailable) as err:
        store.set(HF_TOKEN, TOKEN)
    assert "keyring" in err.value.user_message
    assert "파일에 저장하지 않습니다" in err.value.user_message
    assert store.get(HF_TOKEN) is None
    assert _files_containing(baro_home, TOKEN.encode()) == []


def test_a_plaintext_keyring_counts_as_no_keyring() -> None:
    class PlaintextKeyring(MemoryKeyring):
        pass

    assert not SecretStore(PlaintextKeyring()).available
    assert SecretStore(MemoryKeyring()).available


def test_delete(tmp_path: Path) -> None:
    store = SecretStore(MemoryKeyring())
    store.set(HF_TOKEN, TOKEN)
    store.delete(HF_TOKEN)
    store.delete(HF_TOKEN)
    assert store.get(HF_TOKEN) is None
