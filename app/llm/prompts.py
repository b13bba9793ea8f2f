"""Prompt formats per model family, in one place.

A task describes what it wants as a ``TaskPrompt`` (system text, the user's content, an optional answer
cue); ``render`` turns it into the exact string and stop sequences that model family expects.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.llm.engine_api import ChatMessage


class PromptFormat(StrEnum):
    GEMMA = "gemma"
    CHATML = "chatml"
    LLAMA3 = "llama3"
    EXAONE = "exaone"
    COMPLETION = "completion"
    """Plain continuation for base (not instruction-tuned) models."""
    BARO_TUNED = "baro"
    """Gemma 3 270M with Baro's LoRA adapter: the exact format it was trained in (``tune/tokenize_data.py``)."""
    SERVER_CHAT = "server-chat"
    """A team server's chat endpoint: it applies its model's own template to ``chat_messages``; the text
    rendered here is only what Baro counts and shows."""


@dataclass(frozen=True)
class TaskPrompt:
    system: str
    """Who the assistant is and the rules it keeps (chat formats only)."""
    content: str
    """The material: document text, passages, the user's question."""
    instruction: str = ""
    """What to do with the content (chat formats; base models echo instructions instead of following them)."""
    cue: str = ""
    """The heading the answer starts under, e.g. "[요약]": how a base model is steered (completion format)."""
    stop: tuple[str, ...] = ()

    @property
    def user(self) -> str:
        return f"{self.content}\n\n{self.instruction}" if self.instruction else self.content


@dataclass(frozen=True)
class RenderedPrompt:
    text: str
    stop: tuple[str, ...]


def render(fmt: PromptFormat, prompt: TaskPrompt) -> RenderedPrompt:
    renderer = _RENDERERS[fmt]
    text, stops = renderer(prompt)
    return RenderedPrompt(text, tuple(dict.fromkeys((*stops, *prompt.stop))))


def chat_messages(prompt: TaskPrompt) -> tuple[ChatMessage, ...]:
    """The prompt as OpenAI chat messages, for a server that templates them itself."""
    system = (ChatMessage("system", prompt.system),) if prompt.system else ()
    return (*system, ChatMessage("user", prompt.user))


BARO_TUNED_END = "<end_of_turn>"
"""What ends every answer the tuned model was trained on (and so where its generation stops)."""


def training_example(prompt: TaskPrompt, answer: str) -> tuple[str, str]:
    """The tuned model's training pair: the prompt exactly as the app renders it, and the answer it learns.

    ``tune/tokenize_data.py`` builds every training example with this, so what the adapter learns from is
    byte for byte what the app sends it at inference (``render(PromptFormat.BARO_TUNED, prompt)``).
    """
    return render(PromptFormat.BARO_TUNED, prompt).text, f"{answer}{BARO_TUNED_END}"


def _baro_tuned(p: TaskPrompt) -> tuple[str, tuple[str, ...]]:
    # Frozen with the adapter: changing a byte here means retraining (`make tune`). Gemma's turn markers with
    # the system text leading the user turn (the guard's facts arrive there); no answer cue, the turn is the cue.
    user = f"{p.system}\n\n{p.user}" if p.system else p.user
    return f"<start_of_turn>user\n{user}{BARO_TUNED_END}\n<start_of_turn>model\n", (BARO_TUNED_END, "<start_of_turn>")


def _gemma(p: TaskPrompt) -> tuple[str, tuple[str, ...]]:
    # Gemma has no system role: the system text leads the first user turn.
    user = f"{p.system}\n\n{p.user}" if p.system else p.user
    return (
        f"<start_of_turn>user\n{user}<end_of_turn>\n<start_of_turn>model\n",
        ("<end_of_turn>", "<start_of_turn>"),
    )


def _chatml(p: TaskPrompt) -> tuple[str, tuple[str, ...]]:
    system = f"<|im_start|>system\n{p.system}<|im_end|>\n" if p.system else ""
    return (f"{system}<|im_start|>user\n{p.user}<|im_end|>\n<|im_start|>assistant\n", ("<|im_end|>",))


def _llama3(p: TaskPrompt) -> tuple[str, tuple[str, ...]]:
    system = f"<|start_header_id|>system<|end_header_id|>\n\n{p.system}<|eot_id|>" if p.system else ""
    return (
        f"{system}<|start_header_id|>user<|end_header_id|>\n\n{p.user}<|eot_id|>"
        "<|start_header_id|>assistant<|end_header_id|>\n\n",
        ("<|eot_id|>",),
    )


def _exaone(p: TaskPrompt) -> tuple[str, tuple[str, ...]]:
    system = f"[|system|]{p.system}[|endofturn|]\n" if p.system else ""
    return (f"{system}[|user|]{p.user}\n[|assistant|]", ("[|endofturn|]",))


def _server_chat(p: TaskPrompt) -> tuple[str, tuple[str, ...]]:
    return (f"{p.system}\n\n{p.user}" if p.system else p.user, ())


def _completion(p: TaskPrompt) -> tuple[str, tuple[str, ...]]:
    # Measured on Gemma 3 270M (base): system text and instructions get echoed back, while a document
    # followed by a heading such as "[요약]" is continued as a summary. See bench/prompt_choice.py.
    cue = f"\n\n{p.cue}\n" if p.cue else "\n\n"
    return (f"{p.content}{cue}", ("\n\n",))


_RENDERERS = {
    PromptFormat.GEMMA: _gemma,
    PromptFormat.CHATML: _chatml,
    PromptFormat.LLAMA3: _llama3,
    PromptFormat.EXAONE: _exaone,
    PromptFormat.COMPLETION: _completion,
    PromptFormat.BARO_TUNED: _baro_tuned,
    PromptFormat.SERVER_CHAT: _server_chat,
}
