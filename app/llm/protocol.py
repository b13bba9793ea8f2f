"""The JSON-lines protocol between the engine client and its worker process.

Client → worker: ``{"id": n, "op": "load" | "generate" | "cancel" | "tokenize" | "unload" | "shutdown", ...}``.
Worker → client: ``{"id": n, "type": "loaded" | "progress" | "token" | "done" | "tokens" | "ok" | "error", ...}``.
The worker writes nothing else to its protocol stream; llama.cpp's own output goes to stderr.
"""

from __future__ import annotations

import json
from typing import IO, Any

Message = dict[str, Any]


def encode(message: Message) -> str:
    return json.dumps(message, ensure_ascii=False, separators=(",", ":")) + "\n"


def write(stream: IO[str], message: Message) -> None:
    stream.write(encode(message))
    stream.flush()


def decode(line: str) -> Message:
    value = json.loads(line)
    if not isinstance(value, dict):
        raise ValueError("protocol message is not an object")
    return value
