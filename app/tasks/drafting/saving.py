"""Saving a finished draft as .hwpx, .docx, .md or .txt, with the target checked before any work is spent."""

from __future__ import annotations

from pathlib import Path

from app.docs.writers import EXPORT_SUFFIXES, check_export_target, export_layout
from app.tasks.drafting.task import DraftResult

DRAFT_SUFFIXES: tuple[str, ...] = EXPORT_SUFFIXES
"""The formats a draft can be saved as, the first being the one offered first."""


def check_draft_target(path: Path) -> None:
    """Refuse a target that cannot be saved (format, folder, permission) before minutes of generation."""
    check_export_target(path)


def save_draft(result: DraftResult, path: Path) -> Path:
    """Write ``result``'s layout to ``path`` in the format its suffix names, atomically."""
    return export_layout(result.layout, path)
