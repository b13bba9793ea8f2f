"""Structure checks on finished text: is the numbering valid, is ``끝.`` where it must be."""

from __future__ import annotations

import re

from app.text.korean_format.numbering import INDENT_UNIT, Scheme, marker, parse_marker
from app.text.korean_format.official import END_GAP, END_MARK

_LOOSE_DATE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?:[-/]\d{1,2}[-/]\d{1,2}|년\s*\d{1,2}월\s*\d{1,2}일|\.\d{1,2}\.\d)")


def numbering_problems(lines: list[str], scheme: Scheme = Scheme.GONGMUN) -> list[str]:
    """Korean descriptions of what is wrong with the item markers of ``lines`` (empty when valid).

    Each line's level comes from its indentation (2타 per level); its marker must be the next one of
    that level's sequence, and a level may only open one step below the previous line.
    """
    problems: list[str] = []
    counters: dict[int, int] = {}
    previous = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        spaces = len(line) - len(line.lstrip(" "))
        if spaces % len(INDENT_UNIT):
            problems.append(f"{number}번째 줄: 들여쓰기가 2타 단위가 아닙니다.")
        level = spaces // len(INDENT_UNIT) + 1
        parsed = parse_marker(line.strip())
        if parsed is None:
            problems.append(f"{number}번째 줄: 항목 기호가 없습니다.")
            continue
        if level > previous + 1:
            problems.append(f"{number}번째 줄: 상위 항목 없이 {level}단계 항목이 나왔습니다.")
        counters[level] = counters.get(level, 0) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        expected = marker(scheme, level, counters[level])
        if not line.strip().startswith(f"{expected} "):
            problems.append(f"{number}번째 줄: 항목 기호는 '{expected}'이어야 합니다.")
        previous = level
    return problems


def end_mark_problems(text: str) -> list[str]:
    """``끝.`` must appear once, two spaces after the last text."""
    body = text.rstrip()
    count = len(re.findall(r"(?<![가-힣])끝\.", body))
    problems: list[str] = []
    if not body.endswith(f"{END_GAP}{END_MARK}") and body != END_MARK:
        problems.append("본문 끝에 두 칸 띄우고 '끝.'을 표시해야 합니다.")
    if count > 1:
        problems.append("'끝.' 표시가 두 번 이상 있습니다.")
    return problems


def date_problems(text: str) -> list[str]:
    return [f"날짜 '{m.group(0)}'은(는) '2026. 11. 29.' 형식으로 써야 합니다." for m in _LOOSE_DATE.finditer(text)]
