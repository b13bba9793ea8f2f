"""The post-processor: repair a model's (or a person's) body text into a valid 공문/개조식 body.

Code, not the model, guarantees the structure: item levels and their markers, dates in official form,
the chosen sentence endings, and exactly one closing ``끝.`` two spaces after the last text.
"""

from __future__ import annotations

import re

from app.text.korean_format.numbering import Scheme
from app.text.korean_format.outline import OutlineItem, parse_outline, render_outline
from app.text.korean_format.registers import Register, apply_register, split_plain_sentences, to_register

END_MARK = "끝."
END_GAP = "  "
"""편람: the closing mark follows the last text after 2타 (two half-width spaces)."""

_END_LINE = re.compile(r"^\s*[-–—(<\[]?\s*끝\s*[.。)>\]]?\s*[-–—]?\s*$")
_END_TAIL = re.compile(r"(?<=[.。)\s])\s*[-–—(]?\s*끝\s*[.。)]?\s*[-–—]?\s*$")
_LABEL_LINE = re.compile(r"^\s*\[[^\]]{1,20}\]\s*$")


def strip_end_marks(text: str) -> str:
    """``text`` without any closing mark a writer already put in ("끝", "끝.", "- 끝 -", "(끝)")."""
    lines = [line for line in text.splitlines() if not _END_LINE.match(line) and not _LABEL_LINE.match(line)]
    return "\n".join(_END_TAIL.sub("", line).rstrip() for line in lines)


def outline_items(text: str, register: Register | None) -> list[OutlineItem]:
    items = parse_outline(strip_end_marks(text))
    if register is None:
        return items
    out: list[OutlineItem] = []
    for item in items:
        if register is Register.GAEJO:
            # 개조식 is one statement per line: a line of several sentences becomes several items.
            out.extend(OutlineItem(item.level, to_register(s, register)) for s in split_plain_sentences(item.text))
        else:
            out.append(OutlineItem(item.level, apply_register(item.text, register)))
    return out


def add_end_mark(lines: list[str]) -> list[str]:
    """``lines`` with ``끝.`` after the last non-empty one (and nowhere else)."""
    out = strip_end_marks("\n".join(lines)).splitlines()
    while out and not out[-1].strip():
        out.pop()
    if not out:
        return [END_MARK]
    out[-1] = f"{out[-1]}{END_GAP}{END_MARK}"
    return out


def repair_official(
    text: str,
    *,
    register: Register | None = Register.HAPSYO,
    scheme: Scheme = Scheme.GONGMUN,
    closing: bool = True,
) -> str:
    """A 공문 body: items renumbered 1. → 가. → 1) …, endings in ``register``, ``끝.`` at the end.

    A body of one item carries no number (편람: a single item is not numbered).
    """
    items = outline_items(text, register)
    if not items:
        return END_MARK if closing else ""
    single = len(items) == 1 and scheme is Scheme.GONGMUN
    lines = [items[0].text] if single else render_outline(items, scheme)
    return "\n".join(add_end_mark(lines) if closing else lines)


def repair_gaejo(text: str, *, scheme: Scheme = Scheme.REPORT) -> str:
    """개조식 text: every sentence ending …함/…임/…음 without a final period, items re-leveled."""
    return repair_official(text, register=Register.GAEJO, scheme=scheme, closing=False)
