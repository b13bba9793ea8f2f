"""질문 pane: a real library in tmp_path, the real index, and (for the slow test) the real default model."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCharFormat, QTextCursor

from app.core.cancel import CancelToken
from app.core.events import Event
from app.gui.library.answer_view import ShownSource
from app.gui.main_window import MainWindow
from app.gui.panes.ask_pane import AskPane
from app.tasks.ask import NOTHING_FOUND
from app.tasks.assistant import Assistant
from tests.unit.tasks.ask_library import MEETING, TRAVEL_RULES, write_library

INDEX_MS = 60_000
ANSWER_MS = 240_000


class NoModel:
    """An assistant source for paths that must not need the model: records whether it was asked."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, cancel: CancelToken) -> Iterator[Event | Assistant]:
        self.calls += 1
        raise AssertionError("the model was asked for")
        yield  # pragma: no cover


@pytest.fixture
def opened() -> list[QUrl]:
    return []


@pytest.fixture
def pane(qtbot, tmp_path: Path, opened: list[QUrl]) -> AskPane:
    widget = AskPane(NoModel(), tmp_path / "library.sqlite3", open_url=opened.append)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _add_folder(qtbot, pane: AskPane, folder: Path) -> None:
    with qtbot.waitSignal(pane.library.indexing_finished, timeout=INDEX_MS) as finished:
        assert pane.library.add_paths([folder])
    assert finished.args == ["done"]


def test_an_unrelated_question_says_nothing_relevant_without_the_model(qtbot, pane: AskPane, tmp_path: Path) -> None:
    _add_folder(qtbot, pane, write_library(tmp_path / "문서"))
    assert pane.library.roots_list.count() == 1
    pane.input.setText("화성 탐사 로버의 배터리 수명은 몇 년인가?")
    with qtbot.waitSignal(pane.task_finished, timeout=INDEX_MS) as finished:
        assert pane.ask()
    assert finished.args == ["done"]
    assert pane.view.output.toPlainText() == NOTHING_FOUND
    assert "찾지 못했습니다" in pane.view.output.toPlainText()
    assert pane.sources_view.toPlainText() == ""


def _format_over(pane: AskPane, text: str) -> QTextCharFormat:
    document = pane.view.output.document()
    at = document.toPlainText().index(text)
    cursor = QTextCursor(document)
    cursor.setPosition(at + 2)
    return cursor.charFormat()


def test_an_unsupported_sentence_is_marked_with_its_reason(qtbot, pane: AskPane, tmp_path: Path) -> None:
    travel = tmp_path / "출장규정.md"
    sources = [
        ShownSource(1, travel, "출장 규정", "1문단", TRAVEL_RULES),
        ShownSource(2, tmp_path / "회의록.txt", "회의록", "2문단", MEETING),
    ]
    good = "해외 출장 숙박비는 1박에 20만 원까지 지원합니다 [1]."
    bad = "출장 보고서는 복귀 후 5일 이내에 제출하지 않아도 됩니다."
    sentences = pane.show_checked_answer(f"{good} {bad}", sources)
    assert [s.label for s in sentences] == ["supported", "unsupported"]

    marked = _format_over(pane, bad)
    assert marked.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert sentences[1].reasons and sentences[1].reasons[0] in marked.toolTip()
    plain = _format_over(pane, good)
    assert plain.underlineStyle() != QTextCharFormat.UnderlineStyle.WaveUnderline
    assert plain.isAnchor() and plain.anchorHref().startswith("source:1:")

    pane._on_answer_link(QUrl(plain.anchorHref()))  # the link shows its span in the sources
    assert "20만 원" in pane.sources_view.toHtml() and "#ffe58f" in pane.sources_view.toHtml()


def test_a_failed_file_is_listed_and_indexing_goes_on(qtbot, pane: AskPane, tmp_path: Path) -> None:
    folder = write_library(tmp_path / "문서")
    (folder / "깨진.docx").write_bytes(b"PK\x03\x04 not really a zip")
    _add_folder(qtbot, pane, folder)
    failures = [pane.library.failures_list.item(i).text() for i in range(pane.library.failures_list.count())]
    assert any(f.startswith("깨진.docx — ") for f in failures)
    assert "3" in pane.library.roots_list.item(0).text()


@pytest.mark.timeout(300)  # a FIFO once blocked the indexing thread forever
@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")
def test_fifos_and_devices_are_listed_as_unreadable(qtbot, pane: AskPane, tmp_path: Path) -> None:
    folder = write_library(tmp_path / "문서")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    _add_folder(qtbot, pane, folder)
    failures = [pane.library.failures_list.item(i).text() for i in range(pane.library.failures_list.count())]
    assert any(f.startswith("pipe.txt — ") and "일반 파일이 아니어서" in f and "파이프" in f for f in failures)
    assert any(f.startswith("zero.txt — ") and "장치 파일" in f for f in failures)
    assert "3" in pane.library.roots_list.item(0).text()


def test_a_file_added_to_a_watched_folder_is_indexed(qtbot, pane: AskPane, tmp_path: Path) -> None:
    folder = write_library(tmp_path / "문서")
    _add_folder(qtbot, pane, folder)
    with qtbot.waitSignal(pane.library.indexing_finished, timeout=INDEX_MS):
        (folder / "인사" / "휴가규정.txt").write_text("연차 휴가는 1년에 15일이 주어진다.", encoding="utf-8")
    assert "4" in pane.library.roots_list.item(0).text()


@pytest.mark.slow
def test_add_a_folder_ask_and_see_cited_sources(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    opened: list[QUrl] = []
    pane = window.ask_pane
    monkeypatch.setattr(pane, "_open_url", opened.append)
    window.show_pane(2)
    _add_folder(qtbot, pane, write_library(tmp_path / "문서"))
    pane.input.setText("해외 출장 숙박비는 1박에 얼마까지 지원되나요?")
    with qtbot.waitSignal(pane.task_finished, timeout=ANSWER_MS) as finished:
        assert pane.ask()
    assert finished.args == ["done"], pane.last_error
    data = pane.last_result.result.to_json() if pane.last_result and pane.last_result.result else {}
    assert data["relevant"] and data["answer"]
    assert data["sources"][0]["file"].endswith("출장규정.md")
    assert "출장규정.md" in pane.sources_view.toPlainText()
    assert pane.view.output.toPlainText().strip()
    pane._on_source_link(QUrl("open:1"))
    assert opened and opened[0].toLocalFile().endswith("출장규정.md")

    pane.input.setText("출장 보고서는 언제까지 제출하나요?")  # a follow-up reuses the cached passages
    with qtbot.waitSignal(pane.task_finished, timeout=ANSWER_MS):
        assert pane.ask()
    follow = pane.last_result.result.to_json() if pane.last_result and pane.last_result.result else {}
    assert follow["reused_sources"] == len(data["sources"])
    assert follow["timing"]["cached_tokens"] > 0.5 * follow["timing"]["prompt_tokens"]
