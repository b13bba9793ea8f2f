"""모델 관리: installed models (use, verify, remove, template), import a GGUF, download a recommended model."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import BaroError
from app.gui.dialogs.template_dialog import TemplateDialog
from app.gui.runner import Job, TaskRunner
from app.tasks.model_download import download_model
from app.tasks.models import (
    GIB,
    CatalogModel,
    InstalledModel,
    ModelStore,
    NotEnoughMemory,
    catalog_offers,
    check_memory,
    open_model_store,
    use_model,
)
from app.tasks.settings import load_settings, update_settings


def _size(n: int) -> str:
    if not n:
        return "-"
    return f"{n / GIB:.2f} GB" if n >= GIB // 2 else f"{n / 1024**2:.1f} MB"


def memory_refusal_box(parent: QWidget | None, err: NotEnoughMemory) -> tuple[QMessageBox, QPushButton]:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ModelsDialog", "Not enough memory"))
    box.setText(err.user_message)
    anyway = box.addButton(QCoreApplication.translate("ModelsDialog", "Load anyway"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box, anyway


def confirm_memory(parent: QWidget | None, path: Path, n_ctx: int, *, available: int | None = None) -> bool:
    """True when the model fits, or when the user chose "Load anyway" after a clear refusal."""
    try:
        check_memory(path, n_ctx, available=available)
    except NotEnoughMemory as err:
        box, anyway = memory_refusal_box(parent, err)
        box.exec()
        return box.clickedButton() is anyway
    return True


class ModelsDialog(QDialog):
    model_chosen = Signal(str)  # the installed model's key ("" = the built-in default)

    def __init__(self, parent: QWidget | None = None, *, store: ModelStore | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Model manager"))
        self.resize(940, 660)
        self.store = store or open_model_store()
        self.job: TaskRunner | None = None
        self._downloading: CatalogModel | None = None

        note = QLabel(
            self.tr(
                "The built-in model is small and makes every feature work offline. A 1.5-3B Korean instruct "
                "model gives far better answers. Files are checked before they are used; only a download you "
                "start here uses the network."
            )
        )
        note.setWordWrap(True)

        self.installed = self._table([self.tr("Name"), self.tr("Size"), self.tr("Prompt format"), self.tr("Template")])
        self.use_button = QPushButton(self.tr("Use"))
        self.verify_button = QPushButton(self.tr("Verify"))
        self.template_button = QPushButton(self.tr("Chat template…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.import_button = QPushButton(self.tr("Import GGUF…"))
        self.default_button = QPushButton(self.tr("Use built-in model"))
        installed_box = self._group(
            self.tr("Installed models"),
            self.installed,
            [self.use_button, self.default_button, self.verify_button, self.template_button, self.remove_button],
            self.import_button,
        )

        self.catalog = self._table([self.tr("Name"), self.tr("RAM needed"), self.tr("License"), self.tr("Source")])
        self.catalog.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.catalog.itemSelectionChanged.connect(self._offer_changed)
        self.download_button = QPushButton(self.tr("Download"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setEnabled(False)
        catalog_box = self._group(
            self.tr("Recommended Korean models"), self.catalog, [self.download_button, self.pause_button], None
        )

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(installed_box, 1)
        layout.addWidget(catalog_box, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.use_button.clicked.connect(self.use_selected)
        self.default_button.clicked.connect(self.use_default)
        self.verify_button.clicked.connect(self.verify_selected)
        self.template_button.clicked.connect(self.show_template)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.choose_import)
        self.download_button.clicked.connect(self.download_selected)
        self.pause_button.clicked.connect(self.pause)
        self.refresh()

    # --- layout helpers --------------------------------------------------------------------------

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    def _group(
        self, title: str, table: QTableWidget, buttons: list[QPushButton], trailing: QPushButton | None
    ) -> QGroupBox:
        box = QGroupBox(title)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        if trailing is not None:
            row.addWidget(trailing)
        layout = QVBoxLayout(box)
        layout.addWidget(table)
        layout.addLayout(row)
        return box

    # --- contents --------------------------------------------------------------------------------

    def refresh(self) -> None:
        active = load_settings().settings.model
        self.models = self.store.list()
        self.installed.setRowCount(len(self.models))
        for row, m in enumerate(self.models):
            marker = "● " if m.is_named_by(active) else ""
            cells = (f"{marker}{m.name}", _size(m.size), str(m.prompt_format), self._template_label(m.template))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, m.key)
                self.installed.setItem(row, column, item)
        self.offers = catalog_offers(self.models)
        self.catalog.setRowCount(len(self.offers))
        for row, c in enumerate(self.offers):
            source = c.repo or self.tr("(no verified source: download it yourself and import)")
            for column, text in enumerate((c.name, f"{c.ram_gb:.1f} GB", c.license, source)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.catalog.setItem(row, column, item)
        if self.models:
            self.installed.selectRow(0)
        if self.offers:
            self.catalog.selectRow(0)

    def _offer_changed(self) -> None:
        offer = self.selected_offer()
        busy = self.job is not None and self.job.isRunning()
        self.download_button.setEnabled(bool(offer and offer.repo) and not busy)

    def _template_label(self, template: str) -> str:
        return self.tr("model's own") if template == "embedded" else self.tr("built-in")

    def selected_model(self) -> InstalledModel | None:
        row = self.installed.currentRow()
        return self.models[row] if 0 <= row < len(self.models) else None

    def selected_offer(self) -> CatalogModel | None:
        row = self.catalog.currentRow()
        return self.offers[row] if 0 <= row < len(self.offers) else None

    def _report(self, text: str) -> None:
        self.status.setText(text)

    def _fail(self, message: str) -> None:
        self.status.setText(message)
        QMessageBox.warning(self, self.tr("Model manager"), message)

    # --- actions on installed models -------------------------------------------------------------

    def use_selected(self, *, available: int | None = None) -> bool:
        model = self.selected_model()
        if model is None:
            return False
        try:
            try:
                use_model(self.store, model, load_settings().settings, available=available)
            except NotEnoughMemory as err:
                box, anyway = memory_refusal_box(self, err)
                box.exec()
                if box.clickedButton() is not anyway:
                    self._report(self.tr("Kept the current model."))
                    return False
                use_model(self.store, model, load_settings().settings, available=available, load_anyway=True)
        except BaroError as err:
            self._fail(err.user_message)
            return False
        self._report(self.tr("Baro will use {name}.").format(name=model.name))
        self.refresh()
        self.model_chosen.emit(model.key)
        return True

    def use_default(self) -> None:
        update_settings({"model": ""})
        self._report(self.tr("Baro will use the built-in model."))
        self.refresh()
        self.model_chosen.emit("")

    def verify_selected(self) -> None:
        model = self.selected_model()
        if model is not None:
            self._run(lambda progress, cancel: self.store.verify(model.key, progress), self._verified)

    def _verified(self, result: object) -> None:
        detail = getattr(result, "detail", "")
        if getattr(result, "ok", False):
            self._report(self.tr("OK: {detail}").format(detail=detail))
        else:
            self._fail(detail)

    def show_template(self) -> None:
        model = self.selected_model()
        if model is None:
            return
        try:
            text = self.store.chat_template(model.key)
        except BaroError as err:
            self._fail(err.user_message)
            return
        dialog = TemplateDialog(model.name, text, model.template, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.choice != model.template:
            try:
                self.store.set_template(model.key, dialog.choice)
            except BaroError as err:
                self._fail(err.user_message)
            self.refresh()

    def remove_selected(self, *, confirm: bool = True) -> None:
        model = self.selected_model()
        if model is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Remove model"), self.tr("Remove {name}?").format(name=model.name)
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.store.remove(model.key)
        if load_settings().settings.model in (model.key, model.file):
            update_settings({"model": ""})
            self.model_chosen.emit("")
        self._report(self.tr("Removed {name}.").format(name=model.name))
        self.refresh()

    # --- import and download ---------------------------------------------------------------------

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a GGUF model"), "", self.tr("GGUF models (*.gguf)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        self._report(self.tr("Checking {name}…").format(name=path.name))
        self._run(lambda progress, cancel: self.store.import_file(path, progress=progress, cancel=cancel), self._added)

    def download_selected(self) -> None:
        entry = self.selected_offer()
        if entry is None:
            return
        self._downloading = entry
        self._report(self.tr("Downloading {name}…").format(name=entry.name))
        self.pause_button.setEnabled(True)
        self._run(
            lambda progress, cancel: download_model(self.store, entry, progress=progress, cancel=cancel),
            self._added,
        )

    def pause(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _added(self, model: object) -> None:
        name = getattr(model, "name", "")
        self._report(self.tr("Installed {name}. Select it and press Use to switch.").format(name=name))
        self.refresh()

    def _run(self, job: Job, on_success: object) -> None:
        if self.job is not None and self.job.isRunning():
            self._report(self.tr("Another model job is still running."))
            return
        self.job = TaskRunner.of_job(job)
        self.job.progressed.connect(self._on_progress)
        self.job.succeeded.connect(on_success)
        self.job.failed.connect(self._fail)
        self.job.cancelled.connect(self._report)
        self.job.finished.connect(self._job_finished)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._set_busy(True)
        self.job.start()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, 1000 if total else 0)
        if total:
            self.progress.setValue(int(done * 1000 / total))
        self.progress.setFormat(f"{_size(done)} / {_size(total)}")

    def _job_finished(self) -> None:
        self.progress.setVisible(False)
        self.pause_button.setEnabled(False)
        self._set_busy(False)
        self._offer_changed()
        if self._downloading is not None:
            self._downloading = None
            self.refresh()

    def _set_busy(self, busy: bool) -> None:
        for button in (
            self.use_button,
            self.remove_button,
            self.import_button,
            self.download_button,
            self.verify_button,
        ):
            button.setEnabled(not busy)

    def wait_for_job(self, msecs: int = 30_000) -> bool:
        return self.job is None or self.job.wait(msecs)

    def reject(self) -> None:
        if self.job is not None and self.job.isRunning():
            self.job.cancel()  # a download pauses and resumes next time
            self.job.wait(5000)
        super().reject()
