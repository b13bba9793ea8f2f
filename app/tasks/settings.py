"""The user's settings and where Baro keeps its files, as the front ends read and change them.

The store (``app.store``) owns the file format, migrations and the keyring; this is the door the GUI and the
CLI use, so neither reaches below ``app.tasks``. Secrets (the Hugging Face token, a team server's key) are
never settings: they go to the keyring through ``SecretStore``.
"""

from __future__ import annotations

from app.store.paths import Paths, app_paths
from app.store.secrets import HF_TOKEN, SecretStore
from app.store.settings import LoadedSettings, Settings, load_settings, save_settings, update_settings, validate

__all__ = [
    "HF_TOKEN",
    "LoadedSettings",
    "Paths",
    "SecretStore",
    "Settings",
    "app_paths",
    "load_settings",
    "save_settings",
    "saved_settings",
    "update_settings",
    "validate",
]


def saved_settings() -> Settings:
    """The settings file's values (defaults when it is missing or unreadable; an older file is migrated)."""
    return load_settings().settings
