"""A default model changed in place (same size, same mtime) is caught: by the sampled check at load when the
change falls in a sampled region, else by the full hash that runs in the background, and the user is told."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from app.llm.catalog import CatalogModel, load_catalog
from app.llm.client import Engine
from app.llm.default_model import ensure_default_model, is_verified, load_default_model, sha256_file
from app.llm.model_integrity import BLOCK_BYTES, HEAD_BYTES, SPREAD_BLOCKS
from app.tasks.assistant import Assistant, describe_model
from tests.unit.llm.ggufgen import build_gguf


@pytest.fixture
def installed(tmp_path: Path) -> tuple[Path, CatalogModel]:
    """A 16 MB GGUF standing in for the default model, verified the way the real one is."""
    models = tmp_path / "models"
    models.mkdir()
    path = build_gguf(models / "stand-in.gguf", tensors=8, rows=512, width=1024)
    entry = replace(load_catalog().default, file=path.name, sha256=sha256_file(path), size_bytes=path.stat().st_size)
    assert ensure_default_model(models, entry) == path  # hashes it in full once and records the sample
    return path, entry


def overwrite_in_place(path: Path, offset: int) -> None:
    """Flip one byte and put size and mtime back, as a bad disk or a careless tool would leave it."""
    before = path.stat()
    with path.open("r+b") as f:
        f.seek(offset)
        byte = f.read(1)
        f.seek(offset)
        f.write(bytes([byte[0] ^ 0xFF]))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def unsampled_offset(size: int) -> int:
    span = size - HEAD_BYTES - BLOCK_BYTES
    assert span // SPREAD_BLOCKS > 2 * BLOCK_BYTES
    return HEAD_BYTES + BLOCK_BYTES + 100  # after the first spread block, well before the second


def test_a_sound_model_loads_on_the_quick_check_and_the_full_hash_agrees(installed: tuple[Path, CatalogModel]) -> None:
    path, entry = installed
    loaded, integrity = load_default_model(path.parent, entry)
    assert loaded == path
    assert integrity is not None
    assert integrity.wait(timeout=120) is True
    assert not integrity.corrupt


def test_a_change_in_the_header_is_caught_before_loading(installed: tuple[Path, CatalogModel]) -> None:
    path, entry = installed
    overwrite_in_place(path, 200)  # inside the GGUF metadata
    assert not is_verified(path, entry.sha256)


def test_a_change_between_samples_is_caught_by_the_full_hash_and_reported(installed: tuple[Path, CatalogModel]) -> None:
    path, entry = installed
    overwrite_in_place(path, unsampled_offset(path.stat().st_size))
    loaded, integrity = load_default_model(path.parent, entry)
    assert integrity is not None, "the sample cannot see this byte: the model loads on the quick check"
    assert integrity.wait(timeout=120) is False
    assert not is_verified(path, entry.sha256), "the record is forgotten: the next start checks in full"

    model = replace(describe_model(loaded), integrity=integrity)
    assistant = Assistant(Engine(), model)  # take_notices() needs no worker process
    notices = assistant.take_notices()
    assert len(notices) == 1
    assert path.name in notices[0].text and "손상" in notices[0].text
    assert assistant.take_notices() == [], "said once"


def test_a_record_from_before_the_sample_existed_means_one_full_check(installed: tuple[Path, CatalogModel]) -> None:
    path, entry = installed
    marker = path.with_name(path.name + ".verified.json")
    record = json.loads(marker.read_text(encoding="utf-8"))
    del record["sample"]
    marker.write_text(json.dumps(record), encoding="utf-8")
    assert not is_verified(path, entry.sha256)
    ensure_default_model(path.parent, entry)
    assert is_verified(path, entry.sha256)
