"""`baro draft --template 공문 --field 제목=... [--ref FILE] [--out x.docx|x.hwpx]`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.cmd_guard import hit_notice
from app.cli.model_options import add_model_options, open_assistant
from app.core.errors import BaroError
from app.core.events import Done, GuardHit, Notice, Progress, Token
from app.tasks.drafting import (
    DraftRequest,
    DraftResult,
    Register,
    RepeatedField,
    collect_fields,
    resolve_fields,
    write_draft,
)
from app.tasks.drafting.saving import DRAFT_SUFFIXES, check_draft_target, save_draft
from app.tasks.drafting.templates import draft_template, draft_templates


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "draft",
        help="서식에 맞춰 초안을 씁니다 (공문, 보고서, 이메일 …)",
        description="서식과 항목으로 한국어 업무 문서 초안을 씁니다. 번호·날짜·'끝.'은 규정대로 맞춥니다.",
    )
    parser.add_argument("--template", "-t", help="서식 이름 (예: 공문, 보고서, 이메일, 회의록, 보도자료, 안내문)")
    parser.add_argument(
        "--field", "-f", action="append", default=[], metavar="이름=값",
        help="항목 값. 목록 항목(요점 등)은 여러 번 쓰면 한 줄씩 더해지고, '\\n'으로 줄을 나눌 수도 있습니다.",
    )  # fmt: skip
    parser.add_argument("--ref", action="append", type=Path, default=[], help="참고 문서 (여러 번 쓸 수 있음)")
    parser.add_argument("--register", choices=[r.value for r in Register], help="문체 (기본: 서식의 문체)")
    parser.add_argument("--out", "-o", type=Path, help=f"저장할 파일 ({', '.join(DRAFT_SUFFIXES)})")
    parser.add_argument("--list", action="store_true", help="서식과 항목을 보여 줍니다")
    parser.add_argument("--json", action="store_true", help="결과를 JSON으로 출력")
    parser.add_argument("--max-tokens", type=int, default=120, help="요점 하나에 쓸 최대 토큰 수")
    add_model_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.list or not args.template:
        return _list_templates()
    template = draft_template(args.template)
    try:
        fields = collect_fields(template, _parse_fields(args.field))
    except RepeatedField as err:
        print(f"baro draft: {err.user_message}", file=sys.stderr)
        return 2
    resolve_fields(template, fields)  # a missing field fails here, before the model is loaded
    if args.out is not None:
        check_draft_target(args.out)  # format, folder and permission, before minutes of generation
    for ref in args.ref:
        if not ref.is_file():
            raise BaroError(f"{ref.name}: 참고 문서를 찾을 수 없습니다. 경로를 확인해 주세요.", path=ref)
    request = DraftRequest(
        template,
        fields,
        tuple(args.ref),
        Register(args.register) if args.register else None,
        max_tokens=args.max_tokens,
    )
    assistant = open_assistant(args)
    try:
        done = _stream(write_draft(assistant, request), quiet=args.json)
    finally:
        assistant.close()
    if done is None:
        return 1
    result = done.result
    if not isinstance(result, DraftResult):
        return 1
    if args.out is not None:
        save_draft(result, args.out)
        print(f"baro: {args.out} 에 저장했습니다.", file=sys.stderr)
    for replacement in result.replacements:
        print(f"baro: {replacement.message}", file=sys.stderr)
    for problem in result.problems:
        print(f"baro: 형식 점검: {problem}", file=sys.stderr)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    return 0


def _stream(events: Any, *, quiet: bool) -> Done | None:
    done: Done | None = None
    for event in events:
        if isinstance(event, Token) and not quiet:
            sys.stdout.write(event.text)
            sys.stdout.flush()
        elif isinstance(event, Progress) and not quiet:
            print(f"baro: {event.stage}", file=sys.stderr)
        elif isinstance(event, Notice):
            print(f"baro: {event.text}", file=sys.stderr)
        elif isinstance(event, GuardHit):
            print(hit_notice(event), file=sys.stderr)
        elif isinstance(event, Done):
            done = event
    if done is not None and not quiet:
        sys.stdout.write("\n")
    return done


def _parse_fields(pairs: list[str]) -> list[tuple[str, str]]:
    entries: list[tuple[str, str]] = []
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise BaroError(f"'{pair}': 항목은 '이름=값' 형식으로 써 주세요 (예: --field 제목=교육 안내).")
        entries.append((name.strip(), value.replace("\\n", "\n")))
    return entries


def _list_templates() -> int:
    templates, problems = draft_templates()
    for template in templates:
        print(f"{template.name}\t{template.description}")
        for field in template.fields:
            need = "필수" if field.required else "선택"
            print(f"    {field.key} ({need}, {field.kind}){' — ' + field.hint if field.hint else ''}")
    for problem in problems:
        print(f"baro: {problem.user_message}", file=sys.stderr)
    return 0
