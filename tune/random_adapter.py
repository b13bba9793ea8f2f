"""Write a small random LoRA adapter (B ≠ 0) to check the GGUF export end to end against llama.cpp:

    /work/tune-venv/bin/python tune/random_adapter.py tune/build/random_lora.gguf
    .venv/bin/python tune/llama_logits.py tune/build/ref128 --tokens 128
    .venv/bin/python tune/llama_logits.py tune/build/ref128_lora --tokens 128 --lora tune/build/random_lora.gguf
    /work/tune-venv/bin/python tune/check_forward.py tune/build/ref128_lora --lora tune/build/random_lora.gguf \
        --changed-from tune/build/ref128
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tune import gguf_weights
from tune.base_model import base_gguf
from tune.export_gguf import write_lora_gguf
from tune.gemma3 import Gemma3
from tune.lora import enable_lora

CACHE = Path(__file__).resolve().parent / "build" / "weights"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--rank", type=int, default=8)
    parser.add_argument("--std", type=float, default=0.02, help="spread of B: large enough to move the logits")
    parser.add_argument("--targets", default="attn_q,attn_v,attn_output,ffn_down")
    args = parser.parse_args()
    cfg, weights = gguf_weights.load(base_gguf(None), CACHE)
    model = Gemma3(cfg, weights)
    alpha = 2.0 * args.rank
    params = enable_lora(model, args.targets.split(","), rank=args.rank, alpha=alpha, seed=1)
    generator = torch.Generator().manual_seed(2)
    with torch.no_grad():
        for b in params[1::2]:
            b.normal_(0.0, args.std, generator=generator)
    write_lora_gguf(model, args.out, alpha, name="random-check")
    print(f"adapter: {args.out}")
    print(f"adapter_bytes: {args.out.stat().st_size}")


if __name__ == "__main__":
    main()
