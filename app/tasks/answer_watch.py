"""One streamed answer, watched token by token: stop loops, judge sentences, withdraw what must not show.

``Assistant.stream`` feeds every generation through an ``AnswerWatch``. It

- runs the degeneration detector (``app.text.degeneration``) and, on a loop, withdraws the degenerate tail;
- when the task gives a ``judge`` (the support checker over its sources), judges every sentence as soon as
  the next one has begun, withdraws an unsupported one, and gives up when the first few are mostly
  unsupported (``GIVE_UP``);
- stops once the task's requested number of sentences is complete.

``stop`` says why the engine should stop ("" while it may go on). With ``acting=False`` it only watches
(the bench's "before": everything is shown, and what it would have done is recorded).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from app.core.events import Event, SentenceVerdict, Withdraw
from app.core.streamed import tidy
from app.tasks.verdicts import sentence_verdict
from app.text.degeneration import Degeneration, DegenerationDetector
from app.text.sentences import SentenceStream
from app.text.support import Verdict

Judge = Callable[[str], Verdict]
"""Judges one generated sentence against the task's sources."""


@dataclass(frozen=True)
class GiveUpLimits:
    """When the first sentences of an answer are mostly unsupported, the rest will not be better.

    Chosen with bench/generation_health.py --limit 12 (seed 7, Gemma 3 270M, 2026-12-02; 64 judged BEFORE
    answers; gives up / good answers lost / mostly-unsupported answers kept): first=3/share=0.6 0.08 / 0 / 5;
    the stricter first=2/share=0.5 0.20 / 4 / 1 loses good answers; looser ones keep 6-9 junk answers. What a
    kept answer still has unsupported is withdrawn sentence by sentence, so none of it is shown.
    """

    first_sentences: int = 3
    unsupported_share: float = 0.6
    """Give up as soon as this share of the first ``first_sentences`` is certain to be unsupported."""
    unsupported_run: int = 3
    """Or at any point after that many unsupported sentences in a row."""

    @property
    def unsupported_needed(self) -> int:
        return max(1, math.ceil(self.unsupported_share * self.first_sentences))


GIVE_UP = GiveUpLimits()
BETTER_MODEL = "더 좋은 모델 받기"
"""The phrase of a give-up notice that leads to 모델 관리 (``Notice.link``)."""


@dataclass
class JudgedSentence:
    start: int
    end: int
    verdict: SentenceVerdict
    withdrawn: bool = False


@dataclass
class WatchRecord:
    """What happened, for results and the bench (offsets into ``raw``, counts in tokens fed)."""

    tokens: int = 0
    stop_token: int | None = None
    """Tokens fed when the watch decided to stop."""
    degeneration: Degeneration | None = None
    degeneration_token: int | None = None
    """Index of the token in which the degenerate span begins."""
    token_ends: list[int] = field(default_factory=list)


class AnswerWatch:
    def __init__(
        self,
        *,
        source: str = "",
        judge: Judge | None = None,
        target_sentences: int | None = None,
        give_up: GiveUpLimits = GIVE_UP,
        acting: bool = True,
    ) -> None:
        self.detector = DegenerationDetector(source)
        self.judge = judge
        self.target_sentences = target_sentences
        self.give_up = give_up
        self.acting = acting
        self.withdrawn: list[tuple[int, int, str]] = []
        self.sentences: list[JudgedSentence] = []
        self.stop = ""
        self.would_stop = ""
        """What an acting watch would have stopped for (also set when ``acting``)."""
        self.record = WatchRecord()
        self._stream = SentenceStream()

    # --- feeding --------------------------------------------------------------------------------

    def feed(self, token: str) -> list[Event]:
        if self.stop:
            return []
        completed = self._stream.feed(token)
        self.record.tokens += 1
        self.record.token_ends.append(len(self.raw))
        events: list[Event] = []
        if not self.would_stop and (found := self.detector.feed(token)) is not None:
            self.record.degeneration = found
            self.record.degeneration_token = self._token_at(found.start)
            if self.judge is not None and self.acting:
                events += self._judge(final=True, upto=found.start)  # what came before the loop is still judged
            if not self.stop:
                events += self._decide("loop", found.start)
            if self.stop:
                return events
        if self.judge is not None and completed:
            events += self._judge(final=False)
        return events

    def finish(self) -> list[Event]:
        """Judge what is left (the last sentence) once the stream has ended."""
        if self.judge is None or self.stop:
            return []
        return self._judge(final=True)

    # --- what the answer keeps ------------------------------------------------------------------

    @property
    def raw(self) -> str:
        """Everything the model wrote, withdrawn parts included."""
        return self._stream.text

    @property
    def kept_text(self) -> str:
        cut = sorted((a, b) for a, b, _ in self.withdrawn)
        out: list[str] = []
        cursor = 0
        for start, end in cut:
            if start > cursor:
                out.append(self.raw[cursor:start])
            cursor = max(cursor, end)
        out.append(self.raw[cursor:])
        return tidy("".join(out)).strip()

    @property
    def kept_verdicts(self) -> list[SentenceVerdict]:
        return [s.verdict for s in self.sentences if not s.withdrawn]

    @property
    def gave_up(self) -> bool:
        return self.stop == "given_up" or (bool(self.withdrawn) and not self.kept_text)

    # --- inside ---------------------------------------------------------------------------------

    def _token_at(self, offset: int) -> int:
        for index, end in enumerate(self.record.token_ends):
            if end > offset:
                return index
        return len(self.record.token_ends) - 1

    def _judge(self, *, final: bool, upto: int | None = None) -> list[Event]:
        events: list[Event] = []
        for sentence in self._stream.take(final=final, upto=upto):
            if upto is not None or sentence.start < self._degenerate_from():
                events += self._judge_one(sentence.start, sentence.end, sentence.text)
            if self.stop:
                return events
        return events

    def _degenerate_from(self) -> int:
        found = self.record.degeneration
        return found.start if found is not None and self.acting else len(self.raw) + 1

    def _judge_one(self, start: int, end: int, text: str) -> list[Event]:
        assert self.judge is not None
        verdict = sentence_verdict(len(self.sentences), text, self.judge(text))
        judged = JudgedSentence(start, end, verdict)
        self.sentences.append(judged)
        events: list[Event] = [verdict]
        if verdict.label == "unsupported" and self.acting:
            judged.withdrawn = True
            events += self._withdraw(start, end, "unsupported")
        labels = [s.verdict.label for s in self.sentences]
        first = labels[: self.give_up.first_sentences]
        run = self.give_up.unsupported_run
        if first.count("unsupported") >= self.give_up.unsupported_needed or labels[-run:] == ["unsupported"] * run:
            events += self._decide("given_up", 0)
        elif self.target_sentences is not None:
            kept = sum(1 for label in labels if label != "unsupported")
            if kept >= self.target_sentences:
                events += self._decide("complete", end)
        return events

    def _decide(self, reason: str, withdraw_from: int) -> list[Event]:
        if not self.would_stop:
            self.would_stop = reason
            self.record.stop_token = self.record.tokens
        if not self.acting:
            return []
        self.stop = reason
        if reason == "given_up":
            for sentence in self.sentences:
                sentence.withdrawn = True
        elif reason == "loop":
            # A sentence already checked and kept stays: a terminal may have printed it (see app/cli/settled.py).
            kept_ends = [s.end for s in self.sentences if not s.withdrawn]
            withdraw_from = max([withdraw_from, *kept_ends])
            for sentence in self.sentences:
                sentence.withdrawn = sentence.withdrawn or sentence.end > withdraw_from
        return self._withdraw(withdraw_from, len(self.raw), reason)

    def _withdraw(self, start: int, end: int, reason: str) -> list[Event]:
        """Withdraw ``raw[start:end]`` except what already was."""
        events: list[Event] = []
        pieces: list[tuple[int, int]] = []
        cursor = start
        for a, b, _ in sorted(self.withdrawn):
            if b <= cursor or a >= end:
                continue
            if a > cursor:
                pieces.append((cursor, a))
            cursor = max(cursor, b)
        if cursor < end:
            pieces.append((cursor, end))
        for a, b in pieces:
            if not self.raw[a:b].strip():
                continue
            self.withdrawn.append((a, b, reason))
            events.append(Withdraw(self.raw[a:b], len(self.raw) - a, reason))
        return events
