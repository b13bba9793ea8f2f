from __future__ import annotations

from pathlib import Path

import pytest

from app.text.support import SupportChecker

PASSAGES = [
    "네이버는 지난 2년간 전사 역량을 집중해 최고 수준의 한국어 모델을 구축했다. "
    "회사는 올해 연구개발에 3억 5천만 원을 썼고, 직원 1,200명이 참여했다.",
    "김민수 연구원은 새 모델을 오는 7월 공개하지 않겠다고 말했다. 행사에는 청중 300여명이 모였다.",
]


@pytest.fixture(scope="module")
def checker() -> SupportChecker:
    return SupportChecker(PASSAGES)


def test_copied_sentence_is_supported_with_its_span(checker: SupportChecker) -> None:
    verdict = checker.check("행사에는 청중 300여명이 모였다.")
    assert verdict.label == "supported"
    assert verdict.source_index == 1
    assert verdict.span is not None
    start, end = verdict.span
    assert PASSAGES[1][start:end] == "행사에는 청중 300여명이 모였다."
    assert verdict.evidence == PASSAGES[1][start:end]
    assert verdict.reasons == []


@pytest.mark.parametrize(
    "sentence",
    [
        "회사는 올해 연구개발에 350,000,000원을 썼다.",
        "네이버가 최고 수준의 한국어 모델을 구축했습니다.",
        "직원 1,200명이 참여했고 회사는 올해 연구개발에 3억 5천만 원을 썼다.",
    ],
)
def test_light_paraphrase_is_supported(checker: SupportChecker, sentence: str) -> None:
    assert checker.check(sentence).label == "supported"


@pytest.mark.parametrize(
    ("sentence", "reason_part"),
    [
        ("회사는 올해 연구개발에 3억 6천만 원을 썼다.", "수치"),
        ("직원 2,100명이 참여했다.", "수치"),
        ("행사에는 청중 천 명이 모였다.", "수치"),
        ("네이버는 지난 3년간 한국어 모델을 구축했다.", "수치"),
        ("박영희 연구원은 새 모델을 오는 7월 공개하지 않겠다고 말했다.", "박영희"),
        ("김민수 연구원은 새 모델을 오는 7월 공개하겠다고 말했다.", "부정"),
        ("네이버는 최고 수준의 한국어 모델을 구축하지 않았다.", "긍정"),
    ],
)
def test_changed_fact_is_unsupported(checker: SupportChecker, sentence: str, reason_part: str) -> None:
    verdict = checker.check(sentence)
    assert verdict.label == "unsupported"
    assert any(reason_part in reason for reason in verdict.reasons), verdict.reasons


def test_unrelated_claim_is_unsupported(checker: SupportChecker) -> None:
    verdict = checker.check("오늘 부산의 날씨는 맑고 바람이 강하게 분다.")
    assert verdict.label == "unsupported"
    assert verdict.score < 0.4


def test_name_from_another_passage_is_only_partly_supported(checker: SupportChecker) -> None:
    verdict = checker.check("김민수 연구원은 최고 수준의 한국어 모델을 구축했다.")
    assert verdict.label != "supported"


def test_check_text_judges_each_sentence(checker: SupportChecker) -> None:
    results = checker.check_text("행사에는 청중 300여명이 모였다. 행사에는 청중 3000명이 모였다.")
    assert [v.label for _, v in results] == ["supported", "unsupported"]


# --- the failure seen with Gemma 3 270M on the Byline article --------------------------------------


@pytest.fixture(scope="module")
def article_checker(corpus: Path) -> SupportChecker:
    text = (corpus / "articles" / "byline-hyperclova-2023.txt").read_text(encoding="utf-8")
    return SupportChecker([p for p in text.split("\n\n") if p.strip()])


@pytest.mark.corpus
def test_article_really_says_openai_did_not_publish(article_checker: SupportChecker) -> None:
    source = next(p for p in article_checker.passages if "챗GPT 논문을 내지 않고" in p)
    assert "블로그로만 공개했는데" in source


@pytest.mark.corpus
@pytest.mark.parametrize(
    "generated",
    [
        "오픈AI가 챗GPT 논문을 내놓고…",
        "오픈AI가 챗GPT 논문을 내놓고 블로그로도 공개했다.",
        "오픈AI가 챗GPT 논문을 내놓고 인스트럭트GPT와 동일한 그림을 보여줬다.",
        "오픈AI는 챗GPT 논문을 냈다.",
        "오픈AI가 챗GPT 논문을 공개했습니다.",
        "오픈AI는 GPT-4의 세부 기술을 공개했다.",
    ],
)
def test_invented_publication_is_caught(article_checker: SupportChecker, generated: str) -> None:
    verdict = article_checker.check(generated)
    assert verdict.label == "unsupported", verdict
    assert verdict.source_index is not None and verdict.span is not None
    start, end = verdict.span
    assert "공개하지 않" in verdict.evidence or "내지 않고" in verdict.evidence
    assert article_checker.passages[verdict.source_index][start:end] == verdict.evidence


@pytest.mark.corpus
def test_faithful_version_of_that_sentence_is_supported(article_checker: SupportChecker) -> None:
    verdict = article_checker.check("오픈AI는 챗GPT 논문을 내지 않고 블로그로만 공개했다.")
    assert verdict.label == "supported"
    assert "논문을 내지 않고" in verdict.evidence


@pytest.mark.parametrize(
    ("answer", "label"),
    [
        ("1박 20만 원", "supported"),
        ("20만 원까지", "supported"),
        ("1박 30만 원", "unsupported"),
        ("7명", "unsupported"),
    ],
)
def test_an_answer_of_figures_alone_is_found_by_its_figures(answer: str, label: str) -> None:
    rules = "해외 출장 숙박비는 1박에 20만 원까지 지원한다. 국내 출장은 1박에 10만 원까지다."
    verdict = SupportChecker(["회의는 4월 12일에 열린다.", rules]).check(answer)
    assert verdict.label == label
    if label == "supported":
        assert verdict.source_index == 1


# --- identifiers, figures in their roles, auxiliary polarity (#21: misses on real office pages) ----------

OFFICE = [
    "(82-4-4) 이 공고는 「청년기본법」 제3조 제2항에 따라 시행된다.",
    "부정한 방법으로 지원을 받은 경우 같은 법 제11조 제1항 제3호에 따라 지원금을 환수한다.",
    "질병관리청은 코로나19를 제4급 감염병으로 분류하고 있다.",
    "알코올성 간 질환은 K70으로, 만성 간염은 K73으로 기록한다.",
    "신청 기간은 공고일부터 14일이고, 심사 기간은 접수 마감 후 30일이다.",
    "민원실은 평일 오전 9시부터 오후 6시까지 운영된다.",
    "학교는 결핵 환자가 발생하면 접촉자 검진을 실시하기도 한다.",
    "회사는 직원의 개인정보를 인사팀 전용 서버에 보관하고 있다.",
    "단지 안에는 어린이집이 없으며, 경로당이 있다.",
    "GPT-4는 2023년에 공개되었다.",
]


@pytest.fixture(scope="module")
def office_checker() -> SupportChecker:
    return SupportChecker(OFFICE)


@pytest.mark.parametrize(
    "sentence",
    [
        "(82-4-4) 이 공고는 「청년기본법」 제3조 제2항에 따라 시행된다.",
        "이 공고는 「청년기본법」 제3조 제2항에 따라 시행됩니다.",
        "심사 기간은 접수 마감 후 30일이고, 신청 기간은 공고일부터 14일이다.",
        "기간은 공고일부터 14일이다.",
        "학교는 결핵 환자가 발생하면 접촉자 검진을 실시하기도 합니다.",
        "회사는 직원의 개인정보를 인사팀 전용 서버에 보관하고 있습니다.",
    ],
)
def test_faithful_office_sentences_are_supported(office_checker: SupportChecker, sentence: str) -> None:
    verdict = office_checker.check(sentence)
    assert verdict.label == "supported", verdict.reasons


@pytest.mark.parametrize(
    ("sentence", "reason_part"),
    [
        # 제1항 occurs in the sources, but not as the paragraph of 제3조
        ("이 공고는 「청년기본법」 제3조 제1항에 따라 시행된다.", "번호"),
        ("부정한 방법으로 지원을 받은 경우 같은 법 제11조 제1항 제4호에 따라 지원금을 환수한다.", "번호"),
        ("질병관리청은 코로나20을 제4급 감염병으로 분류하고 있다.", "번호"),
        ("알코올성 간 질환은 K73으로, 만성 간염은 K73으로 기록한다.", "번호"),
        ("GPT-3는 2023년에 공개되었다.", "번호"),
        ("신청 기간은 공고일부터 30일이고, 심사 기간은 접수 마감 후 14일이다.", "수치"),
        ("민원실은 평일 오전 6시부터 오후 9시까지 운영된다.", "수치"),
        ("질병관리청은 코로나19를 제4급 감염병으로 분류하고 없다.", "긍정"),
        ("학교는 결핵 환자가 발생하면 접촉자 검진을 실시하기도 하지 않는다.", "긍정"),
        ("회사는 직원의 개인정보를 인사팀 전용 서버에 보관하고 있지 않다.", "긍정"),
        ("단지 안에는 어린이집이 있으며, 경로당이 있다.", "부정"),
    ],
)
def test_changed_office_fact_is_unsupported(office_checker: SupportChecker, sentence: str, reason_part: str) -> None:
    verdict = office_checker.check(sentence)
    assert verdict.label == "unsupported"
    assert any(reason_part in reason for reason in verdict.reasons), verdict.reasons


def test_identifier_is_matched_whole_not_as_a_figure() -> None:
    checker = SupportChecker(["이 조항은 제13항과 같다.", "회의 참석자는 3명이다."])
    assert checker.check("이 조항은 제3항과 같다.").label != "supported"
    assert checker.check("회의 참석자는 3명이다.").label == "supported"


def test_outline_number_alone_does_not_make_a_line_partial() -> None:
    checker = SupportChecker(["(82-4-4)", "신청인은 서류를 제출해야 한다."])
    assert checker.check("(82-4-4) 신청인은 서류를 제출해야 한다.").label == "supported"
    assert checker.check("(9-9-9) 신청인은 서류를 제출해야 한다.").label != "supported"
    # A list number the model puts before a line is formatting, not a claim.
    assert checker.check("1. 신청인은 서류를 제출해야 한다.").label == "supported"


def test_a_name_spaced_in_the_source_still_backs_the_written_together_form() -> None:
    checker = SupportChecker(["코로나 19 확진자는 닷새 동안 쉰다.", "질환 코드는 K70이다."])
    assert checker.check("코로나19 확진자는 닷새 동안 쉰다.").label == "supported"
    assert checker.check("질환 코드는 K7이다.").label == "unsupported"
