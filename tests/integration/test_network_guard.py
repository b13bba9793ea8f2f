"""The suite-wide network block (tests/netguard) really blocks, here and in the processes tests start."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.request import urlopen

import pytest

ROOT = Path(__file__).resolve().parents[2]
# 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never routed, so even a broken guard could not reach anyone.
UNROUTABLE = ("192.0.2.1", 80)


class _Hello(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = "안녕".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_a_connection_out_of_the_machine_is_refused_before_any_packet() -> None:
    with pytest.raises(PermissionError, match="blocks network access"):
        socket.create_connection(UNROUTABLE, timeout=0.5)


def test_a_name_lookup_is_refused() -> None:
    with pytest.raises(PermissionError, match="blocks network access"):
        socket.getaddrinfo("huggingface.co", 443)


def test_loopback_is_refused_too_unless_a_test_asks_for_it(local_server: str) -> None:
    with pytest.raises(OSError, match="blocks network access"):
        urlopen(local_server, timeout=5)


@pytest.mark.usefixtures("loopback_network")
def test_the_download_tests_fixture_opens_loopback_only(local_server: str) -> None:
    with urlopen(local_server, timeout=5) as response:
        assert response.read().decode() == "안녕"
    with pytest.raises(PermissionError):
        socket.create_connection(UNROUTABLE, timeout=0.5)


def test_processes_started_by_tests_are_blocked_as_well() -> None:
    code = "import socket\nsocket.getaddrinfo('huggingface.co', 443)\n"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=dict(os.environ), timeout=60
    )
    assert result.returncode != 0
    assert "blocks network access" in result.stderr
