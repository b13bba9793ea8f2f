"""Unsupported sentences are visibly marked, with the real support checker and real article text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.core.events import Done, KeyPoints, Quote, Token
from app.core.locations import Location
from app.gui.main_window import MainWindow
from app.gui.panes.summary_render import SummaryState, UnsupportedDisplay, render_html
from app.tasks.answer_watch import AnswerWatch
from app.tasks.results import SummaryResult
from app.tasks.verdicts import claim_judge

SOURCE = "오픈AI가 챗GPT 논문을 내지 않고 블로그로만 공개했는데, 이후 구글도 논문을 공개하지 않게 됐다."
GENERATED = "오픈AI가 챗GPT 논문을 내놓고 블로그에도 공개했다.\n구글도 논문을 공개하지 않게 됐다."


def _events() -> list[object]:
    quotes = (Quote(0, SOURCE, Location(line=30), "기사.txt", SOURCE),)
    watch = AnswerWatch(judge=claim_judge([SOURCE]), acting=False)  # marks the claim, withdraws nothing
    events: list[object] = [KeyPoints(quotes, (0,))]
    for piece in GENERATED.split(" "):
        token = piece + " "
        events.append(Token(token))
        events.extend(watch.feed(token))
    events.extend(watch.finish())
    events.append(Done(GENERATED, SummaryResult.of_text(GENERATED)))
    return events


def test_the_inverted_claim_is_marked_and_the_true_one_links_its_source(qtbot, window: MainWindow) -> None:
    pane = window.summarize_pane
    for event in _events():
        pane._on_event(event)
    labels = [v.label for v in pane.state.verdicts]
    assert labels[0] == "unsupported", pane.state.verdicts[0]
    assert labels[1] == "supported"
    html = pane.result.toHtml()
    assert "원문에 없음" in html
    assert "#b01e1e" in html.lower()
    assert 'href="src:0"' in html
    # Clicking the mark shows why.
    from PySide6.QtCore import QUrl

    pane._on_anchor(QUrl("why:0"))
    assert pane.source_panel.isVisible()
    assert "내지 않고" in pane.source_panel.toPlainText()


@pytest.mark.parametrize("display", list(UnsupportedDisplay))
def test_each_display_setting(qtbot, display: UnsupportedDisplay) -> None:
    state = SummaryState()
    for event in _events():
        if isinstance(event, KeyPoints):
            state.take_key_points(event)
        elif isinstance(event, Token):
            state.text += event.text
        elif hasattr(event, "label"):
            state.verdicts.append(event)  # type: ignore[arg-type]
    html = render_html(state, display)
    if display == UnsupportedDisplay.HIDE:
        assert "내놓고" not in html
    elif display == UnsupportedDisplay.STRIKE:
        assert "line-through" in html and "내놓고" in html
    else:
        assert "underline" in html and "내놓고" in html


def test_history_follows_the_settings(qtbot) -> None:
    from app.core.events import Done as DoneEvent
    from app.gui.panes.summarize_pane import SummarizePane
    from app.store.history import History
    from app.store.paths import app_paths
    from app.store.settings import update_settings

    update_settings({"history_enabled": False})
    pane = SummarizePane(lambda _cancel: iter(()))
    qtbot.addWidget(pane)
    pane._remember(DoneEvent("요약", replace(SummaryResult.of_text("요약"), title="보고서")))
    history = History.open(app_paths().history_db)
    assert history.recent("summary") == []
    update_settings({"history_enabled": True})
    pane._remember(DoneEvent("요약", replace(SummaryResult.of_text("요약"), title="보고서")))
    assert [e.title for e in history.recent("summary")] == ["보고서"]
    history.close()


def test_streamed_tokens_re_render_at_most_every_100_ms_and_done_at_once(qtbot, window: MainWindow) -> None:
    pane = window.summarize_pane
    renders: list[str] = []
    set_html = pane.result.setHtml
    pane.result.setHtml = lambda html: (renders.append(html), set_html(html))  # type: ignore[method-assign]
    events = _events()
    pane._on_event(events[0])  # the key sentences: at once
    assert len(renders) == 1
    for event in events[1:-1]:
        pane._on_event(event)
    assert len(renders) == 1, "a burst of tokens waits for the next render"
    qtbot.waitUntil(lambda: len(renders) == 2, timeout=1000)
    assert "블로그에도" in pane.result.toPlainText()
    pane._on_event(events[-1])
    assert len(renders) == 3 and pane.state.finished
    qtbot.wait(150)
    assert len(renders) == 3, "nothing left pending after Done"
