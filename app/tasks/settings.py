"""The user's saved settings, as a front end reads them to hand to tasks."""

from __future__ import annotations

from app.store.settings import Settings, load_settings


def saved_settings() -> Settings:
    """The settings file's values (defaults when it is missing or unreadable; an older file is migrated)."""
    return load_settings().settings
