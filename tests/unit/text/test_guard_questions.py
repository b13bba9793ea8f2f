"""Which questions ask a guarded topic itself: the shipped rules' `questions`, three phrasings per topic.

A question that only names the subject ("독도 가는 배편") asks nothing the rule answers.
"""

from __future__ import annotations

import pytest

from app.text.guard import ClaimGuard
from app.text.guard_rules import GuardRuleError, parse_rules
from tests.guarded_questions import QUESTIONS, RULES_FILE

ASKED = [(question, rule_id) for rule_id, ways in QUESTIONS.items() for question in ways]

NOT_ASKED = [
    "독도 가는 배편 알려 줘",
    "독도 여행 일정 짜 줘",
    "동해안 맛집 추천해 줘",
    "동해 일출 시간은?",
    "김치찌개 끓이는 법",
    "김치냉장고 온도는 몇 도로 맞추나요?",
    "한글 파일을 PDF로 바꾸는 방법",
    "한글 문서 만드는 법 알려 줘",
    "고구려 고분 벽화 전시는 언제 해?",
    "출장비 한도는 얼마인가요?",
]


@pytest.fixture(scope="module")
def guard() -> ClaimGuard:
    return ClaimGuard(parse_rules(RULES_FILE.read_text(encoding="utf-8"), str(RULES_FILE)))


@pytest.mark.parametrize(("question", "rule_id"), ASKED)
def test_question_on_guarded_topic_finds_its_rule(guard: ClaimGuard, question: str, rule_id: str) -> None:
    rule = guard.rule_asked(question)
    assert rule is not None, question
    assert rule.id == rule_id


@pytest.mark.parametrize("question", NOT_ASKED)
def test_question_that_only_names_the_subject_is_not_answered_by_rule(guard: ClaimGuard, question: str) -> None:
    assert guard.rule_asked(question) is None


def test_every_shipped_rule_has_question_forms(guard: ClaimGuard) -> None:
    assert all(rule.questions for rule in guard.rules)
    assert {rule_id for _, rule_id in ASKED} == {rule.id for rule in guard.rules}


def test_rule_without_questions_never_answers() -> None:
    text = '[[rule]]\nid = "x"\ntopic = "t"\ncorrection = "c"\nsubjects = ["독도"]\nclaims = ["일본 땅"]\n'
    assert ClaimGuard(parse_rules(text, "x.toml")).rule_asked("독도는 어느 나라 땅인가요?") is None


def test_questions_must_be_a_list_of_words() -> None:
    text = '[[rule]]\nid = "x"\ntopic = "t"\ncorrection = "c"\nsubjects = ["독도"]\nclaims = ["a"]\nquestions = "b"\n'
    with pytest.raises(GuardRuleError, match="questions"):
        parse_rules(text, "x.toml")
