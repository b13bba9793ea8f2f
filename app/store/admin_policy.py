"""What an organisation's administrator decides for every user of a PC: the team servers Baro may use.

One TOML file outside the user's reach (``BARO_ADMIN_FILE`` relocates it)::

    [engine]
    allowed_hosts = ["llm.example.co.kr"]

No file: no list (any server the user enters, https or on this PC). A file that cannot be read fails
closed: no server is allowed until the administrator fixes it.
"""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import BaroError

ADMIN_FILE_ENV = "BARO_ADMIN_FILE"


class AdminPolicyError(BaroError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"관리자 설정 파일({path})을 읽을 수 없어 조직 서버를 쓰지 않습니다: {detail}. 관리자에게 알려 주세요.",
            path=path,
        )


@dataclass(frozen=True)
class AdminPolicy:
    allowed_hosts: tuple[str, ...] | None = None
    """Hosts a team server may be on; None: the administrator set no list."""
    source: Path | None = None


def admin_file() -> Path:
    override = os.environ.get(ADMIN_FILE_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "Baro" / "admin.toml"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/Baro/admin.toml")
    return Path("/etc/baro/admin.toml")


def load_admin_policy(path: Path | None = None) -> AdminPolicy:
    target = path or admin_file()
    try:
        raw = tomllib.loads(target.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return AdminPolicy()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise AdminPolicyError(target, type(err).__name__) from None
    engine = raw.get("engine", {})
    hosts = engine.get("allowed_hosts") if isinstance(engine, dict) else None
    if hosts is None:
        return AdminPolicy(source=target)
    if not isinstance(hosts, list) or not all(isinstance(h, str) and h.strip() for h in hosts):
        raise AdminPolicyError(target, "engine.allowed_hosts는 호스트 이름의 목록이어야 합니다")
    return AdminPolicy(tuple(h.strip().lower() for h in hosts), target)
