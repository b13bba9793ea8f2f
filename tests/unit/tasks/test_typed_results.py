"""Results cross layers as typed dataclasses: no ``dict[str, Any]`` in app.tasks' public signatures, and each
result's JSON form (history, ``--json``) is plain data that reads back to the same result."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import json
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import app.tasks
from app.core.document import Block, Document
from app.core.events import Done, Event
from app.core.locations import Location
from app.store.templates import find_template
from app.tasks.ask import AskSession, ask
from app.tasks.drafting import DraftRequest, DraftResult, RewriteStyle, rewrite_passage, write_draft
from app.tasks.quick_answer import answer_question
from app.tasks.results import AnswerResult, IndexResult, QuickAnswerResult, RewriteResult, SummaryResult
from app.tasks.summarize import summarize_document
from tests.unit.tasks.ask_library import index_folder, write_library
from tests.unit.tasks.draft_fakes import scripted_assistant

UNTYPED = re.compile(r"\b(dict|Dict|Mapping|MutableMapping)\[\s*str\s*,\s*(typing\.)?Any\s*\]")


def _public_modules() -> Iterator[object]:
    for info in pkgutil.walk_packages(app.tasks.__path__, "app.tasks."):
        yield importlib.import_module(info.name)


def _annotations(module: object) -> Iterator[tuple[str, str]]:
    """(where, annotation text) for every public function, method and dataclass field defined in ``module``."""
    name = getattr(module, "__name__", "")
    for attr, obj in vars(module).items():
        if attr.startswith("_") or getattr(obj, "__module__", None) != name:
            continue
        callables = [(attr, obj)] if inspect.isfunction(obj) else []
        if inspect.isclass(obj):
            callables += [
                (f"{attr}.{m}", f)
                for m, f in vars(obj).items()
                if not m.startswith("_") and inspect.isfunction(getattr(f, "__func__", f))
            ]
            for field in dataclasses.fields(obj) if dataclasses.is_dataclass(obj) else ():
                yield f"{name}.{attr}.{field.name}", str(field.type)
        for where, function in callables:
            signature = inspect.signature(getattr(function, "__func__", function))
            for parameter in signature.parameters.values():
                yield f"{name}.{where}({parameter.name})", str(parameter.annotation)
            yield f"{name}.{where} -> ", str(signature.return_annotation)


def test_no_public_signature_of_app_tasks_takes_or_returns_an_untyped_dict() -> None:
    found = [f"{where}: {text}" for module in _public_modules() for where, text in _annotations(module)]
    assert len(found) > 200, "the walk saw app.tasks' signatures"
    untyped = [line for line in found if UNTYPED.search(line)]
    assert untyped == []


def test_the_walk_would_catch_one() -> None:
    assert UNTYPED.search("dict[str, Any]") and UNTYPED.search("Mapping[str, typing.Any]")
    assert not UNTYPED.search("dict[str, object]")


def _done(events: Iterator[Event]) -> Done:
    done = [e for e in events if isinstance(e, Done)]
    assert len(done) == 1
    return done[0]


def _round_trip(result: object) -> object:
    to_json = result.to_json
    text = json.dumps(to_json(), ensure_ascii=False)  # plain data only: a live object would not serialise
    return type(result).from_json(json.loads(text))  # type: ignore[attr-defined]


def test_a_summary_reads_back_from_its_json_as_the_same_result() -> None:
    sentences = [
        "서울 지사의 상반기 매출은 120억 원으로 지난해보다 15% 늘었다.",
        "부산 지사는 신규 고객 40곳을 확보했지만 매출은 지난해와 비슷했다.",
        "인력 충원은 하지 않기로 했다.",
    ] * 3
    blocks = [Block(text, Location(page=i + 1)) for i, text in enumerate(sentences)]
    doc = Document(Path("보고서.pdf"), "보고서", "pdf", blocks)
    assistant = scripted_assistant(["서울 지사의 상반기 매출은 120억 원으로 늘었다.\n인력 충원은 하지 않는다."])
    result = _done(summarize_document(assistant, doc)).result
    assert isinstance(result, SummaryResult) and result.quotes and result.sentences
    assert result.quotes[0].location.page is not None
    assert _round_trip(result) == result


def test_a_library_answer_and_an_index_pass_read_back_from_their_json(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    indexed = index_folder(write_library(tmp_path / "문서"), db).result
    assert isinstance(indexed, IndexResult) and indexed.indexed == 3
    assert _round_trip(indexed) == indexed

    assistant = scripted_assistant(["해외 출장 숙박비는 1박에 20만 원까지 지원한다 [1]."])
    question = "해외 출장 숙박비는 1박에 얼마까지 지원되나요?"
    answer = _done(ask(AskSession(), question, assistant, db_path=db)).result
    assert isinstance(answer, AnswerResult) and answer.relevant and answer.sources and answer.sentences
    assert answer.sources[0].file.endswith("출장규정.md") and answer.sources[0].location.label()
    assert _round_trip(answer) == answer


def test_a_quick_answer_a_rewrite_and_a_draft_have_one_json_form(tmp_path: Path) -> None:
    quick = _done(answer_question(scripted_assistant(["세종대왕입니다."]), "한글은 누가 만들었나요?")).result
    assert isinstance(quick, QuickAnswerResult) and quick.fixed_answer is not None  # a guarded topic
    assert _round_trip(quick) == quick

    rewrite = _done(rewrite_passage(None, "회의를 합니다.", RewriteStyle.POLITER)).result
    assert isinstance(rewrite, RewriteResult) and rewrite.source == "rules"
    assert _round_trip(rewrite) == rewrite

    template = find_template("회의록")
    fields = {f.key: "3월 운영위원회" if f.kind != "list" else "예산 승인\n채용 계획" for f in template.fields}
    draft = _done(write_draft(scripted_assistant([]), DraftRequest(template, fields))).result
    assert isinstance(draft, DraftResult)
    data = draft.to_json()
    assert "result" not in data and json.loads(json.dumps(data, ensure_ascii=False)) == data
    again = DraftResult.from_json(data)
    assert (again.text, again.template, again.points, again.problems) == (
        draft.text,
        draft.template,
        draft.points,
        draft.problems,
    )
    assert again.layout.text.splitlines()[0] == draft.layout.text.splitlines()[0]


@pytest.mark.parametrize("kind", [SummaryResult, AnswerResult, QuickAnswerResult, IndexResult, RewriteResult])
def test_what_an_older_baro_wrote_still_reads(kind: type) -> None:
    """The history outlives versions: missing keys and odd values take their defaults, never an exception."""
    assert kind.from_json({}) == kind.from_json({"unknown": 1, "sources": "not a list", "timing": 3})
