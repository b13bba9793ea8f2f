"""The formatter turns deliberately messy model output into exact 공문 / 개조식 text."""

from __future__ import annotations

from datetime import date

import pytest

from app.text.korean_format import (
    Register,
    Scheme,
    end_mark_problems,
    format_date,
    marker,
    normalize_dates,
    normalize_times,
    numbering_problems,
    parse_outline,
    repair_gaejo,
    repair_official,
    to_register,
)

MESSY_OFFICIAL = [
    pytest.param(
        "**1) 교육 개요**\n- 일시: 2026년 11월 29일 오후 2시\n- 장소 : 본관 3층 대회의실\n2) 참석 대상은 전 직원이에요.\n끝",
        "1. 교육 개요\n  가. 일시: 2026. 11. 29. 14:00\n  나. 장소: 본관 3층 대회의실\n2. 참석 대상은 전 직원입니다.  끝.",
        id="bold-markers-bullets-haeyo-bare-end",
    ),
    pytest.param(
        "1. 관련: 정보보안팀-123(2026-11-01)\n"
        "2. 위와 관련하여 정보보안 교육을 다음과 같이 실시하오니 참석해 주세요.\n"
        "   1) 일시: 2026.11.29 14:00\n"
        "   2) 장소: 대회의실\n"
        "      - 준비물: 노트북\n"
        "3. 협조를 요청합니다. 끝.",
        "1. 관련: 정보보안팀-123(2026. 11. 1.)\n"
        "2. 위와 관련하여 정보보안 교육을 다음과 같이 실시하오니 참석해 주십시오.\n"
        "  가. 일시: 2026. 11. 29. 14:00\n"
        "  나. 장소: 대회의실\n"
        "    1) 준비물: 노트북\n"
        "3. 협조를 요청합니다.  끝.",
        id="wrong-sublevels-iso-dates-inline-end",
    ),
    pytest.param(
        "## 개요\n교육을 실시해요.\n\n## 세부 내용\n* 대상: 전 직원\n* 대상: 전 직원\n* 시간: 2시간\n",
        "1. 개요\n  가. 교육을 실시합니다.\n2. 세부 내용\n  가. 대상: 전 직원\n  나. 시간: 2시간  끝.",
        id="markdown-headings-repeated-line",
    ),
    pytest.param("정보보안 교육을 실시합니다. - 끝 -", "정보보안 교육을 실시합니다.  끝.", id="single-item-no-number"),
    pytest.param(
        "[공문]\n가. 예산을 확보했다.\n나. 일정은 2026/12/3(목) 10시다\n\n끝.\n끝.",
        "1. 예산을 확보했습니다.\n2. 일정은 2026. 12. 3.(목) 10:00입니다.  끝.",
        id="echoed-label-handa-double-end",
    ),
    pytest.param(
        "1. 행사 개요\n  ① 일시: 2026. 11. 29.(토)  \n  ② 장소: 서울\n    ㉮ 주차 가능\n3. 문의: 총무팀",
        "1. 행사 개요\n  가. 일시: 2026. 11. 29.(일)\n  나. 장소: 서울\n    1) 주차 가능\n2. 문의: 총무팀  끝.",
        id="circled-markers-skipped-number",
    ),
    pytest.param(
        "1. 협조 사항\n가) 명단 제출\n나) 자료 검토\n(1) 기한 엄수\n(2) 보안 유지\n2. 기타",
        "1. 협조 사항\n  가. 명단 제출\n  나. 자료 검토\n    1) 기한 엄수\n    2) 보안 유지\n2. 기타  끝.",
        id="unindented-deep-levels",
    ),
    pytest.param(
        "1. 회의 결과를 다음과 같이\n알려 드립니다.\n2. 세부 사항은 붙임을 참고해 주세요",
        "1. 회의 결과를 다음과 같이 알려 드립니다.\n2. 세부 사항은 붙임을 참고해 주십시오.  끝.",
        id="wrapped-line-joins-its-item",
    ),
]


@pytest.mark.parametrize(("messy", "expected"), MESSY_OFFICIAL)
def test_repair_official_turns_messy_output_into_exact_gongmun(messy: str, expected: str) -> None:
    repaired = repair_official(messy)
    assert repaired == expected
    assert end_mark_problems(repaired) == []
    body = repaired.rsplit("  끝.", 1)[0].splitlines()
    if len(body) > 1:
        assert numbering_problems(body) == []


MESSY_GAEJO = [
    pytest.param(
        "1. 교육을 실시합니다.\n  - 전 직원이 참석해야 합니다.\n  - 자료는 추후 배포할 예정입니다.",
        "□ 교육을 실시함\n  ○ 전 직원이 참석해야 함\n  ○ 자료는 추후 배포할 예정임",
        id="hapsyo-to-gaejo",
    ),
    pytest.param(
        "* 예산이 부족해요.\n* 인력을 충원했어요. 일정은 변경이 없어요.\n  * 담당: 김민수",
        "□ 예산이 부족함\n□ 인력을 충원했음\n□ 일정은 변경이 없음\n  ○ 담당: 김민수",
        id="haeyo-two-sentences-one-line",
    ),
    pytest.param(
        "- 검토 결과 문제 없음.\n- 추진 일정 확정.\n- 후속 조치가 필요하다",
        "□ 검토 결과 문제 없음\n□ 추진 일정 확정\n□ 후속 조치가 필요함",
        id="noun-endings-lose-period",
    ),
]


@pytest.mark.parametrize(("messy", "expected"), MESSY_GAEJO)
def test_repair_gaejo_gives_exact_report_lines(messy: str, expected: str) -> None:
    assert repair_gaejo(messy) == expected


@pytest.mark.parametrize(
    ("sentence", "register", "expected"),
    [
        ("확인했습니다.", Register.GAEJO, "확인했음"),
        ("예정입니다.", Register.GAEJO, "예정임"),
        ("협조를 요청합니다.", Register.GAEJO, "협조를 요청함"),
        ("참석하시기 바랍니다.", Register.GAEJO, "참석하시기 바람"),
        ("자료를 제출해요.", Register.HAPSYO, "자료를 제출합니다."),
        ("제출해 주세요.", Register.HAPSYO, "제출해 주십시오."),
        ("진행 중입니다", Register.HAEYO, "진행 중이에요."),
        ("학교입니다", Register.HAEYO, "학교예요."),
        ("회의를 개최합니다.", Register.HANDA, "회의를 개최한다."),
        ("일정을 알려드립니다.", Register.HANDA, "일정을 알려드린다."),
        ("진행 중인가요?", Register.GAEJO, "진행 중인가요?"),
        ("교육 일정 변경", Register.HAPSYO, "교육 일정 변경"),
    ],
)
def test_to_register_rewrites_only_the_final_ending(sentence: str, register: Register, expected: str) -> None:
    assert to_register(sentence, register) == expected


def test_dates_and_times_take_official_form() -> None:
    assert format_date(date(2026, 11, 29)) == "2026. 11. 29."
    assert format_date(date(2026, 11, 29), weekday=True) == "2026. 11. 29.(일)"
    assert normalize_dates("2026-11-29, 2026/1/5, 2026년 3월 4일, 2026.07.08") == (
        "2026. 11. 29., 2026. 1. 5., 2026. 3. 4., 2026. 7. 8."
    )
    assert normalize_dates("2026. 11. 29.(월요일)") == "2026. 11. 29.(일)"
    assert normalize_dates("2026-02-30") == "2026-02-30"
    assert normalize_times("오후 2시 30분, 9시, 오전 10:05, 3시간") == "14:30, 09:00, 10:05, 3시간"


def test_markers_follow_the_official_sequence() -> None:
    assert [marker(Scheme.GONGMUN, level, 2) for level in range(1, 9)] == [
        "2.", "나.", "2)", "나)", "(2)", "(나)", "②", "㉯",
    ]  # fmt: skip
    assert marker(Scheme.GONGMUN, 2, 15) == "거."
    assert [marker(Scheme.REPORT, level, 1) for level in range(1, 5)] == ["□", "○", "-", "·"]


def test_numbering_problems_catch_wrong_markers() -> None:
    assert numbering_problems(["1. 가", "  가. 나", "  다. 라"]) == ["3번째 줄: 항목 기호는 '나.'이어야 합니다."]
    assert numbering_problems(["1. 가", "    1) 나"]) == [
        "2번째 줄: 상위 항목 없이 3단계 항목이 나왔습니다.",
    ]
    assert end_mark_problems("본문입니다. 끝.") == ["본문 끝에 두 칸 띄우고 '끝.'을 표시해야 합니다."]


def test_a_date_line_is_not_read_as_item_number() -> None:
    items = parse_outline("2026. 11. 29.에 회의를 합니다.\n1. 안건")
    assert [(i.level, i.text) for i in items] == [(1, "2026. 11. 29.에 회의를 합니다."), (2, "안건")]
