from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.document import Block, Document
from app.core.locations import Location
from app.index.library import LibraryIndex
from app.index.prepare import FileEntry, PreparedDocument, prepare_document


@pytest.fixture
def index(tmp_path: Path) -> Iterator[LibraryIndex]:
    with LibraryIndex.open(tmp_path / "library.sqlite3") as opened:
        yield opened


def make_doc(path: Path, title: str, *paragraphs: str, content_hash: str = "h") -> PreparedDocument:
    doc = Document(path, title, "txt", [Block(p, Location(paragraph=i + 1)) for i, p in enumerate(paragraphs)])
    return prepare_document(FileEntry(path, title, "txt", 10, 1, content_hash), doc)
