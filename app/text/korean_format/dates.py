"""Dates and times as Korean official documents write them: ``2026. 11. 29.(토) 14:00``.

행정업무운영 편람: the year, month and day each followed by a period and separated by one space; the
weekday in parentheses right after; times in 24-hour form with a colon.
"""

from __future__ import annotations

import re
from datetime import date

WEEKDAYS = "월화수목금토일"

_YMD = (
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|년)\s*(?P<m>1[0-2]|0?[1-9])\s*(?:[-/.]|월)\s*"
    r"(?P<d>3[01]|[12]\d|0?[1-9])(?:\s*일|\s*\.)?(?!\d)"
)
_DATE = re.compile(_YMD + r"(?P<wd>\s*\(\s*[월화수목금토일](?:요일)?\s*\))?")
_KOREAN_TIME = re.compile(r"(?<![\d:])(?P<h>[01]?\d|2[0-3])\s*시(?:\s*(?P<mi>[0-5]?\d)\s*분)?(?![간대])")
_AMPM_TIME = re.compile(
    r"(?P<ap>오전|오후)\s*(?P<h>1[0-2]|0?\d)\s*(?::\s*(?P<mi>[0-5]\d)|시(?:\s*(?P<mk>[0-5]?\d)\s*분)?)"
)


def format_date(day: date, *, weekday: bool = False) -> str:
    text = f"{day.year}. {day.month}. {day.day}."
    return f"{text}({WEEKDAYS[day.weekday()]})" if weekday else text


def parse_date(text: str) -> date | None:
    """The first date written in ``text`` in any common form, or ``None``."""
    match = _DATE.search(text)
    if match is None:
        return None
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def normalize_dates(text: str) -> str:
    """Rewrite every date (2026-11-29, 2026/11/29, 2026.11.29, 2026년 11월 29일 …) as ``2026. 11. 29.``.

    A weekday written after the date is kept (and corrected when it is wrong); impossible dates are
    left as written.
    """

    def repl(match: re.Match[str]) -> str:
        try:
            day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            return match.group(0)
        return format_date(day, weekday=match["wd"] is not None)

    return _DATE.sub(repl, text)


def normalize_times(text: str) -> str:
    """오후 2시 30분 → 14:30, 14시 → 14:00 (24-hour clock with a colon)."""

    def ampm(match: re.Match[str]) -> str:
        hour = int(match["h"]) % 12 + (12 if match["ap"] == "오후" else 0)
        minute = int(match["mi"] or match["mk"] or 0)
        return f"{hour:02d}:{minute:02d}"

    def plain(match: re.Match[str]) -> str:
        return f"{int(match['h']):02d}:{int(match['mi'] or 0):02d}"

    return _KOREAN_TIME.sub(plain, _AMPM_TIME.sub(ampm, text))
