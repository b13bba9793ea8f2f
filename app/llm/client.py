"""The engine client: starts the worker process and talks to it.

``Engine.generate`` returns a ``Generation``: an iterator of streamed text that can be cancelled from
any thread. A worker that dies surfaces as ``EngineCrashed`` (with its signal and last stderr lines) from
whatever call was waiting on it; the calling process lives on and ``restart()`` gives a fresh worker.
"""

from __future__ import annotations

import itertools
import os
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from app.core.child_process import ChildProcess, signal_name
from app.core.errors import EngineCrashed, EngineError, ModelLoadError, ModelNotLoaded
from app.llm.engine_api import LOCAL_ENGINE_LABEL, ChatMessage, GenerationParams, GenerationStats, ModelInfo
from app.llm.gguf_validate import inspect_gguf
from app.llm.process import worker_command
from app.llm.protocol import Message

_CRASH = "__crash__"


def default_threads() -> int:
    try:
        logical = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows
        logical = os.cpu_count() or 2
    # Generation is memory-bound: more threads than physical cores only adds contention.
    return max(1, min(8, logical if logical <= 4 else logical // 2))


ProgressCallback = Callable[[int, int], None]


class Generation(Iterator[str]):
    """Streamed text of one generation. Iterate it; ``cancel()`` from any thread stops it."""

    def __init__(self, engine: Engine, job: int, inbox: queue.Queue[Message]) -> None:
        self._engine = engine
        self._job = job
        self._inbox = inbox
        self._parts: list[str] = []
        self._cancelled = threading.Event()
        self._finished = False
        self.stats = GenerationStats()
        self.on_progress: ProgressCallback | None = None

    @property
    def text(self) -> str:
        return "".join(self._parts)

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        if self._finished or self._cancelled.is_set():
            return
        self._cancelled.set()
        self._engine._send({"id": None, "op": "cancel", "target": self._job})

    def __iter__(self) -> Generation:
        return self

    def __next__(self) -> str:
        while True:
            event = self._next_event()
            if isinstance(event, str):
                return event
            if self.on_progress is not None:
                self.on_progress(*event)

    def events(self) -> Iterator[str | tuple[int, int]]:
        """Tokens (``str``) and prompt-reading progress (``(done, total)``) in the order they happen."""
        while True:
            try:
                yield self._next_event()
            except StopIteration:
                return

    def _next_event(self) -> str | tuple[int, int]:
        while not self._finished:
            message = self._inbox.get()
            kind = message.get("type")
            if kind == "token":
                if self._cancelled.is_set():
                    self.stats.tokens_after_cancel += 1
                    continue
                text = str(message["text"])
                self._parts.append(text)
                return text
            if kind == "progress":
                return (int(message["done"]), int(message["total"]))
            self._finish()
            if kind == "done":
                self._fill_stats(message)
                raise StopIteration
            self._raise_for(message)
        raise StopIteration

    def result(self) -> str:
        for _ in self:
            pass
        return self.text

    def _finish(self) -> None:
        self._finished = True
        self._engine._forget(self._job)

    def _fill_stats(self, message: Message) -> None:
        s = self.stats
        s.finish_reason = str(message.get("finish_reason", ""))
        s.prompt_tokens = int(message.get("prompt_tokens", 0))
        s.cached_tokens = int(message.get("cached_tokens", 0))
        s.completion_tokens = int(message.get("completion_tokens", 0))
        s.prompt_ms = float(message.get("prompt_ms", 0.0))
        s.first_token_ms = float(message.get("first_token_ms", 0.0))
        s.gen_ms = float(message.get("gen_ms", 0.0))
        s.total_ms = float(message.get("total_ms", 0.0))
        after = message.get("sampled_after_cancel")
        s.sampled_after_cancel = int(after) if after is not None else None

    def _raise_for(self, message: Message) -> None:
        if message.get("type") == _CRASH:
            raise self._engine.crash_error()
        raise EngineError(f"모델 엔진 오류: {message.get('message', '')}")


class Engine:
    """A handle on one worker process that owns one model."""

    def __init__(self, *, threads: int | None = None, stderr_lines: int = 60) -> None:
        self.threads = threads or default_threads()
        self._child: ChildProcess | None = None
        self._ids = itertools.count(1)
        self._pending: dict[int, queue.Queue[Message]] = {}
        self._lock = threading.Lock()
        self._stderr_lines = stderr_lines
        self._crash: EngineCrashed | None = None
        self._closing = False
        self.model: ModelInfo | None = None
        self._load_args: dict[str, Any] | None = None

    # --- lifecycle --------------------------------------------------------------------------------

    @property
    def pid(self) -> int | None:
        return self._child.pid if self._child else None

    @property
    def alive(self) -> bool:
        return self._child is not None and self._child.alive() and self._crash is None

    @property
    def stderr_tail(self) -> list[str]:
        return list(self._child.stderr_tail) if self._child is not None else []

    @property
    def label(self) -> str:
        return LOCAL_ENGINE_LABEL

    def start(self) -> Engine:
        if self.alive:
            return self
        self._crash = None
        self._closing = False
        ready: queue.Queue[Message] = queue.Queue()
        with self._lock:
            self._pending = {0: ready}
        self._child = ChildProcess(
            worker_command(), on_message=self._dispatch, on_exit=self._worker_gone, stderr_lines=self._stderr_lines
        )
        first = ready.get()
        with self._lock:
            self._pending.pop(0, None)
        if first.get("type") != "ready":
            raise self.crash_error()
        return self

    def restart(self) -> Engine:
        """A fresh worker; the last loaded model is loaded again."""
        self.close(timeout=2.0)
        self.start()
        if self._load_args is not None:
            self.load(**self._load_args)
        return self

    def close(self, timeout: float = 5.0) -> None:
        child = self._child
        if child is None:
            return
        self._closing = True
        if child.alive():
            try:
                self._send({"id": None, "op": "shutdown"})
            except EngineCrashed:
                pass
            else:
                child.exit_code(timeout)
        child.kill(timeout)
        self._child = None
        self.model = None

    def __enter__(self) -> Engine:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- operations -------------------------------------------------------------------------------

    def load(
        self, path: Path | str, *, n_ctx: int = 4096, n_gpu_layers: int = 0, adapter: Path | None = None
    ) -> ModelInfo:
        model_path = Path(path)
        inspect_gguf(model_path)  # refuse what llama.cpp must not be given: not GGUF, hostile, truncated
        if adapter is not None:
            inspect_gguf(adapter)
        args: dict[str, Any] = {"path": model_path, "n_ctx": n_ctx, "n_gpu_layers": n_gpu_layers, "adapter": adapter}
        reply = self._call(
            {
                "op": "load",
                "path": str(model_path),
                "n_ctx": n_ctx,
                "n_threads": self.threads,
                "n_gpu_layers": n_gpu_layers,
                "lora_path": str(adapter) if adapter is not None else None,
            }
        )
        if reply.get("type") == "error":
            reason = _load_reason(self.stderr_tail)
            raise ModelLoadError(model_path, reason)
        self._load_args = args
        self.model = ModelInfo(
            path=model_path,
            name=str(reply.get("name") or model_path.stem),
            architecture=str(reply.get("architecture", "")),
            n_ctx=int(reply["n_ctx"]),
            n_ctx_train=int(reply.get("n_ctx_train", 0)),
            chat_template=reply.get("chat_template"),
            load_ms=float(reply.get("load_ms", 0.0)),
        )
        return self.model

    def unload(self) -> None:
        self._call({"op": "unload"})
        self.model = None
        self._load_args = None

    def generate(
        self, prompt: str, params: GenerationParams | None = None, *, chat: Sequence[ChatMessage] = ()
    ) -> Generation:
        """``chat`` is for servers that template it themselves; the worker gets ``prompt``, already rendered."""
        if self.model is None:
            raise ModelNotLoaded()
        job, inbox = self._open()
        message = {
            "id": job,
            "op": "generate",
            "prompt": prompt,
            **(params or GenerationParams()).to_message(),
        }
        self._send(message)
        return Generation(self, job, inbox)

    def tokenize(self, text: str, *, add_bos: bool = False, special: bool = False) -> list[int]:
        if self.model is None:
            raise ModelNotLoaded()
        reply = self._call({"op": "tokenize", "text": text, "add_bos": add_bos, "special": special})
        if reply.get("type") != "tokens":
            raise EngineError(f"모델 엔진 오류: {reply.get('message', '')}")
        return [int(i) for i in reply["ids"]]

    def count_tokens(self, text: str) -> int:
        return len(self.tokenize(text))

    # --- plumbing ---------------------------------------------------------------------------------

    def crash_error(self) -> EngineCrashed:
        if self._crash is None:
            self._crash = self._make_crash()
        return self._crash

    def _make_crash(self) -> EngineCrashed:
        code = self._child.exit_code() if self._child is not None else None
        return EngineCrashed(exit_code=code, signal_name=signal_name(code), stderr_tail=self.stderr_tail)

    def _open(self) -> tuple[int, queue.Queue[Message]]:
        if self._child is None:
            self.start()
        if self._crash is not None:
            raise self._crash
        job = next(self._ids)
        inbox: queue.Queue[Message] = queue.Queue()
        with self._lock:
            self._pending[job] = inbox
        return job, inbox

    def _forget(self, job: int) -> None:
        with self._lock:
            self._pending.pop(job, None)

    def _call(self, message: Message) -> Message:
        job, inbox = self._open()
        try:
            self._send({**message, "id": job})
            reply = inbox.get()
        finally:
            self._forget(job)
        if reply.get("type") == _CRASH:
            raise self.crash_error()
        return reply

    def _send(self, message: Message) -> None:
        child = self._child
        if child is None:
            raise self.crash_error()
        try:
            child.send(message)
        except (OSError, ValueError) as err:
            raise self.crash_error() from err

    def _dispatch(self, message: object) -> None:
        if not isinstance(message, dict):
            return
        job = message.get("id")
        with self._lock:
            inbox = self._pending.get(job if isinstance(job, int) else 0)
        if inbox is not None:
            inbox.put(message)

    def _worker_gone(self) -> None:
        """End of the message stream: the worker is gone. Wake everyone who waits on it."""
        if not self._closing:
            self.crash_error()
        with self._lock:
            waiting = list(self._pending.values())
        for inbox in waiting:
            inbox.put({"type": _CRASH})


def _load_reason(stderr_tail: list[str]) -> str:
    hints = [line for line in stderr_tail if "error" in line.lower() or "failed" in line.lower()]
    detail = hints[-1] if hints else "llama.cpp가 파일을 거부했습니다"
    return f"파일이 손상되었거나 지원하지 않는 모델입니다 ({detail.strip()[:200]})."
