"""Read a GGUF file's metadata with hard limits, before llama.cpp is ever given the file.

Nothing here trusts a count or a length from the file: each is checked against the bytes that are really
left, so a hostile header (a trillion tensors, a 2**60-byte string) is refused at once instead of being
looped over or allocated. The tensor table gives the size the weights must have, so a truncated download
is caught from its metadata alone.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from app.core.errors import ModelLoadError, NotRegularFile
from app.core.files import open_regular_file

GGUF_MAGIC = b"GGUF"
SUPPORTED_VERSIONS = (2, 3)
MAX_DIMS = 4  # GGML_MAX_DIMS
MAX_TENSOR_NAME = 64  # GGML_MAX_NAME: llama.cpp refuses longer names
MAX_KEY_BYTES = 65_535
MAX_KEPT_STRING = 4_096
MAX_TEMPLATE_BYTES = 1 << 20
MAX_STRING_BYTES = 1 << 26
DEFAULT_ALIGNMENT = 32
# Far beyond any real model (a 70B model has ~1,000 tensors and ~40 keys): larger counts are hostile.
MAX_TENSORS = 1_000_000
MAX_KV = 100_000
# The fewest bytes one key/value pair or one tensor description can take: anything that claims more
# entries than the file could hold is a broken or hostile header.
MIN_KV_BYTES = 8 + 1 + 4 + 1
MIN_TENSOR_INFO_BYTES = 8 + 1 + 4 + 8 + 4 + 8

_STRING = 8
_ARRAY = 9
_SCALAR_FORMATS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}
_TEMPLATE_KEYS = ("tokenizer.chat_template",)

Scalar = int | float | bool | str


@dataclass(frozen=True)
class GgufInfo:
    path: Path
    version: int
    tensor_count: int
    kv_count: int
    file_size: int
    data_offset: int
    data_size: int
    metadata: dict[str, Scalar] = field(repr=False)
    """Scalar values (short strings and numbers) by key; long strings and arrays are skipped."""
    vocab_size: int = 0
    bos_token: str = ""
    eos_token: str = ""

    @property
    def architecture(self) -> str:
        return str(self.metadata.get("general.architecture", ""))

    @property
    def name(self) -> str:
        return str(self.metadata.get("general.name", "") or self.path.stem)

    @property
    def chat_template(self) -> str:
        return str(self.metadata.get("tokenizer.chat_template", ""))

    def arch_int(self, key: str, default: int = 0) -> int:
        value = self.metadata.get(f"{self.architecture}.{key}", default)
        return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else default

    @property
    def context_length(self) -> int:
        return self.arch_int("context_length")

    @property
    def block_count(self) -> int:
        return self.arch_int("block_count")

    @property
    def embedding_length(self) -> int:
        return self.arch_int("embedding_length")

    @property
    def head_count(self) -> int:
        return self.arch_int("attention.head_count")

    @property
    def head_count_kv(self) -> int:
        return self.arch_int("attention.head_count_kv", self.head_count)

    @property
    def key_length(self) -> int:
        fallback = self.embedding_length // self.head_count if self.head_count else 0
        return self.arch_int("attention.key_length", fallback)

    @property
    def value_length(self) -> int:
        return self.arch_int("attention.value_length", self.key_length)


def _broken(path: Path, detail: str) -> ModelLoadError:
    return ModelLoadError(path, f"GGUF 헤더가 올바르지 않습니다 ({detail}). 파일이 손상되었을 수 있습니다.")


def _truncated(path: Path, detail: str) -> ModelLoadError:
    return ModelLoadError(path, f"파일이 잘려 있습니다 ({detail}). 내려받기가 끝나지 않았다면 다시 받아 주세요.")


class _Reader:
    """Bounded reads: every length is checked against the bytes really left in the file."""

    def __init__(self, path: Path, handle: BinaryIO, size: int) -> None:
        self.path = path
        self.f = handle
        self.size = size
        self.pos = 0

    @property
    def left(self) -> int:
        return self.size - self.pos

    def take(self, n: int, what: str) -> bytes:
        if n > self.left:
            raise _truncated(self.path, f"{what}에서 파일이 끝남")
        data = self.f.read(n)
        if len(data) != n:
            raise _truncated(self.path, f"{what}에서 파일이 끝남")
        self.pos += n
        return data

    def skip(self, n: int, what: str) -> None:
        if n > self.left:
            raise _truncated(self.path, f"{what}에서 파일이 끝남")
        self.f.seek(n, 1)
        self.pos += n

    def unpack(self, fmt: str, what: str) -> int | float | bool:
        value: int | float | bool = struct.unpack(fmt, self.take(struct.calcsize(fmt), what))[0]
        return value

    def u32(self, what: str) -> int:
        return int(self.unpack("<I", what))

    def u64(self, what: str) -> int:
        return int(self.unpack("<Q", what))

    def string_length(self, what: str, limit: int) -> int:
        length = self.u64(what)
        if length > self.left:
            raise _truncated(self.path, f"{what}의 길이 {length:,}바이트가 남은 파일보다 큼")
        if length > limit:
            raise _broken(self.path, f"{what}의 길이 {length:,}바이트")
        return length

    def string(self, what: str, limit: int) -> str:
        return self.take(self.string_length(what, limit), what).decode("utf-8", errors="replace")

    def skip_string(self, what: str) -> None:
        self.skip(self.string_length(what, MAX_STRING_BYTES), what)


def inspect_gguf(path: Path) -> GgufInfo:
    """Check ``path`` is a complete, sane GGUF file and return its metadata; raise ModelLoadError if not."""
    try:
        with open_regular_file(path) as handle:  # a FIFO or /dev/zero named as a model must not hang
            return _parse(_Reader(path, handle, os.fstat(handle.fileno()).st_size))
    except FileNotFoundError:
        raise ModelLoadError(path, "파일을 찾을 수 없습니다.") from None
    except NotRegularFile as err:
        raise ModelLoadError(path, f"일반 파일이 아닙니다 ({err.kind}). .gguf 파일을 선택해 주세요.") from None
    except IsADirectoryError:
        raise ModelLoadError(path, "폴더입니다. .gguf 파일을 선택해 주세요.") from None
    except OSError as err:
        raise ModelLoadError(path, f"파일을 읽을 수 없습니다 ({err.strerror}).") from None


def _parse(r: _Reader) -> GgufInfo:
    path = r.path
    if r.size < 4 or r.f.read(4) != GGUF_MAGIC:
        raise ModelLoadError(path, "GGUF 모델 파일이 아닙니다. llama.cpp용 .gguf 파일을 선택해 주세요.")
    r.pos = 4
    version = r.u32("버전")
    if version not in SUPPORTED_VERSIONS:
        raise ModelLoadError(path, f"지원하지 않는 GGUF 버전입니다 (v{version}).")
    tensor_count = r.u64("텐서 수")
    kv_count = r.u64("메타데이터 수")
    if tensor_count == 0:
        raise _broken(path, "텐서가 없음")
    counts = (
        (tensor_count, MAX_TENSORS, MIN_TENSOR_INFO_BYTES, "텐서"),
        (kv_count, MAX_KV, MIN_KV_BYTES, "메타데이터"),
    )
    for count, limit, _, what in counts:  # an absurd count is a hostile header, whatever the file's size
        if count > limit:
            raise _broken(path, f"{what} {count:,}개")
    for count, _, least, what in counts:
        if count * least > r.left:
            raise _truncated(path, f"{what} {count:,}개를 담기에 파일({r.size:,}바이트)이 너무 작음")

    metadata: dict[str, Scalar] = {}
    tokens_at: tuple[int, int] | None = None  # (file offset of the first string, count)
    for index in range(kv_count):
        key = r.string(f"메타데이터 {index}번 키", MAX_KEY_BYTES)
        value_type = r.u32(f"'{key}' 값의 형식")
        if value_type == _ARRAY:
            item_type = r.u32(f"'{key}' 배열의 형식")
            count = r.u64(f"'{key}' 배열의 길이")
            if key == "tokenizer.ggml.tokens" and item_type == _STRING:
                tokens_at = (r.pos, count)
            _skip_array(r, key, item_type, count)
        elif value_type == _STRING:
            limit = MAX_TEMPLATE_BYTES if key in _TEMPLATE_KEYS else MAX_STRING_BYTES
            length = r.string_length(f"'{key}' 값", limit)
            if length <= MAX_KEPT_STRING or key in _TEMPLATE_KEYS:
                metadata[key] = r.take(length, f"'{key}' 값").decode("utf-8", errors="replace")
            else:
                r.skip(length, f"'{key}' 값")
        elif value_type in _SCALAR_FORMATS:
            metadata[key] = r.unpack(_SCALAR_FORMATS[value_type], f"'{key}' 값")
        else:
            raise _broken(path, f"'{key}'의 값 형식 {value_type}을(를) 알 수 없음")

    alignment = metadata.get("general.alignment", DEFAULT_ALIGNMENT)
    if not isinstance(alignment, int) or alignment <= 0 or alignment & (alignment - 1):
        raise _broken(path, f"정렬 값 {alignment!r}")
    data_size = _read_tensor_infos(r, tensor_count, alignment)
    data_offset = -(-r.pos // alignment) * alignment
    expected = data_offset + data_size
    if r.size < expected:
        raise _truncated(path, f"텐서 정보로 계산한 크기는 {expected:,}바이트인데 파일은 {r.size:,}바이트")

    vocab_size = tokens_at[1] if tokens_at else 0
    bos, eos = _special_tokens(r, metadata, tokens_at)
    return GgufInfo(
        path=path,
        version=version,
        tensor_count=tensor_count,
        kv_count=kv_count,
        file_size=r.size,
        data_offset=data_offset,
        data_size=data_size,
        metadata=metadata,
        vocab_size=vocab_size,
        bos_token=bos,
        eos_token=eos,
    )


def _skip_array(r: _Reader, key: str, item_type: int, count: int) -> None:
    what = f"'{key}' 배열"
    if item_type == _STRING:
        if count * 8 > r.left:
            raise _truncated(r.path, f"{what}의 길이 {count:,}")
        for _ in range(count):
            r.skip_string(what)
    elif item_type in _SCALAR_FORMATS:
        r.skip(count * struct.calcsize(_SCALAR_FORMATS[item_type]), what)
    else:
        # llama.cpp does not accept arrays of arrays either.
        raise _broken(r.path, f"{what}의 항목 형식 {item_type}")


def _read_tensor_infos(r: _Reader, tensor_count: int, alignment: int) -> int:
    """Walk the tensor table; return how many data bytes the tensors need."""
    from gguf.constants import GGML_QUANT_SIZES, GGMLQuantizationType

    end = 0
    for index in range(tensor_count):
        name = r.string(f"텐서 {index}번 이름", MAX_TENSOR_NAME)
        n_dims = r.u32(f"텐서 '{name}'의 차원 수")
        if not 1 <= n_dims <= MAX_DIMS:
            raise _broken(r.path, f"텐서 '{name}'의 차원 수 {n_dims}")
        dims = [r.u64(f"텐서 '{name}'의 크기") for _ in range(n_dims)]
        type_id = r.u32(f"텐서 '{name}'의 형식")
        offset = r.u64(f"텐서 '{name}'의 위치")
        try:
            block, type_size = GGML_QUANT_SIZES[GGMLQuantizationType(type_id)]
        except (ValueError, KeyError):
            raise _broken(r.path, f"텐서 '{name}'의 형식 {type_id}을(를) 알 수 없음") from None
        elements = 1
        for dim in dims:
            elements *= dim
        if elements == 0 or dims[0] % block:
            raise _broken(r.path, f"텐서 '{name}'의 크기 {dims}")
        if offset % alignment:
            raise _broken(r.path, f"텐서 '{name}'의 위치 {offset}이(가) 정렬되지 않음")
        end = max(end, offset + elements // block * type_size)
    return end


def _special_tokens(r: _Reader, metadata: dict[str, Scalar], tokens_at: tuple[int, int] | None) -> tuple[str, str]:
    """The text of the BOS and EOS tokens, which chat templates print (e.g. ``{{ bos_token }}``)."""
    ids = [metadata.get("tokenizer.ggml.bos_token_id"), metadata.get("tokenizer.ggml.eos_token_id")]
    if tokens_at is None:
        return "", ""
    start, count = tokens_at
    wanted = {i for i in ids if isinstance(i, int) and 0 <= i < count}
    found: dict[int, str] = {}
    if wanted:
        r.f.seek(start)
        r.pos = start
        for index in range(max(wanted) + 1):
            length = r.string_length("토큰", MAX_STRING_BYTES)
            if index in wanted:
                found[index] = r.take(length, "토큰").decode("utf-8", errors="replace")
            else:
                r.skip(length, "토큰")
    return tuple(found.get(i, "") if isinstance(i, int) else "" for i in ids)  # type: ignore[return-value]
