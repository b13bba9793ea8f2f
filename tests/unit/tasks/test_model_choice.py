"""plan_model: the settings decide the model and how it runs; RAM decides whether it may load."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.llm.memory import NotEnoughMemory
from app.store.settings import Settings
from app.tasks.model_choice import plan_model

PLENTY = 64 * 1024**3


def test_every_engine_setting_reaches_the_plan(default_model_path: Path) -> None:
    settings = Settings(threads=3, context_size=2048, gpu_layers=5, temperature=0.65)
    plan = plan_model(settings, default_model_path.parent, available_memory=PLENTY)
    assert plan.model.path == default_model_path
    assert plan.model.n_ctx == 2048
    assert (plan.threads, plan.gpu_layers, plan.temperature) == (3, 5, 0.65)


def test_unset_threads_and_context_mean_automatic(default_model_path: Path) -> None:
    plan = plan_model(Settings(threads=0, context_size=0), default_model_path.parent, available_memory=PLENTY)
    assert plan.threads is None
    assert plan.model.n_ctx > 0
    assert plan.temperature == Settings().temperature


def test_a_command_line_context_wins_over_the_setting(default_model_path: Path) -> None:
    plan = plan_model(Settings(context_size=2048), default_model_path.parent, context=512, available_memory=PLENTY)
    assert plan.model.n_ctx == 512


def test_too_little_ram_refuses_unless_load_anyway(default_model_path: Path) -> None:
    with pytest.raises(NotEnoughMemory) as refused:
        plan_model(Settings(), default_model_path.parent, available_memory=64 * 1024**2)
    assert "메모리" in refused.value.user_message
    plan = plan_model(Settings(), default_model_path.parent, available_memory=64 * 1024**2, load_anyway=True)
    assert plan.model.path == default_model_path
