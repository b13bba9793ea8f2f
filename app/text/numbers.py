"""Find quantities in Korean text and normalise them: ``3억 5천만 원`` → 350000000 원, ``천 명`` → 1000 명."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BIG = {"만": 10**4, "억": 10**8, "조": 10**12}
_SMALL = {"십": 10, "백": 100, "천": 1000}
_NATIVE = {
    "한": 1,
    "두": 2,
    "세": 3,
    "네": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
    "스무": 20,
}
_NATIVE_COUNTERS = ("명", "개", "가지", "번", "곳", "살", "마리", "권", "대", "척", "차례", "해", "달", "사람")

# Longest first, so that 개월 wins over 개 and 시간 over 시.
_UNITS = sorted(
    [
        "원", "달러", "엔", "위안", "유로", "파운드", "명", "인", "개국", "개월", "개", "건", "곳", "가지", "번째",
        "번", "회", "차", "배", "위", "년대", "년간", "년", "월", "일간", "일", "시간", "시", "분", "초", "주년",
        "주", "세기", "세", "살", "%p", "%", "퍼센트", "프로", "포인트", "km", "kg", "cm", "mm", "m", "톤", "대",
        "권", "편", "장", "층", "호", "점", "표", "석", "가구", "세대", "척", "마리", "그루", "명분", "평",
        "GB", "MB", "TB", "B",
    ],
    key=len,
    reverse=True,
)  # fmt: skip
_UNIT_ALIASES = {
    "퍼센트": "%",
    "프로": "%",
    "인": "명",
    "살": "세",
    "년간": "년",
    "일간": "일",
    "번째": "번",
}
_APPROX_BEFORE = ("약", "대략", "근", "거의", "무려")
_APPROX_AFTER = ("여", "가량", "남짓", "정도", "이상", "이하", "미만", "초과", "안팎", "내외", "쯤", "께")

_DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"
_SCALE = r"[십백천만억조]"
_NUMBER = rf"(?:{_DIGITS}|{_SCALE})(?:\s?{_SCALE}|(?<=[만억조])\s?{_DIGITS})*"
# A number written only with scale words (천 명, 만 원) counts before these units alone, so that
# 만일, 만세, 만점, 조차 stay words.
_SCALE_ONLY_UNITS = frozenset({"원", "달러", "명", "건", "개", "년", "대", "톤", "가구", "세대", "마리", "권", "표"})
_UNIT_RE = "|".join(re.escape(u) for u in _UNITS)
_QUANTITY_RE = re.compile(rf"(?<![\w.])(?P<num>{_NUMBER})(?P<approx>여|가량|남짓)?\s?(?P<unit>{_UNIT_RE})?(?![A-Za-z])")
_NATIVE_RE = re.compile(
    r"(?<![가-힣\w])(?P<num>"
    + "|".join(_NATIVE)
    + r")\s?(?P<unit>"
    + "|".join(_NATIVE_COUNTERS)
    + r")(?=$|[^가-힣]|[이가을를은는의도에와과만째씩])"
)


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    """Normalised unit (``%``, ``명``, ``원``, ``년`` …) or ``""`` for a bare number."""
    approximate: bool
    start: int
    end: int
    text: str

    def same_as(self, other: Quantity) -> bool:
        if not self.units_compatible(other):
            return False
        return abs(self.value - other.value) <= 1e-9 * max(1.0, abs(self.value))

    def units_compatible(self, other: Quantity) -> bool:
        return self.unit == other.unit or not self.unit or not other.unit


def parse_korean_number(text: str) -> float | None:
    """``3억 5천만`` → 350000000, ``1,200`` → 1200, ``천`` → 1000; ``None`` when not a number."""
    parts = re.findall(rf"{_DIGITS}|{_SCALE}", text)
    if not parts:
        return None
    total = 0.0
    section = 0.0
    current: float | None = None
    for part in parts:
        if part in _SMALL:
            section += (current if current is not None else 1) * _SMALL[part]
            current = None
        elif part in _BIG:
            section += current or 0
            total += (section or 1) * _BIG[part]
            section = 0
            current = None
        else:
            if current is not None:
                return None  # two bare numbers in a row ("3 5") are not one quantity
            current = float(part.replace(",", ""))
    return total + section + (current or 0)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order; scale words alone (``천``) count only before a unit."""
    found: list[Quantity] = []
    for match in _QUANTITY_RE.finditer(text):
        raw_num = match.group("num")
        unit = match.group("unit") or ""
        if not any(ch.isdigit() for ch in raw_num) and unit not in _SCALE_ONLY_UNITS:
            continue  # 천, 만 … alone are ordinary words (천천히, 만약, 만일)
        value = parse_korean_number(raw_num)
        if value is None:
            continue
        approximate = bool(match.group("approx")) or _has_approx_marker(text, match.start(), match.end())
        found.append(
            Quantity(
                value,
                _UNIT_ALIASES.get(unit, unit),
                approximate,
                match.start(),
                match.end(),
                match.group(0),
            )
        )
    for match in _NATIVE_RE.finditer(text):
        unit = match.group("unit")
        found.append(
            Quantity(
                float(_NATIVE[match.group("num")]),
                _UNIT_ALIASES.get(unit, "명" if unit == "사람" else unit),
                _has_approx_marker(text, match.start(), match.end()),
                match.start(),
                match.end(),
                match.group(0),
            )
        )
    found.sort(key=lambda q: q.start)
    return found


def _has_approx_marker(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 4) : start].strip()
    after = text[end : end + 3]
    return before.endswith(_APPROX_BEFORE) or after.lstrip().startswith(_APPROX_AFTER)
