"""`baro extract FILE [--json]`: print a document's text with where each piece came from."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.tasks.documents import open_document


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("extract", help="문서의 글자를 위치와 함께 출력합니다")
    parser.add_argument("file", type=Path, help="HWP, HWPX, PDF, DOCX, PPTX, XLSX, HTML, TXT, MD 파일")
    parser.add_argument("--json", action="store_true", help="JSON으로 출력")
    parser.add_argument("--timeout", type=float, default=None, help="읽기 제한 시간(초)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    document = open_document(args.file, timeout=args.timeout)
    for notice in document.notices:
        print(f"baro: {notice}", file=sys.stderr)
    if args.json:
        payload = {
            "path": str(document.path),
            "title": document.title,
            "format": document.format,
            "notices": document.notices,
            "blocks": [
                {"text": b.text, "kind": b.kind.value, "location": b.location.to_dict()} for b in document.blocks
            ],
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"# {document.title} ({document.format})")
    for block in document.blocks:
        print(f"[{block.location.label()}] {block.text}")
    return 0
