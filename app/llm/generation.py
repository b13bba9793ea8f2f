"""One generation inside the worker: prompt evaluation that can be cancelled, then streamed tokens.

The prompt is evaluated here in batches (so 중지 works while a long prompt is read, and progress can be
reported), reusing whatever prefix is already in the KV cache. ``create_completion`` then finds the
whole prompt cached and only samples.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from app.llm.protocol import Message

Send = Callable[[Message], None]


class JobControl:
    """Shared between the worker's stdin reader (which cancels) and the running generation."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self.sampled = 0
        self.sampled_at_cancel: int | None = None

    def cancel(self) -> None:
        if not self._event.is_set():
            self.sampled_at_cancel = self.sampled
            self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()


def _common_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _evaluate_prompt(llm: Any, tokens: list[int], send: Send, job: int, cancel: JobControl) -> int:
    """Evaluate all but the last prompt token; return how many were already cached."""
    target = tokens[:-1]
    cached = _common_prefix(llm.input_ids[: llm.n_tokens].tolist(), target)
    if cached < llm.n_tokens:
        llm.n_tokens = cached  # eval() drops the KV cache beyond n_tokens
    step = max(1, int(llm.n_batch))
    total = len(target)
    for start in range(cached, total, step):
        if cancel.is_set():
            return cached
        llm.eval(target[start : start + step])
        send({"id": job, "type": "progress", "stage": "prompt", "done": llm.n_tokens, "total": total})
    return cached


def run_generation(llm: Any, message: Message, send: Send, cancel: JobControl) -> None:
    from llama_cpp import StoppingCriteriaList

    job = int(message["id"])
    prompt = str(message["prompt"])
    tokens: list[int] = llm.tokenize(prompt.encode("utf-8"), add_bos=True, special=True)
    max_tokens = int(message.get("max_tokens", 256))
    if len(tokens) + 1 > llm.n_ctx():
        send(
            {
                "id": job,
                "type": "error",
                "kind": "ContextOverflow",
                "message": f"prompt has {len(tokens)} tokens; the context holds {llm.n_ctx()}",
            }
        )
        return
    max_tokens = max(1, min(max_tokens, llm.n_ctx() - len(tokens)))

    started = time.perf_counter()
    cached = _evaluate_prompt(llm, tokens, send, job, cancel)
    prompt_done = time.perf_counter()
    first_token_at: float | None = None
    produced = 0
    finish = "cancelled"

    stopped = False

    def should_stop(_ids: Any, _logits: Any) -> bool:
        # Called after each sampled token, and once more when the loop ends.
        nonlocal stopped
        if not stopped:
            cancel.sampled += 1
            stopped = cancel.is_set()
        return stopped

    if not cancel.is_set():
        stream = llm.create_completion(
            tokens,
            max_tokens=max_tokens,
            temperature=float(message.get("temperature", 0.2)),
            top_p=float(message.get("top_p", 0.9)),
            top_k=int(message.get("top_k", 40)),
            min_p=float(message.get("min_p", 0.05)),
            repeat_penalty=float(message.get("repeat_penalty", 1.1)),
            stop=list(message.get("stop") or []),
            seed=message.get("seed"),
            stream=True,
            stopping_criteria=StoppingCriteriaList([should_stop]),
        )
        for chunk in stream:
            choice = chunk["choices"][0]
            text = choice.get("text") or ""
            if text:
                if first_token_at is None:
                    first_token_at = time.perf_counter()
                produced += 1
                send({"id": job, "type": "token", "text": text})
            if choice.get("finish_reason"):
                finish = str(choice["finish_reason"])
        if cancel.is_set():
            finish = "cancelled"
    ended = time.perf_counter()
    gen_ms = (ended - (first_token_at or ended)) * 1000 if produced else 0.0
    send(
        {
            "id": job,
            "type": "done",
            "finish_reason": finish,
            "prompt_tokens": len(tokens),
            "cached_tokens": cached,
            "completion_tokens": cancel.sampled,
            "sampled_after_cancel": (
                cancel.sampled - cancel.sampled_at_cancel if cancel.sampled_at_cancel is not None else None
            ),
            "completion_chunks": produced,
            "prompt_ms": round((prompt_done - started) * 1000, 1),
            "total_ms": round((ended - started) * 1000, 1),
            "first_token_ms": round(((first_token_at or ended) - started) * 1000, 1),
            "gen_ms": round(gen_ms, 1),
        }
    )
