"""What a view shows of a streamed answer once parts of it are withdrawn."""

from __future__ import annotations

from app.core.events import Token, Withdraw
from app.core.streamed import StreamedText, tidy


def test_withdrawn_sentence_leaves_no_trace() -> None:
    view = StreamedText()
    for piece in ("1. 매출이 늘었다.\n", "2. 긍정적인 답변\n", "3. 비용이 줄었다."):
        view.add(Token(piece))
    # "2. 긍정적인 답변" began 22 characters before the end.
    assert view.add(Withdraw("2. 긍정적인 답변", len("2. 긍정적인 답변\n3. 비용이 줄었다."), "unsupported"))
    assert view.shown == "1. 매출이 늘었다.\n3. 비용이 줄었다."


def test_a_withdrawal_of_text_the_view_never_showed_is_ignored() -> None:
    view = StreamedText()
    view.add(Token("제목: 보고서\n"))
    assert not view.add(Withdraw("긍정적인 답변", 5, "loop"))
    assert not view.add(Withdraw("보고서", 100, "loop"))
    assert view.shown == "제목: 보고서\n"


def test_tail_and_middle_withdrawals_combine() -> None:
    view = StreamedText()
    view.add(Token("가는 좋다. 나는 틀렸다. 다는 맞다. 라라라"))
    assert view.add(Withdraw("라라라", 3, "loop"))
    assert view.add(Withdraw("나는 틀렸다.", len("나는 틀렸다. 다는 맞다. 라라라"), "unsupported"))
    assert view.shown == "가는 좋다. 다는 맞다."


def test_tidy_drops_bare_markers_and_empty_lines() -> None:
    assert tidy("1. 첫째\n2. \n\n- \n3. 셋째") == "1. 첫째\n3. 셋째"
