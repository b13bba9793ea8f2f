"""Will this model fit? Estimate its memory from the file and the context size, before loading it.

Being refused with a clear message (and a "load anyway" choice) is better than the OOM killer ending the
engine halfway through a load. The estimate is deliberately simple and on the generous side:
weights (the tensor data, memory-mapped but all touched while generating) + the KV cache
(layers x context x KV heads x (key + value) dims x 2 bytes for f16) + logits for one batch + a fixed
allowance for llama.cpp's compute buffers and the worker process itself.
"""

from __future__ import annotations

import ctypes
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import ModelLoadError
from app.llm.gguf_validate import GgufInfo, inspect_gguf

KV_BYTES_PER_VALUE = 2  # f16 cache, llama.cpp's default
LOGITS_BATCH = 512
RUNTIME_ALLOWANCE = 300 * 1024 * 1024
# Keep this much free for the window, the document reader and the rest of the desktop.
HEADROOM = 256 * 1024 * 1024
GIB = 1024**3


@dataclass(frozen=True)
class MemoryEstimate:
    weights: int
    kv_cache: int
    runtime: int

    @property
    def total(self) -> int:
        return self.weights + self.kv_cache + self.runtime


def estimate_memory(info: GgufInfo, n_ctx: int) -> MemoryEstimate:
    layers = info.block_count or 32
    kv_heads = info.head_count_kv or info.head_count or 8
    kv_dims = (info.key_length or 128) + (info.value_length or 128)
    kv_cache = layers * n_ctx * kv_heads * kv_dims * KV_BYTES_PER_VALUE
    logits = (info.vocab_size or 32_000) * LOGITS_BATCH * 4
    return MemoryEstimate(weights=info.data_size, kv_cache=kv_cache, runtime=RUNTIME_ALLOWANCE + logits)


def available_memory() -> int | None:
    """Bytes the system can give a new process without swapping, or None when it cannot be told."""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        for line in meminfo.read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    if sys.platform == "win32":
        return _windows_available()
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def _windows_available() -> int | None:
    class MemoryStatus(ctypes.Structure):
        _fields_ = [
            ("dwLength", ctypes.c_ulong),
            ("dwMemoryLoad", ctypes.c_ulong),
            ("ullTotalPhys", ctypes.c_ulonglong),
            ("ullAvailPhys", ctypes.c_ulonglong),
            ("ullTotalPageFile", ctypes.c_ulonglong),
            ("ullAvailPageFile", ctypes.c_ulonglong),
            ("ullTotalVirtual", ctypes.c_ulonglong),
            ("ullAvailVirtual", ctypes.c_ulonglong),
            ("ullAvailExtendedVirtual", ctypes.c_ulonglong),
        ]

    status = MemoryStatus()
    status.dwLength = ctypes.sizeof(MemoryStatus)
    if not ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
        return None
    return int(status.ullAvailPhys)


class NotEnoughMemory(ModelLoadError):
    """Loading would likely exhaust RAM. The caller may still choose to load anyway."""

    def __init__(self, path: Path, n_ctx: int, estimate: MemoryEstimate, available: int) -> None:
        self.n_ctx = n_ctx
        self.estimate = estimate
        self.available = available
        super().__init__(
            path,
            f"메모리가 부족합니다: 컨텍스트 {n_ctx:,} 토큰으로 약 {estimate.total / GIB:.1f}GB가 필요한데 "
            f"사용 가능한 메모리는 {available / GIB:.1f}GB입니다. 컨텍스트 크기를 줄이거나 더 작은 모델을 "
            "고르세요. 그래도 불러오면 시스템이 느려지거나 엔진이 강제 종료될 수 있습니다.",
        )


def check_memory(
    path: Path,
    n_ctx: int,
    *,
    available: int | None = None,
    info: GgufInfo | None = None,
    load_anyway: bool = False,
) -> MemoryEstimate:
    """Raise NotEnoughMemory unless the model at ``path`` with ``n_ctx`` fits; ``load_anyway`` skips the refusal.

    ``available`` is the RAM to plan with (bytes); by default the system's available memory now.
    """
    estimate = estimate_memory(info or inspect_gguf(path), n_ctx)
    free = available if available is not None else available_memory()
    if free is None or load_anyway:
        return estimate
    if estimate.total + HEADROOM > free:
        raise NotEnoughMemory(path, n_ctx, estimate, free)
    return estimate


def largest_fitting_context(info: GgufInfo, available: int, *, floor: int = 512) -> int:
    """The biggest context (a multiple of 512) that fits in ``available`` bytes, or 0 if none does."""
    per_token = estimate_memory(info, 1).kv_cache
    room = available - HEADROOM - estimate_memory(info, 0).total
    if room < per_token * floor:
        return 0
    return int(room // per_token) // 512 * 512
