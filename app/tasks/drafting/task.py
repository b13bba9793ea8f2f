"""초안: fill a template's skeleton, let the model expand each 요점, repair, check, and stream the result.

Tokens carry the finished text in order (the header as soon as it is known, each item once its point
is written), so the concatenated tokens equal ``Done.text``. ``Done.result`` is a ``DraftResult``: its ``layout``
is the structure the exporters use, with support notes when reference documents were given.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from app.core.cancel import CancelToken
from app.core.events import Done, Event, Notice, Progress, Token, Withdraw
from app.core.streamed import StreamedText
from app.llm.engine_api import GenerationParams
from app.store.templates import Template
from app.tasks.assistant import Assistant
from app.tasks.drafting.backing import Replacement, keep_backed
from app.tasks.drafting.checks import structure_problems
from app.tasks.drafting.compose import Point, compose, plan_points, points_over_limit
from app.tasks.drafting.fields import FieldValues, resolve_fields
from app.tasks.drafting.grounding import Grounding, read_references
from app.tasks.drafting.writer import Piece, clean_piece, point_prompt
from app.text.korean_format import Layout, Register, layout_from_text

MAX_TOKENS_PER_POINT = 120
MAX_REFERENCES = 5


@dataclass(frozen=True)
class DraftRequest:
    template: Template
    fields: Mapping[str, str]
    references: tuple[Path, ...] = ()
    register: Register | None = None
    """Overrides the template's register (e.g. a 공문 written 개조식)."""
    seed: int | None = 7
    max_tokens: int = MAX_TOKENS_PER_POINT


@dataclass(frozen=True)
class DraftResult:
    """A finished 초안: its text, the structure the exporters write, and what the checks changed or found."""

    text: str
    layout: Layout
    template: str
    register: str
    model: str
    points: int
    problems: tuple[str, ...] = ()
    fallbacks: int = 0
    """Points the model's sentence did not fit: the user's point, tidied, stands instead."""
    replacements: tuple[Replacement, ...] = ()
    """Model sentences nothing backed, and what stands in the draft instead."""
    values: FieldValues | None = None
    """The fields as filled in (None for a draft read back from JSON)."""

    def to_json(self) -> dict[str, object]:
        return {
            "kind": "draft",
            "template": self.template,
            "register": self.register,
            "model": self.model,
            "text": self.text,
            "problems": list(self.problems),
            "fallbacks": self.fallbacks,
            "replacements": [r.to_json() for r in self.replacements],
            "points": self.points,
            "references": [r.path for r in self.layout.references],
            "marks": [
                {"sentence": p.text[n.start : n.end], "label": n.label, "source": n.source}
                for p in self.layout.paragraphs
                for n in p.notes
            ],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> DraftResult:
        """The draft as written (its structure re-read from the text; the sentence marks are not kept)."""

        def text(key: str) -> str:
            value = data.get(key)
            return value if isinstance(value, str) else ""

        def number(key: str) -> int:
            value = data.get(key)
            return value if isinstance(value, int) else 0

        listed = data.get("problems")
        replaced = data.get("replacements")
        return cls(
            text=text("text"),
            layout=layout_from_text(text("text")),
            template=text("template"),
            register=text("register"),
            model=text("model"),
            points=number("points"),
            problems=tuple(p for p in listed if isinstance(p, str)) if isinstance(listed, list) else (),
            fallbacks=number("fallbacks"),
            replacements=tuple(Replacement.from_json(r) for r in replaced if isinstance(r, Mapping))
            if isinstance(replaced, list)
            else (),
        )


def write_draft(assistant: Assistant, request: DraftRequest, *, cancel: CancelToken | None = None) -> Iterator[Event]:
    cancel = cancel or CancelToken()
    template = request.template
    if request.register is not None:
        template = replace(template, register=request.register)
    values = resolve_fields(template, request.fields)
    if len(request.references) > MAX_REFERENCES:
        yield Notice(f"참고 문서는 {MAX_REFERENCES}개까지 씁니다. 앞의 {MAX_REFERENCES}개만 사용했습니다.")
    documents = []
    for number, document in enumerate(read_references(list(request.references[:MAX_REFERENCES]), cancel), 1):
        yield Progress(f"참고 문서 읽는 중 ({number}/{len(request.references)})", None)
        documents.append(document)
    grounding = Grounding(documents)
    points = plan_points(template, values)
    for title, extra in points_over_limit(template, values):
        yield Notice(f"'{title}' 항목은 {template.max_points}개까지 씁니다. 뒤의 {extra}개는 넣지 않았습니다.")
    expansions: dict[Point, str] = {}
    emitted = 0
    fallbacks = 0
    replacements: list[Replacement] = []
    for number, point in enumerate(points, start=1):
        emitted = yield from _emit_stable(template, values, expansions, points[number - 1 :], emitted)
        yield Progress(f"요점 {number}/{len(points)} 쓰는 중", (number - 1) / max(len(points), 1))
        piece = yield from _expand(assistant, template, values, grounding, point, request, cancel)
        fallbacks += 0 if piece.from_model else 1
        # Checked before it can be streamed: an unbacked sentence never appears, not even for a moment.
        piece, replaced = keep_backed(piece, point.text, template, grounding.checker(values.all_text))
        replacements.extend(replaced)
        expansions[point] = piece.text
    layout, held = compose(template, values, expansions)
    # Every model sentence is checked against the user's own fields, and the references when given.
    yield Progress("입력 내용·참고 문서와 대조하는 중", None)
    for point, paragraph in held.items():
        if expansions.get(point) and paragraph.text:
            grounding.mark(paragraph, values.all_text)
    layout.references = grounding.references
    text = layout.text
    if text[emitted:]:
        yield Token(text[emitted:])
    if fallbacks:
        yield Notice(f"모델 문장이 알맞지 않은 요점 {fallbacks}개는 입력한 요점을 그대로 다듬어 넣었습니다.")
    if replacements:
        yield Notice(
            f"입력한 요점·참고 문서가 뒷받침하지 않는 모델 문장 {len(replacements)}개는 초안에 넣지 않았습니다."
        )
    problems = structure_problems(layout, values)
    yield Done(
        text,
        DraftResult(
            text=text,
            layout=layout,
            template=template.name,
            register=template.register.value,
            model=assistant.model.name,
            points=len(points),
            problems=tuple(problems),
            fallbacks=fallbacks,
            replacements=tuple(replacements),
            values=values,
        ),
    )


def _emit_stable(
    template: Template, values: FieldValues, expansions: dict[Point, str], pending: list[Point], emitted: int
) -> Generator[Event, None, int]:
    """Yield the text before the first pending point: it will not change any more."""
    layout, held = compose(template, values, expansions)
    first = held.get(pending[0]) if pending else None
    lines: list[str] = []
    for paragraph in layout.paragraphs:
        if paragraph is first:
            break
        lines.append(paragraph.line)
    stable = "\n".join(lines) + "\n" if lines and first is not None else ""
    if len(stable) > emitted:
        yield Token(stable[emitted:])
        return len(stable)
    return emitted


def _expand(
    assistant: Assistant,
    template: Template,
    values: FieldValues,
    grounding: Grounding,
    point: Point,
    request: DraftRequest,
    cancel: CancelToken,
) -> Generator[Event, None, Piece]:
    title = values.get("제목") or values.get("회의명") or template.title
    hints = grounding.hints(point.text, title) if not grounding.empty else []
    prompt = point_prompt(template, title, point.text, hints)
    params = GenerationParams(
        max_tokens=request.max_tokens, temperature=assistant.temperature, repeat_penalty=1.15, seed=request.seed
    )
    streamed = StreamedText()
    for event in assistant.stream(prompt, params, cancel, "요점을 모델에 넣는 중"):
        if isinstance(event, Token | Withdraw):
            streamed.add(event)  # a loop the watch withdrew never reaches the draft
        else:
            yield event
    piece: Piece = clean_piece(streamed.shown, point.text, template, hints)
    return piece
