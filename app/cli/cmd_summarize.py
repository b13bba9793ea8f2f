"""`baro summarize FILE [--format gist|bullets|sections] [--json]`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.cmd_guard import hit_notice
from app.cli.model_options import add_model_options, open_assistant
from app.cli.settled import SettledPrinter, notice_line
from app.core.events import Done, GuardHit, KeyPoints, Notice, SentenceVerdict, Token, Withdraw
from app.tasks.documents import open_document
from app.tasks.results import SummaryResult
from app.tasks.summarize import SummaryLength, SummaryRequest, SummaryStyle, summarize_document


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
    parser.add_argument(
        "--length", choices=[s.value for s in SummaryLength], default=SummaryLength.MEDIUM.value, help="요약 길이"
    )
    parser.add_argument("--json", action="store_true", help="결과를 JSON으로 출력")
    add_model_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    document = open_document(args.file)  # a bad file fails here, before the model is loaded
    assistant = open_assistant(args)
    try:
        done: Done | None = None
        request = SummaryRequest(SummaryStyle(args.format), SummaryLength(args.length))
        flagged: list[SentenceVerdict] = []
        printer = SettledPrinter()
        for event in summarize_document(assistant, document, request):
            if isinstance(event, Notice):
                print(f"baro: {notice_line(event)}", file=sys.stderr)
            elif isinstance(event, GuardHit):
                print(hit_notice(event), file=sys.stderr)
            elif isinstance(event, Done):
                done = event
            elif args.json:
                continue
            elif isinstance(event, KeyPoints):
                _print_quotes(event)
            elif isinstance(event, Token | Withdraw | SentenceVerdict):
                _write(printer.feed(event))
                if isinstance(event, SentenceVerdict) and event.label == "partial":
                    flagged.append(event)
        if done is None or not isinstance(done.result, SummaryResult):
            return 1
        if args.json:
            print(json.dumps(done.result.to_json(), ensure_ascii=False, indent=2))
        else:
            _write(printer.finish(kept=bool(done.text)))
            sys.stdout.write("\n")
            _print_flags(flagged, len(done.result.withdrawn))
        return 0
    finally:
        assistant.close()


def _print_quotes(points: KeyPoints) -> None:
    print("■ 핵심 문장 (원문 그대로)")
    for quote in points.highlights:
        where = quote.location.label()
        print(f"  - {quote.text}" + (f"  [{where}]" if where else ""))
    print("\n■ AI 요약 (모델이 쓴 글 — 아래 표시를 확인하세요)")
    sys.stdout.flush()


def _write(text: str) -> None:
    if text:
        sys.stdout.write(text)
        sys.stdout.flush()


def _print_flags(flagged: list[SentenceVerdict], withdrawn: int) -> None:
    if withdrawn:
        print(f"\n(모델이 쓴 부분 {withdrawn}곳은 원문으로 확인되지 않거나 되풀이되어 뺐습니다.)")
    if not flagged:
        return
    print("\n■ 원문으로 일부만 확인된 문장")
    for item in flagged:
        reason = f" — {item.reasons[0]}" if item.reasons else ""
        print(f"  △ 일부만 확인: {item.text}{reason}")
