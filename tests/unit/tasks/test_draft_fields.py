"""Several values for one field: a list field gets every one as its own item; any other field refuses."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.core.events import Done, Event, Notice
from app.store.templates import Template, find_template, load_templates
from app.tasks.drafting import (
    DraftRequest,
    DraftResult,
    RepeatedField,
    collect_fields,
    plan_points,
    resolve_fields,
    write_draft,
)
from tests.unit.tasks.draft_fakes import scripted_assistant


def _done(events: Iterator[Event]) -> tuple[Done, list[str]]:
    notices: list[str] = []
    done: Done | None = None
    for event in events:
        if isinstance(event, Notice):
            notices.append(event.text)
        elif isinstance(event, Done):
            done = event
    assert done is not None
    return done, notices


def test_every_list_field_of_every_template_appends_its_entries() -> None:
    templates, _ = load_templates()
    lists = [(t, f) for t in templates for f in t.fields if f.kind == "list"]
    assert len({t.name for t, _ in lists}) == 6, "each built-in template has at least one list field"
    for template, field in lists:
        fields = collect_fields(
            template, [(field.key, "첫째 항목"), (field.key, "둘째 항목"), (field.key, "셋째 항목")]
        )
        values = resolve_fields(template, {**_required(template), **fields})
        assert values.lines(field.key) == ["첫째 항목", "둘째 항목", "셋째 항목"], (template.name, field.key)


def test_three_points_from_three_entries_are_three_expanded_points() -> None:
    template = find_template("보고서")
    entries = [
        ("제목", "물류 개선 보고"),
        ("요점", "a 협력사 추가"),
        ("요점", "b 운송 경로 단축"),
        ("요점", "c 재고 점검"),
    ]
    fields = collect_fields(template, entries)
    points = plan_points(template, resolve_fields(template, fields))
    assert [p.text for p in points] == ["a 협력사 추가", "b 운송 경로 단축", "c 재고 점검"]


def test_an_entry_with_its_own_lines_and_indented_details_keeps_them() -> None:
    template = find_template("공문")
    fields = collect_fields(template, [("요점", "교육 실시\n  - 일시: 12월 3일"), ("요점", "명단 제출")])
    assert fields["요점"] == "교육 실시\n  - 일시: 12월 3일\n명단 제출"


@pytest.mark.parametrize("kind", ["line", "date", "text"])
def test_a_repeated_one_value_field_is_refused_not_overwritten(kind: str) -> None:
    templates, _ = load_templates()
    template, field = next((t, f) for t in templates for f in t.fields if f.kind == kind)
    with pytest.raises(RepeatedField) as caught:
        collect_fields(template, [(field.key, "하나"), (field.key, "둘")])
    message = caught.value.user_message
    assert f"'{field.title}' 항목을 두 번" in message and template.name in message


def test_points_past_the_template_limit_are_announced() -> None:
    template = find_template("이메일")
    entries = [("받는사람", "김 과장"), ("보내는사람", "이서연"), ("제목", "안내")] + [
        ("요점", f"{n}번째 안내 사항") for n in range(template.max_points + 2)
    ]
    done, notices = _done(
        write_draft(scripted_assistant([]), DraftRequest(template, collect_fields(template, entries)))
    )
    assert any("뒤의 2개는 넣지 않았습니다" in n for n in notices)
    result: DraftResult = done.result
    assert done.result.to_json()["points"] == template.max_points and result.layout.text


def _required(template: Template) -> dict[str, str]:
    return {f.key: "값" for f in template.fields if f.required and f.kind != "date"}
