"""Hypothesis fuzzing: every reader's entry point raises only the project's own error types."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.document import Document
from app.core.errors import BaroError
from app.docs import read_in_process
from app.docs.context import ReadContext
from app.docs.readers import docx, html, hwp, hwpx, pdf, pptx, text, xlsx
from app.docs.readers.hwp_records import para_text, parse_records
from tests.unit.docs.docxgen import build_docx
from tests.unit.docs.hwpxgen import build_hwpx, section_xml
from tests.unit.docs.pdfgen import korean_pages, write_pdf

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
Reader = Callable[[ReadContext], Document]
READERS: dict[str, Reader] = {
    "pdf": pdf.read,
    "docx": docx.read,
    "hwpx": hwpx.read,
    "hwp": hwp.read,
    "pptx": pptx.read,
    "xlsx": xlsx.read,
    "html": html.read,
    "txt": text.read,
}


def _run(reader: Reader, data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz.{suffix}"
        path.write_bytes(data)
        with contextlib.suppress(BaroError):
            reader(ReadContext(path=path))


def _seed(kind: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        if kind == "pdf":
            return write_pdf(base / "s.pdf", korean_pages(2, lines_per_page=2)).read_bytes()
        if kind == "docx":
            return build_docx(base / "s.docx", footnote="각주").read_bytes()
        return build_hwpx(base / "s.hwpx", [section_xml(["첫 문단", "둘째"], [["가", "나"]])]).read_bytes()


SEEDS = {kind: _seed(kind) for kind in ("pdf", "docx", "hwpx")}


@pytest.mark.parametrize("kind", sorted(READERS))
@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes_into_each_reader(kind: str, data: bytes) -> None:
    _run(READERS[kind], data, kind)


@pytest.mark.parametrize("kind", sorted(SEEDS))
@FUZZ
@given(
    cut=st.integers(min_value=0), flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=8)
)
def test_damaged_real_files_into_each_reader(kind: str, cut: int, flips: list[tuple[int, int]]) -> None:
    data = bytearray(SEEDS[kind])
    for position, value in flips:
        data[position % len(data)] = value
    data = data[: len(data) - cut % max(1, len(data) // 2)]
    _run(READERS[kind], bytes(data), kind)


@FUZZ
@given(data=st.binary(max_size=2048))
def test_hwp_record_parsing_never_fails(data: bytes) -> None:
    for record in parse_records(data):
        assert isinstance(para_text(record.data), str)
    assert isinstance(para_text(data), str)


@FUZZ
@given(data=st.binary(max_size=2048), suffix=st.sampled_from(["pdf", "hwp", "hwpx", "docx", "txt", "md", "html"]))
def test_the_dispatcher(data: bytes, suffix: str) -> None:
    _run(lambda ctx: read_in_process(ctx.path), data, suffix)
