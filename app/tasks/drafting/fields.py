"""The user's field values, checked against the template and resolved (dates in official form, lists split)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from app.core.errors import BaroError
from app.store.templates import Template
from app.text.korean_format import clean_inline, format_date, normalize_dates

MAX_FIELD_CHARS = 4000


class MissingField(BaroError):
    def __init__(self, template: str, field: str) -> None:
        super().__init__(f"'{template}' 서식의 '{field}' 항목을 채워 주세요.")


class FieldTooLong(BaroError):
    def __init__(self, field: str, length: int) -> None:
        super().__init__(f"'{field}' 항목이 너무 깁니다 ({length:,}자). {MAX_FIELD_CHARS:,}자 이내로 줄여 주세요.")


class RepeatedField(BaroError):
    """The same one-value field given twice (only list fields take several values)."""

    def __init__(self, template: Template, field: str) -> None:
        lists = ", ".join(f.key for f in template.fields if f.kind == "list")
        also = f" 여러 번 넣을 수 있는 목록 항목: {lists}." if lists else ""
        super().__init__(f"'{template.name}' 서식의 '{field}' 항목을 두 번 넣었습니다. 한 번만 써 주세요.{also}")


def collect_fields(template: Template, entries: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The field values from ``(name, value)`` entries in the order given.

    Each entry of a list field is one more item (its lines are appended), so three ``요점`` entries
    are three points; a one-value field given twice raises ``RepeatedField`` instead of keeping the last.
    Names the template does not know are kept for ``resolve_fields`` to report.
    """
    fields: dict[str, str] = {}
    for name, value in entries:
        field = template.field(name)
        if name not in fields:
            fields[name] = value
        elif field is not None and field.kind == "list":
            fields[name] = f"{fields[name]}\n{value}"
        elif field is not None:
            raise RepeatedField(template, field.title)
    return fields


@dataclass(frozen=True)
class FieldValues:
    template: Template
    values: Mapping[str, str]
    """Every field's final text ('' when empty); list fields keep their lines."""

    def get(self, key: str) -> str:
        return self.values.get(key, "")

    def lines(self, key: str) -> list[str]:
        return [line for line in self.get(key).splitlines() if line.strip()]

    def inline(self, key: str) -> str:
        """The value as it appears inside a line: list entries joined with commas."""
        return ", ".join(clean_inline(line) for line in self.lines(key))

    @property
    def all_text(self) -> str:
        return "\n".join(v for v in self.values.values() if v)


def resolve_fields(template: Template, given: Mapping[str, str], *, today: date | None = None) -> FieldValues:
    """Defaults filled in, dates normalised; raises ``MissingField`` for an empty required field."""
    unknown = sorted(set(given) - {f.key for f in template.fields})
    if unknown:
        known = ", ".join(f.key for f in template.fields)
        raise BaroError(f"'{template.name}' 서식에는 '{unknown[0]}' 항목이 없습니다. 사용할 수 있는 항목: {known}")
    values: dict[str, str] = {}
    for field in template.fields:
        raw = (given.get(field.key) or "").strip("\n")
        if not raw.strip():
            raw = field.default
        if len(raw) > MAX_FIELD_CHARS:
            raise FieldTooLong(field.title, len(raw))
        if field.kind == "date":
            raw = format_date(today or date.today()) if raw.strip() == "today" else normalize_dates(raw.strip())
        elif field.kind != "list":
            raw = " ".join(raw.split())
        if field.required and not raw.strip():
            raise MissingField(template.name, field.title)
        values[field.key] = raw
    return FieldValues(template, values)
