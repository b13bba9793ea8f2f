"""The templates a draft is written from: Baro's built-in ones as the user's editable copies, and the user's own."""

from __future__ import annotations

from app.store.templates import Template, TemplateError, find_template, load_templates

__all__ = ["Template", "TemplateError", "draft_template", "draft_templates"]


def draft_templates() -> tuple[list[Template], list[TemplateError]]:
    """Every usable template in the usual order (공문, 보고서, 이메일 …), and the files that could not be read."""
    return load_templates()


def draft_template(name: str) -> Template:
    """The template called ``name`` (its name, title or file stem); raises ``TemplateNotFound`` or ``TemplateError``."""
    return find_template(name)
