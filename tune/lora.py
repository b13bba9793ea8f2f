"""A frozen linear layer that can carry a trainable low-rank update (LoRA), and choosing which ones do."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import torch
import torch.nn.functional as F
from torch import nn

# GGUF tensor names (without "blk.N." and ".weight") of the projections LoRA may adapt.
ATTENTION = ("attn_q", "attn_k", "attn_v", "attn_output")
FEED_FORWARD = ("ffn_gate", "ffn_up", "ffn_down")


class LoraLinear(nn.Module):
    """y = x Wᵀ + (alpha/rank)·(x Aᵀ) Bᵀ, with W frozen; A and B exist only once LoRA is enabled.

    A is (rank, in) and B is (out, rank): the layouts llama.cpp expects for ``.lora_a`` / ``.lora_b``.
    """

    def __init__(self, weight: torch.Tensor) -> None:
        super().__init__()
        self.register_buffer("weight", weight, persistent=False)
        self.lora_a: nn.Parameter | None = None
        self.lora_b: nn.Parameter | None = None
        self.scale = 0.0

    def enable_lora(self, rank: int, alpha: float, generator: torch.Generator) -> None:
        out_features, in_features = self.weight.shape
        a = torch.empty(rank, in_features)
        # PEFT's default: A ~ Kaiming-uniform(a=sqrt(5)), B = 0, so training starts at the base model exactly.
        bound = (1.0 / in_features) ** 0.5
        a.uniform_(-bound, bound, generator=generator)
        self.lora_a = nn.Parameter(a)
        self.lora_b = nn.Parameter(torch.zeros(out_features, rank))
        self.scale = alpha / rank

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = F.linear(x, self.weight)
        if self.lora_a is not None and self.lora_b is not None:
            y = y + F.linear(F.linear(x, self.lora_a), self.lora_b) * self.scale
        return y


def lora_modules(model: nn.Module) -> Iterator[tuple[str, LoraLinear]]:
    """(GGUF base name, module) for every adaptable projection, e.g. ("blk.3.attn_q", ...)."""
    for name, module in model.named_modules():
        if isinstance(module, LoraLinear):
            yield name.replace("blocks.", "blk."), module


def enable_lora(model: nn.Module, targets: Iterable[str], rank: int, alpha: float, seed: int) -> list[nn.Parameter]:
    """Give the ``targets`` projections of every block a LoRA update; return the trainable parameters."""
    wanted = set(targets)
    unknown = wanted - set(ATTENTION) - set(FEED_FORWARD)
    if unknown:
        raise ValueError(f"unknown LoRA targets: {sorted(unknown)}")
    generator = torch.Generator().manual_seed(seed)
    params: list[nn.Parameter] = []
    for name, module in lora_modules(model):
        if name.rsplit(".", 1)[-1] in wanted:
            module.enable_lora(rank, alpha, generator)
            assert module.lora_a is not None and module.lora_b is not None
            params += [module.lora_a, module.lora_b]
    return params


def lora_state(model: nn.Module) -> dict[str, torch.Tensor]:
    """The trained tensors under llama.cpp's names: "blk.N.attn_q.weight.lora_a" / ".lora_b"."""
    state: dict[str, torch.Tensor] = {}
    for name, module in lora_modules(model):
        if module.lora_a is not None and module.lora_b is not None:
            state[f"{name}.weight.lora_a"] = module.lora_a.detach().clone()
            state[f"{name}.weight.lora_b"] = module.lora_b.detach().clone()
    return state


def load_lora_state(model: nn.Module, state: dict[str, torch.Tensor]) -> None:
    for name, module in lora_modules(model):
        if module.lora_a is not None and module.lora_b is not None:
            with torch.no_grad():
                module.lora_a.copy_(state[f"{name}.weight.lora_a"])
                module.lora_b.copy_(state[f"{name}.weight.lora_b"])
