"""Turn Documents into what the index stores: chunks with their Korean terms, analysed in batches."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.document import Document
from app.index.chunking import Chunk, chunk_document
from app.index.terms import Terms, analyse_texts


@dataclass(frozen=True)
class FileEntry:
    """One file as the index records it; ``path`` is absolute."""

    path: Path
    title: str
    format: str
    size: int
    mtime_ns: int
    content_hash: str


@dataclass(frozen=True)
class PreparedDocument:
    entry: FileEntry
    chunks: tuple[Chunk, ...]
    terms: tuple[Terms, ...]
    """``terms[i]`` belongs to ``chunks[i]``."""
    title_terms: Terms


def prepare_documents(items: Sequence[tuple[FileEntry, Document]]) -> list[PreparedDocument]:
    """Chunk every document and analyse all chunks and titles in one Kiwi batch (it uses every core)."""
    chunked = [(entry, tuple(chunk_document(doc))) for entry, doc in items]
    texts = [entry.title for entry, _ in chunked]
    for _, chunks in chunked:
        texts.extend(chunk.text for chunk in chunks)
    terms = analyse_texts(texts)
    title_terms, chunk_terms = terms[: len(chunked)], terms[len(chunked) :]
    prepared: list[PreparedDocument] = []
    offset = 0
    for (entry, chunks), title in zip(chunked, title_terms, strict=True):
        prepared.append(PreparedDocument(entry, chunks, tuple(chunk_terms[offset : offset + len(chunks)]), title))
        offset += len(chunks)
    return prepared


def prepare_document(entry: FileEntry, doc: Document) -> PreparedDocument:
    return prepare_documents([(entry, doc)])[0]
