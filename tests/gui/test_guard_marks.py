"""Guard hits are visible where the text is shown: every pane's StreamView and the 요약 renderer."""

from __future__ import annotations

from app.core.events import Done, GuardHit, Token
from app.gui.panes.stream_view import StreamView
from app.gui.panes.summary_render import SummaryState, UnsupportedDisplay, render_html
from app.tasks.guarding import StreamingGuard
from app.tasks.results import SummaryResult

ANSWER = "울릉도는 경상북도에 있습니다. 독도는 일본 땅입니다. 배로 세 시간 걸립니다."


def _events() -> list[object]:
    guard = StreamingGuard(log=False)
    events: list[object] = []
    for piece in ANSWER.split(" "):
        token = piece + " "
        events.append(Token(token))
        events.extend(guard.feed(token))
    events.extend(guard.finish())
    events.append(Done(ANSWER.strip()))
    return events


def test_stream_view_lists_the_correction_and_marks_the_sentence_in_red(qtbot) -> None:
    view = StreamView()
    qtbot.addWidget(view)
    view.show()
    view.begin()
    for event in _events():
        if not isinstance(event, Done):
            view.show_event(event)
    assert [h.rule_id for h in view.guard_hits] == ["kr.dokdo.sovereignty"]
    assert view.guard_notice.isVisible()
    assert "독도는 일본 땅입니다." in view.guard_notice.text()
    assert "대한민국 고유의 영토" in view.guard_notice.text()
    html = view.output.toHtml().lower()
    assert "#b01e1e" in html
    cursor = view.output.document().find("배로 세 시간")
    assert cursor.charFormat().foreground().color().name() != "#b01e1e"  # the next sentence stays plain
    view.begin()
    assert not view.guard_notice.isVisible() and view.guard_hits == []


def test_summary_shows_the_correction_right_after_the_flagged_sentence(qtbot) -> None:
    state = SummaryState(text=ANSWER)
    state.guard_hits = [e for e in _events() if isinstance(e, GuardHit)]
    html = render_html(state, UnsupportedDisplay.MARK)
    flagged_end = html.index("독도는 일본 땅입니다.") + len("독도는 일본 땅입니다.")
    mark = html.index("대한민국 고유의 영토")
    assert flagged_end < mark < html.index("배로 세 시간")
    assert "#b01e1e" in html[flagged_end:mark]


def test_history_entries_are_checked_again(qtbot) -> None:
    state = SummaryState.from_result(SummaryResult.from_json({"summary": ANSWER, "sentences": [], "sources": []}))
    assert [h.rule_id for h in state.guard_hits] == ["kr.dokdo.sovereignty"]
    clean = SummaryState.from_result(SummaryResult.of_text("독도는 한국 땅입니다."))
    assert clean.guard_hits == []
