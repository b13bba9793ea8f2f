"""The 답의 다양성 (temperature) setting reaches the sampler of every task, with the real default model."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.events import Done, Event
from app.store.settings import Settings, save_settings
from app.store.templates import find_template
from app.tasks.assistant import Assistant
from app.tasks.drafting import DraftRequest, write_draft
from app.tasks.model_choice import plan_model
from app.tasks.quick_answer import answer_question

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def assistant(default_model_path: Path) -> Iterator[Assistant]:
    # The untuned base: the tuned default is so sure of its few answer shapes that even 1.8 often keeps them,
    # and what is tested here is the setting reaching the sampler, whatever the model.
    plan = plan_model(Settings(model="gemma3-270m", temperature=0.0, context_size=1024), default_model_path.parent)
    opened = Assistant.open(plan.model, threads=2, temperature=plan.temperature)
    yield opened
    opened.close()


def _final(events: Iterator[Event]) -> str:
    done = [e for e in events if isinstance(e, Done)]
    return done[-1].text


def test_the_settings_temperature_opens_the_assistant(assistant: Assistant) -> None:
    assert assistant.temperature == 0.0


def test_a_hot_temperature_changes_the_answer_and_greedy_comes_back(assistant: Assistant) -> None:
    question = "회의록을 잘 쓰는 방법을 알려 주세요."
    assistant.temperature = 0.0
    greedy = _final(answer_question(assistant, question))
    assistant.temperature = 1.8
    hot = _final(answer_question(assistant, question))
    assistant.temperature = 0.0
    assert greedy  # the same seed with greedy sampling is repeatable; a hot sampler takes another path
    assert hot != greedy
    assert _final(answer_question(assistant, question)) == greedy
    assert assistant.last_generation is not None


def test_drafts_follow_the_temperature_too(assistant: Assistant) -> None:
    fields = {
        "제목": "회의 일정 변경 안내",
        "받는사람": "한빛상사 김민수 과장",
        "보내는사람": "바로전자 이서연",
        "요점": "금요일 회의를 월요일 오전 10시로 변경\n장소는 그대로 본사 3층",
    }
    request = DraftRequest(find_template("이메일"), fields, max_tokens=40)
    written: list[str] = []
    for temperature in (0.0, 1.8):
        assistant.temperature = temperature
        _final(write_draft(assistant, request))
        assert assistant.last_generation is not None
        written.append(assistant.last_generation.text)  # what the model wrote, before the draft's checks
    assistant.temperature = 0.0
    assert written[0] != written[1]


def test_the_cli_opens_the_model_with_the_saved_temperature(default_model_path: Path) -> None:
    import argparse

    from app.cli.model_options import open_assistant

    save_settings(Settings(temperature=0.7, context_size=512))
    args = argparse.Namespace(model=None, ctx=None, threads=1, load_anyway=False, engine=None, engine_model=None)
    opened = open_assistant(args)
    try:
        assert opened.temperature == 0.7
        assert opened.model.n_ctx == 512
    finally:
        opened.close()
