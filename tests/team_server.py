"""llama-cpp-python's own OpenAI-compatible server (`python -m llama_cpp.server`) on 127.0.0.1, as a team's
model server would run: the built-in model (with Baro's adapter), a port chosen free, started and stopped
by the test."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

MODEL_ALIAS = "baro-team"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class TeamServer:
    process: subprocess.Popen[bytes]
    port: int
    log: Path
    api_key: str | None = None
    alias: str = MODEL_ALIAS
    started: float = field(default_factory=time.monotonic)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout: float = 180.0) -> TeamServer:
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited ({self.process.returncode}):\n{self.tail()}")
            try:
                if httpx.get(f"{self.url}/v1/models", headers=headers, timeout=2, trust_env=False).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the server did not start in {timeout:.0f} s:\n{self.tail()}")

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:] if self.log.exists() else ""


def start_team_server(
    model: Path,
    log: Path,
    *,
    adapter: Path | None = None,
    api_key: str | None = None,
    n_ctx: int = 4096,
    threads: int = 2,
    port: int | None = None,
) -> TeamServer:
    """Start (not wait for) the server; ``wait_ready()`` waits until it answers ``/v1/models``."""
    port = port or free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--model_alias", MODEL_ALIAS,
               "--host", "127.0.0.1", "--port", str(port), "--n_ctx", str(n_ctx), "--n_threads", str(threads),
               "--n_threads_batch", str(threads), "--chat_format", "gemma", "--verbose", "false"]  # fmt: skip
    if adapter is not None:
        command += ["--lora_path", str(adapter)]
    if api_key is not None:
        command += ["--api_key", api_key]
    env = dict(os.environ, BARO_TEST_LOOPBACK="1")
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    return TeamServer(process, port, log, api_key)
