"""Issue #15's acceptance: 요약 of the KorQuAD 2.0 paper with the built-in model, in the real 요약 pane.

Before the answer watch the "AI 요약" ran to the token limit with 34 numbered lines, all marked 원문에 없음
("1. 긍정적인 답변 2. 부정적인 답변 …"). Now the pane shows the key quotes, one line saying the model could not
summarize the document (with the way to a better model), and no looped or unsupported line; and the model
stops early: the tokens it sampled are at most a third of the request's max_tokens, all of which the old run
used.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from app.core.events import Notice, Withdraw
from app.gui.dialogs.models_dialog import ModelsDialog
from app.gui.engine_controller import EngineController, EngineState
from app.gui.main_window import MainWindow
from app.tasks.summarize import SummaryRequest
from app.tasks.verdicts import claim_judge
from app.text.degeneration import DegenerationDetector
from app.text.sentences import split_sentences

pytestmark = [pytest.mark.slow, pytest.mark.corpus, pytest.mark.filterwarnings("ignore::DeprecationWarning")]
FINISH_MS = 300_000


def test_korquad_paper_summary_shows_no_junk(qtbot, window: MainWindow, engine: EngineController, corpus: Path) -> None:
    paper = corpus / "pdf" / "korquad2-paper-hclt2019.pdf"
    pane = window.summarize_pane
    qtbot.waitUntil(lambda: engine.state == EngineState.READY, timeout=120_000)
    seen: list[object] = []
    assert pane.summarize_file(paper)
    assert pane.runner is not None
    pane.runner.yielded.connect(seen.append)
    with qtbot.waitSignal(pane.task_finished, timeout=FINISH_MS) as finished:
        pass
    assert finished.args == ["done"], pane.last_error
    shown = " ".join(pane.result.toPlainText().split())  # HTML shows a quote's line breaks as spaces

    # The key quotes, exactly as in the document.
    assert pane.state.quotes and pane.state.shown
    for index in pane.state.shown:
        assert " ".join(pane.state.quotes[index].text.split()) in shown

    # No looped line, no unsupported generated sentence on the screen.
    summary = pane.state.text
    detector = DegenerationDetector("\n".join(q.text for q in pane.state.quotes))
    assert all(detector.feed(summary[i : i + 3]) is None for i in range(0, len(summary), 3)), summary
    lines = [line.strip() for line in summary.splitlines() if line.strip()]
    assert len(lines) == len(set(lines)), summary
    judge = claim_judge([q.text for q in pane.state.quotes])
    assert not [s.text for s in split_sentences(summary) if judge(s.text).label == "unsupported"]

    # Something was withdrawn (this model cannot summarize the paper), and one line says so, with its link.
    assert any(isinstance(e, Withdraw) for e in seen)
    notices = [e for e in seen if isinstance(e, Notice) and e.action == "models"]
    assert len(notices) == 1
    assert "핵심 문장만 보여 드립니다" in notices[0].text
    assert notices[0].text in shown
    assert 'href="action:models"' in pane.result.toHtml() or "action:models" in pane.result.toHtml()

    # The link leads to 모델 관리.
    pane._on_anchor(QUrl("action:models"))
    qtbot.waitUntil(lambda: bool(_open_models_dialogs(window)), timeout=5000)
    for dialog in _open_models_dialogs(window):
        dialog.close()

    # Stopped early: tokens sampled, deterministic, against the max_tokens the old run used up.
    assistant = engine.assistant
    assert assistant is not None and assistant.last_generation is not None
    sampled = assistant.last_generation.stats.completion_tokens
    assert sampled * 3 <= SummaryRequest().max_new_tokens, sampled


def _open_models_dialogs(window: MainWindow) -> list[ModelsDialog]:
    return [d for d in window.findChildren(ModelsDialog) if d.isVisible()]
