"""The real engine worker with the real default model: streaming, cancel, crashes, bad model files."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.errors import EngineCrashed, ModelLoadError
from app.llm.catalog import load_catalog
from app.llm.client import Engine
from app.llm.default_model import ensure_default_model, is_verified, sha256_file
from app.llm.engine_api import GenerationParams

pytestmark = pytest.mark.slow

LONG = GenerationParams(max_tokens=400, temperature=0.8, stop=())


@pytest.fixture
def engine(default_model_path: Path) -> Iterator[Engine]:
    eng = Engine(threads=2).start()
    eng.load(default_model_path, n_ctx=1024)
    yield eng
    eng.close()


def test_default_model_is_assembled_and_verified(default_model_path: Path) -> None:
    entry = load_catalog().default
    assert default_model_path.name == entry.file
    assert is_verified(default_model_path, entry.sha256)
    assert sha256_file(default_model_path) == entry.sha256
    # A second call finds it verified and does not rebuild it.
    mtime = default_model_path.stat().st_mtime_ns
    assert ensure_default_model(default_model_path.parent) == default_model_path
    assert default_model_path.stat().st_mtime_ns == mtime


def test_a_damaged_default_model_is_rebuilt(tmp_path: Path, default_model_path: Path) -> None:
    target = tmp_path / default_model_path.name
    target.write_bytes(b"GGUF broken")
    rebuilt = ensure_default_model(tmp_path)
    assert sha256_file(rebuilt) == load_catalog().default.sha256


def test_streams_korean_tokens(engine: Engine) -> None:
    generation = engine.generate("대한민국의 수도는 서울이다. 서울은", GenerationParams(max_tokens=24))
    pieces = list(generation)
    assert len(pieces) >= 5
    assert generation.text == "".join(pieces)
    assert generation.stats.completion_tokens >= len(pieces) - 1
    assert generation.stats.finish_reason in {"length", "stop"}
    assert engine.count_tokens("서울에서 회의가 열렸다") > 3


def test_cancel_stops_within_one_token(engine: Engine) -> None:
    generation = engine.generate("옛날 옛적에 한 마을에", LONG)
    seen = 0
    for _ in generation:
        seen += 1
        if seen == 5:
            generation.cancel()
    assert generation.stats.finish_reason == "cancelled"
    assert generation.stats.sampled_after_cancel is not None
    assert generation.stats.sampled_after_cancel <= 1
    assert seen == 5, "no token reaches the caller after cancel()"
    assert generation.stats.completion_tokens < 40
    # The engine is free again at once.
    assert engine.generate("하나, 둘,", GenerationParams(max_tokens=4)).result()


def test_cancel_during_a_long_prompt(engine: Engine) -> None:
    prompt = "서울은 대한민국의 수도이다. " * 120
    generation = engine.generate(prompt, GenerationParams(max_tokens=50))
    generation.cancel()
    assert list(generation) == []
    assert generation.stats.finish_reason == "cancelled"
    assert generation.stats.completion_tokens == 0


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGABRT, signal.SIGILL])
def test_a_crashed_worker_raises_engine_crashed_and_restarts(engine: Engine, sig: signal.Signals) -> None:
    generation = engine.generate("옛날 옛적에", LONG)
    pid = engine.pid
    assert pid is not None and pid != os.getpid()
    with pytest.raises(EngineCrashed) as err:
        for n, _ in enumerate(generation):
            if n == 3:
                os.kill(pid, sig)
    assert err.value.signal_name == sig.name
    assert sig.name in err.value.user_message
    assert not engine.alive
    with pytest.raises(EngineCrashed):
        engine.count_tokens("다시")
    engine.restart()
    assert engine.alive and engine.pid != pid
    assert engine.model is not None
    assert engine.generate("하나, 둘,", GenerationParams(max_tokens=4)).result()


def test_truncated_gguf_is_a_clear_load_error(engine: Engine, default_model_path: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.gguf"
    with default_model_path.open("rb") as src:
        truncated.write_bytes(src.read(40 * 1024 * 1024))
    with pytest.raises(ModelLoadError) as err:
        engine.load(truncated)
    assert "truncated.gguf" in err.value.user_message
    assert engine.alive, "a bad model file must not take the worker down"
    engine.load(default_model_path, n_ctx=512)
    assert engine.generate("하나", GenerationParams(max_tokens=2)).result() is not None


def test_not_a_gguf_is_a_clear_load_error(engine: Engine, tmp_path: Path) -> None:
    fake = tmp_path / "notes.gguf"
    fake.write_bytes(b"%PDF-1.7 definitely not a model" * 100_000)
    with pytest.raises(ModelLoadError, match="GGUF 모델 파일이 아닙니다"):
        engine.load(fake)
    assert engine.alive


def test_hostile_header_reaches_llama_cpp_and_the_worker_survives(engine: Engine, tmp_path: Path) -> None:
    import struct

    hostile = tmp_path / "hostile.gguf"
    # Plausible counts, then garbage where the key/value table should be.
    hostile.write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 5, 5) + os.urandom(2 * 1024 * 1024))
    with pytest.raises((ModelLoadError, EngineCrashed)):
        engine.load(hostile)
    if not engine.alive:
        engine.restart()
    assert engine.alive
