"""Saving a finished draft as .hwpx, .docx, .md or .txt, with the target checked before any work is spent."""

from __future__ import annotations

from pathlib import Path

from app.docs.writers import EXPORT_SUFFIXES, check_export_target, export_layout
from app.tasks.drafting.task import DraftResult
from app.text.korean_format import Layout, layout_from_text

__all__ = ["DRAFT_SUFFIXES", "Layout", "check_draft_target", "edited_layout", "save_draft", "save_layout"]

DRAFT_SUFFIXES: tuple[str, ...] = EXPORT_SUFFIXES
"""The formats a draft can be saved as, the first being the one offered first."""


def check_draft_target(path: Path) -> None:
    """Refuse a target that cannot be saved (format, folder, permission) before minutes of generation."""
    check_export_target(path)


def save_draft(result: DraftResult, path: Path) -> Path:
    """Write ``result``'s layout to ``path`` in the format its suffix names, atomically."""
    return save_layout(result.layout, path)


def save_layout(layout: Layout, path: Path) -> Path:
    """Write a draft's layout (as generated, or as the user edited it) in the format ``path``'s suffix names."""
    return export_layout(layout, path)


def edited_layout(text: str, title: str) -> Layout:
    """The layout of a draft the user edited by hand: headings, numbering and the 끝. mark read back from text."""
    return layout_from_text(text, title)
