"""`baro guard "문장"`, `baro guard --batch FILE [--json]`, `baro guard --log`: the claims guard without a model.

The same checker that marks generated sentences in every pane. Exit code 1 when any sentence is flagged,
so scripts can use it as a gate.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.core.errors import FileMissing, FileUnreadable
from app.core.events import GuardHit
from app.core.files import open_regular_file
from app.tasks.guarding import (
    check_sentence,
    current_guard,
    current_problems,
    holds_rules,
    recent_hits,
    rule_folders,
    user_rules_folder,
)

LOG_LINES = 50


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "guard",
        help="문장이 지켜야 할 사실(독도·동해 등)을 어기는지 검사합니다 (모델 없이)",
        description=(
            "문장이 사실 지킴이 규칙(독도 영유권, 동해 표기 등)을 어기는지 검사합니다. "
            f"직접 만든 규칙 파일(*.toml)은 {user_rules_folder()} 에 두면 됩니다. 어긴 문장이 있으면 종료 코드 1."
        ),
    )
    parser.add_argument("sentence", nargs="?", help="검사할 문장")
    parser.add_argument("--batch", type=Path, default=None, help="한 줄에 문장 하나인 파일; 한 줄에 판정 하나")
    parser.add_argument("--json", action="store_true", help="JSON으로 출력 (--batch와 함께면 한 줄에 JSON 하나)")
    parser.add_argument("--rules", type=Path, action="append", default=[], help="이 폴더의 규칙 파일도 씁니다")
    parser.add_argument("--log", action="store_true", help="지금까지 생성 결과에서 걸린 문장 기록을 보여 줍니다")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.log:
        return _show_log(args.json)
    if (args.sentence is None) == (args.batch is None):
        print("baro guard: 검사할 문장 하나 또는 --batch 파일 중 하나를 주세요.", file=sys.stderr)
        return 2
    extra = [d.expanduser() for d in args.rules]
    for folder in extra:
        unusable = _rules_folder_problem(folder)
        if unusable:
            print(f"baro guard: {unusable}", file=sys.stderr)
            return 2
    dirs = rule_folders(extra)
    for problem in current_problems(dirs).problems:
        print(f"baro: {problem.user_message}", file=sys.stderr)
    guard = current_guard(dirs)
    sentences = [args.sentence] if args.batch is None else _read_lines(args.batch)
    any_flagged = False
    for sentence in sentences:
        hits = check_sentence(sentence, guard) if sentence.strip() else []
        any_flagged = any_flagged or bool(hits)
        if args.json:
            print(json.dumps(verdict(sentence, hits), ensure_ascii=False, indent=None if args.batch else 2))
        elif args.batch is not None:
            print(_line(hits))
        else:
            _print_single(hits)
    return 1 if any_flagged else 0


def _rules_folder_problem(folder: Path) -> str:
    """Why ``--rules folder`` cannot be used ("" when it can): a rule folder asked for is never skipped silently."""
    if not folder.exists():
        return f"규칙 폴더 {folder}를 찾을 수 없습니다. 경로를 확인해 주세요."
    if not folder.is_dir():
        return f"{folder}는 폴더가 아닙니다. --rules에는 규칙 파일(*.toml)이 든 폴더를 주세요."
    if not holds_rules(folder):
        return f"규칙 폴더 {folder}에 규칙 파일(*.toml)이 없습니다. 폴더를 확인해 주세요."
    return ""


def verdict(sentence: str, hits: list[GuardHit]) -> dict[str, object]:
    first = hits[0] if hits else None
    return {
        "sentence": sentence,
        "flagged": first is not None,
        "rule": first.rule_id if first else None,
        "topic": first.topic if first else None,
        "correction": first.correction if first else None,
        "hits": [h.to_dict() for h in hits],
    }


def _line(hits: list[GuardHit]) -> str:
    if not hits:
        return "ok"
    return "\t".join(("flagged", ",".join(h.rule_id for h in hits), hits[0].correction))


def _print_single(hits: list[GuardHit]) -> None:
    if not hits:
        print("문제 없음: 지켜야 할 사실을 어기지 않습니다.")
    for hit in hits:
        print(f"⚠ 사실과 다름 [{hit.rule_id}] {hit.topic}: {hit.correction}")


def _read_lines(path: Path) -> list[str]:
    if not path.exists():
        raise FileMissing(path)
    try:
        with open_regular_file(path) as handle:  # a FIFO given as the input must not hang
            return handle.read().decode("utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise FileUnreadable(path, f"UTF-8 텍스트 파일로 읽을 수 없습니다({exc})") from exc


def _show_log(as_json: bool) -> int:
    records = recent_hits(LOG_LINES)
    if as_json:
        print(json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=2))
    elif not records:
        print("기록이 없습니다: 지금까지 생성된 문장 중 걸린 것이 없습니다.")
    for record in records if not as_json else []:
        print(f"{record.time}  [{record.rule_id}] {record.sentence}  ({record.task})")
    return 0


def hit_notice(hit: GuardHit) -> str:
    """The stderr line `baro summarize|ask|draft` print for a flagged generated sentence."""
    return f"baro: ⚠ 사실과 다름 [{hit.rule_id}] “{hit.sentence}” → {hit.correction}"
