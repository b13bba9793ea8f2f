"""Options every model-using command shares, and opening the model they ask for."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from app.tasks.assistant import Assistant
from app.tasks.model_choice import open_planned, plan_engine
from app.tasks.models import models_folder
from app.tasks.settings import saved_settings
from app.tasks.team_server import WHAT_IS_SENT


def add_model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--model", type=Path, help="사용할 GGUF 모델 파일 (기본: 설정의 모델, 없으면 내장 Gemma 3 270M)"
    )
    parser.add_argument("--ctx", type=int, default=None, help="컨텍스트 길이(토큰)")
    parser.add_argument("--threads", type=int, default=None, help="사용할 CPU 스레드 수")
    parser.add_argument("--load-anyway", action="store_true", help="메모리가 부족해 보여도 모델을 불러옵니다")
    parser.add_argument(
        "--engine",
        metavar="URL",
        default=None,
        help="조직의 OpenAI 호환 모델 서버로 답합니다 (기본: BARO_ENGINE_URL, 없으면 설정, 없으면 내 PC)",
    )
    parser.add_argument("--engine-model", metavar="NAME", default=None, help="조직 서버의 모델 이름 (하나뿐이면 생략)")


def open_assistant(args: argparse.Namespace) -> Assistant:
    models_dir = models_folder()  # only what the model needs: a read-only home can still summarize
    settings = saved_settings()
    plan = plan_engine(
        settings,
        models_dir,
        server_url=args.engine,
        server_model=args.engine_model,
        override=args.model.resolve() if args.model is not None else None,
        context=args.ctx,
        load_anyway=args.load_anyway,
    )
    if plan.server is not None:
        print(f"{plan.model.name}: {WHAT_IS_SENT}", file=sys.stderr)
    return open_planned(replace(plan, threads=args.threads or plan.threads))
