"""Find quantities in Korean text and normalise them: ``3억 5천만 원`` → 350000000 원, ``천 명`` → 1000 명.

Digits that name something rather than count it (제3조, 코로나19, K64, 82-4-4, an outline number such as
"(1)" or "가." at the start of a line) are identifiers: found by ``find_identifiers`` and never read as
quantities.
"""

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
        "번", "회", "차", "배", "위", "분기", "년대", "년간", "년", "월", "일간", "일", "시간", "시", "분", "초", "주년",
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
_FULL_AGE = re.compile(r"^만\s")
"""만 19세 is "19 years of age", not 10,019."""
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
    """Every quantity in ``text``, in order; scale words alone (``천``) count only before a unit.

    Digits inside an identifier (``find_identifiers``) are not quantities.
    """
    taken = [(i.start, i.end) for i in find_identifiers(text)]
    found: list[Quantity] = []
    for match in _QUANTITY_RE.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        raw_num = match.group("num")
        unit = match.group("unit") or ""
        if not any(ch.isdigit() for ch in raw_num) and unit not in _SCALE_ONLY_UNITS:
            continue  # 천, 만 … alone are ordinary words (천천히, 만약, 만일)
        value = parse_korean_number(_FULL_AGE.sub("", raw_num) if unit in ("세", "살") else raw_num)
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


@dataclass(frozen=True)
class Identifier:
    """A number that names something: an article (제3조의2), a code (K64), a name (코로나19), an outline number."""

    key: str
    """Lower-cased text without spaces, compared as a whole: 제3항 never matches 제13항."""
    shape: str
    """``key`` with every digit run as ``#``: 제3항 and 제5항 are rivals, 제3항 and 제3조 are not."""
    outline: bool
    """An outline number at the start of a line ("(82-4-4)", "1.", "가)"): structure, not content."""
    start: int
    end: int
    text: str


_ARTICLE = r"제\s?\d+\s?(?:조|항|호|장|절|관|편|목|급)(?:의\s?\d+)?"
_NAMED = r"(?:(?:[A-Za-z]+-?|[가-힣]+)\d+(?:[.\-]\d+)*)+[A-Za-z]*"
_LATIN_SPACED = r"[A-Z]{2,}(?:\s[A-Z]{1,3})?\s\d{3,}(?:[.\-]\d+)*"
_LATIN_AFTER = r"\d+[A-Za-z]+"
_HYPHENATED = r"\d+(?:-\d+)+"
_IDENTIFIER_RE = re.compile(
    rf"(?P<article>{_ARTICLE})|(?<![\w.\-])(?:(?P<spaced>{_LATIN_SPACED})|(?P<hyphen>{_HYPHENATED})(?![A-Za-z0-9\-])"
    rf"|(?P<after>{_LATIN_AFTER})(?![A-Za-z0-9])|(?P<named>{_NAMED}))"
)
_OUTLINE_RE = re.compile(r"^\s*(?:\(\d{1,3}(?:[-.]\d{1,3})*\)|\d{1,3}(?:[-.]\d{1,3})*[.)]|\(?[가-하][.)])(?=\s|$)")
_UNIT_AT_RE = re.compile(rf"\s?(?:{_UNIT_RE})")
_LATIN_UNITS = frozenset(u.lower() for u in _UNITS if u.isascii())


def find_identifiers(text: str) -> list[Identifier]:
    """Every identifier in ``text``, in order."""
    found: list[Identifier] = []
    outline = _OUTLINE_RE.match(text)
    if outline:
        raw = outline.group(0).strip()
        found.append(_identifier(raw, text.index(raw), outline=True))
    for match in _IDENTIFIER_RE.finditer(text):
        if outline and match.start() < outline.end():
            continue
        raw = match.group(0)
        if match.group("after") and re.sub(r"\d", "", raw).lower() in _LATIN_UNITS:
            continue  # 5km, 10GB are quantities
        start = match.start()
        if match.group("named"):
            hyphenated = re.fullmatch(r"[가-힣]+(\d+(?:-\d+)+)", raw)
            if hyphenated:  # "연락처가02-3456-7890": a number glued to the word before it
                raw, start = hyphenated.group(1), start + hyphenated.start(1)
            else:
                raw = _named_part(text, match)
            if not raw:
                continue
        found.append(_identifier(raw, start, outline=False))
    return found


def _named_part(text: str, match: re.Match[str]) -> str:
    """코로나19 stays a name; 총100명 or 월25일 (Hangul, digits, then a unit) is a quantity after a word."""
    raw = match.group(0)
    glued = re.fullmatch(r"[가-힣]*[이가은는을를의도에와과로](\d+)", raw)
    if glued and re.match(r"[.)](?:\s|$)", text[match.end() :]):
        return ""  # "재판부가1. …": an outline item glued to the word before, not a name
    last_digits = re.search(r"\d+(?:[.\-]\d+)*[A-Za-z]*$", raw)
    assert last_digits is not None
    if not re.search(r"[A-Za-z]", raw[: last_digits.start()]) and not last_digits.group(0)[-1].isalpha():
        unit = _UNIT_AT_RE.match(text, match.end())
        if unit and (unit.end() >= len(text) or not text[unit.end()].isascii() or not text[unit.end()].isalnum()):
            return ""
    return raw


def _identifier(raw: str, start: int, *, outline: bool) -> Identifier:
    key = "".join(raw.lower().split())
    if outline:
        key = key.strip("().")  # "(82-4-4)", "82-4-4." and a bare 82-4-4 are the same item
    return Identifier(key, re.sub(r"\d+", "#", key), outline, start, start + len(raw), raw)
