"""Refuse a model + context that would not fit in RAM, with a "load anyway" way through."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.llm.gguf_validate import inspect_gguf
from app.llm.memory import GIB, HEADROOM, NotEnoughMemory, check_memory, estimate_memory, largest_fitting_context
from tests.unit.llm.ggufgen import build_gguf


@pytest.fixture
def model(tmp_path: Path) -> Path:
    # 2 layers, 2 KV heads of 64 dims: 2 * n_ctx * 2 * 128 * 2 bytes of KV cache.
    return build_gguf(tmp_path / "m.gguf", tensors=2, rows=512, width=256, block_count=2)


def test_the_estimate_grows_with_the_context(model: Path) -> None:
    info = inspect_gguf(model)
    small, large = estimate_memory(info, 1024), estimate_memory(info, 32768)
    assert small.weights == large.weights == info.data_size
    assert large.kv_cache == 32 * small.kv_cache
    assert small.kv_cache == 2 * 1024 * 2 * (64 + 64) * 2


def test_too_large_for_the_ram_is_refused_with_the_numbers(model: Path) -> None:
    needed = check_memory(model, 4096, available=64 * GIB).total
    with pytest.raises(NotEnoughMemory) as err:
        check_memory(model, 4096, available=needed)  # no headroom left for the rest of the desktop
    refusal = err.value
    assert refusal.available == needed
    assert refusal.estimate.total == needed
    assert "m.gguf" in refusal.user_message
    assert "메모리가 부족합니다" in refusal.user_message
    assert "그래도 불러오면" in refusal.user_message


def test_load_anyway_returns_the_estimate_instead_of_refusing(model: Path) -> None:
    estimate = check_memory(model, 1 << 20, available=GIB // 2, load_anyway=True)
    assert estimate.total > GIB // 2


def test_a_smaller_context_can_make_it_fit(model: Path) -> None:
    info = inspect_gguf(model)
    base = estimate_memory(info, 0).total
    available = base + HEADROOM + estimate_memory(info, 1).kv_cache * 3000
    with pytest.raises(NotEnoughMemory):
        check_memory(model, 8192, available=available, info=info)
    fitting = largest_fitting_context(info, available)
    assert fitting == 2560
    check_memory(model, fitting, available=available, info=info)


@pytest.mark.slow
def test_the_default_model_fits_a_normal_machine(default_model_path: Path) -> None:
    estimate = check_memory(default_model_path, 4096, available=4 * GIB)
    assert 0.2 * GIB < estimate.total < 1.5 * GIB
