"""Degenerate generation, noticed while it streams: loops, repeated list items, one-word-swapped patterns,
the wrong script, runs of symbols.

Pure and engine-free: feed the generated text piece by piece (as tokens arrive); ``feed`` returns a
``Degeneration`` once the evidence is enough, with ``start`` = where the degenerate span begins in the text
fed so far (everything from there on is to be dropped). The limits are data (``DegenerationLimits``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum


class DegenerationKind(StrEnum):
    REPEATED_SPAN = "repeated_span"
    """The same stretch of text again (a loop)."""
    REPEATED_ITEM = "repeated_item"
    """A list item or line that repeats an earlier one."""
    SWAPPED_WORD = "swapped_word"
    """Consecutive items that are one sentence pattern with one word swapped."""
    WRONG_SCRIPT = "wrong_script"
    """A run in a script the answer should not be in (e.g. Han or Latin in a Korean answer)."""
    SYMBOL_RUN = "symbol_run"
    """Punctuation, symbols or one character over and over."""


@dataclass(frozen=True)
class Degeneration:
    kind: DegenerationKind
    start: int
    """Offset in the text fed so far where the degenerate span begins."""
    evidence: str
    """The text that decided it (for logs and tests)."""


@dataclass(frozen=True)
class DegenerationLimits:
    repeated_chars: int = 20
    """A stretch of this many characters (spaces and list numbers aside) seen before is a loop."""
    min_item_chars: int = 4
    """Items shorter than this (spaces aside) are not compared."""
    swapped_items: int = 3
    """Consecutive items of ≥ 3 words that differ in exactly one word."""
    swapped_short_items: int = 4
    """The same for 2-word items, which share a pattern by chance more often."""
    script_window: int = 40
    """Letters looked at for the wrong-script check."""
    foreign_share: float = 0.8
    """That share of the window's letters in foreign scripts (Latin, Han, kana, …) is the wrong script."""
    foreign_source_share: float = 0.3
    """A script is foreign when the source has less than this share of it."""
    symbol_run: int = 8
    """Punctuation/symbol characters in a row (spaces aside)."""
    char_run: int = 10
    """One character repeated in a row."""


DEFAULT_LIMITS = DegenerationLimits()

_LIST_NUMBER = re.compile(r"(?:(?<=\s)|^)\(?\d{1,3}[.)](?=\s)|(?:(?<=\s)|^)[-*•·▪◦]\s")
_ITEM_BREAK = re.compile(r"\n+|(?<=[.!?。])\s+|(?:(?<=\s)|^)\(?\d{1,3}[.)]\s|(?:(?<=\s)|^)[-*•·▪◦]\s")
_WORD_EDGE = re.compile(r"^[^\w]+|[^\w]+$")


def script_of(ch: str) -> str:
    """ "hangul", "latin", "han", "kana", "cyrillic", "other" for a letter; "" for anything else."""
    if not ch.isalpha():
        return ""
    code = ord(ch)
    if 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF or 0xFF21 <= code <= 0xFF5A:
        return "latin"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
        return "han"
    if 0x3040 <= code <= 0x30FF:
        return "kana"
    if 0x0400 <= code <= 0x04FF:
        return "cyrillic"
    return "other"


def script_shares(text: str) -> dict[str, float]:
    counts: dict[str, int] = {}
    for ch in text:
        script = script_of(ch)
        if script:
            counts[script] = counts.get(script, 0) + 1
    total = sum(counts.values())
    return {k: v / total for k, v in counts.items()} if total else {}


def _is_symbol(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


class DegenerationDetector:
    """Feed the generated text as it streams; get a ``Degeneration`` as soon as it shows."""

    def __init__(self, source: str = "", limits: DegenerationLimits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self._source_scripts = script_shares(source) if source else {"hangul": 1.0}
        self.text = ""
        self.found: Degeneration | None = None
        self._checked_items = 0

    def feed(self, piece: str) -> Degeneration | None:
        if self.found is not None or not piece:
            return self.found
        self.text += piece
        self.found = self._symbol_run() or self._wrong_script() or self._item_repeat() or self._repeated_span()
        return self.found

    # --- runs of symbols or one character -------------------------------------------------------

    def _symbol_run(self) -> Degeneration | None:
        text = self.text
        symbols = 0
        same = 1
        i = len(text) - 1
        start = len(text)
        while i >= 0 and (text[i].isspace() or _is_symbol(text[i])):
            if not text[i].isspace():
                symbols += 1
                start = i
            i -= 1
        if symbols >= self.limits.symbol_run:
            return Degeneration(DegenerationKind.SYMBOL_RUN, start, text[start:])
        last = text[-1]
        if last.isspace():
            return None
        j = len(text) - 2
        while j >= 0 and text[j] == last:
            same += 1
            j -= 1
        if same >= self.limits.char_run:
            return Degeneration(DegenerationKind.SYMBOL_RUN, j + 1, text[j + 1 :])
        return None

    # --- the wrong script -----------------------------------------------------------------------

    def _wrong_script(self) -> Degeneration | None:
        window = self.limits.script_window
        letters: list[tuple[int, str]] = []
        for i in range(len(self.text) - 1, -1, -1):
            script = script_of(self.text[i])
            if script:
                letters.append((i, script))
                if len(letters) >= window:
                    break
        if len(letters) < window:
            return None
        foreign = [i for i, script in letters if self._is_foreign(script)]
        if len(foreign) < self.limits.foreign_share * window:
            return None
        start = _word_start(self.text, min(foreign))
        return Degeneration(DegenerationKind.WRONG_SCRIPT, start, self.text[start:])

    def _is_foreign(self, script: str) -> bool:
        """Not Hangul, and rare in the source (Latin in a paper full of English terms is not foreign)."""
        return script != "hangul" and self._source_scripts.get(script, 0.0) < self.limits.foreign_source_share

    # --- items: lines, sentences and numbered or bulleted points -------------------------------------------

    def _items(self) -> list[tuple[int, int, int]]:
        """(lead, start, end) of each complete item, the last (open) one left out: ``lead`` is where its list
        marker begins (what is dropped with it), ``start``–``end`` its text between item breaks."""
        bounds: list[tuple[int, int, int]] = []
        lead = cursor = 0
        for match in _ITEM_BREAK.finditer(self.text):
            if match.start() > cursor:
                bounds.append((lead, cursor, match.start()))
            marker = match.group().lstrip()
            lead = match.end() - len(marker) if marker else match.end()
            cursor = match.end()
        return [b for b in bounds if self.text[b[1] : b[2]].strip()]

    def _item_repeat(self) -> Degeneration | None:
        items = self._items()
        if len(items) <= self._checked_items:
            return None
        self._checked_items = len(items)
        keys = [_item_key(self.text[a:b]) for _, a, b in items]
        last = keys[-1]
        if len(last.replace(" ", "")) >= self.limits.min_item_chars and last in keys[:-1]:
            start = items[-1][0]
            return Degeneration(DegenerationKind.REPEATED_ITEM, start, self.text[start : items[-1][2]])
        return self._swapped_word(items, keys)

    def _swapped_word(self, items: list[tuple[int, int, int]], keys: list[str]) -> Degeneration | None:
        words = [k.split() for k in keys]
        run = 1
        for i in range(len(words) - 1, 0, -1):
            if not _one_word_swapped(words[i - 1], words[i]):
                break
            run += 1
        if run < 2:
            return None
        size = len(words[-1])
        needed = self.limits.swapped_items if size >= 3 else self.limits.swapped_short_items
        if run >= needed:
            start = items[len(items) - run][0]
            return Degeneration(DegenerationKind.SWAPPED_WORD, start, self.text[start : items[-1][2]])
        return None

    # --- the same stretch of text again ---------------------------------------------------------

    def _repeated_span(self) -> Degeneration | None:
        norm, where = _normalized(self.text)
        needed = self.limits.repeated_chars
        if len(norm) <= needed:
            return None
        # The longest suffix that also begins earlier (overlap allowed: a short cycle repeated is periodic).
        length = 0
        while length < len(norm) - 1 and norm.find(norm[-(length + 1) :], 0, len(norm) - 1) >= 0:
            length += 1
            if length >= needed:
                start = _word_start(self.text, where[len(norm) - length])
                return Degeneration(DegenerationKind.REPEATED_SPAN, start, self.text[start:])
        return None


def _normalized(text: str) -> tuple[str, list[int]]:
    """The text without spaces and list numbers, and each kept character's offset in ``text``."""
    masked = _LIST_NUMBER.sub(lambda m: "\0" * len(m.group()), text)
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(masked):
        if ch == "\0" or ch.isspace():
            continue
        chars.append(ch)
        where.append(i)
    return "".join(chars), where


def _word_start(text: str, at: int) -> int:
    while at > 0 and not text[at - 1].isspace():
        at -= 1
    return at


def _item_key(item: str) -> str:
    words = [_WORD_EDGE.sub("", w) for w in item.split()]
    return " ".join(w for w in words if w)


def _one_word_swapped(a: list[str], b: list[str]) -> bool:
    if len(a) != len(b) or len(a) < 2:
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1
