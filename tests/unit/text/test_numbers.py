from __future__ import annotations

import pytest

from app.text.numbers import find_quantities, parse_korean_number


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("3억 5천만 원", 350_000_000, "원"),
        ("350,000,000원", 350_000_000, "원"),
        ("35%", 35, "%"),
        ("35퍼센트", 35, "%"),
        ("1,200명", 1200, "명"),
        ("천 명", 1000, "명"),
        ("2.5조 원", 2_500_000_000_000, "원"),
        ("5000만", 50_000_000, ""),
        ("300여명", 300, "명"),
        ("두 명이", 2, "명"),
        ("한 가지가", 1, "가지"),
    ],
)
def test_normalises_korean_quantities(text: str, value: float, unit: str) -> None:
    [quantity] = find_quantities(text)
    assert quantity.value == value
    assert quantity.unit == unit
    assert text[quantity.start : quantity.end] == quantity.text


def test_dates_split_into_year_and_month() -> None:
    found = find_quantities("2023년 8월 14일에 공개했다")
    assert [(q.value, q.unit) for q in found] == [(2023, "년"), (8, "월"), (14, "일")]


def test_same_amount_in_different_notation_is_the_same() -> None:
    [a] = find_quantities("3억 5천만 원")
    [b] = find_quantities("350,000,000원")
    [c] = find_quantities("3억 6천만 원")
    assert a.same_as(b)
    assert not a.same_as(c)


def test_approximation_markers() -> None:
    assert find_quantities("약 400건")[0].approximate
    assert find_quantities("300명 이상")[0].approximate
    assert not find_quantities("400건")[0].approximate


@pytest.mark.parametrize("text", ["만일 그가 만세를 불렀다", "천천히 만약", "세 대학", "그조차"])
def test_ordinary_words_are_not_numbers(text: str) -> None:
    assert find_quantities(text) == []


def test_list_of_numbers_stays_separate() -> None:
    assert [q.value for q in find_quantities("1, 2, 3")] == [1, 2, 3]
    assert parse_korean_number("3 5") is None
