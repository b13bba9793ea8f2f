from pathlib import Path

import pytest

from app.store.paths import app_paths


def test_baro_home_relocates_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BARO_HOME", str(tmp_path))
    monkeypatch.delenv("BARO_MODELS_DIR", raising=False)
    paths = app_paths().ensure()
    for folder in (paths.config, paths.data, paths.cache, paths.logs, paths.models):
        assert folder.is_dir()
        assert tmp_path in folder.parents
    assert paths.settings_file.parent == paths.config


def test_models_dir_can_live_elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BARO_MODELS_DIR", str(tmp_path / "big-disk"))
    assert app_paths().models == tmp_path / "big-disk"
