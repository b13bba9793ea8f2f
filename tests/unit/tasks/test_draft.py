"""초안 task: the structure is code's job, so even a model that writes garbage yields a valid draft."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.events import Done, Event, Token
from app.store.templates import TemplateError, ensure_user_templates, find_template, load_templates, user_dir
from app.tasks.drafting import DraftRequest, DraftResult, MissingField, RewriteStyle, rewrite_text, write_draft
from app.tasks.drafting.rewrite import rewrite_passage
from app.text.korean_format import Register
from tests.unit.tasks.draft_fakes import scripted_assistant

FIELDS: dict[str, dict[str, str]] = {
    "공문": {
        "수신": "각 부서장",
        "제목": "2026년 하반기 정보보안 교육 실시 알림",
        "관련": "정보보안팀-1234(2026-11-02)",
        "요점": "정보보안 교육을 실시함\n  - 일시: 2026년 12월 3일 오후 2시\n  - 장소: 본관 대회의실\n참석 명단을 2026년 12월 1일까지 제출 바람",
        "붙임": "교육 계획서\n참석자 명단",
        "발신명의": "바로전자 대표이사",
    },
    "보고서": {"제목": "정보보안 교육 추진 계획", "작성부서": "정보보안팀", "배경": "개인정보 유출 사고 증가",
             "요점": "전 직원 대상 교육\n12월 3일 실시", "향후계획": "교육 결과 보고"},
    "이메일": {"제목": "회의 일정 변경 안내", "받는사람": "한빛상사 김민수 과장", "보내는사람": "바로전자 이서연",
             "요점": "금요일 회의를 월요일 오전 10시로 변경\n장소는 그대로 본사 3층"},
    "회의록": {"회의명": "교육 준비 회의", "일시": "2026년 11월 27일 오후 2시", "참석자": "김민수, 이서연",
             "요점": "교육 일정 논의\n강사 섭외", "결정사항": "12월 3일 실시", "향후조치": "강사 섭외(이서연, 12. 1.)"},
    "보도자료": {"제목": "바로전자, 중소기업 보안 교육 연다", "담당": "홍보팀 이서연 (02-123-4567)",
              "요점": "중소기업 대상 무료 보안 교육\n12월 3일부터 온라인 진행", "인용": "보안은 모두의 일입니다",
              "인용자": "김민수 대표"},
    "안내문": {"제목": "정기 점검 안내", "요점": "서비스 정기 점검 실시\n점검 중 접속 불가", "일시": "2026. 12. 5. 02:00~04:00",
             "발신": "바로전자 고객지원팀"},
}  # fmt: skip
MESSY_ANSWERS = [
    "**1) 요점: 교육을 실시해요.**\n- 끝",  # markdown, a bullet, an echoed label, a stray 끝
    "The meeting is scheduled. 문장: 문장: 문장:",  # English and echoes: unusable
    "우리 기관은 전 직원을 대상으로 정보보안 교육을 실시합니다.",  # the few-shot example copied back
    "",  # nothing at all
    "참석 명단을 2026-12-01까지 제출해 주세요. 그리고 또 그리고 또 그리고 또 그리고 또",
]


def _run(events: Iterator[Event]) -> tuple[str, Done]:
    streamed: list[str] = []
    done: Done | None = None
    for event in events:
        if isinstance(event, Token):
            streamed.append(event.text)
        elif isinstance(event, Done):
            done = event
    assert done is not None
    return "".join(streamed), done


@pytest.mark.parametrize("name", list(FIELDS))
def test_every_template_is_well_formed_even_with_a_garbage_model(name: str) -> None:
    assistant = scripted_assistant(MESSY_ANSWERS * 3)
    streamed, done = _run(write_draft(assistant, DraftRequest(find_template(name), FIELDS[name])))
    result: DraftResult = done.result
    assert result.problems == ()
    assert streamed == done.text == result.layout.text
    for key in ("제목", "수신", "회의명", "받는사람"):
        if (key in FIELDS[name] and key != "제목") or (key == "제목" and name != "회의록" and key in FIELDS[name]):
            assert FIELDS[name][key] in done.text
    assert "요점:" not in done.text and "문장:" not in done.text and "**" not in done.text


def test_gongmun_is_exactly_the_official_form() -> None:
    answers = [
        "**교육을 실시해요.** 요점: 다른 것",
        "참석 명단을 2026-12-01까지 제출해 주세요.",
    ]
    _, done = _run(write_draft(scripted_assistant(answers), DraftRequest(find_template("공문"), FIELDS["공문"])))
    assert done.text == (
        "수신  각 부서장\n"
        "제목  2026년 하반기 정보보안 교육 실시 알림\n"
        "\n"
        "1. 관련: 정보보안팀-1234(2026. 11. 2.)\n"
        "2. 교육을 실시합니다.\n"
        "  가. 일시: 2026. 12. 3. 14:00\n"
        "  나. 장소: 본관 대회의실\n"
        "3. 참석 명단을 2026. 12. 1.까지 제출해 주십시오.\n"
        "\n"
        "붙임  1. 교육 계획서 1부.\n"
        "      2. 참석자 명단 1부.  끝.\n"
        "\n"
        "바로전자 대표이사"
    )


def test_register_override_writes_gaejo() -> None:
    answers = ["교육을 실시합니다.", "명단을 2026년 12월 1일까지 제출해야 합니다."]
    request = DraftRequest(find_template("공문"), FIELDS["공문"], register=Register.GAEJO)
    _, done = _run(write_draft(scripted_assistant(answers), request))
    assert "2. 교육을 실시함\n" in done.text
    assert "3. 명단을 2026. 12. 1.까지 제출해야 함\n" in done.text


def test_missing_required_field_fails_before_the_model() -> None:
    assistant = scripted_assistant([])
    with pytest.raises(MissingField, match="요점"):
        list(write_draft(assistant, DraftRequest(find_template("공문"), {"제목": "안내"})))
    assert assistant.engine.prompts == []  # type: ignore[attr-defined]


def test_references_reach_the_prompt_and_unsupported_facts_are_replaced(tmp_path: Path) -> None:
    reference = tmp_path / "교육계획.txt"
    reference.write_text(
        "정보보안 교육은 12월 3일 본관 대회의실에서 열린다.\n교육 강사는 한국인터넷진흥원 박지훈 책임이다.\n",
        encoding="utf-8",
    )
    fields = {"수신": "각 부서장", "제목": "정보보안 교육 알림", "요점": "교육 강사 소개\n교육 장소 안내"}
    answers = [
        "교육 강사는 한국인터넷진흥원 박지훈 책임입니다.",
        "교육은 부산 해운대 호텔 연회장에서 열립니다.",
    ]
    assistant = scripted_assistant(answers)
    request = DraftRequest(find_template("공문"), fields, references=(reference,))
    _, done = _run(write_draft(assistant, request))
    assert "참고: " in assistant.engine.prompts[0] and "박지훈" in assistant.engine.prompts[0]  # type: ignore[attr-defined]
    result: DraftResult = done.result
    notes = {p.text[n.start : n.end]: n for p in result.layout.paragraphs for n in p.notes}
    supported = next(n for s, n in notes.items() if "박지훈" in s)
    assert supported.label == "supported" and supported.source == 1
    # The invented place is not in the draft at all: the user's point stands in, and the change is listed.
    assert "해운대" not in done.text and "교육 장소 안내" in done.text
    assert [r.sentence for r in result.replacements] == ["교육은 부산 해운대 호텔 연회장에서 열립니다."]
    assert all(n.label != "unsupported" for n in notes.values())
    assert [r.name for r in result.layout.references] == ["교육계획.txt"]


def test_rewrite_rules_keep_markers_and_indentation() -> None:
    text = "2. 교육을 실시합니다.\n  가. 명단을 제출해 주세요."
    assert rewrite_text(text, RewriteStyle.GAEJO) == "2. 교육을 실시함\n  가. 명단을 제출해 주시기 바람"
    assert rewrite_text("자료를 보내라.", RewriteStyle.POLITER) == "자료를 보내 주시기 바랍니다."
    assert rewrite_text("명단을 제출해 주세요.", RewriteStyle.POLITER) == "명단을 제출해 주시기 바랍니다."
    assert rewrite_text("- 매우 중요한 회의입니다. 꼭 오세요.", RewriteStyle.SHORTER) == "- 중요한 회의입니다."


def test_rewrite_shorter_keeps_a_good_model_answer_and_rejects_a_bad_one() -> None:
    original = "이번 교육은 여러 가지 사정으로 인해 부득이하게 다음 주 월요일 오전으로 일정이 변경되었습니다."
    good = scripted_assistant(["교육 일정이 다음 주 월요일 오전으로 변경되었습니다."])
    _, done = _run(rewrite_passage(good, original, RewriteStyle.SHORTER))
    assert (
        done.result.to_json()["source"] == "model"
        and done.text == "교육 일정이 다음 주 월요일 오전으로 변경되었습니다."
    )
    bad = scripted_assistant(["점심 메뉴는 비빔밥입니다."])
    _, done = _run(rewrite_passage(bad, original, RewriteStyle.SHORTER))
    assert done.result.to_json()["source"] == "rules" and done.text == rewrite_text(original, RewriteStyle.SHORTER)


def test_user_template_copies_win_and_broken_files_are_reported() -> None:
    folder = ensure_user_templates()
    assert folder == user_dir()
    assert {t.name for t in load_templates()[0]} >= set(FIELDS)
    copy = folder / "gongmun.toml"
    copy.write_text(
        copy.read_text(encoding="utf-8").replace('title = "기안문·공문"', 'title = "우리 회사 공문"'), "utf-8"
    )
    (folder / "broken.toml").write_text("name = \n", encoding="utf-8")
    ensure_user_templates()  # never overwrites the user's copy
    assert find_template("공문").title == "우리 회사 공문"
    _, problems = load_templates()
    assert [p.path.name for p in problems if p.path is not None] == ["broken.toml"]
    with pytest.raises(TemplateError, match=r"broken\.toml"):
        find_template("broken")


@pytest.mark.slow
@pytest.mark.parametrize("name", list(FIELDS))
def test_default_model_drafts_pass_the_structure_checks(name: str, default_model_path: Path) -> None:
    from app.tasks.assistant import Assistant, default_model

    assistant = Assistant.open(default_model(default_model_path.parent, 1024))
    try:
        request = DraftRequest(find_template(name), FIELDS[name], max_tokens=60)
        streamed, done = _run(write_draft(assistant, request))
    finally:
        assistant.close()
    result: DraftResult = done.result
    assert result.problems == ()
    assert streamed == done.text
    assert done.result.to_json()["points"] >= 1


def test_a_loop_the_watch_withdrew_never_reaches_the_draft() -> None:
    # A real failure shape of the built-in model: a backed sentence, then the same sentence over and over.
    backed = "전 직원을 대상으로 정보보안 교육을 12월 3일 실시합니다."
    looping = backed + " " + " ".join(["정보보안 교육을 실시합니다."] * 12)
    assistant = scripted_assistant([looping, looping])
    fields = {"제목": "정보보안 교육 추진 계획", "작성부서": "정보보안팀", "요점": "전 직원 대상 교육\n12월 3일 실시"}
    _, done = _run(write_draft(assistant, DraftRequest(find_template("보고서"), fields)))
    assert assistant.last_watch is not None and assistant.last_watch.record.degeneration is not None
    for line in done.text.splitlines():
        assert line.count("교육을 실시") <= 1, line  # the repeated sentence is gone, its first statement stays
