"""Build the draft's skeleton from the template's blocks: header lines, numbered items, 붙임, 끝.

Code owns every structural character; the model only supplies the text of each expanded 요점. The
same function renders the skeleton before the model has written anything (pending points show their
요점) and the finished draft.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from app.store.templates import Block, Template
from app.tasks.drafting.fields import FieldValues
from app.text.korean_format import (
    Layout,
    Paragraph,
    Role,
    Scheme,
    apply_register,
    clean_inline,
    marker,
    parse_marker,
    parse_outline,
)
from app.text.korean_format.layout import Align
from app.text.korean_format.official import END_GAP, END_MARK
from app.text.korean_format.outline import OutlineItem

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class Point:
    """One 요점 the model expands: which block and which entry of that block's field."""

    block: int
    index: int
    text: str


@dataclass
class _Entry:
    text: str
    role: Role
    level: int
    align: Align
    numbered: bool
    point: Point | None = None


def plan_points(template: Template, values: FieldValues) -> list[Point]:
    """The 요점 to expand, in document order (at most ``template.max_points`` per block)."""
    points: list[Point] = []
    for number, block in enumerate(template.blocks):
        if block.type == "points" and block.expand:
            tops = [item for item in parse_field_list(values.get(block.field)) if item.level == 1]
            points.extend(Point(number, i, item.text) for i, item in enumerate(tops[: template.max_points]))
    return points


def points_over_limit(template: Template, values: FieldValues) -> list[tuple[str, int]]:
    """List fields with more top-level items than the template writes: (field title, how many are left out)."""
    over: list[tuple[str, int]] = []
    for block in template.blocks:
        if block.type != "points" or (block.when and not values.get(block.when).strip()):
            continue
        tops = sum(1 for item in parse_field_list(values.get(block.field)) if item.level == 1)
        field = template.field(block.field)
        if tops > template.max_points and field is not None:
            over.append((field.title, tops - template.max_points))
    return over


def parse_field_list(text: str) -> list[OutlineItem]:
    """A list field: every unindented line is its own point; indented lines are details under it."""
    lines: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if line[0].isspace():
            lines.append(line if parse_marker(stripped) else f"  - {stripped}")
        else:
            lines.extend(["", line])
    return parse_outline("\n".join(lines))


def compose(
    template: Template, values: FieldValues, expansions: Mapping[Point, str]
) -> tuple[Layout, dict[Point, Paragraph]]:
    """The layout, and which paragraph holds each expanded point (for marking its sentences)."""
    entries: list[_Entry] = []
    for number, block in enumerate(template.blocks):
        entries.extend(_entries(template, values, number, block, expansions))
    _drop_lone_number(template, entries)
    layout = Layout(values.get("제목") or template.title)
    held: dict[Point, Paragraph] = {}
    counters: dict[int, int] = {}
    scheme = template.numbering or Scheme.BULLETS
    for entry in entries:
        if entry.role is Role.BLANK:
            layout.blank()
            continue
        text = entry.text
        if entry.role is Role.ITEM and entry.numbered:
            counters[entry.level] = counters.get(entry.level, 0) + 1
            for deeper in [k for k in counters if k > entry.level]:
                del counters[deeper]
            text = f"{marker(scheme, entry.level, counters[entry.level])} {text}"
        elif entry.role in (Role.TITLE, Role.HEADING):
            counters.clear()
        paragraph = layout.add(text, entry.role, level=entry.level, align=entry.align)
        if entry.point is not None:
            held[entry.point] = paragraph
    if template.closing:
        _close(layout)
    return layout, held


def _entries(
    template: Template, values: FieldValues, number: int, block: Block, expansions: Mapping[Point, str]
) -> list[_Entry]:
    if block.when and not values.get(block.when).strip():
        return []
    if block.type == "blank":
        return [_Entry("", Role.BLANK, 1, "left", False)]
    if block.type == "closing":
        return []
    if block.type == "line":
        text = _fill(block.text, values)
        return [_Entry(text, block.role, 1, block.align, False)] if text else []
    if block.type == "item":
        text = _fill(block.text, values)
        return [_Entry(text, Role.ITEM, block.level, block.align, True)] if text else []
    if block.type == "attachments":
        return _attachments(values.lines(block.field))
    return _points(template, values, number, block, expansions)


def _points(
    template: Template, values: FieldValues, number: int, block: Block, expansions: Mapping[Point, str]
) -> list[_Entry]:
    out: list[_Entry] = []
    top = -1
    for item in parse_field_list(values.get(block.field)):
        if item.level == 1:
            top += 1
            if top >= template.max_points:
                break
        text = apply_register(item.text, template.register)
        point = Point(number, top, item.text) if block.expand and item.level == 1 else None
        if point is not None and point in expansions:
            text = expansions[point]
        level = block.level + item.level - 1
        if block.numbered and template.numbering is not None:
            out.append(_Entry(text, Role.ITEM, level, "left", True, point))
        elif item.level == 1:
            out.append(_Entry(text, Role.BODY, 1, "left", False, point))
        else:
            out.append(_Entry(f"- {text}", Role.ITEM, item.level - 1, "left", False, point))
    return out


def _attachments(names: list[str]) -> list[_Entry]:
    cleaned = [clean_inline(re.sub(r"^\s*(?:\d+[.)]|[-*•])\s*", "", n)) for n in names]
    cleaned = [n if re.search(r"\d+\s*부\.?$", n) else f"{n} 1부" for n in cleaned if n]
    cleaned = [n if n.endswith(".") else f"{n}." for n in cleaned]
    if not cleaned:
        return []
    if len(cleaned) == 1:
        return [_Entry(f"붙임{END_GAP}{cleaned[0]}", Role.BODY, 1, "left", False)]
    pad = " " * len(f"붙임{END_GAP}") + "  "  # 붙임 is two Hangul wide (4 columns)
    return [
        _Entry(f"{'붙임' + END_GAP if i == 0 else pad}{i + 1}. {name}", Role.BODY, 1, "left", False)
        for i, name in enumerate(cleaned)
    ]


def _drop_lone_number(template: Template, entries: list[_Entry]) -> None:
    """편람: a 공문 body of a single item carries no number."""
    if template.numbering is not Scheme.GONGMUN:
        return
    items = [e for e in entries if e.role is Role.ITEM and e.numbered]
    if len(items) == 1 and items[0].level == 1:
        items[0].numbered = False
        items[0].role = Role.BODY


def _close(layout: Layout) -> None:
    for paragraph in reversed(layout.paragraphs):
        if paragraph.role is not Role.BLANK and paragraph.role is not Role.SIGNATURE:
            paragraph.text = f"{paragraph.text.rstrip()}{END_GAP}{END_MARK}"
            return
    layout.add(END_MARK)


def _fill(text: str, values: FieldValues) -> str:
    return _PLACEHOLDER.sub(lambda m: values.inline(m.group(1)), text).strip()
