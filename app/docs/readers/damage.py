"""What the document libraries raise on a damaged file, as Baro's CorruptDocument naming the format."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.core.errors import BaroError, CorruptDocument, DocumentOutOfMemory


@contextmanager
def damaged_file_errors(path: Path, kind: str) -> Iterator[None]:
    """Turn library errors inside the block into ``CorruptDocument`` ("DOCX 구조 오류: …"); Baro's own pass."""
    try:
        yield
    except BaroError:
        raise
    except RecursionError as err:
        raise CorruptDocument(path, f"{kind} 구조가 너무 깊게 중첩됨") from err
    except Exception as err:  # pypdf, python-docx, python-pptx and lxml raise many kinds of error on damage
        if out_of_memory(err):
            raise DocumentOutOfMemory(path) from err
        raise CorruptDocument(path, f"{kind} 구조 오류: {type(err).__name__}") from err


def out_of_memory(err: BaseException) -> bool:
    """True for a MemoryError, and for libxml2 running out of memory (lxml reports it as a syntax error)."""
    if isinstance(err, MemoryError):
        return True
    from lxml import etree

    code = getattr(err, "code", None)  # set by lxml, missing from lxml-stubs
    return isinstance(err, etree.XMLSyntaxError) and code == etree.ErrorTypes.ERR_NO_MEMORY
