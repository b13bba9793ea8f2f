"""LoRA-train Gemma 3 270M on tokenized examples; fixed seed, progress with ETA, resumable, GGUF adapter out.

The input is already tokenized by tune/tokenize_data.py (project venv: the app's prompts in
PromptFormat.BARO_TUNED, llama.cpp's tokenizer), one JSON object a line: {"tokens": [2, ...], "loss_from": k}
— the loss covers tokens[k:] (the answer). `make tune` runs the whole chain.

    .venv-tune/bin/python tune/train.py tune/build/tokens/train.jsonl --out tune/build/run

A rerun with the same data and settings resumes from the last checkpoint; with other data or settings it
starts over (the checkpoint records a fingerprint of both).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
import time
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tune import gguf_weights
from tune.base_model import base_gguf
from tune.export_gguf import write_lora_gguf
from tune.gemma3 import Gemma3
from tune.lora import ATTENTION, FEED_FORWARD, enable_lora, load_lora_state, lora_state

CACHE = Path(__file__).resolve().parent / "build" / "weights"


def read_examples(path: Path, max_len: int) -> list[tuple[list[int], int]]:
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            tokens, loss_from = row["tokens"], max(1, int(row["loss_from"]))
            if len(tokens) <= max_len and loss_from < len(tokens) - 1:
                examples.append((tokens, loss_from))
    return examples


RESTRICTED_VOCAB = 16_384
"""With ``--output-vocab restricted``: the output rows the loss is computed over (of 262,144). Cheaper, but it
never pushes the other rows down, and the first adapter trained so ran on in them (tune/FEASIBILITY.md §8)."""


def _korean_or_common(piece: str) -> bool:
    text = piece.replace("\u2581", "")
    return any("\uac00" <= ch <= "\ud7a3" for ch in text) or text.isascii()


def output_vocab(
    examples: list[tuple[list[int], int]], pieces: list[str], size: int = RESTRICTED_VOCAB
) -> torch.Tensor:
    """The output rows the loss may use: every token of the data (answers and prompts), then the most frequent
    Hangul and ASCII pieces, up to ``size``. With the answers' tokens alone (about 1,300) the softmax would
    never see the competitors the model must learn to push down — the copied prompt text, other Korean words."""
    chosen = {t for tokens, _ in examples for t in tokens}
    for token_id, piece in enumerate(pieces):
        if len(chosen) >= size:
            break
        if piece and not piece.startswith("<") and _korean_or_common(piece):
            chosen.add(token_id)
    return torch.tensor(sorted(chosen))


def answer_loss(model: Gemma3, tokens: list[int], loss_from: int, vocab_ids: torch.Tensor | None) -> torch.Tensor:
    """Cross-entropy of the answer tokens only; over the whole output layer unless ``vocab_ids`` restricts it."""
    batch = torch.tensor(tokens)[None]
    positions = torch.arange(loss_from - 1, len(tokens) - 1)
    hidden = model.hidden(batch[:, :-1])[0, positions]
    labels = batch[0, positions + 1]
    if vocab_ids is not None:
        labels = torch.searchsorted(vocab_ids, labels)
    return F.cross_entropy(model.logits(hidden, vocab_ids), labels)


def heldout_loss(model: Gemma3, examples: list[tuple[list[int], int]]) -> float:
    """Mean answer loss over the full vocabulary (what llama.cpp samples from), no gradients."""
    with torch.no_grad():
        return sum(float(answer_loss(model, t, k, None)) for t, k in examples) / max(1, len(examples))


def learning_rate(step: int, total: int, peak: float, warmup: int) -> float:
    """Linear warm-up, then cosine decay to a tenth of the peak."""
    if step < warmup:
        return peak * (step + 1) / warmup
    progress = (step - warmup) / max(1, total - warmup)
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * progress)))


def fingerprint(data: Path, args: argparse.Namespace) -> str:
    ignored = {"out", "threads", "max_steps", "data", "adapter", "heldout"}
    settings = {k: v for k, v in vars(args).items() if k not in ignored}
    digest = hashlib.sha256(data.read_bytes())
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--rank", type=int, default=8)
    parser.add_argument("--alpha", type=float, default=16.0)
    parser.add_argument("--lr", type=float, default=2e-4)
    parser.add_argument("--targets", default=",".join(ATTENTION + FEED_FORWARD))
    parser.add_argument("--warmup", type=int, default=30, help="steps of linear learning-rate warm-up")
    parser.add_argument("--heldout", type=Path, default=None, help="tokenized held-out split: its loss, before/after")
    parser.add_argument("--max-len", type=int, default=768, help="longer examples are skipped (as tokenize_data)")
    parser.add_argument("--adapter", type=Path, default=None, help="where to write the GGUF adapter")
    parser.add_argument(
        "--output-vocab",
        choices=("full", "restricted"),
        default="full",
        help=f"loss over all 262,144 output rows, or {RESTRICTED_VOCAB:,} (faster; the adapter may run on in the rest)",
    )
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--max-steps", type=int, default=0, help="stop early (smoke runs)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    examples = read_examples(args.data, args.max_len)
    print(f"{len(examples)} examples, {args.epochs} epochs, seed {args.seed}", flush=True)
    base = base_gguf(None)
    vocab_ids = output_vocab(examples, gguf_weights.read_vocab(base)) if args.output_vocab == "restricted" else None
    print(f"output rows: {'all' if vocab_ids is None else len(vocab_ids)} of the vocabulary", flush=True)
    cfg, weights = gguf_weights.load(base, CACHE)
    model = Gemma3(cfg, weights).train()
    params = enable_lora(model, args.targets.split(","), rank=args.rank, alpha=args.alpha, seed=args.seed)
    optimizer = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.0)
    order = [
        i
        for epoch in range(args.epochs)
        for i in random.Random(args.seed + epoch).sample(range(len(examples)), len(examples))
    ]

    checkpoint = args.out / "checkpoint.pt"
    start = 0
    run_id = fingerprint(args.data, args)
    saved = torch.load(checkpoint, weights_only=True) if checkpoint.is_file() else None
    if saved is not None and saved.get("fingerprint") != run_id:
        print(f"{checkpoint} is from other data or settings: starting over", flush=True)
        saved = None
    if saved is not None:
        load_lora_state(model, saved["lora"])
        optimizer.load_state_dict(saved["optimizer"])
        start = int(saved["step"])
        print(f"resuming at step {start}/{len(order)}", flush=True)
    total = min(len(order), args.max_steps) if args.max_steps else len(order)
    heldout = read_examples(args.heldout, args.max_len) if args.heldout else []
    if heldout and start == 0:
        print(f"heldout_loss_before: {heldout_loss(model, heldout):.4f}", flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    for step in range(start, total):
        tokens, loss_from = examples[order[step]]
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(step, len(order), args.lr, args.warmup)
        loss = answer_loss(model, tokens, loss_from, vocab_ids)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        done = step + 1 - start
        eta = (time.perf_counter() - began) / done * (total - step - 1)
        print(f"step {step + 1}/{total} loss {float(loss.detach()):.3f} eta {eta / 60:.1f} min", flush=True)
        if (step + 1) % 50 == 0 or step + 1 == total:
            state = {
                "lora": lora_state(model),
                "optimizer": optimizer.state_dict(),
                "step": step + 1,
                "fingerprint": run_id,
            }
            torch.save(state, checkpoint.with_suffix(".part"))
            checkpoint.with_suffix(".part").replace(checkpoint)
    adapter = write_lora_gguf(model, args.adapter or args.out / "baro-lora.gguf", args.alpha)
    print(f"adapter: {adapter}")
    if heldout:
        print(f"heldout_loss_after: {heldout_loss(model, heldout):.4f}", flush=True)


if __name__ == "__main__":
    main()
