"""Settings file layouts over time, and the append-only steps between them.

Each step turns the raw table of version N into version N+1 and never fails on a missing key (an old
file may have been edited by hand). Never change a released step: add a new one and bump the version.

- v1: flat keys ``model_path``, ``n_ctx``, ``n_threads``, ``language``, and ``hf_token`` (a token in
  plain text, which is exactly what must not stay on disk).
- v2: sections ``[model]`` (path, context_size, threads, gpu_layers), ``[generation]`` (temperature),
  ``[interface]`` (language); the token moved to the keyring.
- v3: ``[model].active`` names an installed model (key, file name, or a path) instead of a path only;
  ``[interface].hotkey`` and ``[history].enabled`` added.
- v4: ``[interface].hotkey_enabled`` (the global hotkey can be turned off), ``[interface].start_on_login``
  and ``[interface].tray_notice_shown`` (the "Baro keeps running in the tray" notice is shown once).
- v5: ``[engine]`` (kind "local" or "server", url, model, prompt_format, allow_insecure_http,
  disclosed_host): an organisation's model server; its API key lives in the keyring.

``[interface].language`` (v1's ``language``) is no longer read: the interface is Korean only. An old
file's value is ignored and gone at the next save.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.store.secrets import HF_TOKEN, SecretStore, SecretsUnavailable

Raw = dict[str, Any]


@dataclass
class MigrationContext:
    secrets: SecretStore
    models_dir: Path | None = None
    notices: list[str] = field(default_factory=list)


def _table(raw: Raw, name: str) -> Raw:
    value = raw.get(name)
    return dict(value) if isinstance(value, dict) else {}


def _v1_to_v2(raw: Raw, ctx: MigrationContext) -> Raw:
    token = raw.get("hf_token")
    if isinstance(token, str) and token.strip():
        try:
            ctx.secrets.set(HF_TOKEN, token.strip())
            ctx.notices.append("설정 파일에 있던 Hugging Face 토큰을 비밀 저장소(keyring)로 옮겼습니다.")
        except SecretsUnavailable:
            ctx.notices.append(
                "설정 파일에 평문으로 있던 Hugging Face 토큰을 지웠습니다. 비밀 저장소가 없어 보관할 수 없으니 "
                "필요하면 내려받을 때 다시 입력해 주세요."
            )
    model: Raw = {}
    for old, new in (("model_path", "path"), ("n_ctx", "context_size"), ("n_threads", "threads")):
        if old in raw:
            model[new] = raw[old]
    interface = {"language": raw["language"]} if "language" in raw else {}
    return {"version": 2, "model": model, "generation": {}, "interface": interface}


def _v2_to_v3(raw: Raw, ctx: MigrationContext) -> Raw:
    model = _table(raw, "model")
    path = model.pop("path", "")
    active = ""
    if isinstance(path, str) and path:
        # A model inside the models folder is named by its file; one elsewhere keeps its full path.
        as_path = Path(path)
        inside = ctx.models_dir is not None and as_path.parent == ctx.models_dir
        active = as_path.name if inside else path
    model["active"] = active
    return {
        "version": 3,
        "model": model,
        "generation": _table(raw, "generation"),
        "interface": _table(raw, "interface"),
        "history": {"enabled": True},
    }


def _v3_to_v4(raw: Raw, ctx: MigrationContext) -> Raw:
    interface = _table(raw, "interface")
    interface.setdefault("hotkey_enabled", True)
    interface.setdefault("start_on_login", False)
    interface.setdefault("tray_notice_shown", False)
    return {**raw, "version": 4, "interface": interface}


def _v4_to_v5(raw: Raw, ctx: MigrationContext) -> Raw:
    return {**raw, "version": 5, "engine": {"kind": "local"}}


MIGRATIONS: dict[int, Callable[[Raw, MigrationContext], Raw]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
}
CURRENT_VERSION = max(MIGRATIONS) + 1


def migrate(raw: Raw, ctx: MigrationContext) -> Raw:
    """Bring ``raw`` (any known version; no version key means v1) up to CURRENT_VERSION."""
    version = raw.get("version", 1)
    if not isinstance(version, int) or version < 1:
        version = 1
    while version < CURRENT_VERSION:
        raw = MIGRATIONS[version](raw, ctx)
        version = raw["version"]
    return raw
