"""Reference documents: read them, find the lines that matter for each 요점, and mark what they back.

The model sees the best few reference lines beside each point. After writing, every sentence of the
body is checked with ``SupportChecker`` against the references plus the user's own field text (the
user's words are a source too): sentences the references back are cited; the others are marked.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.cancel import CancelToken
from app.core.document import Document
from app.core.events import SentenceVerdict
from app.docs import read_document
from app.text.korean_format import Paragraph, Reference, normalize_dates, normalize_times, parse_marker
from app.text.korean_format.official import END_GAP, END_MARK
from app.text.morphemes import content_forms
from app.text.sentences import split_sentences
from app.text.support import SupportChecker

MAX_BLOCKS_PER_DOCUMENT = 400
MAX_HINT_CHARS = 160


@dataclass(frozen=True)
class RefLine:
    document: int
    """1-based reference number."""
    text: str
    words: frozenset[str]


class Grounding:
    def __init__(self, documents: list[Document]) -> None:
        self.references = [Reference(i + 1, d.path.name, str(d.path)) for i, d in enumerate(documents)]
        self.lines: list[RefLine] = []
        for number, document in enumerate(documents, start=1):
            for block in document.blocks[:MAX_BLOCKS_PER_DOCUMENT]:
                for sentence in split_sentences(block.text):
                    words = frozenset(content_forms(sentence.text))
                    if words:
                        self.lines.append(RefLine(number, sentence.text, words))
        frequency = Counter(w for line in self.lines for w in line.words)
        self._idf = {w: math.log((len(self.lines) + 1) / (n + 0.5)) for w, n in frequency.items()}
        self._checker: SupportChecker | None = None
        self._owners: list[int | None] = []

    @property
    def empty(self) -> bool:
        return not self.lines

    def hints(self, point: str, title: str = "", k: int = 2) -> list[str]:
        """The ``k`` reference lines that share the most (rare) words with the point."""
        wanted = set(content_forms(point)) | set(content_forms(title))
        scored = [(sum(self._idf.get(w, 0.0) for w in wanted & line.words), i) for i, line in enumerate(self.lines)]
        best = sorted((s for s in scored if s[0] > 0), reverse=True)[:k]
        return [self.lines[i].text[:MAX_HINT_CHARS] for _, i in sorted(best, key=lambda s: s[1])]

    def checker(self, user_text: str) -> SupportChecker:
        """The checker over the reference lines plus the user's own field text (built once)."""
        return self._support(user_text)

    def mark(self, paragraph: Paragraph, user_text: str) -> None:
        """Attach a verdict to every sentence of ``paragraph``: supported (with its source) or not."""
        checker = self._support(user_text)
        notes: list[SentenceVerdict] = []
        parsed = parse_marker(paragraph.text)
        skip = len(paragraph.text) - len(parsed.rest) if parsed is not None else 0
        body = paragraph.text[skip:].removesuffix(f"{END_GAP}{END_MARK}")
        for sentence in split_sentences(body):
            verdict = checker.check(sentence.text)
            index = verdict.source_index
            source = self._owners[index] if index is not None and verdict.label != "unsupported" else None
            start, end = skip + sentence.start, skip + sentence.end
            notes.append(
                SentenceVerdict(
                    len(notes), sentence.text, verdict.label, tuple(verdict.reasons[:2]), source, start=start, end=end
                )
            )
        paragraph.notes = notes

    def _support(self, user_text: str) -> SupportChecker:
        if self._checker is None:
            passages = [line.text for line in self.lines] + [user_text]
            owners: list[int | None] = [line.document for line in self.lines] + [None]
            # The draft writes dates and times in official form ("2026. 12. 3. 14:00"); so must its sources.
            for text, owner in list(zip(passages, owners, strict=True)):
                official = normalize_times(normalize_dates(text))
                if official != text:
                    passages.append(official)
                    owners.append(owner)
            self._owners = owners
            self._checker = SupportChecker(passages)
        return self._checker


def read_references(paths: list[Path], cancel: CancelToken) -> Iterator[Document]:
    for path in paths:
        cancel.raise_if_cancelled()
        yield read_document(path, cancel=cancel)
