"""The messages between the engine client and its worker process (framed by ``app.core.child_process``).

Client → worker: ``{"id": n, "op": "load" | "generate" | "cancel" | "tokenize" | "unload" | "shutdown", ...}``.
Worker → client: ``{"id": n, "type": "ready" | "loaded" | "progress" | "token" | "done" | "tokens" | "ok" |
"error", ...}``. llama.cpp's own output goes to stderr, never into the message stream.
"""

from __future__ import annotations

from typing import Any

Message = dict[str, Any]
