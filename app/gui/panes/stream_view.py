"""The shared bottom half of every pane: progress, a streamed result, and a 중지 button."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.events import AnsweredBy, Done, FixedAnswer, GuardHit, Notice, Progress, Token, Withdraw
from app.core.streamed import StreamedText
from app.gui.progress import show_fraction
from app.gui.verdict_style import UNSUPPORTED, guard_format


class StreamView(QWidget):
    stop_requested = Signal()
    link_activated = Signal(str)
    """A notice's link was followed: its action ("models" = 모델 관리)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop_requested)
        self.output = QTextBrowser()
        self.output.setOpenExternalLinks(False)
        self.output.setObjectName("output")
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("notice")
        self.notice.linkActivated.connect(self._on_notice_link)
        self.notice.hide()
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
        self.answered_by: AnsweredBy | None = None

        status = QHBoxLayout()
        status.addWidget(self.stage_label, 1)
        status.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(status)
        layout.addWidget(self.progress)
        layout.addWidget(self.notice)
        layout.addWidget(self.guard_notice)
        layout.addWidget(self.fixed_answer)
        layout.addWidget(self.output, 1)

    def begin(self) -> None:
        self.output.clear()
        self.streamed = StreamedText()
        self.notice.hide()
        self.guard_hits = []
        self.guard_notice.hide()
        self.clear_fixed_answer()
        self.answered_by = None
        self.stage_label.setText(self.tr("Starting…"))
        self.progress.setRange(0, 0)
        self.stop_button.setEnabled(True)

    def show_event(self, item: object) -> None:
        if isinstance(item, AnsweredBy):
            self.answered_by = item
        elif isinstance(item, Withdraw):
            self.withdraw(item)
        elif isinstance(item, Token):
            self.streamed.add(item)
            cursor = self.output.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(item.text, QTextCharFormat())  # plain, not the red of a marked sentence before it
            self.output.setTextCursor(cursor)
            self.output.ensureCursorVisible()
            if self.progress.maximum() == 0 or self.progress.value() < 100:
                self.stage_label.setText(self.tr("Writing…"))
                self.progress.setRange(0, 100)
                self.progress.setValue(100)
        elif isinstance(item, Progress):
            self.stage_label.setText(item.stage)
            show_fraction(self.progress, item.fraction)
        elif isinstance(item, Notice):
            self.show_notice(item)
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

    def show_notice(self, notice: Notice) -> None:
        if notice.link and notice.action and notice.link in notice.text:
            text = html.escape(notice.text)
            link = html.escape(notice.link)
            self.notice.setTextFormat(Qt.TextFormat.RichText)
            self.notice.setText(text.replace(link, f'<a href="{html.escape(notice.action)}">{link}</a>', 1))
        else:
            self.notice.setTextFormat(Qt.TextFormat.PlainText)
            self.notice.setText(notice.text)
        self.notice.show()

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

    def _on_notice_link(self, action: str) -> None:
        self.link_activated.emit(action)

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
        if self.answered_by is None:  # no model wrote anything (e.g. a fixed answer only)
            self.stage_label.setText(self.tr("Done"))
        else:
            self.stage_label.setText(self.tr("Done · answered by {who}").format(who=self.answered_by.who))
        self.progress.setRange(0, 100)
        self.progress.setValue(100)
        self.stop_button.setEnabled(False)
        if not self.output.toPlainText().strip() and done.text:
            self.output.setPlainText(done.text)

    def fail(self, message: str) -> None:
        self.stage_label.setText(self.tr("Failed"))
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.stop_button.setEnabled(False)
        self.notice.setText(message)
        self.notice.show()

    def stopped(self) -> None:
        self.stage_label.setText(self.tr("Stopped"))
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.stop_button.setEnabled(False)
