"""A real HTTP server on 127.0.0.1 that answers like the Hugging Face hub (file tree API + resolve URLs)."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class HubBehaviour:
    drop_after: int | None = None
    """Close the connection after sending this many bytes of a file (an interrupted download)."""
    corrupt: bool = False
    """Send the file with one byte changed, while the API still lists the true sha256."""
    ignore_range: bool = False
    token: str | None = None
    """When set, the repo is gated: requests need `Authorization: Bearer <token>`."""


@dataclass
class FakeHub:
    url: str
    files: dict[tuple[str, str], bytes] = field(default_factory=dict)
    behaviour: HubBehaviour = field(default_factory=HubBehaviour)
    requests: list[dict[str, str]] = field(default_factory=list)

    def add(self, repo: str, name: str, data: bytes) -> str:
        self.files[(repo, name)] = data
        return hashlib.sha256(data).hexdigest()


def _handler(hub: FakeHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_args: object) -> None:
            pass

        def _authorised(self) -> bool:
            wanted = hub.behaviour.token
            if wanted is None or self.headers.get("Authorization") == f"Bearer {wanted}":
                return True
            self.send_response(401)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return False

        def do_GET(self) -> None:
            hub.requests.append({"path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
            if not self._authorised():
                return
            if self.path.startswith("/api/models/"):
                self._tree(self.path.removeprefix("/api/models/"))
            elif "/resolve/main/" in self.path:
                repo, _, name = self.path.lstrip("/").partition("/resolve/main/")
                self._file(repo, name)
            else:
                self._status(404)

        def _status(self, code: int) -> None:
            self.send_response(code)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _tree(self, rest: str) -> None:
            repo, _, _ = rest.partition("/tree/")
            listing = [
                {
                    "type": "file",
                    "path": name,
                    "size": len(data),
                    "oid": "0" * 40,
                    "lfs": {"oid": hashlib.sha256(data).hexdigest(), "size": len(data), "pointerSize": 134},
                }
                for (r, name), data in hub.files.items()
                if r == repo
            ]
            if not listing:
                self._status(404)
                return
            body = json.dumps(listing).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _file(self, repo: str, name: str) -> None:
            data = hub.files.get((repo, name))
            if data is None:
                self._status(404)
                return
            if hub.behaviour.corrupt:
                data = data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:]
            start = 0
            wanted = self.headers.get("Range", "")
            if wanted.startswith("bytes=") and not hub.behaviour.ignore_range:
                start = int(wanted.removeprefix("bytes=").split("-")[0])
                if start >= len(data):
                    self._status(416)
                    return
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
            else:
                self.send_response(200)
            body = data[start:]
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            limit = hub.behaviour.drop_after
            if limit is not None:
                self.wfile.write(body[:limit])
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(body)

    return Handler


@contextmanager
def running_hub() -> Iterator[FakeHub]:
    hub = FakeHub(url="")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(hub))
    server.daemon_threads = True
    hub.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield hub
    finally:
        server.shutdown()
        server.server_close()
