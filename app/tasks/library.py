"""라이브러리: keep the index in step with the user's folders, and search it.

``index_library`` is a generator of events like every task: it finds what changed under the folders,
drops deleted files, moves renamed ones, and reads new or changed files one by one (each committed on
its own, so a crash or a kill costs at most the file in hand and the next run resumes). Files that cannot
be read are recorded with their reason and reported as notices.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.core.cancel import CancelToken
from app.core.document import Document
from app.core.errors import BaroError, Cancelled, EmptyDocument, FileMissing
from app.core.events import Done, Event, Notice, Progress
from app.docs import read_document, supported_suffixes
from app.index.changes import ChangeSet, compute_changes, file_hash
from app.index.errors import LibraryEmpty, NotInLibrary
from app.index.library import Failure, LibraryIndex, path_key
from app.index.prepare import FileEntry, prepare_document
from app.index.search import Passage, search, search_many
from app.store.paths import app_paths
from app.tasks.results import FailedFile, IndexResult

__all__ = [
    "LibrarySearch",
    "Passage",
    "Reader",
    "apply_changes",
    "default_db_path",
    "index_library",
    "open_library_search",
    "search_library",
]

Reader = Callable[[Path, CancelToken], Document]


def _read(path: Path, cancel: CancelToken) -> Document:
    return read_document(path, cancel=cancel)


def default_db_path() -> Path:
    return app_paths().library_db


def user_library_db() -> Path:
    """The user's library index file, its data folders created (what the window and the popup search)."""
    return app_paths().ensure().library_db


def index_library(
    paths: Sequence[Path] = (),
    *,
    db_path: Path | None = None,
    cancel: CancelToken | None = None,
    reader: Reader = _read,
) -> Iterator[Event]:
    """Add ``paths`` (folders or files) to the library and bring the index up to date.

    With no ``paths``, refreshes every folder added before. Ends with ``Done`` whose ``data`` holds the
    counts and the list of failed files with their reasons.
    """
    cancel = cancel or CancelToken()
    for path in paths:
        if not path.exists():
            raise FileMissing(path)
    with LibraryIndex.open(db_path or default_db_path()) as index:
        index.require_writable()
        if paths:
            index.add_roots(paths)
        roots = [Path(path_key(p)) for p in paths] or index.roots()
        yield Progress("바뀐 파일을 찾는 중", None)
        changes = compute_changes(index, roots, supported_suffixes(), cancel)
        yield from apply_changes(index, changes, cancel=cancel, reader=reader)


def apply_changes(
    index: LibraryIndex,
    changes: ChangeSet,
    *,
    cancel: CancelToken | None = None,
    reader: Reader = _read,
) -> Iterator[Event]:
    """Make the index match ``changes`` (from ``compute_changes``); a folder watcher calls this too."""
    cancel = cancel or CancelToken()
    index.remove_files(changes.deleted)
    for rename in changes.renamed:
        index.rename_file(rename.old, rename.new.path, size=rename.new.size, mtime_ns=rename.new.mtime_ns)
    for disk in changes.touched:
        index.update_stamp(disk.path, size=disk.size, mtime_ns=disk.mtime_ns)

    failed: list[FailedFile] = []
    indexed = 0
    total = len(changes.to_index)
    for number, disk in enumerate(changes.to_index):
        cancel.raise_if_cancelled()
        yield Progress(f"문서 색인 중 ({number + 1}/{total}): {disk.path.name}", number / total)
        try:
            # The reader (which refuses FIFOs and devices, within its time budget) goes first, so only a
            # regular file that could be read is hashed.
            doc = reader(disk.path, cancel)
            if not doc.text.strip():
                raise EmptyDocument(disk.path)
            digest = changes.hashes.get(path_key(disk.path)) or file_hash(disk.path)
        except (FileNotFoundError, FileMissing):
            index.remove_files([disk.path])  # gone since the scan; the next scan agrees
            continue
        except OSError as err:
            failure: BaroError = BaroError(f"파일을 읽을 수 없습니다 ({err.strerror or err})", path=disk.path)
        except Cancelled:
            raise
        except BaroError as err:
            failure = err
        else:
            entry = FileEntry(disk.path, doc.title or disk.path.stem, doc.format, disk.size, disk.mtime_ns, digest)
            index.replace_file(prepare_document(entry, doc))
            indexed += 1
            continue
        index.record_failure(disk.path, failure.user_message, size=disk.size, mtime_ns=disk.mtime_ns)
        failed.append(FailedFile(str(disk.path), failure.user_message))
        yield Notice(failure.user_message)

    stats = index.stats()
    summary = (
        f"색인 완료: 새로 읽음 {indexed}, 이름 바뀜 {len(changes.renamed)}, 삭제 {len(changes.deleted)}, "
        f"그대로 {changes.unchanged + len(changes.touched)}, 실패 {len(failed)}"
        + (f", 읽지 못한 채 그대로 {changes.still_failing}" if changes.still_failing else "")
        + " "
        f"(라이브러리: 문서 {stats.files}개, 구절 {stats.chunks}개)"
    )
    yield Progress("색인 완료", 1.0)
    yield Done(
        summary,
        IndexResult(
            indexed=indexed,
            renamed=len(changes.renamed),
            removed=len(changes.deleted),
            unchanged=changes.unchanged + len(changes.touched),
            still_failing=changes.still_failing,
            failed=tuple(failed),
            files=stats.files,
            chunks=stats.chunks,
        ),
    )


def search_library(
    query: str,
    *,
    k: int = 5,
    scope: Path | None = None,
    db_path: Path | None = None,
) -> list[Passage]:
    """The ``k`` best passages for ``query`` from the library (or only ``scope``: a folder or a file)."""
    with LibraryIndex.open(db_path or default_db_path()) as index:
        return search(index, query, k=k, scope=scope)


@dataclass(frozen=True)
class LibrarySearch:
    """An open library known to hold documents (and ``scope``, when given), searched within ``scope``."""

    index: LibraryIndex
    scope: Path | None

    def search(self, query: str, *, k: int = 5) -> list[Passage]:
        return search(self.index, query, k=k, scope=self.scope)

    def search_many(self, queries: Sequence[str], *, k: int = 5) -> list[list[Passage]]:
        """``search`` for each of ``queries``, analysed in one batch."""
        return search_many(self.index, queries, k=k, scope=self.scope)


def check_scope(index: LibraryIndex, scope: Path | None, *, named: Path | None = None) -> None:
    """Raise ``LibraryEmpty``, or ``NotInLibrary`` (naming ``named``, else ``scope``) for a scope never added."""
    if index.stats().files == 0:
        raise LibraryEmpty()
    if scope is not None and not index.has_any_under(scope):
        raise NotInLibrary(named or scope)


@contextmanager
def open_library_search(scope: Path | None = None, *, db_path: Path | None = None) -> Iterator[LibrarySearch]:
    """The library, opened for searching; raises ``LibraryEmpty``, or ``NotInLibrary`` for a ``scope`` never added.

    ``scope`` (a folder or a file) is named in the refusal as given, so a relative path reads as the user typed it.
    """
    absolute = scope.absolute() if scope is not None else None
    with LibraryIndex.open(db_path or default_db_path()) as index:
        check_scope(index, absolute, named=scope)
        yield LibrarySearch(index, absolute)


@dataclass(frozen=True)
class LibraryOverview:
    """What the library panel shows: the folders with their document counts, the unread files, the totals."""

    roots: list[Path]
    documents_under: dict[Path, int]
    unread: list[Failure]
    """Files Baro could not read (``path``, ``reason`` in Korean)."""
    documents: int
    passages: int


def library_overview(db_path: Path) -> LibraryOverview:
    with LibraryIndex.open(db_path) as index:
        roots = index.roots()
        counts = {root: len(index.keys_under(str(root))) for root in roots}
        unread = list(index.failures_under().values())
        stats = index.stats()
    return LibraryOverview(roots, counts, unread, stats.files, stats.chunks)


def library_roots(db_path: Path) -> list[Path]:
    with LibraryIndex.open(db_path) as index:
        return index.roots()


def forget_library_folder(db_path: Path, root: Path | str) -> None:
    """Forget a folder and everything indexed under it (the files themselves are untouched)."""
    with LibraryIndex.open(db_path) as index:
        index.remove_root(str(root))
