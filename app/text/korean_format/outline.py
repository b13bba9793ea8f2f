"""Messy lists in, clean outlines out: infer each line's level from its marker and indentation, renumber.

A weak model mixes "1)", "-", "**가.**" and stray indentation; people paste lists from mail. The rule
that recovers the intended levels: a marker family seen before returns to its level; a new family goes
one level deeper, unless it is indented less than the current item (then it is that item's sibling).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.text.korean_format.dates import normalize_dates, normalize_times
from app.text.korean_format.numbering import Scheme, indent, marker, parse_marker


@dataclass
class OutlineItem:
    level: int
    """1 = top level."""
    text: str


_MARKDOWN = re.compile(r"\*\*(.+?)\*\*|__(.+?)__|`([^`]+)`|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_SPACE_BEFORE_MARK = re.compile(r"\s+([.,!?:;)])")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_QUOTE = re.compile(r"^>\s*")
_RULE = re.compile(r"^[-=_*]{3,}$")


def clean_inline(text: str) -> str:
    """One line without markdown emphasis, with dates and times in official form and tidy spacing."""
    text = _QUOTE.sub("", text.strip())
    text = _MARKDOWN.sub(lambda m: next(g for g in m.groups() if g is not None), text)
    text = text.replace("**", "").replace("__", "")
    text = normalize_times(normalize_dates(text))
    text = _SPACE_BEFORE_MARK.sub(r"\1", text)
    # "…(토) 14:00" keeps its space; a colon inside a time keeps its neighbours.
    return _SPACES.sub(" ", text).strip()


def parse_outline(text: str) -> list[OutlineItem]:
    """The items of ``text`` with inferred levels; unmarked lines continue the item above them."""
    items: list[OutlineItem] = []
    stack: list[tuple[str, int]] = []  # (marker kind, indentation) for each open level
    after_blank = True
    opens_children = False  # the last item was a heading or ended with ":" — its text comes below it
    for raw in text.splitlines():
        expanded = raw.replace("\t", "    ").replace("\u3000", "  ")
        stripped = _unwrap_emphasis(expanded.strip())
        if not stripped or _RULE.match(stripped):
            after_blank = True
            continue
        width = len(expanded) - len(expanded.lstrip())
        parsed = parse_marker(stripped)
        if parsed is None:
            content = clean_inline(stripped)
            if items and opens_children:
                stack.append(("plain-child", width + 1))
                items.append(OutlineItem(len(stack), content))
            elif items and not after_blank:
                items[-1].text = f"{items[-1].text} {content}".strip()
            elif content:
                del stack[1:]
                if not stack:
                    stack.append(("plain", width))
                items.append(OutlineItem(1, content))
            after_blank = opens_children = False
            continue
        depth = _depth(stack, parsed.kind, width)
        content = clean_inline(parsed.rest)
        items.append(OutlineItem(depth + 1, content))
        after_blank = False
        opens_children = parsed.kind.startswith("heading") or content.endswith(":")
    return _tidy(items)


def _unwrap_emphasis(line: str) -> str:
    """ "**1) 개요**" → "1) 개요": emphasis around a marker hides it."""
    return _MARKDOWN.sub(lambda m: next(g for g in m.groups() if g is not None), line).replace("**", "")


def _depth(stack: list[tuple[str, int]], kind: str, width: int) -> int:
    same = [d for d, (k, w) in enumerate(stack) if k == kind and w <= width + 1]
    if same:
        depth = same[-1]
        if width >= stack[depth][1] + 2 and width > stack[-1][1]:
            # The same symbol indented further (a "-" list under a "-" list) is a deeper level.
            stack.append((kind, width))
            return len(stack) - 1
        del stack[depth + 1 :]
        return depth
    if any(k == kind for k, _ in stack):
        depth = next(d for d, (k, _) in enumerate(stack) if k == kind)
        del stack[depth + 1 :]
        return depth
    if stack and width < stack[-1][1]:
        while len(stack) > 1 and stack[-1][1] > width:
            stack.pop()
        stack[-1] = (kind, width)
        return len(stack) - 1
    stack.append((kind, width))
    return len(stack) - 1


def _tidy(items: list[OutlineItem]) -> list[OutlineItem]:
    """Drop empty and repeated items; never let a level jump more than one step deeper."""
    out: list[OutlineItem] = []
    seen: set[str] = set()
    for item in items:
        key = re.sub(r"\W", "", item.text)
        if not key or key in seen:
            continue
        seen.add(key)
        previous = out[-1].level if out else 0
        out.append(OutlineItem(min(item.level, previous + 1), item.text))
    return out


def render_outline(items: list[OutlineItem], scheme: Scheme, *, base_level: int = 1) -> list[str]:
    """Each item as a line: indentation (2타 per level), the marker of its position, one space, its text.

    ``base_level`` shifts the whole outline deeper (items of level 1 are drawn at ``base_level``).
    """
    counters: dict[int, int] = {}
    lines: list[str] = []
    for item in items:
        level = item.level + base_level - 1
        counters[level] = counters.get(level, 0) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        lines.append(f"{indent(level)}{marker(scheme, level, counters[level])} {item.text}")
    return lines
