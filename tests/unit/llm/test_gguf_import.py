"""`ModelStore.import_file` and `baro models ...`: only sound GGUF files get in, and every step is visible."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from app.cli import main
from app.core.errors import ModelLoadError
from app.llm.model_store import ModelStore
from app.llm.prompts import PromptFormat
from app.store.settings import load_settings
from tests.unit.llm.ggufgen import CHATML_TEMPLATE, build_gguf


@pytest.fixture
def store(tmp_path: Path) -> ModelStore:
    return ModelStore(tmp_path / "models")


def test_import_copies_checks_and_records(store: ModelStore, tmp_path: Path) -> None:
    source = build_gguf(tmp_path / "My-Model.gguf", chat_template=CHATML_TEMPLATE, name="My Model")
    seen: list[int] = []
    model = store.import_file(source, progress=lambda done, total: seen.append(done))
    assert model.key == "my-model"
    assert model.prompt_format == PromptFormat.CHATML  # guessed from the embedded template
    assert model.template == "builtin"
    assert model.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert (store.dir / "My-Model.gguf").read_bytes() == source.read_bytes()
    assert seen[-1] == source.stat().st_size
    assert store.get("my-model") == model
    assert store.chat_template("my-model") == CHATML_TEMPLATE
    assert store.verify("my-model").ok


def test_a_model_without_a_template_defaults_to_completion(store: ModelStore, tmp_path: Path) -> None:
    model = store.import_file(build_gguf(tmp_path / "base.gguf"))
    assert model.prompt_format == PromptFormat.COMPLETION
    with pytest.raises(ModelLoadError, match="템플릿이 없습니다"):
        store.set_template(model.key, "embedded")


def test_choosing_the_embedded_or_builtin_template(store: ModelStore, tmp_path: Path) -> None:
    model = store.import_file(build_gguf(tmp_path / "chat.gguf", chat_template=CHATML_TEMPLATE), template="embedded")
    assert model.template == "embedded"
    assert store.set_template(model.key, "builtin").template == "builtin"
    assert store.get(model.key).template == "builtin"


@pytest.mark.parametrize(
    ("make", "phrase"),
    [
        (lambda p: p.write_bytes(build_gguf(p.with_suffix(".src"), rows=512).read_bytes()[:-5000]), "잘려"),
        (lambda p: p.write_bytes(b"PK\x03\x04" + b"\0" * 5000), "GGUF 모델 파일이 아닙니다"),
        (lambda p: p.write_bytes(b"GGUF\x03\0\0\0" + b"\xff" * 16 + b"\0" * 100), "헤더"),
    ],
    ids=["truncated", "not-gguf", "hostile"],
)
def test_bad_files_are_refused_and_nothing_is_copied(
    store: ModelStore, tmp_path: Path, make: object, phrase: str
) -> None:
    source = tmp_path / "bad.gguf"
    make(source)  # type: ignore[operator]
    with pytest.raises(ModelLoadError) as err:
        store.import_file(source)
    assert phrase in err.value.user_message
    assert "bad.gguf" in err.value.user_message
    assert not store.dir.exists() or not any(store.dir.iterdir())


def test_in_place_import_never_deletes_the_users_file(store: ModelStore, tmp_path: Path) -> None:
    source = build_gguf(tmp_path / "mine.gguf")
    model = store.import_file(source, copy=False)
    assert Path(model.file) == source.resolve()
    store.remove(model.key)
    assert source.is_file()
    assert [m.key for m in store.list()] == []


def test_same_name_twice_is_refused(store: ModelStore, tmp_path: Path) -> None:
    store.import_file(build_gguf(tmp_path / "a.gguf"))
    other = tmp_path / "other"
    other.mkdir()
    with pytest.raises(ModelLoadError, match="같은 이름"):
        store.import_file(build_gguf(other / "a.gguf", rows=32))


def test_verify_catches_a_damaged_file(store: ModelStore, tmp_path: Path) -> None:
    model = store.import_file(build_gguf(tmp_path / "v.gguf"))
    path = store.path_of(model)
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF
    path.write_bytes(bytes(data))
    result = store.verify(model.key)
    assert not result.ok
    assert "체크섬" in result.detail


def test_a_gguf_dropped_into_the_folder_is_listed(store: ModelStore, tmp_path: Path) -> None:
    store.dir.mkdir(parents=True)
    build_gguf(store.dir / "dropped.gguf")
    assert [m.source for m in store.list()] == ["found"]
    assert store.verify("dropped").ok


def test_cli_import_use_list_remove(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BARO_MODELS_DIR", str(tmp_path / "models"))
    source = build_gguf(tmp_path / "Korean-Chat.gguf", chat_template=CHATML_TEMPLATE)
    assert main(["models", "import", str(source)]) == 0
    assert "baro models template korean-chat" in capsys.readouterr().out
    assert main(["models", "use", "korean-chat"]) == 0
    assert load_settings().settings.model == "korean-chat"
    assert main(["models", "list"]) == 0
    assert "* korean-chat" in capsys.readouterr().out
    assert main(["models", "template", "korean-chat"]) == 0
    assert CHATML_TEMPLATE in capsys.readouterr().out
    assert main(["models", "template", "korean-chat", "--use", "embedded"]) == 0
    assert main(["models", "remove", "korean-chat"]) == 0
    assert load_settings().settings.model == ""
    assert not (tmp_path / "models" / "Korean-Chat.gguf").exists()


def test_cli_import_of_a_broken_file_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BARO_MODELS_DIR", str(tmp_path / "models"))
    bad = tmp_path / "notes.gguf"
    bad.write_text("그냥 텍스트", encoding="utf-8")
    assert main(["models", "import", str(bad)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "notes.gguf" in err[0]
    assert "GGUF" in err[0]
