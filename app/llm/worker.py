"""The engine worker: a child process that owns the one ``Llama`` object.

Run as ``python -m app.llm.worker``. Jobs run one at a time in the main thread; a reader thread takes
``cancel`` at once so a running generation stops after the token in flight.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from typing import IO, Any

from app.core import child_process
from app.llm.generation import JobControl
from app.llm.protocol import Message


class _Worker:
    def __init__(self, requests: IO[bytes], out: IO[bytes]) -> None:
        self._requests = requests
        self._out = out
        self._out_lock = threading.Lock()
        self._inbox: queue.Queue[Message] = queue.Queue()
        self._control = JobControl()
        self._current: int | None = None
        self._job_lock = threading.Lock()
        self._cancelled_before_start: set[int] = set()
        self._llm: Any = None
        self._model_path: str | None = None

    # --- plumbing ---------------------------------------------------------------------------------

    def send(self, message: Message) -> None:
        with self._out_lock:
            child_process.send(self._out, message)

    def read_stdin(self) -> None:
        while True:
            try:
                message = child_process.receive(self._requests)
            except (EOFError, OSError):
                break
            if not isinstance(message, dict):
                self.send({"id": None, "type": "error", "kind": "protocol", "message": "not a message"})
                continue
            if message.get("op") == "cancel":
                self._cancel_job(message.get("target"))
                continue
            self._inbox.put(message)
        self._inbox.put({"id": None, "op": "shutdown"})

    def run(self) -> None:
        threading.Thread(target=self.read_stdin, name="engine-stdin", daemon=True).start()
        self.send({"id": None, "type": "ready", "pid": os.getpid()})
        while True:
            message = self._inbox.get()
            op = message.get("op")
            if op == "shutdown":
                self._unload()
                self.send({"id": message.get("id"), "type": "ok"})
                return
            self._start_job(message.get("id"))
            try:
                self._dispatch(op, message)
            except Exception as err:  # reported to the client; the worker stays alive
                self.send({"id": self._current, "type": "error", "kind": type(err).__name__, "message": str(err)})
            finally:
                self._current = None

    def _cancel_job(self, target: Any) -> None:
        with self._job_lock:
            if target == self._current:
                self._control.cancel()
            elif isinstance(target, int):
                # The job is still queued: it will start cancelled.
                self._cancelled_before_start.add(target)

    def _start_job(self, job: Any) -> None:
        with self._job_lock:
            self._control = JobControl()
            self._current = job
            if job in self._cancelled_before_start:
                self._cancelled_before_start.discard(job)
                self._control.cancel()

    def _dispatch(self, op: Any, message: Message) -> None:
        handlers = {
            "load": self._load,
            "generate": self._generate,
            "tokenize": self._tokenize,
            "unload": self._unload_op,
            "ping": self._ping,
        }
        handler = handlers.get(op)
        if handler is None:
            raise ValueError(f"unknown op {op!r}")
        handler(message)

    # --- operations -------------------------------------------------------------------------------

    def _ping(self, message: Message) -> None:
        self.send({"id": message["id"], "type": "ok", "loaded": self._model_path})

    def _load(self, message: Message) -> None:
        from llama_cpp import Llama

        self._unload()
        path = str(message["path"])
        started = time.perf_counter()
        try:
            self._llm = Llama(
                model_path=path,
                n_ctx=int(message.get("n_ctx", 4096)),
                n_threads=message.get("n_threads"),
                n_gpu_layers=int(message.get("n_gpu_layers", 0)),
                n_batch=int(message.get("n_batch", 512)),
                lora_path=message.get("lora_path"),
                seed=int(message.get("seed", 0xBA40)),
                verbose=False,
            )
        except (ValueError, RuntimeError, OSError) as err:
            self.send({"id": message["id"], "type": "error", "kind": "ModelLoadError", "message": str(err)})
            return
        self._model_path = path
        meta = dict(self._llm.metadata)
        arch = meta.get("general.architecture", "")
        self.send(
            {
                "id": message["id"],
                "type": "loaded",
                "path": path,
                "n_ctx": self._llm.n_ctx(),
                "n_ctx_train": int(meta.get(f"{arch}.context_length", 0) or 0),
                "architecture": arch,
                "name": meta.get("general.name", ""),
                "chat_template": meta.get("tokenizer.chat_template"),
                "load_ms": round((time.perf_counter() - started) * 1000, 1),
            }
        )

    def _unload_op(self, message: Message) -> None:
        self._unload()
        self.send({"id": message["id"], "type": "ok"})

    def _unload(self) -> None:
        if self._llm is not None:
            self._llm.close()
            self._llm = None
            self._model_path = None

    def _require_model(self) -> Any:
        if self._llm is None:
            raise RuntimeError("no model loaded")
        return self._llm

    def _tokenize(self, message: Message) -> None:
        llm = self._require_model()
        ids = llm.tokenize(
            str(message["text"]).encode("utf-8"),
            add_bos=bool(message.get("add_bos", False)),
            special=bool(message.get("special", False)),
        )
        self.send({"id": message["id"], "type": "tokens", "ids": ids})

    def _generate(self, message: Message) -> None:
        from app.llm.generation import run_generation

        run_generation(self._require_model(), message, self.send, self._control)


def main() -> None:
    requests, replies = child_process.claim_protocol_streams()  # native code's prints go to stderr
    _Worker(requests, replies).run()


if __name__ == "__main__":
    main()
