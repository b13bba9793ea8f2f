"""What llama.cpp is never given: one GGUF reader (app.llm.gguf_validate) refuses each broken file in Korean."""

import struct
from pathlib import Path

import pytest

from app.core.errors import ModelLoadError
from app.llm.gguf_validate import inspect_gguf
from tests.unit.llm.ggufgen import build_gguf


def _header(version: int = 3, tensors: int = 10, kv: int = 5) -> bytes:
    return b"GGUF" + struct.pack("<IQQ", version, tensors, kv)


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        (b"", "GGUF 모델 파일이 아닙니다"),
        (b"PK\x03\x04 a zip file", "GGUF 모델 파일이 아닙니다"),
        (b"GGUF\x03\x00", "잘려"),
        (_header(version=99), "버전"),
        (_header(tensors=0), "헤더"),
        (_header(kv=10**12), "헤더"),
    ],
)
def test_bad_headers_are_clear(tmp_path: Path, content: bytes, phrase: str) -> None:
    path = tmp_path / "bad.gguf"
    path.write_bytes(content)
    with pytest.raises(ModelLoadError) as err:
        inspect_gguf(path)
    assert phrase in err.value.user_message
    assert "bad.gguf" in err.value.user_message


def test_a_cut_file_with_a_good_header_is_called_truncated(tmp_path: Path) -> None:
    whole = build_gguf(tmp_path / "whole.gguf").read_bytes()
    path = tmp_path / "tiny.gguf"
    path.write_bytes(whole[:100])
    with pytest.raises(ModelLoadError, match="잘려"):
        inspect_gguf(path)


def test_a_header_promising_more_tensors_than_the_file_holds_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tiny.gguf"
    path.write_bytes(_header() + b"\0" * 100)
    with pytest.raises(ModelLoadError, match="잘려"):
        inspect_gguf(path)
    path.write_bytes(_header(tensors=10**7) + b"\0" * 100)
    with pytest.raises(ModelLoadError, match="헤더"):
        inspect_gguf(path)


def test_check_passes_a_sound_file(tmp_path: Path) -> None:
    path = build_gguf(tmp_path / "ok.gguf")
    assert inspect_gguf(path).tensor_count == 2


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="찾을 수 없습니다"):
        inspect_gguf(tmp_path / "none.gguf")
