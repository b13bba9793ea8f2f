"""One streaming sentence splitter for the answer watch and the claims guard."""

from __future__ import annotations

from app.text.sentences import SentenceStream

TEXT = "서울 매출이 늘었다. 부산은 그대로였다.\n인력은 충원하지 않는다."


def test_each_sentence_comes_once_as_soon_as_the_next_has_begun() -> None:
    stream = SentenceStream()
    handed: list[tuple[int, str]] = []
    for at in range(0, len(TEXT), 3):
        if stream.feed(TEXT[at : at + 3]):
            handed += [(len(stream.text), s.text) for s in stream.take()]
    handed += [(len(stream.text), s.text) for s in stream.take(final=True)]
    assert [text for _, text in handed] == ["서울 매출이 늘었다.", "부산은 그대로였다.", "인력은 충원하지 않는다."]
    first_seen = handed[0][0]
    assert first_seen <= TEXT.index("부산") + 3, "the first sentence is handed out within a token of the next"
    for sentence in stream.take(final=True):
        raise AssertionError(f"handed out twice: {sentence}")


def test_offsets_point_into_everything_fed_and_skip_and_upto_are_honoured() -> None:
    stream = SentenceStream()
    stream.feed(TEXT)
    cut = TEXT.index("인력")
    assert [s.text for s in stream.take(upto=cut)] == ["서울 매출이 늘었다."]  # the last one before the cut waits
    second = stream.take(final=True, upto=cut)
    assert [(s.text, TEXT[s.start : s.end]) for s in second] == [("부산은 그대로였다.", "부산은 그대로였다.")]
    assert stream.pending.strip() == "인력은 충원하지 않는다."
    stream.skip()
    assert stream.pending == "" and stream.take(final=True) == []
