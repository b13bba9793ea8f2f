"""A scripted stand-in for the engine: each generate() call streams the next canned answer."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from app.llm.engine_api import ChatMessage, GenerationParams, GenerationStats, ModelInfo
from app.llm.prompts import PromptFormat
from app.tasks.assistant import ActiveModel, Assistant


class ScriptedGeneration:
    def __init__(self, text: str) -> None:
        self.text = text
        self.cancelled = False
        self.stats = GenerationStats()

    def events(self) -> Iterator[str | tuple[int, int]]:
        yield (1, 1)
        for index in range(0, len(self.text), 4):
            if self.cancelled:
                return
            yield self.text[index : index + 4]

    def cancel(self) -> None:
        self.cancelled = True

    def result(self) -> str:
        return self.text


class ScriptedEngine:
    def __init__(self, answers: list[str]) -> None:
        self.answers = list(answers)
        self.prompts: list[str] = []
        self.chats: list[Sequence[ChatMessage]] = []
        self.alive = True
        self.label = "대본"
        self.model: ModelInfo | None = None

    def generate(
        self, prompt: str, params: GenerationParams | None = None, *, chat: Sequence[ChatMessage] = ()
    ) -> ScriptedGeneration:
        self.prompts.append(prompt)
        self.chats.append(chat)
        return ScriptedGeneration(self.answers.pop(0) if self.answers else "")

    def count_tokens(self, text: str) -> int:
        return len(text) // 2

    def restart(self) -> ScriptedEngine:
        self.alive = True
        return self

    def close(self) -> None:
        self.alive = False


def scripted_assistant(answers: list[str]) -> Assistant:
    model = ActiveModel(Path("scripted.gguf"), "scripted", PromptFormat.COMPLETION, "base-small", 2048)
    return Assistant(ScriptedEngine(answers), model)
