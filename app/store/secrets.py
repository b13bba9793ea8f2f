"""Secrets (a Hugging Face token) live only in the system keyring, never in a file Baro writes.

When the system has no usable keyring (no Secret Service on a bare Linux desktop, or only a plaintext
"keyring"), Baro says so and does not store the secret at all: there is no plaintext fallback.
"""

from __future__ import annotations

from typing import Any

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from app.core.errors import BaroError

SERVICE = "baro"
HF_TOKEN = "huggingface-token"
NO_KEYRING_NOTICE = (
    "이 컴퓨터에서 비밀 저장소(keyring)를 찾지 못해 토큰을 저장할 수 없습니다. 토큰은 파일에 저장하지 않습니다. "
    "Windows 자격 증명 관리자, macOS 키체인, 리눅스에서는 GNOME 키링이나 KWallet이 있으면 저장할 수 있습니다."
)


class SecretsUnavailable(BaroError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(NO_KEYRING_NOTICE + (f" ({detail})" if detail else ""))


def _is_usable(backend: KeyringBackend) -> bool:
    """False for the null/fail backends and for any backend that keeps secrets in a plain file."""
    module = type(backend).__module__
    name = type(backend).__name__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return False
    if "plaintext" in name.lower() or "plaintext" in module.lower() or module.startswith("keyrings.alt.file"):
        return False
    children: Any = getattr(backend, "backends", None)
    if module.startswith("keyring.backends.chainer"):
        return any(_is_usable(child) for child in children or ())
    return True


class SecretStore:
    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        return self._backend or keyring.get_keyring()

    @property
    def available(self) -> bool:
        try:
            return _is_usable(self.backend)
        except Exception:  # a broken keyring configuration must not stop the app
            return False

    @property
    def backend_name(self) -> str:
        backend = self.backend
        return str(getattr(backend, "name", type(backend).__name__))

    def get(self, name: str) -> str | None:
        if not self.available:
            return None
        try:
            value = self.backend.get_password(SERVICE, name)
        except keyring.errors.KeyringError:
            return None
        return value or None

    def set(self, name: str, value: str) -> None:
        if not self.available:
            raise SecretsUnavailable()
        try:
            self.backend.set_password(SERVICE, name, value)
        except keyring.errors.KeyringError as err:
            raise SecretsUnavailable(str(err)[:200]) from None

    def delete(self, name: str) -> None:
        if not self.available:
            return
        try:
            self.backend.delete_password(SERVICE, name)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as err:
            raise SecretsUnavailable(str(err)[:200]) from None
