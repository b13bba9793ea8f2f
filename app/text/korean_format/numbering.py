"""Item markers: the 공문 sequence (1. → 가. → 1) → 가) → (1) → (가) → ① → ㉮) and the 보고서 symbols.

Also recognises the markers a model (or a person) actually writes, so messy lists can be re-leveled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

HANGUL_ORDER = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허"
CIRCLED_DIGITS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
CIRCLED_HANGUL = "㉮㉯㉰㉱㉲㉳㉴㉵㉶㉷㉸㉹㉺㉻"
INDENT_UNIT = "  "
"""One level of indentation: 2타 (the width of one Hangul syllable)."""


class Scheme(StrEnum):
    GONGMUN = "공문"
    """1. 가. 1) 가) (1) (가) ① ㉮ — 행정업무운영 편람 item numbering."""
    REPORT = "보고서"
    """□ ○ - · — the symbols of a one-page Korean report (개조식)."""
    BULLETS = "글머리표"
    """- at every level (emails, notices)."""


REPORT_SYMBOLS = ("□", "○", "-", "·")


def hangul_label(index: int) -> str:
    """1 → 가, 2 → 나, … 14 → 하, then 거, 너 …; past the list, 하1, 하2 … so nothing repeats."""
    if index <= len(HANGUL_ORDER):
        return HANGUL_ORDER[index - 1]
    return f"하{index - len(HANGUL_ORDER)}"


def _circled(chars: str, index: int, fallback: str) -> str:
    return chars[index - 1] if index <= len(chars) else fallback


def marker(scheme: Scheme, level: int, index: int) -> str:
    """The marker of the ``index``-th item (1-based) at ``level`` (1 = top)."""
    if scheme is Scheme.BULLETS:
        return "-"
    if scheme is Scheme.REPORT:
        return REPORT_SYMBOLS[min(level, len(REPORT_SYMBOLS)) - 1]
    forms = (
        f"{index}.",
        f"{hangul_label(index)}.",
        f"{index})",
        f"{hangul_label(index)})",
        f"({index})",
        f"({hangul_label(index)})",
        _circled(CIRCLED_DIGITS, index, f"({index})"),
        _circled(CIRCLED_HANGUL, index, f"({hangul_label(index)})"),
    )
    return forms[min(level, len(forms)) - 1]


def indent(level: int) -> str:
    return INDENT_UNIT * max(level - 1, 0)


@dataclass(frozen=True)
class ParsedMarker:
    kind: str
    """What family of marker this is, e.g. "digit." or "hangul)" or "bullet-": the same kind, the same level."""
    index: int | None
    """Its position in its sequence when it has one (3 for "3." or "다."), else None."""
    rest: str
    """The line's text after the marker."""


_BULLETS = "-*•·∙○◦□■▪▫●◆◇▶▷ㅇ➢➤✓✔–—"
_HANGUL_CLASS = f"[{HANGUL_ORDER}]"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("(digit)", re.compile(r"^\((\d{1,2})\)\s*(.*)$")),
    ("(hangul)", re.compile(rf"^\(({_HANGUL_CLASS})\)\s*(.*)$")),
    ("digit)", re.compile(r"^(\d{1,2})\)\s*(.*)$")),
    ("hangul)", re.compile(rf"^({_HANGUL_CLASS})\)\s*(.*)$")),
    # "1." but not a date ("2026. 11.") nor a decimal ("1.5").
    ("digit.", re.compile(r"^(\d{1,2})\.(?!\d)(?!\s*\d{1,2}\.)\s*(.*)$")),
    ("hangul.", re.compile(rf"^({_HANGUL_CLASS})\.\s+(.*)$")),
    ("circled-digit", re.compile(rf"^([{CIRCLED_DIGITS}])\s*(.*)$")),
    ("circled-hangul", re.compile(rf"^([{CIRCLED_HANGUL}])\s*(.*)$")),
)
_BULLET = re.compile(rf"^([{re.escape(_BULLETS)}])\s+(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


def parse_marker(line: str) -> ParsedMarker | None:
    """The list marker that starts ``line`` (already stripped of indentation), if any."""
    heading = _HEADING.match(line)
    if heading:
        return ParsedMarker(f"heading{len(heading.group(1))}", None, heading.group(2))
    for kind, pattern in _PATTERNS:
        match = pattern.match(line)
        if match:
            return ParsedMarker(kind, _sequence_index(kind, match.group(1)), match.group(2))
    bullet = _BULLET.match(line)
    if bullet:
        symbol = bullet.group(1)
        return ParsedMarker(f"bullet{'-' if symbol in '-–—*' else symbol}", None, bullet.group(2))
    return None


def _sequence_index(kind: str, label: str) -> int | None:
    if kind.startswith(("digit", "(digit")):
        return int(label)
    if kind.startswith(("hangul", "(hangul")):
        return HANGUL_ORDER.index(label) + 1
    if kind == "circled-digit":
        return CIRCLED_DIGITS.index(label) + 1
    if kind == "circled-hangul":
        return CIRCLED_HANGUL.index(label) + 1
    return None
