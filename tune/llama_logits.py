"""Save llama.cpp's logits for a Korean prompt, the reference tune/check_forward.py compares against.

Runs in the project's venv (llama-cpp-python), not the tuning venv:

    .venv/bin/python tune/llama_logits.py OUT_DIR [--tokens N] [--lora ADAPTER.gguf]

Writes OUT_DIR/tokens.npy (int32) and OUT_DIR/logits.npy (float32, positions × vocabulary).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT.parent / "shared" / "corpus" / "articles" / "byline-hyperclova-2023.txt"
FALLBACK = (
    "정부는 오늘 내년도 예산안을 발표했다. 이번 예산안은 지역 균형 발전과 디지털 전환에 중점을 두었으며, "
    "중소기업 지원 예산은 작년보다 12% 늘었다. 회의에서는 청년 일자리 대책과 탄소 중립 계획도 논의되었다. "
)


def korean_prompt() -> str:
    if ARTICLE.is_file():
        return ARTICLE.read_text(encoding="utf-8")
    return FALLBACK * 20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--tokens", type=int, default=640, help="prompt length (over 512 exercises the window)")
    parser.add_argument("--lora", type=Path, default=None)
    parser.add_argument("--model", type=Path, default=None)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from llama_cpp import Llama

    if args.model is None:
        from app.llm.default_model import ensure_default_model
        from app.store.paths import app_paths

        args.model = ensure_default_model(app_paths().ensure().models)
    llm = Llama(
        model_path=str(args.model),
        n_ctx=max(1024, args.tokens + 16),
        n_batch=1024,
        n_ubatch=1024,
        n_threads=2,
        logits_all=True,
        lora_path=str(args.lora) if args.lora else None,
        verbose=False,
    )
    tokens = llm.tokenize(korean_prompt().encode("utf-8"), add_bos=True)[: args.tokens]
    llm.eval(tokens)
    logits = np.asarray(llm.scores[: len(tokens)], dtype=np.float32)
    args.out.mkdir(parents=True, exist_ok=True)
    np.save(args.out / "tokens.npy", np.asarray(tokens, dtype=np.int32))
    np.save(args.out / "logits.npy", logits)
    print(f"tokens: {len(tokens)}")
    print(f"model: {args.model}")


if __name__ == "__main__":
    main()
