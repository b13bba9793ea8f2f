"""Write the trained LoRA as a GGUF adapter llama.cpp loads on top of the base (llama-cpp-python's lora_path),
and read one back into the PyTorch model.

llama.cpp's adapter format: general.type = "adapter", general.architecture = the base's ("gemma3"),
adapter.type = "lora", adapter.lora.alpha = alpha; per adapted weight "blk.N.attn_q.weight.lora_a" of
shape (rank, in) and ".lora_b" of shape (out, rank) in row-major numpy terms. It scales B·A by alpha/rank.
"""

from __future__ import annotations

from pathlib import Path

import gguf
import numpy as np
import torch
from torch import nn

from tune.lora import lora_modules, lora_state

ARCHITECTURE = "gemma3"


def write_lora_gguf(model: nn.Module, path: Path, alpha: float, name: str = "baro-lora") -> Path:
    state = lora_state(model)
    if not state:
        raise ValueError("the model carries no LoRA weights to export")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    writer = gguf.GGUFWriter(str(partial), arch=ARCHITECTURE)
    writer.add_type(gguf.GGUFType.ADAPTER)
    writer.add_name(name)
    writer.add_string(gguf.Keys.Adapter.TYPE, "lora")
    writer.add_float32(gguf.Keys.Adapter.LORA_ALPHA, float(alpha))
    for tensor_name in sorted(state):
        # float16 halves the committed file; llama.cpp adds the update in float32 either way
        writer.add_tensor(tensor_name, state[tensor_name].numpy().astype(np.float16))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    partial.replace(path)
    return path


def apply_lora_gguf(model: nn.Module, path: Path) -> None:
    """Attach the adapter at ``path`` to the matching projections of ``model`` (for checks, not training)."""
    reader = gguf.GGUFReader(str(path))
    if str(reader.fields["general.type"].contents()) != "adapter":
        raise ValueError(f"{path} is not a GGUF adapter")
    alpha = float(reader.fields[gguf.Keys.Adapter.LORA_ALPHA].contents())
    tensors = {t.name: torch.from_numpy(np.array(t.data, dtype=np.float32)) for t in reader.tensors}
    found = 0
    for base_name, module in lora_modules(model):
        a = tensors.get(f"{base_name}.weight.lora_a")
        b = tensors.get(f"{base_name}.weight.lora_b")
        if a is None or b is None:
            continue
        module.lora_a = nn.Parameter(a.reshape(-1, module.weight.shape[1]), requires_grad=False)
        module.lora_b = nn.Parameter(b.reshape(module.weight.shape[0], -1), requires_grad=False)
        module.scale = alpha / module.lora_a.shape[0]
        found += 1
    if found * 2 != len(tensors):
        raise ValueError(f"{path}: {len(tensors)} tensors, {found} matched pairs")
