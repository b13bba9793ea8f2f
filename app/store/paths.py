"""Where Baro keeps its files. ``BARO_HOME`` relocates all of them (tests always set it)."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from app.core.errors import BaroError

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

    def ensure(self, *only: Path) -> Paths:
        """Create the folders (all, or ``only`` these, so a read-only home still serves what exists).

        Raises ``DataFolderUnwritable`` (never a bare OSError) when one cannot be made.
        """
        for d in only or (self.config, self.data, self.cache, self.logs, self.models):
            try:
                d.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise DataFolderUnwritable(d, err) from err
        return self


class DataFolderUnwritable(BaroError):
    def __init__(self, folder: Path, err: OSError) -> None:
        reason = _REASONS.get(err.errno or 0) or err.strerror or type(err).__name__
        super().__init__(
            f"바로의 데이터 폴더를 만들 수 없습니다: {folder} ({reason}). 쓸 수 있는 폴더를 BARO_HOME으로 "
            "지정하거나 폴더 권한을 확인해 주세요."
        )
        self.folder = folder


_REASONS = {
    errno.EROFS: "읽기 전용 저장 장치",
    errno.EACCES: "쓰기 권한 없음",
    errno.EPERM: "쓰기 권한 없음",
    errno.ENOSPC: "디스크 공간 부족",
    errno.ENOTDIR: "같은 이름의 파일이 있음",
}


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
