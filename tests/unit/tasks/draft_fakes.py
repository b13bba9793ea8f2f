"""A scripted stand-in for the engine: each generate() call streams the next canned answer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from app.llm.prompts import PromptFormat
from app.tasks.assistant import ActiveModel, Assistant


class ScriptedGeneration:
    def __init__(self, text: str) -> None:
        self.text = text
        self.cancelled = False

    def events(self) -> Iterator[str | tuple[int, int]]:
        yield (1, 1)
        for index in range(0, len(self.text), 4):
            if self.cancelled:
                return
            yield self.text[index : index + 4]

    def cancel(self) -> None:
        self.cancelled = True


class ScriptedEngine:
    def __init__(self, answers: list[str]) -> None:
        self.answers = list(answers)
        self.prompts: list[str] = []
        self.alive = True

    def generate(self, prompt: str, params: object) -> ScriptedGeneration:
        self.prompts.append(prompt)
        return ScriptedGeneration(self.answers.pop(0) if self.answers else "")

    def count_tokens(self, text: str) -> int:
        return len(text) // 2

    def close(self) -> None:
        self.alive = False


def scripted_assistant(answers: list[str]) -> Assistant:
    model = ActiveModel(Path("scripted.gguf"), "scripted", PromptFormat.COMPLETION, "base-small", 2048)
    return Assistant(ScriptedEngine(answers), model)  # type: ignore[arg-type]
