"""`baro ask "질문" [--in PATH] [--json]`: answer from the library with numbered, checked sources.

The library is searched first; when nothing relevant is found the command says so without loading the
model. Otherwise the answer streams, then each source and every sentence the check could not confirm.
A question on a guarded topic ("독도는 어느 나라 땅인가요?") is answered first with the rule's statement.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from app.cli.cmd_guard import hit_notice
from app.cli.model_options import add_model_options, open_assistant
from app.cli.settled import SettledPrinter, notice_line
from app.core.cancel import CancelToken
from app.core.events import Done, FixedAnswer, GuardHit, Notice, SentenceVerdict, Token, Withdraw
from app.tasks.ask import AskSession, ask
from app.tasks.assistant import Assistant
from app.tasks.results import AnswerResult

PREVIEW_CHARS = 160
VERDICT_WORDS = {"supported": "확인됨", "partial": "일부만 확인됨", "unsupported": "확인되지 않음"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "ask",
        help="라이브러리의 문서로 질문에 답합니다 (출처 표시)",
        description="라이브러리에서 관련 구절을 찾아 번호를 붙여 모델에 주고, 출처와 함께 한국어로 답합니다.",
    )
    parser.add_argument("question", help="질문")
    parser.add_argument("--in", dest="scope", type=Path, default=None, help="이 폴더나 파일 안에서만 찾기")
    parser.add_argument("--json", action="store_true", help="문장별 확인 결과와 출처를 JSON으로 출력")
    add_model_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not args.question.strip():
        print(
            'baro ask: 질문이 비어 있습니다. 물어볼 내용을 적어 주세요 (예: baro ask "출장비 한도는?").',
            file=sys.stderr,
        )
        return 2
    scope = args.scope.absolute() if args.scope is not None else None
    done = _answer(args, AskSession(scope=scope))
    if done is None or not isinstance(done.result, AnswerResult):
        return 1
    if args.json:
        print(json.dumps(done.result.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_result(done.result)
    return 0


def _answer(args: argparse.Namespace, session: AskSession) -> Done | None:
    opened: list[Assistant] = []

    def model(_cancel: CancelToken) -> Iterator[Assistant]:
        opened.append(open_assistant(args))  # only once the library holds something relevant
        yield opened[-1]

    done: Done | None = None
    printer = SettledPrinter()
    try:
        for event in ask(session, args.question, model):
            if isinstance(event, Token | Withdraw | SentenceVerdict):
                shown = printer.feed(event)
                if shown and not args.json:
                    sys.stdout.write(shown)
                    sys.stdout.flush()
            elif isinstance(event, Notice):
                print(f"baro: {notice_line(event)}", file=sys.stderr)
            elif isinstance(event, GuardHit):
                print(hit_notice(event), file=sys.stderr)
            elif isinstance(event, FixedAnswer) and not args.json:
                print(fixed_answer_lines(event.topic, event.statement, event.source), end="\n\n", flush=True)
            elif isinstance(event, Done):
                done = event
    finally:
        for assistant in opened:
            assistant.close()
    return done


def fixed_answer_lines(topic: str, statement: str, source: str) -> str:
    """Baro's fixed answer as the terminal shows it: marked as Baro's, with the rule's source."""
    lines = [f"[바로의 정해진 답 · {topic}] {statement}"]
    if source:
        lines.append(f"  출처: {source}")
    return "\n".join(lines)


def _print_result(result: AnswerResult) -> None:
    if not result.relevant:
        print(result.answer)
        return
    sys.stdout.write("\n")
    if result.answer != result.model_answer:
        print(f"\n원문 문장: {result.answer}")  # shown instead of the streamed answer (see the notice)
    doubtful = [s for s in result.sentences if s.label != "supported"]
    if doubtful:
        print("\n확인이 필요한 문장:")
        for sentence in doubtful:
            reason = " ".join(sentence.reasons) or "원문에서 확인하지 못했습니다."
            print(f"  ✗ {sentence.text} — {VERDICT_WORDS[sentence.label]}: {reason}")
    print("\n출처:")
    for source in result.sources:
        where = source.location.label()
        mark = "*" if source.cited else " "
        print(f"{mark}[{source.number}] {source.file}" + (f" — {where}" if where else ""))
        preview = " ".join(source.text.split())
        print(f"     {preview[:PREVIEW_CHARS]}{'…' if len(preview) > PREVIEW_CHARS else ''}")
