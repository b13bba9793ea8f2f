"""Korean-aware sentence splitting, in time linear in the text.

Kiwi's sentence splitter costs more than linear time in the length of the run it is given (200,000
characters without a sentence break took about 20 s), so no run longer than ``MAX_PIECE_CHARS`` ever
reaches it: ``analysis_pieces`` cuts longer runs at the last sentence end, else at a space, else between
two characters that are not one syllable.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from app.text.kiwi import kiwi

MAX_PIECE_CHARS = 400
"""Longest run handed to Kiwi at once (a sentence longer than this is cut into parts)."""
_ENDS_SENTENCE = re.compile(r"[.!?。…\"”’』」)\]:]\s*$")
_SENTENCE_END_SPACE = re.compile(r"[.!?。…][\"'”’』」)\]]*\s+")
_SPACE = re.compile(r"\s+")
_STARTS_ITEM = re.compile(r"^\s*(?:[-*•·○●□■◦▪※]|\(?\d{1,3}[.)]|\(?[가-하][.)]|[IVX]+\.)\s*")
_SHORT_LINE = 0.7
"""A line shorter than this share of the block's longest line ends its paragraph (a title, a last line)."""


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def line_segments(text: str, *, soft_wrapped: bool = False) -> list[tuple[int, int]]:
    """``[start, end)`` ranges of ``text`` that sentences may not cross, blank lines left out.

    In authored text (TXT, DOCX, HWP …) every line break ends a sentence: titles, list items and table rows
    carry no final punctuation. In ``soft_wrapped`` text (PDF) lines were broken to fit the page, so a line
    continues into the next unless it ends a sentence, is short, or the next line starts a list item.
    """
    lines: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    if not soft_wrapped or len(lines) < 2:
        return lines
    longest = max(end - start for start, end in lines)
    segments: list[tuple[int, int]] = []
    previous_line = lines[0]
    for start, end in lines:
        joined = bool(segments) and text.count("\n", segments[-1][1], start) == 1  # no blank line between
        if joined and _continues(text[previous_line[0] : previous_line[1]], text[start:end], longest):
            segments[-1] = (segments[-1][0], end)
        else:
            segments.append((start, end))
        previous_line = (start, end)
    return segments


def _continues(last_line: str, line: str, longest: int) -> bool:
    if _ENDS_SENTENCE.search(last_line) or _STARTS_ITEM.match(line):
        return False
    return len(last_line.strip()) >= _SHORT_LINE * longest


def analysis_pieces(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``[start, end)`` cut into ranges of at most ``MAX_PIECE_CHARS``, covering it exactly, in order.

    Each cut is after the last sentence end in the piece, else after the last space in its second half,
    else at the limit, moved back so that it never splits a syllable written as jamo or a combining mark.
    """
    end = len(text) if end is None else end
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_PIECE_CHARS:
        cut = _cut(text, start, start + MAX_PIECE_CHARS)
        pieces.append((start, cut))
        start = cut
    if end > start:
        pieces.append((start, end))
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    last_end = _last_match_end(_SENTENCE_END_SPACE, text, start + 1, limit)
    if last_end is not None:
        return last_end
    last_space = _last_match_end(_SPACE, text, start + MAX_PIECE_CHARS // 2, limit)
    if last_space is not None:
        return last_space
    cut = limit
    while cut > start + 1 and _joins_previous(text[cut]):
        cut -= 1
    return cut if cut > start + 1 else limit


def _last_match_end(pattern: re.Pattern[str], text: str, start: int, limit: int) -> int | None:
    found = None
    for match in pattern.finditer(text, start, limit):
        found = match.end()
    return found


def _joins_previous(char: str) -> bool:
    """True for a character that belongs to the one before it (a vowel or final jamo, a combining mark)."""
    code = ord(char)
    if 0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF:  # medial vowels and final consonants
        return True
    return unicodedata.combining(char) != 0 or code in (0x200D, 0x034F) or 0xFE00 <= code <= 0xFE0F


def split_sentences(text: str, *, soft_wrapped: bool = False) -> list[Sentence]:
    """Split ``text`` into sentences with character offsets into ``text`` (see ``line_segments``)."""
    ranges = [piece for a, b in line_segments(text, soft_wrapped=soft_wrapped) for piece in analysis_pieces(text, a, b)]
    if not ranges:
        return []
    # Line breaks inside a segment become spaces for the analyser; offsets stay the same.
    pieces = [text[a:b].replace("\n", " ") for a, b in ranges]
    out: list[Sentence] = []
    for (offset, _), piece, found in zip(ranges, pieces, kiwi().split_into_sents(pieces), strict=True):
        for s in found:
            start, end = int(s.start), int(s.end)
            while start < end and piece[start].isspace():
                start += 1
            while end > start and piece[end - 1].isspace():
                end -= 1
            if end > start:
                out.append(Sentence(text[offset + start : offset + end], offset + start, offset + end))
    return out


BOUNDARY_CHARS = frozenset(".!?。\n")
"""Characters after which a streamed sentence may have ended."""


class SentenceStream:
    """Streamed text handed back one complete sentence at a time (the answer watch and the claims guard).

    A sentence is complete once text follows its boundary (the next one has begun), or when the stream is
    taken ``final``. Only the part not yet handed out is ever split again, so the cost per token stays flat.
    Offsets are into ``text``, everything fed so far.
    """

    def __init__(self) -> None:
        self.text = ""
        self.done = 0
        """Offset up to which sentences were handed out or skipped."""
        self._boundary = -1
        self._waiting = False

    def feed(self, piece: str) -> bool:
        """Add ``piece``; True when a sentence may have been completed by it (worth a ``take``)."""
        start = len(self.text)
        self.text += piece
        boundary = max(piece.rfind(c) for c in BOUNDARY_CHARS)
        if boundary >= 0:
            self._boundary, self._waiting = start + boundary, True
        if not self._waiting or not self.text[self._boundary + 1 :].strip():
            return False
        self._waiting = False
        return True

    @property
    def pending(self) -> str:
        return self.text[self.done :]

    def take(self, *, final: bool = False, upto: int | None = None) -> list[Sentence]:
        """The sentences completed since the last take (the unfinished last one too when ``final``), ending
        at ``upto`` when given."""
        found = split_sentences(self.text[self.done : upto])
        ready = found if final else found[:-1]
        out = [Sentence(s.text, self.done + s.start, self.done + s.end) for s in ready]
        if out:
            self.done = out[-1].end
        return out

    def skip(self, *, final: bool = False) -> None:
        """Hand out nothing up to the last boundary (everything when ``final``): the caller needs none of it."""
        if final:
            self.done = len(self.text)
            return
        last = max(self.pending.rfind(c) for c in BOUNDARY_CHARS)
        if last >= 0:
            self.done += last + 1
