"""The user's settings: one versioned TOML file, every option declared once, migrated on load.

Secrets are not settings: they go through ``app.store.secrets`` to the keyring and never reach this file.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, cast

import tomli_w

from app.core.atomic_file import write_text_atomically
from app.core.errors import BaroError, SaveFailed, os_error_reason
from app.store.paths import app_paths
from app.store.secrets import SecretStore
from app.store.settings_migrations import CURRENT_VERSION, MigrationContext, migrate

ENGINE_KINDS = ("local", "server")


@dataclass(frozen=True)
class Settings:
    model: str = ""
    """An installed model's key, file name, or a .gguf path; empty means the built-in default model."""
    threads: int = 0
    """CPU threads for the engine; 0 lets llama.cpp decide."""
    context_size: int = 0
    """Context length in tokens; 0 uses the model's recommended size."""
    gpu_layers: int = 0
    temperature: float = 0.2
    history_enabled: bool = True
    hotkey: str = "Ctrl+Alt+Space"
    hotkey_enabled: bool = True
    start_on_login: bool = False
    tray_notice_shown: bool = False
    """The "Baro keeps running in the tray" notice was shown once already."""
    engine: str = "local"
    """"local" (this PC's llama.cpp) or "server" (an organisation's OpenAI-compatible model server)."""
    engine_url: str = ""
    engine_model: str = ""
    engine_format: str = "server-chat"
    """How prompts reach the server: "server-chat" (its chat endpoint) or a local format name (completions)."""
    engine_insecure: bool = False
    """Plain http to a server off this PC, explicitly allowed by the user (warned)."""
    engine_disclosed_host: str = ""
    """The server host the user was shown exactly what Baro sends to it, and agreed."""


@dataclass(frozen=True)
class Option:
    section: str
    key: str
    valid: Callable[[Any], bool]
    help: str


OPTIONS: dict[str, Option] = {
    "model": Option("model", "active", lambda v: len(v) <= 4096, "사용할 모델 (비우면 내장 기본 모델)"),
    "threads": Option("model", "threads", lambda v: 0 <= v <= 256, "CPU 스레드 수 (0 = 자동)"),
    "context_size": Option(
        "model", "context_size", lambda v: v == 0 or 256 <= v <= 262_144, "컨텍스트 길이 (0 = 모델 권장값)"
    ),
    "gpu_layers": Option("model", "gpu_layers", lambda v: 0 <= v <= 999, "GPU로 올릴 층 수"),
    "temperature": Option("generation", "temperature", lambda v: 0.0 <= v <= 2.0, "답의 다양성 (낮을수록 일정)"),
    "history_enabled": Option("history", "enabled", lambda v: True, "작업 기록 저장"),
    "hotkey": Option("interface", "hotkey", lambda v: 0 < len(v) <= 64, "바로 부르기 단축키"),
    "hotkey_enabled": Option("interface", "hotkey_enabled", lambda v: True, "바로 부르기 단축키 사용"),
    "start_on_login": Option("interface", "start_on_login", lambda v: True, "로그인할 때 바로 시작"),
    "tray_notice_shown": Option("interface", "tray_notice_shown", lambda v: True, "알림 영역 안내를 이미 보여 줌"),
    "engine": Option(
        "engine", "kind", lambda v: v in ENGINE_KINDS, "답을 만드는 곳 (local = 내 PC, server = 조직 서버)"
    ),
    "engine_url": Option("engine", "url", lambda v: len(v) <= 2048, "조직 서버 주소 (https://…)"),
    "engine_model": Option("engine", "model", lambda v: len(v) <= 512, "조직 서버의 모델 이름"),
    "engine_format": Option(
        "engine", "prompt_format", lambda v: 0 < len(v) <= 32, "조직 서버에 보내는 형식 (server-chat = 대화 API)"
    ),
    "engine_insecure": Option("engine", "allow_insecure_http", lambda v: True, "다른 PC의 서버에 암호화 없이 연결"),
    "engine_disclosed_host": Option("engine", "disclosed_host", lambda v: len(v) <= 512, "보내는 내용을 확인한 서버"),
}


class SettingsError(BaroError):
    pass


@dataclass
class LoadedSettings:
    settings: Settings
    notices: list[str] = field(default_factory=list)
    writable: bool = True
    """False when the file came from a newer Baro: we read what we understand and never overwrite it."""


def settings_path() -> Path:
    return app_paths().settings_file


def _typed(name: str, value: Any) -> Any:
    expected = type(getattr(Settings(), name))
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if type(value) is not expected:
        raise TypeError(name)
    if not OPTIONS[name].valid(value):
        raise ValueError(name)
    return value


def _from_raw(raw: dict[str, Any], notices: list[str]) -> Settings:
    values: dict[str, Any] = {}
    for name, option in OPTIONS.items():
        section = raw.get(option.section)
        if not isinstance(section, dict) or option.key not in section:
            continue
        try:
            values[name] = _typed(name, section[option.key])
        except (TypeError, ValueError):
            notices.append(f"설정 '{option.section}.{option.key}' 값이 올바르지 않아 기본값을 씁니다.")
    return Settings(**values)


def _to_raw(settings: Settings) -> dict[str, Any]:
    raw: dict[str, Any] = {"version": CURRENT_VERSION}
    for f in fields(settings):
        option = OPTIONS[f.name]
        raw.setdefault(option.section, {})[option.key] = getattr(settings, f.name)
    return raw


def validate(settings: Settings) -> Settings:
    """Raise SettingsError naming the first bad value (what a dialog or `baro` should report)."""
    for f in fields(settings):
        try:
            _typed(f.name, getattr(settings, f.name))
        except (TypeError, ValueError):
            raise SettingsError(f"설정 '{f.name}' 값이 올바르지 않습니다: {OPTIONS[f.name].help}") from None
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write atomically (0o600): a failed save keeps the old file; raises SettingsError naming the reason."""
    target = path or settings_path()
    data = tomli_w.dumps(_to_raw(validate(settings)))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        return write_text_atomically(target, data, permissions=0o600)
    except SaveFailed as err:
        raise _not_saved(target, err.os_error) from None
    except OSError as err:
        raise _not_saved(target, err) from None


def _not_saved(target: Path, err: OSError) -> SettingsError:
    return SettingsError(
        f"설정을 저장하지 못했습니다 ({os_error_reason(err)}). 이전 설정은 그대로 있습니다. "
        f"{target.parent} 폴더의 권한과 남은 공간을 확인해 주세요.",
        path=target,
    )


def load_settings(
    path: Path | None = None, *, secrets: SecretStore | None = None, models_dir: Path | None = None
) -> LoadedSettings:
    """Read settings, migrating an older file in place (so a plaintext token found there is gone at once)."""
    source = path or settings_path()
    try:
        raw = tomllib.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        broken = source.with_name(source.name + ".broken")
        try:
            os.replace(source, broken)
        except OSError:  # a read-only folder: leave the file where it is
            return LoadedSettings(
                Settings(), ["설정 파일을 읽을 수 없어 기본값으로 시작합니다 (파일은 그대로 두었습니다)."]
            )
        return LoadedSettings(
            Settings(), [f"설정 파일을 읽을 수 없어 기본값으로 시작합니다. 원래 파일은 {broken.name}로 남겼습니다."]
        )
    version = raw.get("version", 1)
    if isinstance(version, int) and version > CURRENT_VERSION:
        notices = ["더 새 버전의 바로가 만든 설정 파일입니다. 아는 항목만 읽고 파일은 바꾸지 않습니다."]
        return LoadedSettings(_from_raw(raw, notices), notices, writable=False)
    context = MigrationContext(secrets or SecretStore(), models_dir or app_paths().models)
    if version != CURRENT_VERSION:
        raw = migrate(raw, context)
    settings = _from_raw(raw, context.notices)
    if version != CURRENT_VERSION:
        try:
            save_settings(settings, source)
        except SettingsError as err:  # e.g. a read-only folder: run on the migrated values, say so
            context.notices.append(err.user_message)
    return LoadedSettings(settings, context.notices)


def update_settings(changes: Mapping[str, object], path: Path | None = None) -> Settings:
    """Change some settings and save; refuses to overwrite a newer Baro's file. ``validate`` checks each value."""
    loaded = load_settings(path)
    if not loaded.writable:
        raise SettingsError("더 새 버전의 바로가 만든 설정 파일이라 바꾸지 않습니다.")
    unknown = set(changes) - set(OPTIONS)
    if unknown:
        raise SettingsError(f"알 수 없는 설정입니다: {', '.join(sorted(unknown))}")
    settings = validate(replace(loaded.settings, **cast(dict[str, Any], changes)))
    save_settings(settings, path)
    return settings
