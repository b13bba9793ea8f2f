"""Compare the PyTorch Gemma 3 forward (tune/gemma3.py) with llama.cpp's logits on the same tokens.

    .venv/bin/python tune/llama_logits.py build/ref              # llama.cpp's logits (project venv)
    /work/tune-venv/bin/python tune/check_forward.py build/ref   # this comparison (tuning venv)

With --lora, the same adapter is applied on the PyTorch side (compare against llama_logits.py --lora).
Prints `name: value` lines; exits 1 when top-1 agreement is below --min-top1.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tune import gguf_weights
from tune.base_model import base_gguf
from tune.gemma3 import Gemma3


def compare(ours: np.ndarray, ref: np.ndarray) -> dict[str, float]:
    diff = np.abs(ours - ref)
    cos = (ours * ref).sum(-1) / (np.linalg.norm(ours, axis=-1) * np.linalg.norm(ref, axis=-1))
    return {
        "top1_agreement": float((ours.argmax(-1) == ref.argmax(-1)).mean()),
        "ref_top1_in_our_top5": float(
            np.mean([r in np.argpartition(-o, 5)[:5] for o, r in zip(ours, ref.argmax(-1), strict=True)])
        ),
        "max_abs_diff": float(diff.max()),
        "mean_abs_diff": float(diff.mean()),
        "ref_logit_std": float(ref.std()),
        "cosine_min": float(cos.min()),
        "cosine_mean": float(cos.mean()),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("ref", type=Path, help="folder with tokens.npy and logits.npy from llama_logits.py")
    parser.add_argument("--base", type=Path, default=None)
    parser.add_argument("--lora", type=Path, default=None, help="a LoRA GGUF to apply on the PyTorch side")
    parser.add_argument("--changed-from", type=Path, default=None, help="llama.cpp's logits without the adapter")
    parser.add_argument("--min-top1", type=float, default=0.85)
    args = parser.parse_args()
    torch.set_num_threads(2)

    tokens = np.load(args.ref / "tokens.npy")
    ref = np.load(args.ref / "logits.npy")
    started = time.perf_counter()
    cfg, weights = gguf_weights.load(base_gguf(args.base), Path(__file__).resolve().parent / "build" / "weights")
    model = Gemma3(cfg, weights).eval()
    load_s = time.perf_counter() - started
    batch = torch.from_numpy(tokens.astype(np.int64))[None]
    ours_base = None
    if args.lora is not None:
        from tune.export_gguf import apply_lora_gguf

        if args.changed_from is not None:
            with torch.no_grad():
                ours_base = model(batch).squeeze(0).numpy()
        apply_lora_gguf(model, args.lora)
    started = time.perf_counter()
    with torch.no_grad():
        ours = model(batch).squeeze(0).numpy()
    forward_s = time.perf_counter() - started
    figures = compare(ours, ref)
    # The same figures over the first 512 positions and over the rest (where the sliding window bites).
    window = cfg.sliding_window
    first, rest = compare(ours[:window], ref[:window]), None
    if len(tokens) > window:
        rest = compare(ours[window:], ref[window:])
    print(f"positions: {len(tokens)}")
    print(f"load_s: {load_s:.1f}")
    print(f"forward_s: {forward_s:.2f}")
    for name, value in figures.items():
        print(f"{name}: {value:.4f}")
    print(f"top1_agreement_first_{window}: {first['top1_agreement']:.4f}")
    if rest is not None:
        print(f"top1_agreement_after_{window}: {rest['top1_agreement']:.4f}")
        print(f"cosine_min_after_{window}: {rest['cosine_min']:.4f}")
    if ours_base is not None and args.changed_from is not None:
        # The adapter's effect: what llama.cpp's logits moved by versus what ours moved by.
        ref_delta = ref - np.load(args.changed_from / "logits.npy")
        our_delta = ours - ours_base
        delta_cos = (ref_delta * our_delta).sum() / (np.linalg.norm(ref_delta) * np.linalg.norm(our_delta))
        print(f"adapter_change_mean_abs_ref: {float(np.abs(ref_delta).mean()):.4f}")
        print(f"adapter_change_mean_abs_ours: {float(np.abs(our_delta).mean()):.4f}")
        print(f"adapter_change_cosine: {float(delta_cos):.4f}")
        print(f"top1_changed_by_adapter_ref: {float((ref.argmax(-1) != (ref - ref_delta).argmax(-1)).mean()):.4f}")
    if figures["top1_agreement"] < args.min_top1:
        sys.exit(1)


if __name__ == "__main__":
    main()
