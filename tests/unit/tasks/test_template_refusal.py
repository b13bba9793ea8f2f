"""A GGUF whose chat template is a memory bomb is refused at import, and never silently replaced in use."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app.cli import main
from app.core.errors import ModelLoadError
from app.llm.client import Engine
from app.llm.model_store import ModelStore
from app.llm.prompts import PromptFormat, TaskPrompt, render
from app.store.settings import Settings
from app.tasks.assistant import Assistant
from app.tasks.model_choice import plan_model
from tests.unit.llm.ggufgen import build_gguf

CENTER_BOMB = "{{ 'x'.center(3000000000) }}"
JOIN_BOMB = "{{ range(3000)|join('a' * 1000000) }}"
PLENTY = 64 * 1024**3


@pytest.mark.parametrize("bomb", [CENTER_BOMB, JOIN_BOMB])
def test_importing_with_a_bomb_template_is_one_clear_line(
    bomb: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BARO_MODELS_DIR", str(tmp_path / "models"))
    source = build_gguf(tmp_path / "Bomb-Chat.gguf", chat_template=bomb)
    assert main(["models", "import", str(source), "--template", "embedded"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert "Bomb-Chat.gguf" in err[0] and "대화 템플릿" in err[0] and "builtin" in err[0]
    assert not (tmp_path / "models" / "Bomb-Chat.gguf").exists()
    assert ModelStore(tmp_path / "models").list() == []


def test_switching_an_imported_model_to_its_bomb_template_is_refused(tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "models")
    model = store.import_file(build_gguf(tmp_path / "bomb.gguf", chat_template=CENTER_BOMB))
    with pytest.raises(ModelLoadError, match="대화 템플릿을 쓸 수 없습니다"):
        store.set_template(model.key, "embedded")
    assert store.get(model.key).template == "builtin"


def test_a_bomb_template_already_chosen_falls_back_and_says_so_once(tmp_path: Path) -> None:
    """A model registered with its template before this check existed: Baro's format, and one notice."""
    models = tmp_path / "models"
    store = ModelStore(models)
    model = store.import_file(build_gguf(tmp_path / "bomb.gguf", name="Bomb Chat", chat_template=JOIN_BOMB))
    store._save(replace(model, template="embedded"))
    plan = plan_model(Settings(model=model.key), models, available_memory=PLENTY)
    assert plan.model.template is not None
    assistant = Assistant(Engine(), plan.model)  # render() needs no worker process

    prompt = TaskPrompt(system="규칙", content="요약해 주세요")
    assert assistant.render(prompt) == render(PromptFormat.CHATML, prompt)
    notices = assistant.take_notices()
    assert len(notices) == 1
    assert "Bomb Chat" in notices[0].text and "대화 템플릿" in notices[0].text and "기본" in notices[0].text
    assert assistant.render(prompt) == render(PromptFormat.CHATML, prompt)
    assert assistant.take_notices() == [], "said once per model"
