"""Structure checks on a finished draft: fields present, numbering valid, ``끝.`` where required."""

from __future__ import annotations

from app.tasks.drafting.fields import FieldValues
from app.text.korean_format import Layout, Role, Scheme, end_mark_problems, numbering_problems
from app.text.korean_format.checks import date_problems
from app.text.korean_format.official import END_GAP, END_MARK


def structure_problems(layout: Layout, values: FieldValues) -> list[str]:
    """Korean descriptions of every structural fault (empty when the draft is well formed)."""
    template = values.template
    text = layout.text
    problems: list[str] = []
    for field in template.fields:
        if field.kind == "list":
            continue
        value = values.inline(field.key)
        used = any(f"{{{field.key}}}" in b.text for b in template.blocks)
        if field.required and used and value and value not in text:
            problems.append(f"'{field.title}' 항목이 초안에 없습니다.")
    if template.numbering is not None and template.numbering is not Scheme.BULLETS:
        items = [p.line.removesuffix(f"{END_GAP}{END_MARK}") for p in layout.paragraphs if p.role is Role.ITEM]
        problems.extend(numbering_problems(items, template.numbering))
    if template.closing:
        body = list(layout.paragraphs)
        while body and body[-1].role in (Role.SIGNATURE, Role.BLANK):
            body.pop()
        problems.extend(end_mark_problems("\n".join(p.line for p in body)))
    elif END_MARK in text.split():
        problems.append("이 서식에는 '끝.' 표시를 쓰지 않습니다.")
    problems.extend(date_problems(text))
    return problems
