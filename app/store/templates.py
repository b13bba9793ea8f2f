"""Drafting templates as data: the built-in TOML files, and the user's editable copies in the config dir.

On first use every built-in template is copied to ``<config>/templates/``; Baro reads only those copies,
so a user's edit wins and is never overwritten (a template the user deleted comes back on next start;
a new built-in appears beside the user's own). A broken file is reported by name and skipped.
"""

from __future__ import annotations

import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from app.core.errors import BaroError
from app.core.resources import shipped
from app.store.paths import app_paths
from app.text.korean_format import Register, Scheme
from app.text.korean_format.layout import Align, Role

FieldKind = Literal["line", "text", "list", "date"]
BlockType = Literal["line", "item", "points", "attachments", "closing", "blank"]
_FIELD_KINDS = ("line", "text", "list", "date")
_BLOCK_TYPES = ("line", "item", "points", "attachments", "closing", "blank")


class TemplateError(BaroError):
    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(
            f"{path.name}: 서식 파일이 올바르지 않습니다 ({problem}). 파일을 고치거나 지우면 기본 서식으로 돌아갑니다.",
            path=path,
        )


class TemplateNotFound(BaroError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"'{name}' 서식이 없습니다. 사용할 수 있는 서식: {', '.join(known)}")


@dataclass(frozen=True)
class TemplateField:
    key: str
    kind: FieldKind = "line"
    required: bool = False
    default: str = ""
    hint: str = ""
    label: str = ""

    @property
    def title(self) -> str:
        return self.label or self.key


@dataclass(frozen=True)
class Block:
    type: BlockType
    text: str = ""
    role: Role = Role.BODY
    level: int = 1
    align: Align = "left"
    when: str = ""
    field: str = ""
    expand: bool = False
    numbered: bool = True


@dataclass(frozen=True)
class Example:
    point: str
    sentence: str
    reference: str = ""


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    description: str
    register: Register
    numbering: Scheme | None
    closing: bool
    sentences_per_point: int
    max_points: int
    fields: tuple[TemplateField, ...]
    blocks: tuple[Block, ...]
    examples: tuple[Example, ...]
    path: Path

    def field(self, key: str) -> TemplateField | None:
        return next((f for f in self.fields if f.key == key), None)


def builtin_dir() -> Path:
    return shipped("resources", "templates")


def user_dir() -> Path:
    return app_paths().config / "templates"


def ensure_user_templates() -> Path:
    """Copy each built-in template the user does not have yet; return the user's template folder."""
    target = user_dir()
    target.mkdir(parents=True, exist_ok=True)
    for source in sorted(builtin_dir().glob("*.toml")):
        if not (target / source.name).exists():
            shutil.copyfile(source, target / source.name)
    return target


def load_templates() -> tuple[list[Template], list[TemplateError]]:
    """Every usable template (the user's copies), and the files that could not be read."""
    templates: list[Template] = []
    problems: list[TemplateError] = []
    for path in sorted(ensure_user_templates().glob("*.toml")):
        try:
            templates.append(load_template(path))
        except TemplateError as err:
            problems.append(err)
    order = ["공문", "보고서", "이메일", "회의록", "보도자료", "안내문"]
    templates.sort(key=lambda t: (order.index(t.name) if t.name in order else len(order), t.name))
    return templates, problems


def find_template(name: str) -> Template:
    templates, problems = load_templates()
    for template in templates:
        if name in (template.name, template.title, template.path.stem):
            return template
    broken = next((p for p in problems if p.path is not None and p.path.stem == name), None)
    if broken is not None:
        raise broken
    raise TemplateNotFound(name, [t.name for t in templates])


def load_template(path: Path) -> Template:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise TemplateError(path, f"읽을 수 없음: {type(err).__name__}") from err
    except tomllib.TOMLDecodeError as err:
        raise TemplateError(path, f"TOML 문법 오류: {err}") from err
    try:
        return _template(path, data)
    except (KeyError, ValueError, TypeError) as err:
        raise TemplateError(path, str(err) or type(err).__name__) from err


def _template(path: Path, data: dict[str, Any]) -> Template:
    fields = tuple(_field(item) for item in data.get("fields", []))
    keys = {f.key for f in fields}
    blocks = tuple(_block(item, keys) for item in data.get("blocks", []))
    if not blocks:
        raise ValueError("blocks가 비어 있음")
    numbering = data.get("numbering")
    return Template(
        name=str(data["name"]),
        title=str(data.get("title", data["name"])),
        description=str(data.get("description", "")),
        register=Register(data.get("register", Register.HAPSYO.value)),
        numbering=Scheme(numbering) if numbering else None,
        closing=bool(data.get("closing", False)),
        sentences_per_point=max(1, int(data.get("sentences_per_point", 2))),
        max_points=max(1, int(data.get("max_points", 8))),
        fields=fields,
        blocks=blocks,
        examples=tuple(
            Example(str(e["point"]), str(e["sentence"]), str(e.get("reference", ""))) for e in data.get("examples", [])
        ),
        path=path,
    )


def _field(item: dict[str, Any]) -> TemplateField:
    kind = str(item.get("kind", "line"))
    if kind not in _FIELD_KINDS:
        raise ValueError(f"필드 종류 '{kind}'는 {', '.join(_FIELD_KINDS)} 중 하나여야 함")
    return TemplateField(
        key=str(item["key"]),
        kind=cast(FieldKind, kind),
        required=bool(item.get("required", False)),
        default=str(item.get("default", "")),
        hint=str(item.get("hint", "")),
        label=str(item.get("label", "")),
    )


def _block(item: dict[str, Any], keys: set[str]) -> Block:
    kind = str(item["type"])
    if kind not in _BLOCK_TYPES:
        raise ValueError(f"블록 종류 '{kind}'는 {', '.join(_BLOCK_TYPES)} 중 하나여야 함")
    block = Block(
        type=cast(BlockType, kind),
        text=str(item.get("text", "")),
        role=Role(item.get("role", Role.ITEM.value if kind == "item" else Role.BODY.value)),
        level=max(1, int(item.get("level", 1))),
        align=cast(Align, str(item.get("align", "left"))),
        when=str(item.get("when", "")),
        field=str(item.get("field", "")),
        expand=bool(item.get("expand", False)),
        numbered=bool(item.get("numbered", True)),
    )
    if block.align not in ("left", "center", "right"):
        raise ValueError(f"정렬 '{block.align}'은 left, center, right 중 하나여야 함")
    for name in (block.when, block.field):
        if name and name not in keys:
            raise ValueError(f"블록이 없는 필드 '{name}'를 가리킴")
    if kind in ("points", "attachments") and not block.field:
        raise ValueError(f"'{kind}' 블록에는 field가 필요함")
    return block
