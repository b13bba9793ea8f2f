"""Gemma 3 (text) forward pass in PyTorch over the GGUF's dequantized tensors, written to match llama.cpp.

The details that matter: RMSNorm whose weight the GGUF already stores as (1 + w); sandwich norms around
attention and the feed-forward; GeGLU with tanh-approximated GELU; RMSNorm on each query and key head;
NEOX-style RoPE with base 10k on sliding-window layers and 1M on the global ones (every sixth layer);
queries scaled by 1/sqrt(head_dim); embeddings scaled by sqrt(hidden); output tied to the embeddings.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.checkpoint import checkpoint

from tune.gguf_weights import Gemma3Config
from tune.lora import LoraLinear


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float) -> torch.Tensor:
    x32 = x.float()
    normed = x32 * torch.rsqrt(x32.pow(2).mean(-1, keepdim=True) + eps)
    return (normed * weight).to(x.dtype)


def rope_tables(positions: torch.Tensor, head_dim: int, base: float) -> tuple[torch.Tensor, torch.Tensor]:
    inv_freq = base ** (-torch.arange(0, head_dim, 2, dtype=torch.float64) / head_dim)
    angles = positions.to(torch.float64)[:, None] * inv_freq[None, :]
    return angles.cos().float(), angles.sin().float()


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """x: (batch, heads, seq, head_dim); NEOX pairing: element i rotates with element i + head_dim/2."""
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    c, s = cos.to(x.dtype), sin.to(x.dtype)
    return torch.cat((x1 * c - x2 * s, x2 * c + x1 * s), dim=-1)


class Block(nn.Module):
    def __init__(self, cfg: Gemma3Config, index: int, w: dict[str, torch.Tensor]) -> None:
        super().__init__()
        self.cfg = cfg
        self.is_global = cfg.is_global(index)
        p = f"blk.{index}."
        for name in ("attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down"):
            setattr(self, name, LoraLinear(w[p + name + ".weight"]))
        for name in ("attn_norm", "attn_q_norm", "attn_k_norm", "post_attention_norm", "ffn_norm", "post_ffw_norm"):
            self.register_buffer(name, w[p + name + ".weight"], persistent=False)

    def forward(self, x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor:
        cfg = self.cfg
        batch, seq, _ = x.shape
        h = rms_norm(x, self.attn_norm, cfg.rms_eps)
        q = self.attn_q(h).view(batch, seq, cfg.heads, cfg.head_dim).transpose(1, 2)
        k = self.attn_k(h).view(batch, seq, cfg.kv_heads, cfg.head_dim).transpose(1, 2)
        v = self.attn_v(h).view(batch, seq, cfg.kv_heads, cfg.head_dim).transpose(1, 2)
        q = apply_rope(rms_norm(q, self.attn_q_norm, cfg.rms_eps), cos, sin)
        k = apply_rope(rms_norm(k, self.attn_k_norm, cfg.rms_eps), cos, sin)
        attn = F.scaled_dot_product_attention(
            q, k, v, attn_mask=mask, is_causal=mask is None, scale=cfg.query_scale, enable_gqa=True
        )
        attn = self.attn_output(attn.transpose(1, 2).reshape(batch, seq, cfg.heads * cfg.head_dim))
        x = x + rms_norm(attn, self.post_attention_norm, cfg.rms_eps)
        h = rms_norm(x, self.ffn_norm, cfg.rms_eps)
        ffn = self.ffn_down(F.gelu(self.ffn_gate(h), approximate="tanh") * self.ffn_up(h))
        return x + rms_norm(ffn, self.post_ffw_norm, cfg.rms_eps)


class Gemma3(nn.Module):
    def __init__(self, cfg: Gemma3Config, w: dict[str, torch.Tensor]) -> None:
        super().__init__()
        self.cfg = cfg
        self.register_buffer("token_embd", w["token_embd.weight"], persistent=False)
        self.register_buffer("output_norm", w["output_norm.weight"], persistent=False)
        self.blocks = nn.ModuleList(Block(cfg, i, w) for i in range(cfg.layers))
        self.gradient_checkpointing = False

    def _masks(self, seq: int) -> tuple[torch.Tensor | None, torch.Tensor | None]:
        """(local, global) boolean masks, True = may attend; None = plain causal (the fast path)."""
        if seq <= self.cfg.sliding_window:
            return None, None
        i = torch.arange(seq)[:, None]
        j = torch.arange(seq)[None, :]
        causal = j <= i
        return causal & (i - j < self.cfg.sliding_window), causal

    def hidden(self, tokens: torch.Tensor) -> torch.Tensor:
        """Final normed hidden states, (batch, seq, hidden)."""
        cfg = self.cfg
        seq = tokens.shape[1]
        positions = torch.arange(seq)
        local_rope = rope_tables(positions, cfg.head_dim, cfg.local_rope_base)
        global_rope = rope_tables(positions, cfg.head_dim, cfg.global_rope_base)
        local_mask, global_mask = self._masks(seq)
        x = F.embedding(tokens, self.token_embd) * (cfg.hidden**0.5)
        for block in self.blocks:
            cos, sin = global_rope if block.is_global else local_rope
            mask = global_mask if block.is_global else local_mask
            if self.gradient_checkpointing and self.training:
                x = checkpoint(block, x, cos, sin, mask, use_reentrant=False)
            else:
                x = block(x, cos, sin, mask)
        return rms_norm(x, self.output_norm, cfg.rms_eps)

    def logits(self, hidden: torch.Tensor, vocab_ids: torch.Tensor | None = None) -> torch.Tensor:
        """Tied output layer, optionally over a subset of the vocabulary only (rows ``vocab_ids``)."""
        table = self.token_embd if vocab_ids is None else self.token_embd.index_select(0, vocab_ids)
        return F.linear(hidden, table.to(hidden.dtype))

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        return self.logits(self.hidden(tokens))
