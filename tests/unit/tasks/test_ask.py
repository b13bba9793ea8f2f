"""질문 without the model: retrieval, the 'nothing relevant' decision, follow-ups, and sentence checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.index.errors import LibraryEmpty, NotInLibrary
from app.llm.prompts import PromptFormat, render
from app.tasks.ask import (
    ANSWER_EXAMPLE,
    NOTHING_FOUND,
    AskSession,
    LabelTrim,
    QuestionEmpty,
    analyse_answer,
    build_prompt,
    clean_answer,
    nothing_found,
    plan_question,
    shares_content,
)
from app.tasks.results import sentence_json
from tests.unit.tasks.ask_library import MEETING, TRAVEL_RULES, index_folder, write_library


@pytest.fixture
def library(tmp_path: Path) -> tuple[Path, Path]:
    folder = write_library(tmp_path / "문서")
    db = tmp_path / "library.sqlite3"
    index_folder(folder, db)
    return folder, db


def test_a_question_about_the_library_finds_its_document_first(library: tuple[Path, Path]) -> None:
    _, db = library
    plan = plan_question(AskSession(), "해외 출장 숙박비는 1박에 얼마까지 지원되나요?", db_path=db)
    assert plan.relevant
    assert plan.sources[0].passage.path.name == "출장규정.md"
    assert [s.number for s in plan.sources] == list(range(1, len(plan.sources) + 1))
    assert plan.highlights[1] is not None
    start, end = plan.highlights[1]
    assert "숙박비" in plan.sources[0].passage.text[start:end]
    others = [s.number for s in plan.sources if s.passage.path.name != "출장규정.md"]
    assert not set(others) & set(plan.highlights)  # "채용 인원은 … 1명이다" shares only a "1" with the question


def test_an_unrelated_question_is_answered_with_nothing_found(library: tuple[Path, Path]) -> None:
    _, db = library
    session = AskSession()
    plan = plan_question(session, "화성 탐사 로버의 배터리 수명은 몇 년인가?", db_path=db)
    assert not plan.relevant
    assert session.sources == []
    done = nothing_found(plan)
    assert done.text == NOTHING_FOUND and done.result.relevant is False and done.result.sentences == ()


def test_a_follow_up_keeps_the_passages_so_the_prompt_prefix_is_shared(library: tuple[Path, Path]) -> None:
    _, db = library
    session = AskSession()
    first = plan_question(session, "해외 출장 숙박비 지원 한도는?", db_path=db)
    follow = plan_question(session, "출장 보고서는 언제까지 제출해야 하나요?", db_path=db)
    assert follow.relevant and follow.reused == len(first.sources)
    assert [s.key for s in follow.sources[: len(first.sources)]] == [s.key for s in first.sources]
    a = render(PromptFormat.COMPLETION, build_prompt(first.sources, first.question)).text
    b = render(PromptFormat.COMPLETION, build_prompt(follow.sources, follow.question)).text
    shared = a[: a.index("질문: ")]
    assert b.startswith(shared) and len(shared) > 100


def test_a_new_topic_appends_its_passages_after_the_old_ones(library: tuple[Path, Path]) -> None:
    _, db = library
    session = AskSession()
    first = plan_question(session, "수요일 점심 특식", db_path=db, k=1)
    second = plan_question(session, "신규 채용 인원은 몇 명인가요?", db_path=db, k=1)
    assert second.sources[0].key == first.sources[0].key
    assert second.sources[-1].passage.path.name == "회의록.txt"
    assert second.sources[-1].number == len(second.sources)


HANDBOOK_SECTIONS = {
    "연차": "연차 휴가는 입사 1년 뒤 15일이 주어지며 2년마다 하루씩 늘어난다. 연차는 전자결재로 3일 전까지 신청한다.",
    "재택": "재택근무는 주 2회까지 가능하며 팀장의 승인을 받아야 한다. 재택근무 날에도 10시부터 16시까지는 메신저에 접속해 있어야 한다.",
    "교육비": "직무 교육비는 연 200만 원까지 회사가 부담한다. 교육을 마치면 수료증을 인사팀에 제출한다.",
    "경조사": "본인 결혼에는 경조휴가 5일과 축하금 50만 원을 지급한다. 부모상에는 경조휴가 5일과 조의금 100만 원을 지급한다.",
    "건강검진": "건강검진은 매년 10월까지 지정 병원에서 받는다. 검진 비용은 회사가 전액 부담하고 배우자는 절반을 지원한다.",
}


def test_a_follow_up_on_the_same_document_adds_only_its_best_new_passage(tmp_path: Path) -> None:
    folder = tmp_path / "규정"
    folder.mkdir()
    body = "\n\n".join(
        f"## {name}\n\n{text} " + "자세한 절차는 인사팀 공지를 따른다. " * 12
        for name, text in HANDBOOK_SECTIONS.items()
    )
    (folder / "취업규칙.md").write_text(f"# 취업규칙\n\n{body}\n", encoding="utf-8")
    (folder / "식당.txt").write_text("사내 식당 안내\n\n점심시간은 11시 30분부터 13시까지이다.\n", encoding="utf-8")
    db = tmp_path / "library.sqlite3"
    index_folder(folder, db)
    session = AskSession()
    first = plan_question(session, "재택근무는 주 몇 회까지 가능한가요?", db_path=db, k=2)
    assert first.relevant and "주 2회" in first.sources[0].passage.text
    follow = plan_question(session, "건강검진 비용은 누가 부담하나요?", db_path=db, k=3)
    assert follow.relevant
    assert follow.reused == len(first.sources)
    added = follow.sources[follow.reused :]
    assert len(added) == 1  # the retriever had more new passages; one is enough on the same subject
    assert "전액 부담" in added[0].passage.text and added[0].passage.path.name == "취업규칙.md"


def test_scope_limits_the_search_and_an_unknown_scope_is_a_korean_error(
    library: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, db = library
    plan = plan_question(AskSession(scope=folder / "인사"), "신규 채용 인원은?", db_path=db)
    assert all(s.passage.path.parent.name == "인사" for s in plan.sources)
    assert not plan.relevant
    with pytest.raises(NotInLibrary) as info:
        plan_question(AskSession(scope=tmp_path / "다른폴더"), "채용", db_path=db)
    assert "다른폴더" in info.value.user_message


def test_empty_question_and_empty_library(tmp_path: Path) -> None:
    with pytest.raises(QuestionEmpty):
        plan_question(AskSession(), "   ", db_path=tmp_path / "db.sqlite3")
    with pytest.raises(LibraryEmpty):
        plan_question(AskSession(), "채용 계획", db_path=tmp_path / "db.sqlite3")


def test_each_answer_sentence_gets_its_verdict_and_source() -> None:
    answer = (
        "해외 출장 숙박비는 1박에 20만 원까지 지원합니다 [1]. "
        "신규 채용 계획은 3월 회의에서 승인되었습니다. "
        "국내 출장 숙박비는 1박에 30만 원까지 지원합니다 [1]."
    )
    sentences = analyse_answer(answer, [TRAVEL_RULES, MEETING])
    assert [s.label for s in sentences] == ["supported", "supported", "unsupported"]
    cited, checked, wrong = sentences
    assert (cited.citation, cited.source, cited.cited) == ("model", 1, (1,))
    assert (checked.citation, checked.source, checked.cited) == ("checked", 2, ())
    assert checked.span is not None and "채용 계획" in MEETING[checked.span[0] : checked.span[1]]
    assert wrong.reasons and any("30만" in r or "20만" in r or "10만" in r for r in wrong.reasons)
    assert sentence_json(wrong)["verdict"] == "unsupported"


def test_a_short_answer_copied_from_a_passage_is_supported_there() -> None:
    (short,) = analyse_answer("1박에 20만 원", [MEETING, TRAVEL_RULES])
    assert (short.label, short.source, short.citation) == ("supported", 2, "checked")
    assert short.span is not None and TRAVEL_RULES[short.span[0] : short.span[1]] == "1박에 20만 원"
    (wrong,) = analyse_answer("1박에 30만 원", [MEETING, TRAVEL_RULES])
    assert wrong.label != "supported"


def test_the_best_matching_sentence_follows_the_question_in_the_prompt(library: tuple[Path, Path]) -> None:
    _, db = library
    plan = plan_question(AskSession(), "출장 보고서는 언제까지 제출해야 하나요?", db_path=db)
    assert "5일 이내" in plan.evidence
    text = render(PromptFormat.COMPLETION, build_prompt(plan.sources, plan.question, plan.evidence)).text
    assert text.index("[1] ") < text.index("질문: ") < text.index("근거: ") < text.index("정답:")
    assert text.endswith("정답:\n")


@pytest.mark.parametrize(
    ("answer", "on_question"),
    [
        ("복귀 후 5일 이내입니다 [1].", True),
        ("5일", True),
        ("경영지원팀에 내면 됩니다.", True),
        ("2024년 3월 회의록", False),  # a passage's title copied as the "answer"
        ("점심시간은 11시 30분부터입니다.", False),
        ("", False),
    ],
)
def test_an_answer_must_share_something_with_the_question_or_its_best_sentence(answer: str, on_question: bool) -> None:
    reference = "출장 보고서는 언제까지 제출하나요? 출장 보고서는 복귀 후 5일 이내에 경영지원팀에 제출해야 한다."
    assert shares_content(answer, reference) is on_question


def test_a_base_model_gets_one_worked_question_ahead_of_the_passages(library: tuple[Path, Path]) -> None:
    _, db = library
    session = AskSession()
    first = plan_question(session, "해외 출장 숙박비 지원 한도는?", db_path=db)
    follow = plan_question(session, "출장 보고서는 언제까지 제출해야 하나요?", db_path=db)
    a = render(PromptFormat.COMPLETION, build_prompt(first.sources, first.question, example=True)).text
    b = render(PromptFormat.COMPLETION, build_prompt(follow.sources, follow.question, example=True)).text
    assert a.startswith(ANSWER_EXAMPLE) and b.startswith(ANSWER_EXAMPLE)
    assert a[: a.index("질문: 해외")] == b[: b.index("질문: 출장")]  # example and passages: the shared prefix
    plain = render(PromptFormat.COMPLETION, build_prompt(first.sources, first.question)).text
    assert ANSWER_EXAMPLE not in plain


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("정답: 5일 이내", "5일 이내"),
        ("근거: 출장 보고서는 복귀 후 5일 이내에 제출한다.", "출장 보고서는 복귀 후 5일 이내에 제출한다."),
        ("  답변：본사 대회의실 ", "본사 대회의실"),
        ("근거 자료는 [1]입니다.", "근거 자료는 [1]입니다."),
    ],
)
def test_an_echoed_prompt_label_is_taken_off_the_answer(raw: str, clean: str) -> None:
    assert clean_answer(raw) == clean


@pytest.mark.parametrize(
    ("tokens", "shown"),
    [
        (["근", "거", ":", " 출장", " 보고서"], "출장 보고서"),
        (["정답", ":\n", "5일"], "5일"),
        (["5", "일", " 이내"], "5일 이내"),
        (["답사", "는 ", "좋다"], "답사는 좋다"),  # starts like a label, is not one
        (["답"], "답"),
    ],
)
def test_the_stream_never_shows_an_echoed_label(tokens: list[str], shown: str) -> None:
    trim = LabelTrim()
    streamed = [trim.feed(t) for t in tokens] + [trim.flush()]
    assert "".join(streamed) == shown
