"""Options every model-using command shares, and opening the model they ask for."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.store.paths import app_paths
from app.tasks.assistant import Assistant, default_model, describe_model


def add_model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", type=Path, help="사용할 GGUF 모델 파일 (기본: 내장 Gemma 3 270M)")
    parser.add_argument("--ctx", type=int, default=None, help="컨텍스트 길이(토큰)")
    parser.add_argument("--threads", type=int, default=None, help="사용할 CPU 스레드 수")


def open_assistant(args: argparse.Namespace) -> Assistant:
    if args.model is not None:
        model = describe_model(args.model, args.ctx)
    else:
        model = default_model(app_paths().ensure().models, args.ctx)
    return Assistant.open(model, threads=args.threads)
