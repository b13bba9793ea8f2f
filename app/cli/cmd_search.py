"""`baro search "질문" [--in PATH] [--k N] [--json]` and `baro search --batch FILE`: ranked passages only.

No model runs: this is the retrieval the 질문 pane builds its answers on, with file, location and score.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.core.errors import FileMissing, FileUnreadable
from app.core.files import open_regular_file
from app.tasks.library import Passage, open_library_search

PREVIEW_CHARS = 160


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "search",
        help="라이브러리에서 질문과 관련된 구절을 찾습니다 (모델 없이)",
        description="라이브러리에서 질문과 관련된 구절을 점수 순으로 보여 줍니다. 모델은 쓰지 않습니다.",
    )
    parser.add_argument("query", nargs="?", help="질문이나 검색어")
    parser.add_argument("--in", dest="scope", type=Path, default=None, help="이 폴더나 파일 안에서만 찾기")
    parser.add_argument("--k", type=int, default=5, help="보여 줄 구절 수 (기본 5)")
    parser.add_argument("--json", action="store_true", help="JSON으로 출력")
    parser.add_argument("--batch", type=Path, default=None, help="한 줄에 질문 하나인 파일; 질문마다 JSON 한 줄")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if (args.query is None) == (args.batch is None) or args.k < 1:
        print("baro search: 질문 하나 또는 --batch 파일 중 하나를 주세요 (--k는 1 이상).", file=sys.stderr)
        return 2
    if args.query is not None and not args.query.strip():
        print(
            'baro search: 검색어가 비어 있습니다. 찾을 내용을 적어 주세요 (예: baro search "출장비 규정").',
            file=sys.stderr,
        )
        return 2
    with open_library_search(args.scope) as library:
        if args.batch is not None:
            queries = _read_queries(args.batch)
            for query, passages in zip(queries, library.search_many(queries, k=args.k), strict=True):
                _print_json(query, passages, indent=None)
            return 0
        passages = library.search(args.query, k=args.k)
    if args.json:
        _print_json(args.query, passages, indent=2)
    elif not passages:
        print("관련된 구절을 찾지 못했습니다.")
    else:
        for rank, passage in enumerate(passages, start=1):
            _print_passage(rank, passage)
    return 0


def _read_queries(path: Path) -> list[str]:
    try:
        with open_regular_file(path) as handle:  # a FIFO given as the batch file must not hang
            text = handle.read().decode("utf-8-sig")
    except FileNotFoundError as err:
        raise FileMissing(path) from err
    except (OSError, UnicodeDecodeError) as err:
        raise FileUnreadable(path, "UTF-8 텍스트 파일이어야 합니다") from err
    return [line.strip() for line in text.splitlines() if line.strip()]


def _print_json(query: str, passages: list[Passage], *, indent: int | None) -> None:
    payload = {"query": query, "passages": [p.to_dict() for p in passages]}
    print(json.dumps(payload, ensure_ascii=False, indent=indent))


def _print_passage(rank: int, passage: Passage) -> None:
    where = passage.location.label()
    print(f"{rank}. [{passage.score:.3f}] {passage.path}" + (f" — {where}" if where else ""))
    preview = " ".join(passage.text.split())
    if len(preview) > PREVIEW_CHARS:
        preview = preview[:PREVIEW_CHARS] + "…"
    print(f"   {preview}")
