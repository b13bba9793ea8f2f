"""Team mode: which organisation model server answers, from the settings, the CLI and the admin's policy.

The address must pass ``parse_server_url`` (https, or this PC, or the user's explicit opt-in; inside the
admin's allow-list). The API key comes from the keyring (``BARO_ENGINE_KEY`` for scripts), never from
settings.toml. With no model named, a server offering exactly one model gets that one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from app.core.errors import ServerError, ServerFault
from app.llm.http_engine import HttpEngine, ServerSettings
from app.llm.prompts import PromptFormat
from app.llm.server_address import ServerAddress, parse_server_url
from app.store.admin_policy import load_admin_policy
from app.store.secrets import SecretStore
from app.store.settings import Settings

ENGINE_URL_ENV = "BARO_ENGINE_URL"
ENGINE_MODEL_ENV = "BARO_ENGINE_MODEL"
ENGINE_KEY_ENV = "BARO_ENGINE_KEY"

WHAT_IS_SENT = (
    "이 서버로는 답 하나를 만드는 데 필요한 글만 보냅니다: 요약할 때는 그 문서의 본문, 질문할 때는 질문과 "
    "관련 문단 몇 개, 초안을 쓸 때는 입력한 요점. 파일 자체와 라이브러리 색인은 이 PC에 남습니다."
)


@dataclass(frozen=True)
class ServerChoice:
    """A server the user asked for, before Baro has talked to it."""

    address: ServerAddress
    model: str
    prompt_format: PromptFormat
    api_key: str | None


def api_key_name(host: str) -> str:
    """The keyring entry that holds the API key of the server on ``host``."""
    return f"engine-api-key:{host.lower()}"


def wanted_url(settings: Settings, url: str | None = None) -> str:
    """The server asked for: ``url`` (``--engine``), else ``BARO_ENGINE_URL``, else the settings' server when
    the engine setting says so; "" for this PC's own engine."""
    return url or os.environ.get(ENGINE_URL_ENV) or (settings.engine_url if settings.engine == "server" else "")


def stored_api_key(host: str, secrets: SecretStore | None = None) -> str | None:
    return (secrets or SecretStore()).get(api_key_name(host))


def choose_server(
    settings: Settings, *, url: str | None = None, model: str | None = None, secrets: SecretStore | None = None
) -> ServerChoice | None:
    """The server ``wanted_url`` names, checked (``checked_address``); None for this PC's own engine."""
    wanted = wanted_url(settings, url)
    if not wanted:
        return None
    address = checked_address(wanted, allow_insecure=settings.engine_insecure)
    key = os.environ.get(ENGINE_KEY_ENV) or stored_api_key(address.host, secrets)
    try:
        prompt_format = PromptFormat(settings.engine_format)
    except ValueError:
        prompt_format = PromptFormat.SERVER_CHAT
    chosen_model = model or os.environ.get(ENGINE_MODEL_ENV) or settings.engine_model
    return ServerChoice(address, chosen_model, prompt_format, key)


def server_settings(choice: ServerChoice, *, n_ctx: int | None = None) -> ServerSettings:
    """Settings for ``HttpEngine``; a choice without a model takes the server's only one (asks the server)."""
    settings = settings_for(choice, choice.model or only_model(choice))
    return settings if n_ctx is None else replace(settings, n_ctx=n_ctx)


def offered_models(choice: ServerChoice) -> list[str]:
    """The model names the server offers (``GET /v1/models``), for the settings' model list."""
    engine = HttpEngine(settings_for(choice, choice.model))
    try:
        return [m.id for m in engine.list_models()]
    finally:
        engine.close()


def settings_for(choice: ServerChoice, model: str) -> ServerSettings:
    return ServerSettings(choice.address, model, choice.api_key, choice.prompt_format)


def only_model(choice: ServerChoice) -> str:
    names = offered_models(choice)
    if len(names) == 1:
        return names[0]
    listed = ", ".join(names[:5]) or "없음"
    raise ServerError(ServerFault.MODEL, choice.address.host, f"모델을 골라 주세요. 서버의 모델: {listed}")


def checked_address(url: str, *, allow_insecure: bool) -> ServerAddress:
    """``url`` as a server Baro may use under the admin's policy, or a ``ServerError`` saying why not."""
    policy = load_admin_policy()
    return parse_server_url(url, allow_insecure=allow_insecure, allowed_hosts=policy.allowed_hosts)


def requested_host(settings: Settings, url: str | None = None) -> str | None:
    """The host of the server that would answer (no network); None for this PC or an address that is refused
    (loading then reports why)."""
    wanted = wanted_url(settings, url)
    if not wanted:
        return None
    try:
        return parse_server_url(wanted, allow_insecure=True).host
    except ServerError:
        return None


def store_api_key(host: str, key: str, secrets: SecretStore | None = None) -> None:
    """Keep the server's API key in the keyring (an empty key forgets it); raises ``SecretsUnavailable``."""
    store = secrets or SecretStore()
    if key:
        store.set(api_key_name(host), key)
    else:
        store.delete(api_key_name(host))


def has_api_key(host: str, secrets: SecretStore | None = None) -> bool:
    return stored_api_key(host, secrets) is not None


def entered_choice(
    url: str, model: str, *, key: str = "", allow_insecure: bool, secrets: SecretStore | None = None
) -> ServerChoice:
    """What the user typed in 설정 → 엔진, checked; an empty key means the one kept in the keyring."""
    address = checked_address(url, allow_insecure=allow_insecure)
    stored = key or stored_api_key(address.host, secrets)
    return ServerChoice(address, model.strip(), PromptFormat.SERVER_CHAT, stored)
