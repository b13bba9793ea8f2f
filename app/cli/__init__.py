"""`baro <command>`: the same tasks as the GUI, on the command line (no Qt here). Sees only ``app.tasks``
and ``app.core`` (import-linter: "The CLI sees only app.tasks and app.core").

Exit codes: 0 success, 1 the input or the model failed (the message says why), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app import __version__
from app.cli.commands import COMMANDS
from app.core.errors import BaroError
from app.tasks.documents import keep_recognised_pages

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="baro", description="바로 — 내 컴퓨터에서만 도는 한국어 업무 도우미")
    parser.add_argument("--version", action="version", version=f"baro {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_stdio()
    parser = build_parser()
    args = parser.parse_args(argv)
    keep_recognised_pages()
    try:
        code: int = args.handler(args)
        return code
    except BaroError as err:
        print(f"baro: {err.user_message}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("baro: 중지했습니다.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _utf8_stdio() -> None:
    # Windows consoles default to a legacy code page; Korean must still print.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
