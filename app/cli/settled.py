"""The CLI's view of a streamed answer: print a sentence once it is checked and kept, never what is withdrawn.

A terminal cannot take printed text back, so the CLI prints what the GUI ends up showing: each sentence
when its verdict arrives (unsupported ones are withdrawn by the task and never printed), and the rest of
the answer when it ends.
"""

from __future__ import annotations

import re

from app.core.events import Notice, SentenceVerdict, Token, Withdraw
from app.core.streamed import StreamedText

_BLANK_LINES = re.compile(r"\n\s*\n+")


class SettledPrinter:
    def __init__(self) -> None:
        self.streamed = StreamedText()
        self.printed = 0
        """Offset in the raw stream up to which text was printed (or passed over as withdrawn)."""

    def feed(self, event: Token | Withdraw | SentenceVerdict) -> str:
        """What to print now for ``event`` ("" for most events)."""
        if isinstance(event, SentenceVerdict):
            if event.label == "unsupported":
                return ""
            at = self.streamed.raw.find(event.text, self.printed)
            if at < 0:
                return ""
            return self._print_to(at + len(event.text))
        self.streamed.add(event)
        return ""

    def finish(self, kept: bool = True) -> str:
        """The rest of the answer (when it was kept), once the stream has ended."""
        return self._print_to(len(self.streamed.raw)) if kept else ""

    def _print_to(self, end: int) -> str:
        pieces: list[str] = []
        cursor = self.printed
        for start, stop in sorted(self.streamed.withdrawn):
            if stop <= cursor or start >= end:
                continue
            pieces.append(self.streamed.raw[cursor:start])
            cursor = max(cursor, stop)
        if cursor < end:
            pieces.append(self.streamed.raw[cursor:end])
        first = self.printed == 0
        self.printed = max(self.printed, end)
        text = _BLANK_LINES.sub("\n", "".join(pieces))
        return text.lstrip() if first else text


def notice_line(notice: Notice) -> str:
    """A notice for the terminal: its link (더 좋은 모델 받기) says where to go instead."""
    return f"{notice.text} (baro models list)" if notice.action == "models" else notice.text
