"""When the best source sentence answers the question better than the model's own words (``evidence_instead``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.tasks.ask import NOT_IN_PASSAGES, AskPlan, AskSession, evidence_instead, plan_question
from tests.unit.tasks.ask_library import index_folder

PRESS = (
    "한빛전자 보도자료\n\n"
    "한빛전자는 충주에 새 공장을 지었다. "
    "그러나 2026년 5월 28일, 한빛전자는 새 공장의 공장장으로 박지훈 상무를 임명한다고 발표했고, "
    "공장은 2026년 10월 17일에 가동을 시작했다.\n\n"
    "회사는 내년에 직원 120명을 더 뽑을 계획이다.\n"
)


@pytest.fixture
def plan(tmp_path: Path) -> AskPlan:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "보도자료.txt").write_text(PRESS, encoding="utf-8")
    (folder / "식당.txt").write_text("사내 식당 안내\n\n점심시간은 11시 30분부터 13시까지이다.\n", encoding="utf-8")
    db = tmp_path / "library.sqlite3"
    index_folder(folder, db)
    return plan_question(AskSession(), "한빛전자 새 공장의 공장장은 누구인가?", db_path=db)


def test_the_plan_knows_how_much_of_the_question_its_best_sentence_holds(plan: AskPlan) -> None:
    assert "박지훈 상무" in plan.evidence
    assert plan.evidence_share >= 0.8
    assert plan.share_of_question("공장은 2026년 10월 17일에 가동을 시작했다") < 0.5 * plan.evidence_share


def test_a_clause_copied_without_the_part_that_answers_gives_way_to_the_whole_sentence(plan: AskPlan) -> None:
    notice = evidence_instead("공장은 2026년 10월 17일에 가동을 시작했습니다 [1].", plan)
    assert notice is not None and "문장 전체" in notice and "가동을 시작했습니다" in notice


def test_an_answer_that_answers_the_question_stands(plan: AskPlan) -> None:
    assert evidence_instead("한빛전자 새 공장의 공장장은 박지훈 상무입니다 [1].", plan) is None


def test_not_found_is_overruled_only_when_one_sentence_holds_almost_the_whole_question(
    plan: AskPlan, tmp_path: Path
) -> None:
    notice = evidence_instead(NOT_IN_PASSAGES, plan)
    assert notice is not None and "확인해 주세요" in notice
    missing = plan_question(
        AskSession(), "한빛전자 새 공장의 연간 전기요금과 수도요금은 얼마인가?", db_path=tmp_path / "library.sqlite3"
    )
    assert missing.evidence_share < 0.8
    assert evidence_instead(NOT_IN_PASSAGES, missing) is None


def test_an_answer_about_something_else_gives_way_to_the_best_sentence(plan: AskPlan) -> None:
    notice = evidence_instead("회사는 내년에 직원 120명을 더 뽑을 계획입니다 [1].", plan)
    assert notice is not None and "질문의 낱말이 거의 없어" in notice
