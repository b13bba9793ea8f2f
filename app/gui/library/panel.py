"""The user's library: add folders or files, watch them while Baro runs, and show what could not be read.

Indexing runs on a TaskRunner thread (``index_library``: ``compute_changes`` then ``apply_changes``), with
progress and 중지. A QFileSystemWatcher on every folder notices new, renamed and deleted files at once; a
slow QTimer poll catches edits inside files the watcher cannot see. Failed files are listed with their
Korean reason, and indexing goes on past them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.cancel import CancelToken
from app.core.events import Done, Event, Notice, Progress
from app.gui.progress import show_fraction
from app.gui.task_handle import TaskHandle
from app.tasks.documents import file_dialog_patterns
from app.tasks.library import forget_library_folder, index_library, library_overview, library_roots

WATCH_DEBOUNCE_MS = 1500
POLL_MS = 60_000
MAX_WATCHED_FOLDERS = 2000


class LibraryPanel(QWidget):
    """Folders and files in the library; ``roots_changed`` fires after every indexing run."""

    roots_changed = Signal()
    indexing_finished = Signal(str)  # "done" | "failed" | "cancelled"

    def __init__(self, db_path: Path, parent: QWidget | None = None, *, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.task = TaskHandle(self)
        self.task.yielded.connect(self._on_event)
        self.task.done.connect(self._on_done)
        self.task.failed.connect(self._on_failed)
        self.task.cancelled.connect(self._on_cancelled)
        self._pending: set[Path] = set()
        self._pending_all = False

        title = QLabel(self.tr("Library"))
        title.setObjectName("sectionTitle")
        self.roots_list = QListWidget()
        self.roots_list.setObjectName("libraryRoots")
        self.add_folder_button = QPushButton(self.tr("Add folder…"))
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.add_file_button = QPushButton(self.tr("Add files…"))
        self.add_file_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.stop_button = QPushButton(self.tr("Stop indexing"))
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.cancel)
        failures_title = QLabel(self.tr("Files that could not be read"))
        failures_title.setObjectName("hint")
        self.failures_list = QListWidget()
        self.failures_list.setObjectName("libraryFailures")
        self.failures_list.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_folder_button)
        buttons.addWidget(self.add_file_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.roots_list, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.stop_button)
        layout.addWidget(failures_title)
        layout.addWidget(self.failures_list, 1)

        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._on_folder_changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(WATCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._refresh_pending)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self.refresh_all)
        self._poll.start()
        self.reload()

    # --- what is in the library ------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        # As for the panes: free once the outcome arrived, even while the runner's thread is still exiting.
        return self.task.busy

    @property
    def last_result(self) -> Done | None:
        return self.task.last_result

    @property
    def last_error(self) -> str:
        return self.task.last_error

    def roots(self) -> list[Path]:
        return library_roots(self.db_path)

    def reload(self) -> None:
        """Refresh the lists and the watched folders from the database."""
        overview = library_overview(self.db_path)
        roots = overview.roots
        self.roots_list.clear()
        for root in roots:
            count = overview.documents_under[root]
            item = QListWidgetItem(self.tr("{name} — {count} documents").format(name=root.name, count=count))
            item.setToolTip(str(root))
            item.setData(Qt.ItemDataRole.UserRole, str(root))
            self.roots_list.addItem(item)
        self.failures_list.clear()
        for failure in overview.unread:
            item = QListWidgetItem(f"{failure.path.name} — {failure.reason}")
            item.setToolTip(str(failure.path))
            self.failures_list.addItem(item)
        if not self.busy:
            self.status.setText(
                self.tr("{files} documents, {chunks} passages").format(
                    files=overview.documents, chunks=overview.passages
                )
                if overview.documents
                else self.tr("Add a folder of documents to ask questions about them.")
            )
        self._watch(roots)
        self.roots_changed.emit()

    def _watch(self, roots: Sequence[Path]) -> None:
        wanted: list[str] = []
        for root in roots:
            if root.is_dir():
                wanted.append(str(root))
                wanted.extend(str(p) for p in _subfolders(root, MAX_WATCHED_FOLDERS - len(wanted)))
        current = set(self.watcher.directories())
        stale = [d for d in current if d not in wanted]
        if stale:
            self.watcher.removePaths(stale)
        fresh = [d for d in dict.fromkeys(wanted) if d not in current]
        if fresh:
            self.watcher.addPaths(fresh)

    # --- adding, removing, refreshing -----------------------------------------------------------

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder to the library"))
        if folder:
            self.add_paths([Path(folder)])

    def choose_files(self) -> None:
        patterns = file_dialog_patterns()
        documents = self.tr("Documents")
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Add documents"), "", f"{documents} ({patterns})")
        if names:
            self.add_paths([Path(n) for n in names])

    def add_paths(self, paths: Sequence[Path]) -> bool:
        """Add folders or files and index them; False when indexing is already running (they are queued)."""
        return self._run(list(paths))

    def refresh_all(self) -> bool:
        if self.busy:
            self._pending_all = True
            return False
        return self._run([]) if self.roots() else False

    def remove_selected(self) -> None:
        item = self.roots_list.currentItem()
        if item is None or self.busy:
            return
        forget_library_folder(self.db_path, str(item.data(Qt.ItemDataRole.UserRole)))
        self.reload()

    def cancel(self) -> None:
        self.task.cancel()

    def wait(self, msecs: int = 10_000) -> bool:
        return self.task.wait(msecs)

    def _on_folder_changed(self, folder: str) -> None:
        changed = Path(folder)
        for root in self.roots():
            if changed == root or root in changed.parents:
                self._pending.add(root)
        self._debounce.start()

    def _refresh_pending(self) -> None:
        if self.busy:
            self._debounce.start()
            return
        if self._pending_all:
            self._pending_all = False
            self._pending.clear()
            self._run([])
        elif self._pending:
            paths, self._pending = sorted(self._pending), set()
            self._run(paths)

    def _run(self, paths: list[Path]) -> bool:
        if self.busy:
            self._pending.update(paths)
            self._pending_all = self._pending_all or not paths
            return False
        db_path = self.db_path

        def task(cancel: CancelToken) -> Iterator[Event]:
            return index_library(paths, db_path=db_path, cancel=cancel)

        self.stop_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Looking for changes…"))
        return self.task.run(task)

    def _on_event(self, item: object) -> None:
        if isinstance(item, Progress):
            self.status.setText(item.stage)
            show_fraction(self.progress, item.fraction)
        elif isinstance(item, Notice):
            self.failures_list.addItem(item.text)

    def _finish(self, outcome: str, message: str) -> None:
        self.stop_button.setEnabled(False)
        self.progress.setRange(0, 100)
        self.progress.setValue(100 if outcome == "done" else 0)
        self.reload()
        self.status.setText(message)
        self.indexing_finished.emit(outcome)
        if self._pending or self._pending_all:
            self._debounce.start()

    def _on_done(self, done: Done) -> None:
        self._finish("done", done.text)

    def _on_failed(self, message: str) -> None:
        self._finish("failed", message)

    def _on_cancelled(self, _reason: str = "") -> None:
        self._finish("cancelled", self.tr("Indexing stopped. What was read so far is kept."))


def _subfolders(root: Path, limit: int) -> Iterator[Path]:
    if limit <= 0:
        return
    count = 0
    for path in sorted(root.rglob("*")):
        if path.is_dir() and not any(part.startswith(".") for part in path.relative_to(root).parts):
            yield path
            count += 1
            if count >= limit:
                return
