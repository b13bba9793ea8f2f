"""What every model engine offers the tasks: the local llama.cpp worker and an organisation's HTTP server alike.

Tasks hold a ``ModelEngine`` and stream a ``TextStream``; they never learn which kind answers, only its
``label`` (shown in the status line: which engine answered).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

LOCAL_ENGINE_LABEL = "내 PC"


@dataclass(frozen=True)
class ChatMessage:
    role: str
    """"system", "user" or "assistant" (the OpenAI chat roles)."""
    content: str


@dataclass(frozen=True)
class ModelInfo:
    path: Path
    name: str
    architecture: str
    n_ctx: int
    n_ctx_train: int
    chat_template: str | None
    load_ms: float


@dataclass(frozen=True)
class GenerationParams:
    max_tokens: int = 256
    temperature: float = 0.2
    top_p: float = 0.9
    top_k: int = 40
    min_p: float = 0.05
    repeat_penalty: float = 1.1
    stop: tuple[str, ...] = ()
    seed: int | None = 7

    def to_message(self) -> dict[str, object]:
        return {
            "max_tokens": self.max_tokens,
            "temperature": self.temperature,
            "top_p": self.top_p,
            "top_k": self.top_k,
            "min_p": self.min_p,
            "repeat_penalty": self.repeat_penalty,
            "stop": list(self.stop),
            "seed": self.seed,
        }


@dataclass
class GenerationStats:
    finish_reason: str = ""
    prompt_tokens: int = 0
    cached_tokens: int = 0
    completion_tokens: int = 0
    prompt_ms: float = 0.0
    first_token_ms: float = 0.0
    gen_ms: float = 0.0
    total_ms: float = 0.0
    tokens_after_cancel: int = 0
    sampled_after_cancel: int | None = None
    """Tokens the worker sampled after it received the cancel (the acceptance bound is 1)."""

    @property
    def tokens_per_second(self) -> float:
        return self.completion_tokens / (self.gen_ms / 1000) if self.gen_ms > 0 else 0.0


class TextStream(Protocol):
    """One generation's streamed text; ``cancel()`` from any thread stops it within a token."""

    stats: GenerationStats

    @property
    def text(self) -> str: ...

    def events(self) -> Iterator[str | tuple[int, int]]:
        """Tokens (``str``) and prompt-reading progress (``(done, total)``) in the order they happen."""
        ...

    def cancel(self) -> None: ...

    def result(self) -> str: ...


class ModelEngine(Protocol):
    """A loaded model that streams answers: the local worker (``Engine``) or a team server (``HttpEngine``)."""

    model: ModelInfo | None

    @property
    def alive(self) -> bool: ...

    @property
    def label(self) -> str:
        """Who answers, for the status line: "내 PC" or the server's host."""
        ...

    def generate(
        self, prompt: str, params: GenerationParams | None = None, *, chat: Sequence[ChatMessage] = ()
    ) -> TextStream:
        """Stream the answer to ``prompt`` (rendered in the model's format); a server's chat endpoint gets
        ``chat`` instead (its own template renders it)."""
        ...

    def count_tokens(self, text: str) -> int: ...

    def restart(self) -> ModelEngine: ...

    def close(self) -> None: ...
