"""An answer with its sources: sentences marked by their verdict, sources with the matching sentence lit.

Supported sentences link to their source span; a sentence the check could not confirm gets a red wavy
underline and a tooltip with the Korean reason; a partly supported one a dotted orange underline.
Kept free of pane logic so tests can feed it real answer text and real passages.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser

from app.core.events import SentenceVerdict
from app.gui.verdict_style import HIGHLIGHT, LINK, MUTED, verdict_format
from app.tasks.ask import analyse_answer
from app.tasks.results import AnswerSource


@dataclass(frozen=True)
class ShownSource:
    number: int
    path: Path
    title: str
    location: str
    text: str
    highlight: tuple[int, int] | None = None
    cited: bool = False

    @classmethod
    def of(cls, source: AnswerSource) -> ShownSource:
        return cls(
            source.number,
            Path(source.file),
            source.title,
            source.location.label(),
            source.text,
            source.highlight,
            source.cited,
        )


def sentence_format(sentence: SentenceVerdict) -> QTextCharFormat:
    label = sentence.label
    reasons = " ".join(sentence.reasons) or "-"
    tooltip = ""
    if label == "unsupported":
        tooltip = QCoreApplication.translate("AnswerView", "Not supported by the sources: {reasons}")
    elif label == "partial":
        tooltip = QCoreApplication.translate("AnswerView", "Only partly supported: {reasons}")
    fmt = verdict_format(label, tooltip.format(reasons=reasons))
    source, span = sentence.source, sentence.span
    if label != "unsupported" and source is not None:
        fmt.setAnchor(True)
        where = f"source:{source}" + (f":{span[0]}:{span[1]}" if span else "")
        fmt.setAnchorHref(where)
        if label == "supported":
            fmt.setToolTip(
                QCoreApplication.translate("AnswerView", "Supported by source [{n}]").format(n=source)
                if sentence.citation == "model"
                else QCoreApplication.translate(
                    "AnswerView", "Supported by source [{n}] (linked by the check, not cited by the model)"
                ).format(n=source)
            )
    return fmt


def render_answer(browser: QTextBrowser, answer: str, sentences: Sequence[SentenceVerdict]) -> None:
    """Write ``answer`` into ``browser`` with each checked sentence formatted by its verdict."""
    browser.clear()
    cursor = QTextCursor(browser.document())
    plain = QTextCharFormat()
    at = 0
    for sentence in sentences:
        start = answer.find(sentence.text, at)
        if start < 0:
            continue
        cursor.insertText(answer[at:start], plain)
        cursor.insertText(sentence.text, sentence_format(sentence))
        source = sentence.source
        if sentence.citation == "checked" and sentence.label != "unsupported" and source is not None:
            note = QTextCharFormat()
            note.setForeground(QColor(MUTED))
            note.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
            note.setToolTip(
                QCoreApplication.translate("AnswerView", "Source linked by the check; the model did not cite it.")
            )
            cursor.insertText(f"[{source}]", note)
        at = start + len(sentence.text)
    cursor.insertText(answer[at:], plain)


def render_checked_answer(browser: QTextBrowser, answer: str, sources: list[ShownSource]) -> list[SentenceVerdict]:
    """Check ``answer`` against ``sources`` and render it; returns the sentences with their verdicts."""
    sentences = analyse_answer(answer, [s.text for s in sources])
    render_answer(browser, answer, sentences)
    return sentences


def sources_html(sources: list[ShownSource], focus: tuple[int, int, int] | None = None) -> str:
    """Every source: file and place (a link that opens the file), then its passage with a sentence lit.

    ``focus`` is (source number, start, end) of a span a clicked answer sentence points to.
    """
    parts: list[str] = []
    for source in sources:
        span = source.highlight
        if focus is not None and focus[0] == source.number:
            span = (focus[1], focus[2])
        text = source.text
        if span is not None and 0 <= span[0] < span[1] <= len(text):
            body = (
                html.escape(text[: span[0]])
                + f'<span style="background-color:{HIGHLIGHT}">{html.escape(text[span[0] : span[1]])}</span>'
                + html.escape(text[span[1] :])
            )
        else:
            body = html.escape(text)
        where = " · ".join(x for x in (html.escape(source.location),) if x)
        mark = " ✓" if source.cited else ""
        link = f'<a href="open:{source.number}" style="color:{LINK}">{html.escape(source.path.name)}</a>'
        parts.append(
            f'<a name="source-{source.number}"></a><p><b>[{source.number}]</b>{mark} {link}'
            f' <span style="color:{MUTED}">{where}</span><br>{body.replace(chr(10), "<br>")}</p>'
        )
    return "".join(parts)
