"""A streamed answer as it is written (질문, the quick-ask popup): the text, withdrawn parts taken out, the
claims guard's marks and Baro's fixed answer above it. The task's status line is ``TaskStatus``."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.events import Done, FixedAnswer, GuardHit, Token, Withdraw
from app.core.streamed import StreamedText
from app.gui.verdict_style import UNSUPPORTED, guard_format


class StreamView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.output = QTextBrowser()
        self.output.setOpenExternalLinks(False)
        self.output.setObjectName("output")
        self.streamed = StreamedText()
        self.guard_notice = QLabel()
        self.guard_notice.setWordWrap(True)
        self.guard_notice.setObjectName("guardNotice")
        self.guard_notice.setStyleSheet(f"color: {UNSUPPORTED};")
        self.guard_notice.hide()
        self.guard_hits: list[GuardHit] = []
        self.fixed_answer = QLabel()
        self.fixed_answer.setWordWrap(True)
        self.fixed_answer.setObjectName("fixedAnswer")
        self.fixed_answer.setTextFormat(Qt.TextFormat.RichText)
        self.fixed_answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fixed_answer.setStyleSheet(
            "QLabel#fixedAnswer { background: #eef4fb; border: 1px solid #9bb8d9; border-radius: 4px; padding: 8px; }"
        )
        self.fixed_answer.hide()
        self.fixed: FixedAnswer | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.guard_notice)
        layout.addWidget(self.fixed_answer)
        layout.addWidget(self.output, 1)

    def begin(self) -> None:
        self.output.clear()
        self.streamed = StreamedText()
        self.guard_hits = []
        self.guard_notice.hide()
        self.clear_fixed_answer()

    def show_event(self, item: object) -> None:
        if isinstance(item, Withdraw):
            self.withdraw(item)
        elif isinstance(item, Token):
            self.streamed.add(item)
            cursor = self.output.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(item.text, QTextCharFormat())  # plain, not the red of a marked sentence before it
            self.output.setTextCursor(cursor)
            self.output.ensureCursorVisible()
        elif isinstance(item, GuardHit):
            self.show_guard_hit(item)
        elif isinstance(item, FixedAnswer):
            self.show_fixed_answer(item)

    def show_fixed_answer(self, fixed: FixedAnswer) -> None:
        """Baro's answer to a guarded topic, above the model's and marked as Baro's own (the rule's words)."""
        self.fixed = fixed
        heading = html.escape(self.tr("Baro's fixed answer"))
        topic = html.escape(fixed.topic)
        source = html.escape(self.tr("Source: {source}").format(source=fixed.source)) if fixed.source else ""
        note = html.escape(self.tr("Baro always answers this topic so; the model's words below are checked as usual."))
        self.fixed_answer.setText(
            f"<b>{heading}</b> · {topic}<br><span style='font-size:11pt'>{html.escape(fixed.statement)}</span>"
            f"<br><span style='color:#555'>{source}{'<br>' if source else ''}{note}</span>"
        )
        self.fixed_answer.show()

    def clear_fixed_answer(self) -> None:
        self.fixed = None
        self.fixed_answer.clear()
        self.fixed_answer.hide()

    def shown_text(self) -> str:
        """What the view shows as the answer: the fixed answer first, when there is one, then the output."""
        body = self.output.toPlainText().strip()
        return f"{self.fixed.statement}\n\n{body}".strip() if self.fixed is not None else body

    def withdraw(self, item: Withdraw) -> None:
        """Take withdrawn text out of the output (only when this view showed exactly that text)."""
        if not self.streamed.add(item):
            return
        self.output.setPlainText(self.streamed.shown)
        hits, self.guard_hits = self.guard_hits, []
        for hit in hits:
            if hit.sentence in self.streamed.shown:
                self.show_guard_hit(hit)
        if not self.guard_hits:
            self.guard_notice.hide()

    def show_guard_hit(self, hit: GuardHit) -> None:
        """List the correction above the output and underline the sentence in red where it stands."""
        self.guard_hits.append(hit)
        label = self.tr("⚠ Not factual:")
        lines = [f"{label} “{h.sentence}” → {h.correction}" for h in self.guard_hits]
        self.guard_notice.setText("\n".join(lines))
        self.guard_notice.show()
        found = self.output.document().find(hit.sentence)
        if not found.isNull():
            found.mergeCharFormat(guard_format())

    def finish(self, done: Done) -> None:
        if not self.output.toPlainText().strip() and done.text:
            self.output.setPlainText(done.text)
