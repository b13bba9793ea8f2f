"""Where a team server lives, and whether Baro may talk to it: https, loopback, the admin's allow-list."""

from __future__ import annotations

import ipaddress
from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import urlsplit

from app.core.errors import ServerError, ServerFault

LOOPBACK_NAMES = frozenset({"localhost"})


@dataclass(frozen=True)
class ServerAddress:
    url: str
    """Scheme, host and port (and a path prefix, if the server sits below one), without ``/v1``."""
    host: str
    scheme: str

    @property
    def is_loopback(self) -> bool:
        return is_loopback_host(self.host)

    @property
    def encrypted(self) -> bool:
        return self.scheme == "https"


def is_loopback_host(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def parse_server_url(
    text: str, *, allow_insecure: bool = False, allowed_hosts: Collection[str] | None = None
) -> ServerAddress:
    """The server at ``text`` ("https://llm.example.kr:8443", ".../v1" too), or a ``ServerError`` that says
    why Baro may not use it: not http(s), plain http off this PC without the explicit opt-in, or a host
    outside the organisation's allow-list (``allowed_hosts``; None: no list)."""
    raw = text.strip()
    parts = urlsplit(raw if "://" in raw else f"https://{raw}")
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        raise ServerError(ServerFault.MALFORMED, raw or "(빈 주소)", "http:// 또는 https:// 주소가 필요합니다")
    path = parts.path.rstrip("/")
    if path.endswith("/v1"):
        path = path[: -len("/v1")]
    port = f":{parts.port}" if parts.port else ""
    shown = f"[{host}]" if ":" in host else host
    address = ServerAddress(f"{parts.scheme}://{shown}{port}{path}", host, parts.scheme)
    if allowed_hosts is not None and host.lower() not in {h.lower() for h in allowed_hosts}:
        raise ServerError(ServerFault.NOT_ALLOWED, host)
    if not address.encrypted and not address.is_loopback and not allow_insecure:
        raise ServerError(ServerFault.INSECURE, host)
    return address
