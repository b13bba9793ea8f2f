"""A question on a guarded topic starts with Baro's fixed answer: in the 질문 pane and in the quick-ask popup.

The pane's library holds only unrelated office documents, so the model is never asked (NoModel would fail);
the popup asks the real default model without the library, and the rule's statement still comes first.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from app.gui.main_window import MainWindow
from app.gui.panes.ask_pane import AskPane
from app.gui.quick_ask import PopupResult, QuickAskPopup
from app.tasks.ask import NOTHING_FOUND
from tests.guarded_questions import PANE, POPUP, asked, statements
from tests.gui.test_ask_pane import INDEX_MS, NoModel, _add_folder
from tests.gui.test_quick_ask import ANSWER_MS, kiwi_loaded  # noqa: F401  (fixture)
from tests.gui.xvfb import collect_qt_garbage  # noqa: F401  (autouse fixture)
from tests.unit.tasks.ask_library import write_library

STATEMENTS = statements()


@pytest.fixture
def pane(qtbot, tmp_path: Path) -> AskPane:
    widget = AskPane(NoModel(), tmp_path / "library.sqlite3", open_url=lambda url: None)
    qtbot.addWidget(widget)
    widget.show()
    _add_folder(qtbot, widget, write_library(tmp_path / "문서"))
    return widget


def test_pane_answers_each_guarded_topic_with_the_rule_first(qtbot, pane: AskPane) -> None:
    for rule_id, question in asked(PANE):
        pane.input.setText(question)
        with qtbot.waitSignal(pane.task_finished, timeout=INDEX_MS) as finished:
            assert pane.ask()
        assert finished.args == ["done"], question
        assert pane.view.fixed is not None and pane.view.fixed.rule_id == rule_id, question
        assert pane.view.fixed_answer.isVisible()
        assert html.escape(STATEMENTS[rule_id]) in pane.view.fixed_answer.text()
        assert pane.view.shown_text().startswith(STATEMENTS[rule_id])
        assert pane.view.output.toPlainText() == NOTHING_FOUND  # the library has nothing on it: no guessing


def test_an_ordinary_question_after_a_guarded_one_has_no_fixed_answer(qtbot, pane: AskPane) -> None:
    for question in ("독도는 어느 나라 땅인가요?", "독도 가는 배편 알려 줘"):
        pane.input.setText(question)
        with qtbot.waitSignal(pane.task_finished, timeout=INDEX_MS):
            assert pane.ask()
    assert pane.view.fixed is None and not pane.view.fixed_answer.isVisible()


def test_a_guarded_question_is_answered_even_before_any_folder_is_added(qtbot, tmp_path: Path) -> None:
    empty = AskPane(NoModel(), tmp_path / "empty.sqlite3", open_url=lambda url: None)
    qtbot.addWidget(empty)
    empty.input.setText("김치는 어느 나라 음식인가요?")
    with qtbot.waitSignal(empty.task_finished, timeout=INDEX_MS) as finished:
        assert empty.ask()
    assert finished.args == ["done"]
    assert empty.view.shown_text().startswith(STATEMENTS["kr.kimchi.origin"])


@pytest.mark.slow
def test_popup_answers_each_guarded_topic_with_the_rule_first(
    qtbot,
    kiwi_loaded: None,  # noqa: F811
    window: MainWindow,
    tmp_path: Path,
) -> None:
    opened: list[PopupResult] = []
    popup = QuickAskPopup(window.assistant_when_ready, tmp_path / "library.sqlite3", opened.append)
    qtbot.addWidget(popup)
    for rule_id, question in asked(POPUP):
        popup.popup()
        popup.input.setText(question)
        with qtbot.waitSignal(popup.task_finished, timeout=ANSWER_MS) as finished:
            assert popup.ask()
        assert finished.args == ["done"], popup.last_error
        assert popup.view.fixed is not None and popup.view.fixed.rule_id == rule_id, question
        assert popup.answer_text().startswith(STATEMENTS[rule_id])
    popup.open_in_main_window()
    assert opened[-1].text.startswith(STATEMENTS["kr.hangul.creation"])
