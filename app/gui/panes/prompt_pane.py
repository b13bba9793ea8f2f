"""초안 and 질문 panes: the user types, the model streams its answer."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app.core.cancel import CancelToken
from app.core.events import Event
from app.gui.panes.base import TaskPane
from app.tasks.assistant import Assistant
from app.tasks.freeform import ask

AssistantSource = Callable[[CancelToken], Iterator[Event | Assistant]]
FreeformTask = Callable[..., Iterator[Event]]


class _PromptPane(TaskPane):
    def __init__(
        self,
        assistant_source: AssistantSource,
        task: FreeformTask,
        intro: str,
        placeholder: str,
        button: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._assistant_source = assistant_source
        self._task = task
        self.intro = QLabel(intro)
        self.intro.setObjectName("hint")
        self.intro.setWordWrap(True)
        self.input = QPlainTextEdit()
        self.input.setPlaceholderText(placeholder)
        self.input.setMaximumHeight(110)
        self.run_button = QPushButton(button)
        self.run_button.setObjectName("primary")
        self.run_button.clicked.connect(self.start)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.run_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.input)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)

    def start(self) -> bool:
        text = self.input.toPlainText()
        source = self._assistant_source
        task = self._task

        def run(cancel: CancelToken) -> Iterator[Event]:
            assistant: Assistant | None = None
            for item in source(cancel):
                if isinstance(item, Assistant):
                    assistant = item
                else:
                    yield item
            assert assistant is not None
            yield from task(assistant, text, cancel=cancel)

        return self.run_task(run)

    def set_inputs_enabled(self, enabled: bool) -> None:
        self.input.setReadOnly(not enabled)
        self.run_button.setEnabled(enabled)


class AskPane(_PromptPane):
    def __init__(self, assistant_source: AssistantSource, parent: QWidget | None = None) -> None:
        super().__init__(
            assistant_source,
            ask,
            QCoreApplication.translate(
                "AskPane", "Ask a question. Answers come from the local model; nothing leaves this computer."
            ),
            QCoreApplication.translate("AskPane", "e.g. What should a weekly report contain?"),
            QCoreApplication.translate("AskPane", "Ask"),
            parent,
        )
