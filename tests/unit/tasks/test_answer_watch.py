"""The answer watch on real texts and the real support checker: loops stop, unsupported sentences go,
a mostly unsupported start gives up, and a summary stops at its requested sentences."""

from __future__ import annotations

from app.cli.settled import SettledPrinter
from app.core.events import Event, SentenceVerdict, Token, Withdraw
from app.core.streamed import StreamedText
from app.tasks.answer_watch import AnswerWatch, GiveUpLimits
from app.tasks.verdicts import claim_judge

SOURCE = [
    "KorQuAD 2.0은 위키백과 문서 전체를 지문으로 쓰는 한국어 기계독해 데이터셋이다.",
    "지문에는 표와 리스트가 포함된 HTML 구조가 그대로 남아 있다.",
    "질문은 모두 10만여 개이며 답은 문단이나 표 전체일 수도 있다.",
]
LOOP = "\n".join(f"{i}. {['긍정적인 답변', '부정적인 답변', '무시하는 답변'][(i - 1) % 3]}" for i in range(1, 35))


def pieces(text: str, size: int = 3) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def run(watch: AnswerWatch, text: str) -> tuple[list[Event], int]:
    """Feed ``text`` as tokens until the watch says stop; the events (tokens included) and tokens fed."""
    events: list[Event] = []
    fed = 0
    for piece in pieces(text):
        fed += 1
        events.append(Token(piece))
        events += watch.feed(piece)
        if watch.stop:
            break
    events += watch.finish()
    return events, fed


def shown(events: list[Event]) -> str:
    view = StreamedText()
    for event in events:
        if isinstance(event, Token | Withdraw):
            view.add(event)
    return view.shown.strip()


def test_the_issue_loop_stops_within_a_few_tokens_and_nothing_of_it_shows() -> None:
    watch = AnswerWatch(source="\n".join(SOURCE), judge=claim_judge(SOURCE))
    events, fed = run(watch, LOOP)
    assert watch.stop in {"loop", "given_up"}
    assert fed * 3 < len(LOOP) / 4, "stopped long before the token limit"
    assert shown(events) == "" and watch.kept_text == ""
    assert watch.gave_up
    assert any(isinstance(e, Withdraw) for e in events)


def test_unsupported_sentences_are_withdrawn_and_supported_ones_stay() -> None:
    text = (
        "KorQuAD 2.0은 위키백과 문서 전체를 지문으로 쓰는 한국어 기계독해 데이터셋이다.\n"
        "교육 대상은 물류 협력사 임원이다.\n"
        "지문에는 표와 리스트가 포함된 HTML 구조가 남아 있다.\n"
    )
    watch = AnswerWatch(judge=claim_judge(SOURCE), give_up=GiveUpLimits(first_sentences=3, unsupported_share=0.7))
    events, _ = run(watch, text)
    labels = [e.label for e in events if isinstance(e, SentenceVerdict)]
    assert labels[1] == "unsupported" and labels[0] != "unsupported" and labels[2] != "unsupported"
    assert "교육 대상" not in shown(events) and "교육 대상" not in watch.kept_text
    assert "KorQuAD 2.0" in watch.kept_text and "HTML" in watch.kept_text
    assert not watch.gave_up


def test_a_mostly_unsupported_start_gives_up_and_withdraws_everything() -> None:
    text = "교육 대상은 물류 협력사 임원이다.\n회의는 매주 월요일에 열린다.\n예산은 3천만 원이다.\n다음 문장.\n"
    watch = AnswerWatch(judge=claim_judge(SOURCE))
    events, fed = run(watch, text)
    assert watch.stop == "given_up"
    assert watch.kept_text == "" and shown(events) == ""
    assert fed * 3 < len(text), "stopped before the rest was written"


def test_a_summary_stops_once_its_sentences_are_written() -> None:
    text = "\n".join(SOURCE) + "\n" + SOURCE[0] + "\n"
    watch = AnswerWatch(judge=claim_judge(SOURCE), target_sentences=2)
    events, _ = run(watch, text)
    assert watch.stop == "complete"
    assert watch.kept_text.splitlines() == SOURCE[:2]
    assert shown(events).splitlines() == SOURCE[:2]


def test_an_observing_watch_changes_nothing_but_records_what_it_would_do() -> None:
    watch = AnswerWatch(judge=claim_judge(SOURCE), acting=False)
    events, fed = run(watch, LOOP)
    assert not watch.stop and fed == len(pieces(LOOP))
    assert watch.would_stop in {"loop", "given_up"} and watch.record.stop_token is not None
    assert not any(isinstance(e, Withdraw) for e in events)


def test_the_cli_prints_what_the_gui_shows() -> None:
    text = (
        "KorQuAD 2.0은 위키백과 문서 전체를 지문으로 쓰는 한국어 기계독해 데이터셋이다.\n"
        "교육 대상은 물류 협력사 임원이다.\n"
        "지문에는 표와 리스트가 포함된 HTML 구조가 남아 있다.\n"
    )
    watch = AnswerWatch(judge=claim_judge(SOURCE), give_up=GiveUpLimits(first_sentences=3, unsupported_share=0.7))
    events, _ = run(watch, text)
    printer = SettledPrinter()
    printed = "".join(printer.feed(e) for e in events if isinstance(e, Token | Withdraw | SentenceVerdict))
    printed += printer.finish()
    assert printed.strip() == shown(events) == watch.kept_text
