"""Build small but real GGUF files with the `gguf` package's GGUFWriter, for tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from gguf import GGUFWriter

CHATML_TEMPLATE = (
    "{{ bos_token }}{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def build_gguf(
    path: Path,
    *,
    arch: str = "llama",
    name: str = "Tiny Test Model",
    tensors: int = 2,
    rows: int = 64,
    width: int = 256,
    chat_template: str | None = None,
    context_length: int = 2048,
    block_count: int = 2,
) -> Path:
    """A GGUF with ``tensors`` float32 tensors of rows x width (4 * rows * width bytes each)."""
    writer = GGUFWriter(str(path), arch)
    writer.add_name(name)
    writer.add_context_length(context_length)
    writer.add_block_count(block_count)
    writer.add_embedding_length(width)
    writer.add_head_count(4)
    writer.add_head_count_kv(2)
    writer.add_tokenizer_model("llama")
    writer.add_token_list(["<s>", "</s>", "가", "나", "다"])
    writer.add_bos_token_id(0)
    writer.add_eos_token_id(1)
    if chat_template is not None:
        writer.add_chat_template(chat_template)
    rng = np.random.default_rng(7)
    for index in range(tensors):
        writer.add_tensor(f"blk.{index}.weight", rng.standard_normal((rows, width)).astype(np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path
