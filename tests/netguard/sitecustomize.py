"""Loaded by every Python process of the test suite (tests/conftest.py puts this folder on PYTHONPATH, and
runs this file in the pytest process itself): any attempt to reach the network raises.

Loopback (127.0.0.1, ::1, localhost) is allowed only while ``BARO_TEST_LOOPBACK=1``, which the download
tests set for their HTTP server on 127.0.0.1. Unix sockets (X11, D-Bus, Qt's single-instance server) are
not the network and pass.
"""

import os
import socket
import sys

_LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost", "::ffff:127.0.0.1"})
_INET = frozenset({int(socket.AF_INET), int(socket.AF_INET6)})
_ADDRESS_EVENTS = frozenset({"socket.connect", "socket.sendto", "socket.sendmsg"})
_NAME_EVENTS = frozenset({"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex"})


class NetworkBlocked(PermissionError):
    pass


def _host(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("ascii", "replace")
    return str(value)


def _check(host: str, event: str) -> None:
    if host in _LOOPBACK and os.environ.get("BARO_TEST_LOOPBACK") == "1":
        return
    raise NetworkBlocked(f"the test suite blocks network access: {event} to {host!r} (pid {os.getpid()})")


def _hook(event: str, args: tuple[object, ...]) -> None:
    if event in _ADDRESS_EVENTS:
        sock, address = args[0], args[1]
        if int(getattr(sock, "family", -1)) in _INET and isinstance(address, tuple) and address:
            _check(_host(address[0]), event)
    elif event in _NAME_EVENTS and args:
        _check(_host(args[0]), event)


if not getattr(sys, "_baro_network_blocked", False):
    sys._baro_network_blocked = True  # type: ignore[attr-defined]
    sys.addaudithook(_hook)
