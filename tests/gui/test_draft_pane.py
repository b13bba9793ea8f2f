"""초안 pane: fields in, a streamed and marked draft out; rewrite a selection; export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from app.core.cancel import CancelToken
from app.core.events import Event, Progress
from app.docs import read_in_process
from app.gui.panes.draft_pane import DraftPane
from app.tasks.assistant import Assistant
from app.tasks.drafting import RewriteStyle
from tests.gui.drops import drop
from tests.unit.tasks.draft_fakes import scripted_assistant

WAIT_MS = 60_000


def _pane(qtbot: QtBot, answers: list[str]) -> DraftPane:
    assistant = scripted_assistant(answers)

    def source(cancel: CancelToken) -> Iterator[Event | Assistant]:
        yield Progress("모델 준비", None)
        yield assistant

    pane = DraftPane(source)
    qtbot.addWidget(pane)
    return pane


def _fill_gongmun(pane: DraftPane) -> None:
    pane.select_template("공문")
    pane.set_field("수신", "각 부서장")
    pane.set_field("제목", "정보보안 교육 실시 알림")
    pane.set_field("요점", "정보보안 교육을 실시함\n  - 일시: 2026년 12월 3일 오후 2시\n참석 명단 제출 바람")


def test_pane_writes_a_gongmun_and_replaces_an_unbacked_sentence(qtbot: QtBot, tmp_path: Path) -> None:
    reference = tmp_path / "계획.txt"
    reference.write_text("정보보안 교육은 12월 3일 본관 대회의실에서 열린다.\n", encoding="utf-8")
    pane = _pane(qtbot, ["정보보안 교육은 본관 대회의실에서 열립니다.", "명단은 부산 지사 김철수 대리가 받습니다."])
    _fill_gongmun(pane)
    assert pane.add_reference(reference)
    with qtbot.waitSignal(pane.task_finished, timeout=WAIT_MS) as finished:
        assert pane.start()
    assert finished.args == ["done"]
    text = pane.editor.toPlainText()
    assert text.startswith(
        "수신  각 부서장\n제목  정보보안 교육 실시 알림\n\n1. 정보보안 교육은 본관 대회의실에서 열립니다."
    )
    assert text.endswith("  끝.")
    # The invented sentence never reaches the editor: the user's own point stands in its place.
    assert "김철수" not in text and "2. 참석 명단 제출 바" in text
    assert pane.result is not None and pane.result.problems == ()
    assert [r.sentence for r in pane.result.replacements] == ["명단은 부산 지사 김철수 대리가 받습니다."]
    assert pane.marks_label.isVisible() or not pane.isVisible()
    assert "김철수" in pane.marks_label.text() and "참석 명단 제출" in pane.marks_label.text()
    assert pane.regenerate_button.isEnabled()


def test_every_line_of_a_list_field_reaches_the_draft(qtbot: QtBot) -> None:
    pane = _pane(qtbot, [])
    pane.select_template("보고서")
    editor = pane._editors["요점"]
    assert isinstance(editor, QPlainTextEdit), "a list field is entered one item per line"
    pane.set_field("제목", "물류 운영 개선 보고")
    pane.set_field("요점", "개선 방안: 물류 협력사 추가\n운송 경로 단축\n\n재고 점검 강화")
    with qtbot.waitSignal(pane.task_finished, timeout=WAIT_MS) as finished:
        assert pane.start()
    assert finished.args == ["done"]
    assert pane.last_result is not None and pane.last_result.result.points == 3
    text = pane.editor.toPlainText()
    for point in ("개선 방안: 물류 협력사 추가", "운송 경로 단축", "재고 점검 강화"):
        assert f"○ {point}" in text


def test_rewrite_selection_and_export_hand_edits(qtbot: QtBot, tmp_path: Path) -> None:
    pane = _pane(qtbot, ["교육을 실시합니다.", "명단을 제출해 주세요."])
    _fill_gongmun(pane)
    with qtbot.waitSignal(pane.task_finished, timeout=WAIT_MS):
        pane.start()
    qtbot.waitUntil(lambda: not pane.busy, timeout=WAIT_MS)
    text = pane.editor.toPlainText()
    start = text.index("명단을")
    cursor = pane.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("명단을 제출해 주십시오."), cursor.MoveMode.KeepAnchor)
    pane.editor.setTextCursor(cursor)
    with qtbot.waitSignal(pane.task_finished, timeout=WAIT_MS):
        assert pane.rewrite_selection(RewriteStyle.GAEJO)
    edited = pane.editor.toPlainText()
    assert "2. 명단을 제출해 주시기 바람  끝." in edited
    target = tmp_path / "초안.hwpx"
    assert pane.export_to(target)
    lines = [b.text for b in read_in_process(target).blocks]
    assert "2. 명단을 제출해 주시기 바람 끝." in lines
    assert pane.export_to(tmp_path / "초안.docx")
    assert not pane.export_to(tmp_path / "초안.pdf")
    assert "초안.pdf" in pane.status.notice.text()


def test_missing_field_is_reported_in_korean(qtbot: QtBot) -> None:
    pane = _pane(qtbot, [])
    pane.select_template("이메일")
    with qtbot.waitSignal(pane.task_finished, timeout=WAIT_MS) as finished:
        pane.start()
    assert finished.args == ["failed"]
    assert "채워 주세요" in pane.last_error


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # PySide marks QDragEnterEvent's only constructor so
def test_dropped_files_become_references_as_copies(qtbot: QtBot, tmp_path: Path) -> None:
    pane = _pane(qtbot, [])
    plan = tmp_path / "계획.txt"
    plan.write_text("교육은 12월 3일에 열린다.\n", encoding="utf-8")
    dropped = drop(pane, [plan, plan])
    assert dropped.isAccepted() and dropped.dropAction() == Qt.DropAction.CopyAction
    assert pane.reference_paths_text() == [str(plan)], "once, however often it is dropped"
    assert plan.exists()
