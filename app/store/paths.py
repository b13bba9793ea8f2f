"""Where Baro keeps its files. ``BARO_HOME`` relocates all of them (tests always set it)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "baro"


@dataclass(frozen=True)
class Paths:
    config: Path
    data: Path
    cache: Path
    logs: Path

    @property
    def models(self) -> Path:
        override = os.environ.get("BARO_MODELS_DIR")
        return Path(override).expanduser() if override else self.data / "models"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.toml"

    @property
    def library_db(self) -> Path:
        return self.data / "library.sqlite3"

    @property
    def history_db(self) -> Path:
        return self.data / "history.sqlite3"

    def ensure(self) -> Paths:
        for d in (self.config, self.data, self.cache, self.logs, self.models):
            d.mkdir(parents=True, exist_ok=True)
        return self


def app_paths() -> Paths:
    home = os.environ.get("BARO_HOME")
    if home:
        root = Path(home).expanduser()
        return Paths(root / "config", root / "data", root / "cache", root / "logs")
    return Paths(
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )
