"""Time LoRA training steps of the PyTorch Gemma 3 on this machine: one configuration per run.

    /work/tune-venv/bin/python tune/bench_step.py --seq 512 --targets attn_q,attn_v --rank 8

Wall time is shared with whatever else runs. Process CPU time is the figure to read, measured with --threads 1
when others load the CPU (with 2 threads, OpenMP threads spin while they wait and inflate it).
Prints `name: value` lines (per step: wall_s, cpu_s, quiet_estimate_s) with the load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tune import gguf_weights
from tune.base_model import base_gguf
from tune.gemma3 import Gemma3
from tune.lora import enable_lora

CACHE = Path(__file__).resolve().parent / "build" / "weights"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seq", type=int, default=512)
    parser.add_argument("--targets", default="attn_q,attn_v")
    parser.add_argument("--rank", type=int, default=8)
    parser.add_argument("--target-fraction", type=float, default=1.0, help="share of positions that carry loss")
    parser.add_argument("--vocab", type=int, default=0, help="restrict the output layer to N tokens (0 = all)")
    parser.add_argument("--bf16", action="store_true")
    parser.add_argument("--checkpointing", action="store_true")
    parser.add_argument("--compile", action="store_true")
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument(
        "--threads", type=int, default=2, help="1 under contention: idle OpenMP threads spin and inflate CPU time"
    )
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)

    load0 = time.perf_counter()
    cfg, weights = gguf_weights.load(base_gguf(None), CACHE)
    print(f"loaded in {time.perf_counter() - load0:.1f} s", file=sys.stderr, flush=True)
    model = Gemma3(cfg, weights)
    model.gradient_checkpointing = args.checkpointing
    params = enable_lora(model, args.targets.split(","), rank=args.rank, alpha=2 * args.rank, seed=0)
    model.train()
    optimizer = torch.optim.AdamW(params, lr=2e-4)
    forward = torch.compile(model.hidden) if args.compile else model.hidden

    generator = torch.Generator().manual_seed(0)
    vocab_ids = None
    if args.vocab:
        vocab_ids = torch.randperm(cfg.vocab_size, generator=generator)[: args.vocab].sort().values
        pool = vocab_ids
    else:
        pool = torch.arange(cfg.vocab_size)
    tokens = pool[torch.randint(len(pool), (1, args.seq + 1), generator=generator)]
    n_loss = max(1, round(args.seq * args.target_fraction))
    loss_positions = torch.arange(args.seq - n_loss, args.seq)  # the answer sits at the end of each example
    labels = tokens[0, 1:][loss_positions]
    if vocab_ids is not None:
        labels = torch.searchsorted(vocab_ids, labels)

    walls, cpus = [], []
    loss_value = 0.0
    for step in range(args.steps + 1):  # step 0 warms up (and compiles)
        wall0, cpu0 = time.perf_counter(), time.process_time()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
            hidden = forward(tokens[:, :-1])[0, loss_positions]
            logits = model.logits(hidden, vocab_ids).float()
        loss = F.cross_entropy(logits, labels)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        loss_value = float(loss.detach())
        print(
            f"step {step}: {time.perf_counter() - wall0:.1f} s wall, {time.process_time() - cpu0:.1f} s cpu",
            file=sys.stderr,
            flush=True,
        )
        if step:
            walls.append(time.perf_counter() - wall0)
            cpus.append(time.process_time() - cpu0)
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    trainable = sum(p.numel() for p in params)
    print(
        f"config: seq={args.seq} targets={args.targets} rank={args.rank} fraction={args.target_fraction} "
        f"vocab={args.vocab or cfg.vocab_size} bf16={args.bf16} ckpt={args.checkpointing} compile={args.compile}"
    )
    print(f"trainable_params: {trainable}")
    print(f"loss: {loss_value:.3f}")
    print(f"wall_s: {wall:.2f}")
    print(f"cpu_s: {cpu:.2f}")
    print(f"threads: {args.threads}")
    # With 1 thread, CPU time bounds the quiet 2-thread step from above (the second core only helps).
    print(f"quiet_estimate_s: {cpu / args.threads:.2f}")
    print(f"loadavg: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
