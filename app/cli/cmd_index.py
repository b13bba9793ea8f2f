"""`baro index [PATH...] [--json]`: add folders or files to the library and bring its index up to date."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.core.events import Done, Notice, Progress
from app.tasks.library import index_library


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "index",
        help="폴더나 파일을 라이브러리에 추가하고 색인합니다",
        description="폴더나 파일을 라이브러리에 추가하고 색인합니다. 경로 없이 실행하면 추가했던 폴더를 "
        "모두 다시 살펴 바뀐 파일만 색인합니다.",
    )
    parser.add_argument("paths", nargs="*", type=Path, help="색인할 폴더나 파일")
    parser.add_argument("--json", action="store_true", help="결과를 JSON으로 출력")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    show_progress = sys.stderr.isatty()
    done: Done | None = None
    for event in index_library(list(args.paths)):
        if isinstance(event, Progress) and show_progress:
            sys.stderr.write(f"\r\x1b[K{event.stage}")
            sys.stderr.flush()
        elif isinstance(event, Notice):
            if show_progress:
                sys.stderr.write("\r\x1b[K")
            print(f"baro: {event.text}", file=sys.stderr)
        elif isinstance(event, Done):
            done = event
    if show_progress:
        sys.stderr.write("\r\x1b[K")
    if done is None:
        return 1
    if args.json:
        print(json.dumps(done.result.to_json() if done.result else {}, ensure_ascii=False, indent=2))
    else:
        print(done.text)
    return 0
