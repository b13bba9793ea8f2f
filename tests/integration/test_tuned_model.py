"""Baro's tuned model: the base GGUF with the shipped LoRA adapter, loaded by the real llama.cpp worker."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.cancel import CancelToken
from app.core.events import Token
from app.llm.catalog import load_catalog
from app.llm.engine_api import GenerationParams
from app.llm.prompts import PromptFormat
from app.store.settings import Settings
from app.tasks.assistant import Assistant, catalog_model, describe_model
from app.tasks.model_choice import plan_model
from app.tasks.summary_prompts import SummaryRequest, summary_prompt

pytestmark = pytest.mark.slow

SENTENCES = [
    "총무팀은 12월 5일까지 연말 정산 서류를 받는다.",
    "서류는 전자결재로 제출하며 종이 서류는 받지 않는다.",
    "기한을 넘기면 내년 1월에 따로 정산한다.",
]


def _greedy(assistant: Assistant) -> str:
    prompt = summary_prompt("연말 정산 안내", SENTENCES, SummaryRequest())
    params = GenerationParams(max_tokens=40, temperature=0.0)
    return "".join(e.text for e in assistant.stream(prompt, params, CancelToken(), "test") if isinstance(e, Token))


def test_the_tuned_model_loads_with_its_adapter_and_answers_differently_from_the_base(
    default_model_path: Path, models_dir: Path
) -> None:
    (entry,) = load_catalog().tuned
    tuned_model = catalog_model(models_dir, entry)
    assert tuned_model.adapter is not None and tuned_model.prompt_format is PromptFormat.BARO_TUNED
    assert plan_model(Settings(model=entry.id), models_dir).model.adapter == tuned_model.adapter
    base_model = describe_model(default_model_path)
    assert base_model.adapter is None and base_model.prompt_format is PromptFormat.COMPLETION
    tuned = Assistant.open(tuned_model, threads=2)
    try:
        tuned_text = _greedy(tuned)
    finally:
        tuned.close()
    base = Assistant.open(base_model, threads=2)
    try:
        base_text = _greedy(base)
    finally:
        base.close()
    assert tuned_text.strip() and tuned_text != base_text
