"""A cheap look at a GGUF file's header before llama.cpp is ever given it."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import ModelLoadError
from app.llm.gguf_validate import inspect_gguf

GGUF_MAGIC = b"GGUF"
SUPPORTED_VERSIONS = (2, 3)
# A real model has at least a few tensors and keys; absurd counts mean a hostile or broken header.
MAX_TENSORS = 1_000_000
MAX_KV = 100_000


@dataclass(frozen=True)
class GgufHeader:
    version: int
    tensor_count: int
    kv_count: int


def read_gguf_header(path: Path) -> GgufHeader:
    try:
        with path.open("rb") as f:
            head = f.read(24)
    except FileNotFoundError:
        raise ModelLoadError(path, "파일을 찾을 수 없습니다.") from None
    except OSError as err:
        raise ModelLoadError(path, f"파일을 읽을 수 없습니다 ({err.strerror}).") from None
    if len(head) < 4 or head[:4] != GGUF_MAGIC:
        raise ModelLoadError(path, "GGUF 모델 파일이 아닙니다. llama.cpp용 .gguf 파일을 선택해 주세요.")
    if len(head) < 24:
        raise ModelLoadError(path, "파일이 잘려 있습니다. 다시 내려받아 주세요.")
    version, tensor_count, kv_count = struct.unpack("<IQQ", head[4:24])
    if version not in SUPPORTED_VERSIONS:
        raise ModelLoadError(path, f"지원하지 않는 GGUF 버전입니다 (v{version}).")
    if not 0 < tensor_count <= MAX_TENSORS or not 0 < kv_count <= MAX_KV:
        raise ModelLoadError(path, "GGUF 헤더가 올바르지 않습니다. 파일이 손상되었을 수 있습니다.")
    return GgufHeader(version, tensor_count, kv_count)


def check_gguf_file(path: Path) -> GgufHeader:
    """Refuse anything llama.cpp should not be given: not GGUF, a hostile header, or a truncated file."""
    info = inspect_gguf(path)
    return GgufHeader(info.version, info.tensor_count, info.kv_count)
