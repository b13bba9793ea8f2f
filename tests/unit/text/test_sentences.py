"""Sentence splitting reads every character once, in pieces of bounded length, so its work is linear."""

from __future__ import annotations

import itertools
import random
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from app.core.document import Block, Document
from app.core.locations import Location
from app.text import keysentences, morphemes, sentences
from app.text.keysentences import analysed_share, rank_key_sentences
from app.text.kiwi import kiwi
from app.text.sentences import MAX_PIECE_CHARS, analysis_pieces, split_sentences

WORDS = ["회의에서", "예산을", "검토하고", "다음", "분기", "계획을", "세웠다", "시민", "안전", "대책", "마련", "위해"]


def one_line_without_breaks(chars: int, seed: int = 1) -> str:
    """Words and spaces, no punctuation and no line break: what made the splitter take ~20 s per 200,000."""
    rng = random.Random(seed)
    words: list[str] = []
    size = 0
    while size < chars:
        words.append(rng.choice(WORDS))
        size += len(words[-1]) + 1
    return " ".join(words)[:chars]


class RecordingKiwi:
    """The real Kiwi, noting every text it is asked to analyse."""

    def __init__(self) -> None:
        self.real = kiwi()
        self.texts: list[str] = []

    def split_into_sents(self, texts: Iterable[str], **options: Any) -> Any:
        listed = [texts] if isinstance(texts, str) else list(texts)
        self.texts.extend(listed)
        return self.real.split_into_sents(listed, **options)

    def tokenize(self, texts: str | Iterable[str], **options: Any) -> Any:
        if isinstance(texts, str):
            self.texts.append(texts)
            return self.real.tokenize(texts, **options)
        listed = list(texts)
        self.texts.extend(listed)
        return self.real.tokenize(listed, **options)


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> RecordingKiwi:
    recording = RecordingKiwi()
    for module in (sentences, keysentences, morphemes):
        monkeypatch.setattr(module, "kiwi", lambda: recording)
    return recording


def test_pieces_cover_the_text_exactly_and_none_is_too_long() -> None:
    text = one_line_without_breaks(50_000)
    pieces = analysis_pieces(text)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))
    assert max(b - a for a, b in pieces) <= MAX_PIECE_CHARS
    assert len(pieces) <= 2 * len(text) // MAX_PIECE_CHARS + 1  # cuts fall in each piece's second half
    assert all(text[b - 1] == " " for _, b in pieces[:-1]), "without sentence ends, cuts follow a space"


def test_pieces_are_cut_after_a_sentence_end_when_there_is_one() -> None:
    sentence = "정부는 오늘 새로운 예산안을 발표했다. "
    text = sentence * 60
    pieces = analysis_pieces(text)
    assert len(pieces) > 1
    assert all(text[a:b].endswith("다. ") for a, b in pieces[:-1])


def test_a_run_without_spaces_is_never_cut_inside_a_syllable() -> None:
    decomposed = unicodedata.normalize("NFD", "한국어문장" * 300)  # each syllable is two or three jamo
    accented = "e\u0301" * 1000  # e + combining acute
    for text in (decomposed, accented):
        pieces = analysis_pieces(text)
        assert max(b - a for a, b in pieces) <= MAX_PIECE_CHARS
        for _, cut in pieces[:-1]:
            assert not (0x1160 <= ord(text[cut]) <= 0x11FF) and unicodedata.combining(text[cut]) == 0


def test_splitting_a_long_unbroken_line_reads_each_character_once(recorder: RecordingKiwi) -> None:
    text = one_line_without_breaks(20_000)
    found = split_sentences(text)
    assert max(len(t) for t in recorder.texts) <= MAX_PIECE_CHARS
    assert sum(len(t) for t in recorder.texts) == len(text)  # the work per character is bounded: linear
    assert found and all(text[s.start : s.end] == s.text for s in found)
    assert found[0].start == 0 and found[-1].end == len(text)


def test_prose_splits_the_same_in_pieces_as_whole() -> None:
    paragraph = (
        "정부는 오늘 새로운 예산안을 발표했다. 시민 안전 대책 마련을 위해 관계 부처가 협력하기로 했다! "
        "이번 대책은 언제부터 시행되는가? 내년 1월부터 전국에서 시행된다. "
    ) * 20
    assert len(paragraph) > 3 * MAX_PIECE_CHARS
    whole = [paragraph[s.start : s.end].strip() for s in kiwi().split_into_sents(paragraph)]
    assert [s.text for s in split_sentences(paragraph)] == [s for s in whole if s]


def test_morphemes_of_a_long_text_keep_their_offsets(recorder: RecordingKiwi) -> None:
    text = "시민 안전 대책을 마련했다. " * 200
    found = morphemes.analyse(text)
    assert max(len(t) for t in recorder.texts) <= MAX_PIECE_CHARS
    nouns = [m for m in found if m.tag == "NNG"]
    assert len(nouns) == 800  # 시민 안전 대책 마련, 200 times
    assert all(text[m.start : m.start + m.length] == m.form for m in nouns)


def test_key_sentences_of_a_very_long_document_read_an_even_sample(
    recorder: RecordingKiwi, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keysentences, "ANALYSIS_BUDGET_CHARS", 20_000)
    text = one_line_without_breaks(200_000)
    doc = Document(Path("long.txt"), "long", "txt", [Block(text, Location(line=1))])
    ranked = list(rank_key_sentences(doc))
    analysed = sum(len(t) for t in recorder.texts)
    assert 20_000 <= analysed <= 20_000 + MAX_PIECE_CHARS
    assert max(len(t) for t in recorder.texts) <= MAX_PIECE_CHARS
    assert analysed_share(doc) == pytest.approx(0.1)
    starts = sorted(s.start for s in ranked)
    assert starts[0] < 20_000 and starts[-1] > 180_000, "the sample spans the whole document"
    assert all(text[s.start : s.end] == s.text for s in ranked)
