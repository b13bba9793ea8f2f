"""Where guard rules live: the shipped set in resources/guard, the user's own in <config>/guard."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.core.resources import shipped
from app.store.paths import app_paths
from app.text.guard_rules import GuardRule, GuardRuleError, parse_rules


def builtin_dir() -> Path:
    return shipped("resources", "guard")


def user_dir() -> Path:
    """Drop a ``*.toml`` rule file here (same format as resources/guard/national.toml) to add rules."""
    return app_paths().config / "guard"


def rule_dirs() -> tuple[Path, ...]:
    return (builtin_dir(), user_dir())


def rule_files(dirs: Sequence[Path]) -> list[Path]:
    return [f for d in dirs if d.is_dir() for f in sorted(d.glob("*.toml")) if f.is_file()]


def signature(dirs: Sequence[Path]) -> tuple[tuple[str, int, int], ...]:
    """Changes when a rule file is added, removed or edited: the cue to load the rules again."""
    out: list[tuple[str, int, int]] = []
    for path in rule_files(dirs):
        try:
            stat = path.stat()
        except OSError:
            continue
        out.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(out)


@dataclass
class LoadedRules:
    rules: list[GuardRule] = field(default_factory=list)
    problems: list[GuardRuleError] = field(default_factory=list)
    """Files that could not be used; the other files' rules still apply."""


def load_rules(dirs: Sequence[Path] | None = None, *, strict: bool = False) -> LoadedRules:
    """Every rule in ``dirs`` (default: shipped, then user). A later rule with the same id replaces an earlier one,
    so a user file can refine a shipped rule. With ``strict``, the first unusable file raises ``GuardRuleError``.
    """
    loaded = LoadedRules()
    by_id: dict[str, GuardRule] = {}
    for path in rule_files(rule_dirs() if dirs is None else dirs):
        try:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise GuardRuleError(str(path), f"읽을 수 없습니다({exc})") from exc
            rules = parse_rules(text, str(path))
        except GuardRuleError as problem:
            if strict:
                raise
            loaded.problems.append(problem)
            continue
        for rule in rules:
            by_id[rule.id] = rule
    loaded.rules = list(by_id.values())
    return loaded
