"""Read the base model's GGUF: its hyper-parameters and its tensors, dequantized to float32 torch tensors."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import gguf
import numpy as np
import torch

# Not stored in the GGUF; llama.cpp hard-codes them for the gemma3 architecture.
LOCAL_ROPE_BASE = 10_000.0
GLOBAL_LAYER_EVERY = 6  # layers 5, 11, 17 attend globally; the other five of each six use the sliding window


@dataclass(frozen=True)
class Gemma3Config:
    vocab_size: int
    hidden: int
    layers: int
    ffn: int
    heads: int
    kv_heads: int
    head_dim: int
    rms_eps: float
    global_rope_base: float
    sliding_window: int
    local_rope_base: float = LOCAL_ROPE_BASE
    query_scale: float = 0.0  # filled in by from_reader: 1/sqrt(query_pre_attn_scalar)

    def is_global(self, layer: int) -> bool:
        return (layer + 1) % GLOBAL_LAYER_EVERY == 0


def _scalar(reader: gguf.GGUFReader, key: str) -> float:
    field = reader.fields.get(key)
    if field is None:
        raise KeyError(f"{key} missing from the GGUF")
    return float(field.contents())


def read_config(reader: gguf.GGUFReader) -> Gemma3Config:
    arch = str(reader.fields["general.architecture"].contents())
    if arch != "gemma3":
        raise ValueError(f"expected a gemma3 GGUF, got {arch}")
    head_dim = int(_scalar(reader, "gemma3.attention.key_length"))
    return Gemma3Config(
        vocab_size=len(reader.fields["tokenizer.ggml.tokens"].data),
        hidden=int(_scalar(reader, "gemma3.embedding_length")),
        layers=int(_scalar(reader, "gemma3.block_count")),
        ffn=int(_scalar(reader, "gemma3.feed_forward_length")),
        heads=int(_scalar(reader, "gemma3.attention.head_count")),
        kv_heads=int(_scalar(reader, "gemma3.attention.head_count_kv")),
        head_dim=head_dim,
        rms_eps=_scalar(reader, "gemma3.attention.layer_norm_rms_epsilon"),
        global_rope_base=_scalar(reader, "gemma3.rope.freq_base"),
        sliding_window=int(_scalar(reader, "gemma3.attention.sliding_window")),
        # Gemma 3 270M: query_pre_attn_scalar == head_dim (llama.cpp uses 1/sqrt(head_dim) for every size but 27B)
        query_scale=head_dim**-0.5,
    )


def read_vocab(path: Path) -> list[str]:
    """The tokenizer's pieces by id (SentencePiece order: a lower id is a more frequent piece)."""
    field = gguf.GGUFReader(str(path)).fields["tokenizer.ggml.tokens"]
    return [bytes(field.parts[i]).decode("utf-8", "replace") for i in field.data]


def dequantized_tensors(reader: gguf.GGUFReader) -> dict[str, torch.Tensor]:
    """Every tensor as float32 in PyTorch's (out, in) layout: GGUF lists shapes innermost first."""
    tensors: dict[str, torch.Tensor] = {}
    for tensor in reader.tensors:
        values = gguf.quants.dequantize(tensor.data, tensor.tensor_type)
        shape = tuple(int(n) for n in reversed(tensor.shape.tolist()))
        tensors[tensor.name] = torch.from_numpy(np.array(values, dtype=np.float32).reshape(shape))
    return tensors


def load(path: Path, cache_dir: Path | None = None) -> tuple[Gemma3Config, dict[str, torch.Tensor]]:
    """Config and float32 tensors; with ``cache_dir``, both are kept there (~1.1 GB) and memory-mapped on later
    runs, keyed by the GGUF's size and modification time (parsing and dequantizing take ~30-40 s)."""
    cached: Path | None = None
    if cache_dir is not None:
        st = path.stat()
        cached = cache_dir / f"{path.stem}.{st.st_size}.{st.st_mtime_ns}.f32.pt"
        if cached.is_file():
            saved = torch.load(cached, mmap=True, weights_only=True)
            return Gemma3Config(**saved["config"]), saved["tensors"]
    reader = gguf.GGUFReader(str(path))
    cfg, tensors = read_config(reader), dequantized_tensors(reader)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".part")
        torch.save({"config": asdict(cfg), "tensors": tensors}, partial)
        partial.replace(cached)
    return cfg, tensors
