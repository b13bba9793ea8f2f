"""The degeneration detector on real failure texts (issue #15 and the built-in model's own) and on healthy ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.text.degeneration import Degeneration, DegenerationDetector, DegenerationKind, script_shares

FIXTURES = json.loads((Path(__file__).parent / "fixtures" / "degeneration.json").read_text(encoding="utf-8"))


def stream(text: str, source: str = "", step: int = 2) -> tuple[int, Degeneration] | None:
    """Feed ``text`` a few characters at a time, as tokens arrive; (characters fed, finding) or None."""
    detector = DegenerationDetector(source)
    for at in range(0, len(text), step):
        found = detector.feed(text[at : at + step])
        if found is not None:
            return at + step, found
    return None


@pytest.mark.parametrize("case", FIXTURES["degenerate"], ids=lambda c: c["name"])
def test_real_degenerate_outputs_are_caught_early(case: dict[str, object]) -> None:
    text, source = str(case["text"]), str(case["source"])
    result = stream(text, source)
    assert result is not None, f"{case['name']} was not caught"
    fed, found = result
    assert found.kind == DegenerationKind(str(case["kind"]))
    # Caught within a few tokens of the point where the degenerate span begins.
    assert fed - found.start <= int(str(case["within_chars"])), (fed, found)
    kept = text[: found.start]
    assert stream(kept, source) is None, "what is kept is healthy"


@pytest.mark.parametrize("case", FIXTURES["healthy"], ids=lambda c: c["name"])
def test_healthy_text_is_left_alone(case: dict[str, object]) -> None:
    assert stream(str(case["text"]), str(case["source"])) is None


def test_issue_loop_keeps_the_first_three_items() -> None:
    text = next(c["text"] for c in FIXTURES["degenerate"] if c["name"] == "issue15_numbered_loop")
    result = stream(text)
    assert result is not None
    assert text[: result[1].start].split() == [
        "1.",
        "긍정적인",
        "답변",
        "2.",
        "부정적인",
        "답변",
        "3.",
        "무시하는",
        "답변",
    ]


def test_same_pattern_with_one_word_swapped() -> None:
    text = "회의는 서울에서 열린다. 회의는 부산에서 열린다. 회의는 대구에서 열린다. 회의는 광주에서 열린다."
    result = stream(text)
    assert result is not None and result[1].kind == DegenerationKind.SWAPPED_WORD
    assert result[1].start == 0
    assert stream("회의는 서울에서 열린다. 참석자는 열두 명이다. 안건은 예산이다.") is None


def test_two_word_items_need_a_longer_run() -> None:
    assert stream("- 매출 증가\n- 비용 증가\n- 기타\n") is None
    found = stream("- 매출 증가\n- 비용 증가\n- 인력 증가\n- 재고 증가\n")
    assert found is not None and found[1].kind == DegenerationKind.SWAPPED_WORD


def test_wrong_script_depends_on_the_source() -> None:
    japanese = "요약하면 다음과 같다. 本研究では韓国語の機械読解データセットを構築した。これはウィキペディアの文書を"
    found = stream(japanese)
    assert found is not None and found[1].kind == DegenerationKind.WRONG_SCRIPT
    assert japanese[found[1].start :].startswith("本研究")
    english = "요약: The dataset is built from Korean Wikipedia articles and contains many questions about tables"
    assert stream(english) is not None
    source = "The KorQuAD dataset is built from Wikipedia articles with tables and lists. " * 3
    assert script_shares(source)["latin"] > 0.9
    assert stream(english, source) is None, "English source: English output is not the wrong script"


def test_symbol_and_character_runs() -> None:
    for text in ("결과는 다음과 같다 !!!!!!!!!!!!", "결과는 ----------------", "결과는 ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ"):
        found = stream(text)
        assert found is not None and found[1].kind == DegenerationKind.SYMBOL_RUN, text
        assert text[: found[1].start].strip() == "결과는 다음과 같다" or text[: found[1].start].strip() == "결과는"
    assert stream("가격은 1,000원... 아니 2,000원이다.") is None


def test_a_long_repeated_stretch_is_a_loop() -> None:
    sentence = "이 논문은 한국어 기계독해를 위한 새로운 데이터셋을 제안한다 "
    found = stream(sentence + "그리고 " + sentence + sentence)
    assert found is not None and found[1].kind in {DegenerationKind.REPEATED_SPAN, DegenerationKind.REPEATED_ITEM}
    assert found[1].start >= len(sentence)
