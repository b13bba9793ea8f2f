"""The 요약 result as HTML: quoted key sentences first, then the AI summary with each sentence marked.

Kept free of widgets so tests can check exactly what the user sees.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from app.core.events import GuardHit, KeyPoints, Notice, SentenceVerdict, Token, Withdraw
from app.core.streamed import StreamedText
from app.gui.verdict_style import (
    HIDDEN,
    HIGHLIGHT,
    LINK,
    MUTED,
    NOTICE,
    PARTIAL_BACKGROUND,
    UNSUPPORTED,
    UNSUPPORTED_BACKGROUND,
)
from app.tasks.guarding import check_text
from app.tasks.results import SummaryResult


class UnsupportedDisplay(StrEnum):
    MARK = "mark"
    STRIKE = "strike"
    HIDE = "hide"


@dataclass
class SourceQuote:
    text: str
    label: str
    context: str
    file: str


@dataclass
class SummaryState:
    quotes: list[SourceQuote] = field(default_factory=list)
    shown: list[int] = field(default_factory=list)
    text: str = ""
    verdicts: list[SentenceVerdict] = field(default_factory=list)
    small_model: bool = True
    finished: bool = False
    guard_hits: list[GuardHit] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    streamed: StreamedText = field(default_factory=StreamedText)

    def take_stream(self, event: Token | Withdraw) -> bool:
        """A token or a withdrawal: ``text`` is what the user sees of the summary. Whether it changed."""
        changed = self.streamed.add(event)
        if changed:
            self.text = self.streamed.shown
        return changed

    def take_key_points(self, points: KeyPoints) -> None:
        self.quotes = [SourceQuote(q.text, q.location.label(), q.context, q.source) for q in points.quotes]
        self.shown = list(points.shown)

    @classmethod
    def from_result(cls, result: SummaryResult) -> SummaryState:
        quotes = [SourceQuote(q.text, q.location.label(), q.context or q.text, result.file) for q in result.quotes]
        return cls(
            quotes=quotes,
            shown=list(result.key_points),
            text=result.summary,
            verdicts=list(result.sentences),
            small_model=result.model_is_small,
            finished=True,
            guard_hits=check_text(result.summary),
        )


def _sentence_html(verdict: SentenceVerdict, display: UnsupportedDisplay) -> str:
    text = html.escape(verdict.text)
    why = f'<a href="why:{verdict.index}" style="text-decoration:none">'
    if verdict.label == "supported":
        if verdict.source is None:
            return text
        return (
            f'{text}<sup><a href="src:{verdict.source - 1}" style="text-decoration:none">[{verdict.source}]</a></sup>'
        )
    if verdict.label == "partial":
        return f'<span style="background-color:{PARTIAL_BACKGROUND}">{text}</span>{why}<sup>△</sup></a>'
    if display == UnsupportedDisplay.HIDE:
        hidden = QCoreApplication.translate("SummaryRender", "[hidden: not supported by the source]")
        return f'{why}<span style="color:{HIDDEN}">{hidden}</span></a>'
    if display == UnsupportedDisplay.STRIKE:
        return f'<span style="color:{UNSUPPORTED}; text-decoration:line-through">{text}</span>{why}<sup>✗</sup></a>'
    not_in_source = QCoreApplication.translate("SummaryRender", "not in source")
    return (
        f'<span style="color:{UNSUPPORTED}; background-color:{UNSUPPORTED_BACKGROUND}; text-decoration:underline">'
        f"{text}</span>"
        f"{why}<sup>✗ {not_in_source}</sup></a>"
    )


def guard_mark_html(hit: GuardHit) -> str:
    """The red mark after a sentence the claims guard flagged (e.g. one that calls 독도 Japanese)."""
    label = QCoreApplication.translate("SummaryRender", "⚠ Not factual:")
    return f' <span style="color:{UNSUPPORTED}; font-weight:bold">{label} {html.escape(hit.correction)}</span>'


def _guard_marks(state: SummaryState) -> list[tuple[int, str]]:
    """(offset just after the flagged sentence, mark html), in text order."""
    marks: list[tuple[int, str]] = []
    for hit in state.guard_hits:
        at = state.text.find(hit.sentence)
        if at >= 0:
            marks.append((at + len(hit.sentence), guard_mark_html(hit)))
    return sorted(marks)


def _plain_with_marks(text: str, start: int, end: int, marks: list[tuple[int, str]]) -> str:
    out: list[str] = []
    cursor = start
    for offset, mark in marks:
        if start < offset <= end:
            out += [html.escape(text[cursor:offset]), mark]
            cursor = offset
    out.append(html.escape(text[cursor:end]))
    return "".join(out)


def summary_body_html(state: SummaryState, display: UnsupportedDisplay) -> str:
    """The generated text with checked sentences marked; the unchecked tail stays plain."""
    out: list[str] = []
    marks = _guard_marks(state)
    cursor = 0
    for verdict in state.verdicts:
        at = state.text.find(verdict.text, cursor)
        if at < 0:
            continue
        out.append(_plain_with_marks(state.text, cursor, at, marks))
        out.append(_sentence_html(verdict, display))
        cursor = at + len(verdict.text)
        out += [mark for offset, mark in marks if at < offset <= cursor]
    out.append(_plain_with_marks(state.text, cursor, len(state.text), marks))
    return "".join(out).strip().replace("\n", "<br>")


def notice_html(notice: Notice) -> str:
    """A task's notice; its ``link`` phrase becomes a link the pane follows (``action:models`` → 모델 관리)."""
    text = html.escape(notice.text)
    if notice.link and notice.action and notice.link in notice.text:
        link = html.escape(notice.link)
        text = text.replace(link, f'<a href="action:{html.escape(notice.action)}">{link}</a>', 1)
    return f'<p style="color:{NOTICE}">{text}</p>'


def _shown_verdicts(state: SummaryState) -> list[SentenceVerdict]:
    return [v for v in state.verdicts if v.text in state.text]


def render_html(state: SummaryState, display: UnsupportedDisplay) -> str:
    parts: list[str] = []
    if state.quotes:
        heading = QCoreApplication.translate("SummaryRender", "Key sentences (quoted from the document)")
        parts.append(f"<h3>{heading}</h3><ul>")
        for index in state.shown:
            quote = state.quotes[index]
            where = html.escape(quote.label) if quote.label else QCoreApplication.translate("SummaryRender", "source")
            parts.append(
                f'<li>“{html.escape(quote.text)}” <a href="src:{index}" style="text-decoration:none">'
                f'<span style="color:{LINK}">[{where}]</span></a></li>'
            )
        parts.append("</ul>")
    parts += [notice_html(n) for n in state.notices]
    if state.text.strip():
        label = QCoreApplication.translate("SummaryRender", "AI summary — written by the model; check marked sentences")
        if state.small_model:
            label = QCoreApplication.translate(
                "SummaryRender", "AI summary — written by the small built-in model; check marked sentences"
            )
        parts.append(f'<h3>{label}</h3><p style="line-height:150%">{summary_body_html(state, display)}</p>')
        shown = _shown_verdicts(state)
        flagged = [v for v in shown if v.label != "supported"]
        if state.finished and shown:
            parts.append(
                f'<p style="color:{MUTED}">'
                + QCoreApplication.translate(
                    "SummaryRender", "{checked} sentences checked: {flagged} not fully supported by the document."
                ).format(checked=len(shown), flagged=len(flagged))
                + "</p>"
            )
    return "".join(parts)


def source_html(quote: SourceQuote) -> str:
    """The block around a quote with the quoted sentence highlighted."""
    context = quote.context or quote.text
    at = context.find(quote.text)
    if at < 0:
        body = f'<span style="background-color:{HIGHLIGHT}">{html.escape(quote.text)}</span>'
    else:
        body = (
            html.escape(context[:at])
            + f'<span style="background-color:{HIGHLIGHT}">{html.escape(quote.text)}</span>'
            + html.escape(context[at + len(quote.text) :])
        )
    where = " · ".join(x for x in (html.escape(quote.file), html.escape(quote.label)) if x)
    return f'<p style="color:{MUTED}">{where}</p><p>{body.replace(chr(10), "<br>")}</p>'


def reasons_html(verdict: SentenceVerdict) -> str:
    no_reason = QCoreApplication.translate("SummaryRender", "No reason recorded.")
    reasons = "".join(f"<li>{html.escape(r)}</li>" for r in verdict.reasons) or f"<li>{no_reason}</li>"
    return f"<p><b>{html.escape(verdict.text)}</b></p><ul>{reasons}</ul>"
