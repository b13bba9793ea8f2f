"""Every `baro` subcommand, in the order `baro --help` lists them.

Each module has ``register(subparsers)`` which adds its parser and sets ``handler``.
"""

from __future__ import annotations

from types import ModuleType

from app.cli import cmd_ask, cmd_draft, cmd_extract, cmd_guard, cmd_index, cmd_models, cmd_search, cmd_summarize

COMMANDS: tuple[ModuleType, ...] = (
    cmd_summarize,
    cmd_draft,
    cmd_ask,
    cmd_extract,
    cmd_index,
    cmd_search,
    cmd_guard,
    cmd_models,
)
