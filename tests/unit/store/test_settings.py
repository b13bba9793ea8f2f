"""Settings: versioned file, every older version migrates, bad values fall back, newer files are left alone."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from keyring.backends import fail

from app.store.secrets import HF_TOKEN, SecretStore
from app.store.settings import (
    Settings,
    SettingsError,
    load_settings,
    save_settings,
    update_settings,
)
from app.store.settings_migrations import CURRENT_VERSION, MIGRATIONS
from tests.unit.store.memkeyring import MemoryKeyring

OLD_FILES = {
    1: """
model_path = "{models}/exaone.gguf"
n_ctx = 8192
n_threads = 4
language = "en"
hf_token = "hf_plaintext_old_token"
""",
    2: """
version = 2
[model]
path = "/elsewhere/own-model.gguf"
context_size = 2048
threads = 2
gpu_layers = 10
[generation]
temperature = 0.7
[interface]
language = "ko"
""",
    3: """
version = 3
[model]
active = "qwen"
[interface]
language = "ko"
hotkey = "F9"
[history]
enabled = false
""",
    4: """
version = 4
[model]
active = "baro-gemma3-270m"
[interface]
hotkey_enabled = false
tray_notice_shown = true
""",
}

EXPECTED = {
    1: Settings(model="exaone.gguf", context_size=8192, threads=4),  # language: Korean-only UI, dropped
    2: Settings(model="/elsewhere/own-model.gguf", context_size=2048, threads=2, gpu_layers=10, temperature=0.7),
    3: Settings(model="qwen", hotkey="F9", history_enabled=False, hotkey_enabled=True, start_on_login=False),
    4: Settings(model="baro-gemma3-270m", hotkey_enabled=False, tray_notice_shown=True, engine="local"),
}


def test_every_older_version_has_a_fixture() -> None:
    assert set(OLD_FILES) == set(MIGRATIONS) == set(range(1, CURRENT_VERSION))


@pytest.mark.parametrize("version", sorted(OLD_FILES))
def test_each_older_version_migrates_to_the_current_one(version: int, tmp_path: Path) -> None:
    models = tmp_path / "models"
    path = tmp_path / "settings.toml"
    path.write_text(OLD_FILES[version].format(models=models), encoding="utf-8")
    keyring = MemoryKeyring()
    loaded = load_settings(path, secrets=SecretStore(keyring), models_dir=models)
    assert loaded.settings == EXPECTED[version]
    rewritten = tomllib.loads(path.read_text(encoding="utf-8"))
    assert rewritten["version"] == CURRENT_VERSION
    assert load_settings(path, models_dir=models).settings == EXPECTED[version]  # stable once migrated
    if version == 1:
        assert keyring.secrets == {("baro", HF_TOKEN): "hf_plaintext_old_token"}
        assert "hf_plaintext_old_token" not in path.read_text(encoding="utf-8")
        assert any("keyring" in n for n in loaded.notices)


def test_a_plaintext_token_is_dropped_when_there_is_no_keyring(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(OLD_FILES[1].format(models=tmp_path), encoding="utf-8")
    loaded = load_settings(path, secrets=SecretStore(fail.Keyring()))
    assert "hf_plaintext_old_token" not in path.read_text(encoding="utf-8")
    assert any("지웠습니다" in n for n in loaded.notices)


def test_round_trip_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    assert load_settings(path).settings == Settings()
    wanted = Settings(model="qwen", threads=3, context_size=4096, temperature=0.5, history_enabled=False, hotkey="F9")
    save_settings(wanted, path)
    assert load_settings(path).settings == wanted
    assert path.stat().st_mode & 0o077 == 0


def test_bad_values_fall_back_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        f'version = {CURRENT_VERSION}\n[model]\nthreads = -4\ncontext_size = "big"\n[interface]\nlanguage = "fr"\n'
        "[generation]\ntemperature = 1\n",
        encoding="utf-8",
    )
    loaded = load_settings(path)
    assert loaded.settings == Settings(temperature=1.0)
    assert len(loaded.notices) == 2, "threads and context_size; the old language key is ignored, not an error"


def test_a_broken_file_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("this is = = not toml", encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert (tmp_path / "settings.toml.broken").is_file()
    assert loaded.notices


def test_a_newer_file_is_read_but_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    text = f"version = {CURRENT_VERSION + 1}\n[model]\nthreads = 6\n[future]\nthing = 1\n"
    path.write_text(text, encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings.threads == 6
    assert not loaded.writable
    with pytest.raises(SettingsError):
        update_settings({"threads": 2}, path)
    assert path.read_text(encoding="utf-8") == text


def test_update_validates(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    assert update_settings({"threads": 4}, path).threads == 4
    with pytest.raises(SettingsError):
        update_settings({"temperature": 9.0}, path)
    with pytest.raises(SettingsError):
        update_settings({"hf_token": "x"}, path)
