"""Importing any local GGUF: sound files pass, broken or hostile ones are refused clearly and cheaply."""

from __future__ import annotations

import struct
import tracemalloc
from pathlib import Path

import pytest

from app.core.errors import ModelLoadError
from app.llm.gguf_validate import inspect_gguf
from tests.unit.llm.ggufgen import CHATML_TEMPLATE, build_gguf


def _string(text: bytes) -> bytes:
    return struct.pack("<Q", len(text)) + text


def _kv_u32(key: bytes, value: int) -> bytes:
    return _string(key) + struct.pack("<I", 4) + struct.pack("<I", value)


def _header(tensors: int, kvs: int) -> bytes:
    return b"GGUF" + struct.pack("<IQQ", 3, tensors, kvs)


def test_a_gguf_built_by_gguf_writer_is_read_fully(tmp_path: Path) -> None:
    path = build_gguf(tmp_path / "tiny.gguf", chat_template=CHATML_TEMPLATE, tensors=3, rows=128)
    info = inspect_gguf(path)
    assert info.version == 3
    assert info.tensor_count == 3
    assert info.architecture == "llama"
    assert info.name == "Tiny Test Model"
    assert info.context_length == 2048
    assert info.block_count == 2
    assert info.head_count_kv == 2
    assert info.chat_template == CHATML_TEMPLATE
    assert (info.bos_token, info.eos_token) == ("<s>", "</s>")
    assert info.vocab_size == 5
    assert info.data_size == 3 * 128 * 256 * 4
    assert info.data_offset + info.data_size == path.stat().st_size


@pytest.mark.parametrize("cut", [1, 4096, 200_000])
def test_a_truncated_gguf_is_called_truncated_from_its_tensor_table(tmp_path: Path, cut: int) -> None:
    whole = build_gguf(tmp_path / "whole.gguf", tensors=3, rows=256)
    data = whole.read_bytes()
    short = tmp_path / "short.gguf"
    short.write_bytes(data[: len(data) - cut])
    with pytest.raises(ModelLoadError) as err:
        inspect_gguf(short)
    message = err.value.user_message
    assert "short.gguf" in message
    assert "잘려" in message
    assert f"{len(data):,}" in message  # the size the tensor table promises


def test_a_file_cut_inside_the_metadata_is_truncated_too(tmp_path: Path) -> None:
    data = build_gguf(tmp_path / "whole.gguf", chat_template=CHATML_TEMPLATE).read_bytes()
    short = tmp_path / "short.gguf"
    short.write_bytes(data[:200])
    with pytest.raises(ModelLoadError, match="잘려"):
        inspect_gguf(short)


@pytest.mark.parametrize(
    "content",
    [b"", b"PK\x03\x04 a zip archive", b"%PDF-1.7\n", "한글 텍스트".encode()],
)
def test_non_gguf_files_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "model.gguf"
    path.write_bytes(content)
    with pytest.raises(ModelLoadError, match="GGUF 모델 파일이 아닙니다"):
        inspect_gguf(path)


HOSTILE = {
    "trillions of tensors": _header(2**63, 1) + b"\0" * 64,
    "absurd kv count": _header(1, 2**62) + b"\0" * 64,
    "key length 2**62": _header(1, 1) + struct.pack("<Q", 2**62) + b"x" * 64,
    "value string 2**60": _header(1, 1) + _string(b"general.name") + struct.pack("<IQ", 8, 2**60) + b"x" * 64,
    "array of 2**60 strings": _header(1, 1) + _string(b"tokenizer.ggml.tokens") + struct.pack("<IIQ", 9, 8, 2**60),
    "array of 2**61 floats": _header(1, 1) + _string(b"t.scores") + struct.pack("<IIQ", 9, 6, 2**61),
    "nested arrays": _header(1, 1) + _string(b"x") + struct.pack("<IIQ", 9, 9, 3) + b"\0" * 64,
    "unknown value type": _header(1, 1) + _string(b"x") + struct.pack("<I", 77) + b"\0" * 64,
    "tensor with 1000 dims": _header(1, 1)
    + _kv_u32(b"general.alignment", 32)
    + _string(b"w")
    + struct.pack("<I", 1000)
    + b"\0" * 64,
    "tensor name of 10k bytes": _header(1, 1) + _kv_u32(b"general.alignment", 32) + _string(b"n" * 10_000) + b"\0" * 64,
    "unknown tensor type": _header(1, 1)
    + _kv_u32(b"general.alignment", 32)
    + _string(b"w")
    + struct.pack("<IQIQ", 1, 32, 9999, 0)
    + b"\0" * 64,
    "tensor past the end": _header(1, 1)
    + _kv_u32(b"general.alignment", 32)
    + _string(b"w")
    + struct.pack("<IQIQ", 1, 2**40, 0, 0)
    + b"\0" * 64,
    "alignment not a power of two": _header(1, 1) + _kv_u32(b"general.alignment", 3) + b"\0" * 64,
    "unsupported version": b"GGUF" + struct.pack("<IQQ", 99, 1, 1),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_headers_are_refused_without_big_allocations(tmp_path: Path, case: str) -> None:
    path = tmp_path / "hostile.gguf"
    path.write_bytes(HOSTILE[case])
    tracemalloc.start()
    try:
        with pytest.raises(ModelLoadError) as err:
            inspect_gguf(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024, f"{case}: peak allocation {peak:,} bytes"
    message = err.value.user_message
    assert "hostile.gguf" in message
    assert any(word in message for word in ("헤더", "잘려", "버전")), message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="찾을 수 없습니다"):
        inspect_gguf(tmp_path / "none.gguf")
    with pytest.raises(ModelLoadError, match="폴더"):
        inspect_gguf(tmp_path)


@pytest.mark.slow
def test_the_default_model_passes_and_its_size_is_exact(default_model_path: Path) -> None:
    info = inspect_gguf(default_model_path)
    assert info.architecture == "gemma3"
    assert info.data_offset + info.data_size == default_model_path.stat().st_size
    assert info.vocab_size > 100_000
    assert info.bos_token == "<bos>"
