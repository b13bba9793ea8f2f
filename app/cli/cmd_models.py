"""`baro models list|import FILE|download NAME|verify [NAME]|remove NAME|use NAME|template NAME`.

Every file is checked (GGUF header, tensor table, size) before it is registered; a download is the only
network access Baro makes, and only when asked for here or in the 모델 관리 dialog.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.core.cancel import CancelToken
from app.core.errors import BaroError
from app.tasks.model_download import DownloadPaused, download_model
from app.tasks.models import (
    GIB,
    IMPORT_FORMATS,
    TEMPLATE_CHOICES,
    InstalledModel,
    NotEnoughMemory,
    catalog_entry,
    import_model,
    model_overview,
    open_model_store,
    remove_model,
    use_default_model,
    use_model,
)
from app.tasks.settings import saved_settings


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "models",
        help="모델 목록, 가져오기, 내려받기, 검사, 삭제, 선택",
        description="설치된 모델과 추천 한국어 모델을 관리합니다.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    listing = actions.add_parser("list", help="설치된 모델과 추천 모델을 보여 줍니다")
    listing.add_argument("--json", action="store_true", help="JSON으로 출력")
    listing.set_defaults(handler=run_list)

    importing = actions.add_parser("import", help="내 컴퓨터의 GGUF 파일을 검사한 뒤 가져옵니다")
    importing.add_argument("file", type=Path)
    importing.add_argument("--name", default=None, help="모델을 부를 이름 (기본: 파일에서)")
    importing.add_argument("--format", choices=IMPORT_FORMATS, default=None, help="기본 프롬프트 형식")
    importing.add_argument("--template", choices=TEMPLATE_CHOICES, default="builtin", help="대화 템플릿 선택")
    importing.add_argument("--in-place", action="store_true", help="복사하지 않고 지금 위치의 파일을 씁니다")
    importing.set_defaults(handler=run_import)

    download = actions.add_parser("download", help="추천 모델을 내려받습니다 (이어받기, 체크섬 확인)")
    download.add_argument("name", help="모델 목록의 id (baro models list)")
    download.add_argument("--repo", default=None, help="목록과 다른 저장소에서 받기 (소유자/이름)")
    download.set_defaults(handler=run_download)

    verify = actions.add_parser("verify", help="설치된 모델 파일을 검사합니다")
    verify.add_argument("name", nargs="?", default=None)
    verify.set_defaults(handler=run_verify)

    remove = actions.add_parser("remove", help="모델을 지웁니다")
    remove.add_argument("name")
    remove.set_defaults(handler=run_remove)

    use = actions.add_parser("use", help="앞으로 쓸 모델을 고릅니다 ('default'는 내장 모델)")
    use.add_argument("name")
    use.add_argument("--ctx", type=int, default=None, help="컨텍스트 길이도 함께 바꾸기")
    use.add_argument("--load-anyway", action="store_true", help="메모리가 부족해 보여도 고릅니다")
    use.set_defaults(handler=run_use)

    template = actions.add_parser("template", help="모델에 들어 있는 대화 템플릿을 보여 주거나 선택합니다")
    template.add_argument("name")
    template.add_argument("--use", choices=TEMPLATE_CHOICES, default=None)
    template.set_defaults(handler=run_template)


def _size(n: int) -> str:
    if not n:
        return "-"
    return f"{n / GIB:.2f}GB" if n >= GIB // 2 else f"{n / 1024**2:.1f}MB"


def run_list(args: argparse.Namespace) -> int:
    store = open_model_store()
    overview = model_overview(store, saved_settings())
    if args.json:
        data = {
            "active": overview.active,
            "installed": [
                {**m.__dict__, "prompt_format": str(m.prompt_format), "missing": m.key in overview.missing}
                for m in overview.installed
            ],
            "catalog": [{**m.__dict__, "prompt_format": str(m.prompt_format)} for m in overview.available],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print("설치된 모델:")
    if not overview.installed:
        print("  (없음)")
    for m in overview.installed:
        mark = "*" if m.is_named_by(overview.active) else " "
        if m.key in overview.missing:
            print(f" {mark} {m.key:<28} {'파일 없음':>8}  {store.path_of(m)} 이(가) 지워졌거나 옮겨졌습니다")
            continue
        print(f" {mark} {m.key:<28} {_size(m.size):>8}  {m.prompt_format:<10} 템플릿:{m.template:<8} {m.name}")
    if overview.missing:
        names = ", ".join(sorted(overview.missing))
        print(
            f"\n파일이 없는 모델({names})은 쓸 수 없습니다. 'baro models remove 이름'으로 목록에서 지우거나 다시 가져오세요."
        )
    print("\n내려받을 수 있는 추천 모델:")
    for c in overview.available:
        where = c.repo or "(저장소 미확인: 직접 받아 import)"
        print(f"   {c.id:<28} RAM {c.ram_gb:.1f}GB  {c.license}  {where}")
    print("\n* 표시는 지금 쓰는 모델입니다.")
    return 0


class _Progress:
    def __init__(self, label: str) -> None:
        self.label = label
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        percent = int(done * 100 / total) if total else -1
        if percent != self.shown:
            self.shown = percent
            end = "\r" if sys.stderr.isatty() else "\n"
            text = f"{percent}%" if percent >= 0 else f"{done / 1024**2:.0f}MB"
            print(f"{self.label}: {text} ({_size(done)}/{_size(total)})", end=end, file=sys.stderr, flush=True)


def _show(model: InstalledModel, verb: str) -> None:
    print(
        f"{verb}: {model.key} ({model.name}, {_size(model.size)}, 형식 {model.prompt_format}, 템플릿 {model.template})"
    )


def run_import(args: argparse.Namespace) -> int:
    store = open_model_store()
    model = import_model(
        store,
        args.file,
        key=args.name,
        prompt_format=args.format,
        template=args.template,
        copy=not args.in_place,
        progress=_Progress("체크섬 확인" if args.in_place else "복사"),
    )
    _show(model, "가져옴")
    embedded = store.chat_template(model.key)
    if embedded:
        print(
            "이 모델에는 자체 대화 템플릿이 있습니다. 보려면 'baro models template "
            f"{model.key}', 쓰려면 '--use embedded'를 붙이세요."
        )
    return 0


def run_download(args: argparse.Namespace) -> int:
    entry = catalog_entry(args.name)
    cancel = CancelToken()
    print(f"{entry.name}을(를) 내려받습니다. Ctrl+C로 멈추면 다음에 이어받습니다.", file=sys.stderr)
    try:
        model = download_model(open_model_store(), entry, progress=_Progress("내려받기"), cancel=cancel, repo=args.repo)
    except KeyboardInterrupt:
        cancel.cancel()
        print("\n내려받기를 멈췄습니다. 같은 명령으로 이어받을 수 있습니다.", file=sys.stderr)
        return 130
    except DownloadPaused as paused:
        print(f"\n{paused.user_message}", file=sys.stderr)
        return 130
    print(file=sys.stderr)
    _show(model, "설치됨")
    print(f"이 모델을 쓰려면: baro models use {model.key}")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    store = open_model_store()
    models = [store.get(args.name)] if args.name else store.list()
    failed = 0
    for model in models:
        result = store.verify(model.key)
        failed += not result.ok
        print(f"{'정상' if result.ok else '문제'}  {model.key}: {result.detail}")
    return 1 if failed else 0


def run_remove(args: argparse.Namespace) -> int:
    removed = remove_model(open_model_store(), args.name)
    if removed.was_in_use:
        print("지운 모델을 쓰고 있었으므로 내장 기본 모델로 돌아갑니다.")
    print(f"지움: {removed.model.key}")
    return 0


def run_use(args: argparse.Namespace) -> int:
    if not args.name.strip():
        raise BaroError("모델 이름을 주세요.")
    store = open_model_store()
    model = None if args.name in ("default", "기본") else store.resolve(args.name)
    if model is None:  # "default", or the catalog default's own id
        use_default_model()
        print("내장 기본 모델을 씁니다.")
        return 0
    if store.file_missing(model):
        raise BaroError(
            f"{model.key}: 모델 파일 {store.path_of(model)}이(가) 없습니다. "
            f"다시 가져오거나 'baro models remove {model.key}'로 목록에서 지워 주세요."
        )
    try:
        chosen = use_model(store, model, saved_settings(), context=args.ctx, load_anyway=args.load_anyway)
    except NotEnoughMemory as err:
        print(f"baro: {err.user_message}", file=sys.stderr)
        print("그래도 고르려면 --load-anyway를 붙이세요.", file=sys.stderr)
        return 1
    print(f"앞으로 {model.name}을(를) 씁니다 (컨텍스트 {chosen.n_ctx:,}, 예상 메모리 {chosen.memory / GIB:.1f}GB).")
    return 0


def run_template(args: argparse.Namespace) -> int:
    store = open_model_store()
    model = store.get(args.name)
    if args.use:
        model = store.set_template(model.key, args.use)
        print(f"{model.key}: 대화 템플릿으로 '{model.template}'을(를) 씁니다.")
        return 0
    text = store.chat_template(model.key)
    print(text if text else "(이 모델 파일에는 대화 템플릿이 없습니다. 기본 형식을 씁니다.)")
    print(f"\n지금 선택: {model.template} (바꾸려면 --use builtin 또는 --use embedded)", file=sys.stderr)
    return 0
