"""The status line every pane shows for its task: stage, progress, notices (with their links) and 중지."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from app.core.events import AnsweredBy, Done, Notice, Progress, Token
from app.gui.progress import show_fraction


class TaskStatus(QWidget):
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
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("notice")
        self.notice.linkActivated.connect(self._on_notice_link)
        self.notice.hide()
        self.answered_by: AnsweredBy | None = None

        line = QHBoxLayout()
        line.addWidget(self.stage_label, 1)
        line.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(line)
        layout.addWidget(self.progress)
        layout.addWidget(self.notice)

    def begin(self) -> None:
        self.notice.hide()
        self.answered_by = None
        self.stage_label.setText(self.tr("Starting…"))
        self.progress.setRange(0, 0)
        self.stop_button.setEnabled(True)

    def show_event(self, item: object) -> None:
        if isinstance(item, AnsweredBy):
            self.answered_by = item
        elif isinstance(item, Token):
            if self.progress.maximum() == 0 or self.progress.value() < 100:
                self.stage_label.setText(self.tr("Writing…"))
                self.progress.setRange(0, 100)
                self.progress.setValue(100)
        elif isinstance(item, Progress):
            self.stage_label.setText(item.stage)
            show_fraction(self.progress, item.fraction)
        elif isinstance(item, Notice):
            self.show_notice(item)

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

    def finish(self, _done: Done | None = None) -> None:
        if self.answered_by is None:  # no model wrote anything (e.g. a fixed answer only)
            self.stage_label.setText(self.tr("Done"))
        else:
            self.stage_label.setText(self.tr("Done · answered by {who}").format(who=self.answered_by.who))
        self._settle(100)

    def fail(self, message: str) -> None:
        """A task failed, or the pane refuses to start one: the reason, in Korean, where the user looks."""
        self.stage_label.setText(self.tr("Failed"))
        self._settle(0)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setText(message)
        self.notice.show()

    def stopped(self) -> None:
        self.stage_label.setText(self.tr("Stopped"))
        self._settle(0)

    def _settle(self, value: int) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(value)
        self.stop_button.setEnabled(False)

    def _on_notice_link(self, action: str) -> None:
        self.link_activated.emit(action)
