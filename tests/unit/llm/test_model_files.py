"""The models folder's own files: the registry saves atomically, a deleted model file is shown as missing,
and an in-place import says what it really does (a checksum, not a copy)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.cli import main
from app.core.errors import SaveFailed
from app.llm.model_store import REGISTRY_NAME, ModelStore
from tests.fulldisk import fill
from tests.mounts import tmpfs
from tests.unit.llm.ggufgen import build_gguf


def test_a_full_disk_keeps_the_registry_as_it_was(tmp_path: Path) -> None:
    first = build_gguf(tmp_path / "first.gguf", rows=4, width=16)
    second = build_gguf(tmp_path / "second.gguf", rows=4, width=16)
    with tmpfs(tmp_path / "disk", "256k") as disk:
        store = ModelStore(disk / "models")
        store.import_file(first, copy=False)
        registry = store.dir / REGISTRY_NAME
        before = registry.read_bytes()
        fill(disk)
        with pytest.raises(SaveFailed, match=r"models\.json: 저장하지 못했습니다 \(디스크 공간이 부족합니다\)"):
            store.import_file(second, copy=False)
        assert registry.read_bytes() == before
        assert sorted(os.listdir(store.dir)) == [REGISTRY_NAME]
        assert [m.key for m in store.list()] == ["first"]


def test_a_model_whose_file_was_deleted_is_listed_as_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BARO_MODELS_DIR", str(tmp_path / "models"))
    assert main(["models", "import", str(build_gguf(tmp_path / "Gone.gguf", rows=4, width=16))]) == 0
    assert main(["models", "import", str(build_gguf(tmp_path / "Kept.gguf", rows=4, width=16))]) == 0
    (tmp_path / "models" / "Gone.gguf").unlink()
    capsys.readouterr()
    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    gone = next(line for line in out.splitlines() if " gone " in line)
    kept = next(line for line in out.splitlines() if " kept " in line)
    assert "파일 없음" in gone and "Gone.gguf" in gone
    assert "파일 없음" not in kept
    assert "baro models remove" in out
    assert main(["models", "list", "--json"]) == 0
    installed = {m["key"]: m["missing"] for m in json.loads(capsys.readouterr().out)["installed"]}
    assert installed == {"gone": True, "kept": False}
    assert main(["models", "use", "gone"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Gone.gguf" in err[0] and "없습니다" in err[0]
    assert main(["models", "remove", "gone"]) == 0


def test_an_in_place_import_does_not_claim_to_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BARO_MODELS_DIR", str(tmp_path / "models"))
    assert main(["models", "import", "--in-place", str(build_gguf(tmp_path / "here.gguf"))]) == 0
    err = capsys.readouterr().err
    assert "체크섬 확인" in err
    assert "복사" not in err
    assert main(["models", "import", str(build_gguf(tmp_path / "copied.gguf"))]) == 0
    assert "복사" in capsys.readouterr().err


def test_the_tuned_model_is_listed_beside_its_base_and_each_is_chosen_by_its_own_key(
    default_model_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.core.errors import BaroError
    from app.llm.catalog import load_catalog
    from app.store.settings import update_settings

    catalog = load_catalog()
    (entry,) = catalog.tuned
    store = ModelStore(default_model_path.parent)
    rows = {m.key: m for m in store.list()}
    tuned, base = rows[entry.id], rows["gemma3-270m"]
    assert tuned.file == base.file == default_model_path.name and tuned.source == "builtin"
    assert tuned.is_named_by(entry.id) and not base.is_named_by(entry.id)
    assert base.is_named_by("gemma3-270m") and not tuned.is_named_by("gemma3-270m")
    assert [m.key for m in rows.values() if m.is_named_by("")] == [catalog.default_id]  # "" is the default only
    chosen = store.resolve(entry.id)
    assert chosen is None if entry.id == catalog.default_id else chosen == tuned
    resolved = store.resolve("gemma3-270m")  # the untuned base stays selectable (None: it is the default)
    assert resolved is None if catalog.default_id == "gemma3-270m" else resolved == base
    with pytest.raises(BaroError, match="지울 수 없습니다"):
        store.remove(entry.id)
    assert default_model_path.is_file()
    update_settings({"model": entry.id})
    assert main(["models", "list"]) == 0
    listing = capsys.readouterr().out
    marked = [line for line in listing.splitlines() if line.startswith(" * ")]
    assert len(marked) == 1 and entry.id in marked[0] and "Baro 튜닝" in marked[0]
