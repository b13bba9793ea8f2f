"""Cut a Document into passages of a few hundred characters that keep their locations.

Short blocks are joined until a chunk reaches ``min_chars``; a block longer than ``max_chars`` is split at
sentence ends into near-equal parts, each starting with the previous part's last sentence when that
sentence is short, so a fact on the boundary is still whole in one of them. A heading always starts a
new chunk, so it stays with the text it introduces.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from app.core.document import BlockKind, Document
from app.core.locations import Location

MIN_CHARS = 300
MAX_CHARS = 600
OVERLAP_MAX_CHARS = 150

_SENTENCE_END = re.compile(r"(?<=[.!?。…])\s+|\s*\n+\s*")


@dataclass(frozen=True)
class Chunk:
    text: str
    location: Location
    """Where the chunk starts (its first block's location)."""
    locations: tuple[Location, ...] = field(default=())
    """Every distinct block location the chunk covers, in document order."""


@dataclass(frozen=True)
class _Piece:
    text: str
    location: Location
    starts_section: bool


def chunk_document(doc: Document, *, min_chars: int = MIN_CHARS, max_chars: int = MAX_CHARS) -> list[Chunk]:
    chunks: list[Chunk] = []
    texts: list[str] = []
    locations: list[Location] = []
    length = 0

    def flush() -> None:
        nonlocal length
        if texts:
            chunks.append(Chunk("\n".join(texts), locations[0], tuple(dict.fromkeys(locations))))
        texts.clear()
        locations.clear()
        length = 0

    for piece in _pieces(doc, max_chars):
        if texts and (piece.starts_section or length >= min_chars or length + 1 + len(piece.text) > max_chars):
            flush()
        texts.append(piece.text)
        locations.append(piece.location)
        length += len(piece.text) + (1 if len(texts) > 1 else 0)
    flush()
    return chunks


def _pieces(doc: Document, max_chars: int) -> Iterator[_Piece]:
    for block in doc.blocks:
        text = block.text.strip()
        if not text:
            continue
        heading = block.kind == BlockKind.HEADING
        if len(text) <= max_chars:
            yield _Piece(text, block.location, heading)
            continue
        for i, part in enumerate(split_long_text(text, max_chars)):
            yield _Piece(part, block.location, heading and i == 0)


def split_long_text(text: str, max_chars: int = MAX_CHARS) -> list[str]:
    """Near-equal parts of at most ``max_chars`` (plus a short overlap sentence), cut at sentence ends."""
    sentences = [s for piece in _SENTENCE_END.split(text) if piece for s in _hard_wrap(piece, max_chars)]
    target = len(text) / math.ceil(len(text) / max_chars)
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for sentence in sentences:
        grown = size + len(sentence) + (1 if current else 0)
        if current and (grown > max_chars or grown > target * 1.15):
            parts.append(" ".join(current))
            last = current[-1]
            current = [last] if len(last) <= OVERLAP_MAX_CHARS and len(last) + len(sentence) < max_chars else []
            size = sum(len(s) for s in current) + max(len(current) - 1, 0)
            grown = size + len(sentence) + (1 if current else 0)
        current.append(sentence)
        size = grown
    if current:
        parts.append(" ".join(current))
    return parts


def _hard_wrap(sentence: str, max_chars: int) -> Iterator[str]:
    """A sentence longer than a chunk is cut at the last space before the limit (or at the limit)."""
    rest = sentence.strip()
    while len(rest) > max_chars:
        cut = rest.rfind(" ", max_chars // 2, max_chars)
        cut = cut if cut > 0 else max_chars
        yield rest[:cut].strip()
        rest = rest[cut:].strip()
    if rest:
        yield rest
