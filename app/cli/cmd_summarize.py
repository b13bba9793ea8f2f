"""`baro summarize FILE [--format gist|bullets|sections] [--json]`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.model_options import add_model_options, open_assistant
from app.core.events import Done, Notice, Token
from app.docs import read_document
from app.tasks.summarize import SummaryStyle, summarize_document


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "summarize",
        help="문서를 요약합니다",
        description="문서를 한국어로 요약해 표준 출력에 스트리밍합니다.",
    )
    parser.add_argument("file", type=Path, help="요약할 파일 (HWP, HWPX, PDF, DOCX, TXT, MD …)")
    parser.add_argument(
        "--format",
        choices=[s.value for s in SummaryStyle],
        default=SummaryStyle.BULLETS.value,
        help="요약 형식",
    )
    parser.add_argument("--json", action="store_true", help="결과를 JSON으로 출력")
    add_model_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    document = read_document(args.file)  # a bad file fails here, before the model is loaded
    assistant = open_assistant(args)
    try:
        done: Done | None = None
        for event in summarize_document(assistant, document, SummaryStyle(args.format)):
            if isinstance(event, Token) and not args.json:
                sys.stdout.write(event.text)
                sys.stdout.flush()
            elif isinstance(event, Notice):
                print(f"baro: {event.text}", file=sys.stderr)
            elif isinstance(event, Done):
                done = event
        if done is None:
            return 1
        if args.json:
            print(json.dumps(done.data, ensure_ascii=False, indent=2))
        else:
            sys.stdout.write("\n")
        return 0
    finally:
        assistant.close()
