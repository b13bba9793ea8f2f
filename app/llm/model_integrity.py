"""Is a model file still the one that was verified? A quick sampled check at load, the full hash after.

Size and mtime say nothing about a file whose bytes changed in place (a bad disk, a stray write, a tool
that restores the mtime). The quick check hashes about 8 MiB (the GGUF header and metadata, and blocks
spread over the tensors) in milliseconds; the full sha256 then runs on a daemon thread while the model
loads and answers, and a mismatch is reported and makes the next start rebuild or re-verify the file.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from pathlib import Path

HEAD_BYTES = 4 << 20
"""The GGUF header, its metadata (a large vocabulary included) and the first tensors."""
BLOCK_BYTES = 64 << 10
SPREAD_BLOCKS = 64


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def sample_digest(path: Path) -> str:
    """sha256 of the first ``HEAD_BYTES``, ``SPREAD_BLOCKS`` blocks evenly spaced after them, and the last block."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        size = os.fstat(f.fileno()).st_size
        digest.update(size.to_bytes(8, "little"))
        digest.update(f.read(HEAD_BYTES))
        span = size - HEAD_BYTES - BLOCK_BYTES
        if span > 0:
            for index in range(SPREAD_BLOCKS + 1):  # the last one ends at the end of the file
                f.seek(HEAD_BYTES + span * index // SPREAD_BLOCKS)
                digest.update(f.read(BLOCK_BYTES))
    return digest.hexdigest()


class BackgroundHash:
    """The full sha256 of a model the quick check let load, computed on a daemon thread.

    ``on_mismatch`` runs on that thread when the file is not what was verified (e.g. to forget the record,
    so the next start does the full check before loading).
    """

    def __init__(self, path: Path, expected: str, on_mismatch: Callable[[], None] | None = None) -> None:
        self.path = path
        self.expected = expected
        self._on_mismatch = on_mismatch
        self._matches: bool | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"hash {path.name}", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._matches = sha256_file(self.path) == self.expected
        except OSError:
            self._matches = False
        if not self._matches and self._on_mismatch is not None:
            self._on_mismatch()
        self._done.set()

    def wait(self, timeout: float | None = None) -> bool | None:
        """True or False once the hash is done; None if ``timeout`` passed first."""
        self._done.wait(timeout)
        return self._matches if self._done.is_set() else None

    @property
    def corrupt(self) -> bool:
        """The full hash is done and differs (never blocks)."""
        return self._done.is_set() and self._matches is False

    @property
    def message(self) -> str:
        return (
            f"{self.path.name}: 모델 파일이 손상되었습니다 (체크섬이 다름). 이번 답은 믿을 수 없습니다. "
            "다시 시작하면 모델을 새로 확인합니다. 기본 모델이면 설치 패키지에서 다시 만듭니다."
        )
