"""초안 pane: pick a template, fill its fields, attach references, and get a draft that follows Korean conventions.

The draft streams into an editable editor; sentences the references (or the user's own fields) do not
back are marked. A selected passage can be rewritten (더 짧게 / 더 공손하게 / 개조식으로), and the draft
exported to the clipboard, .hwpx, .docx, .md or .txt.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.cancel import CancelToken
from app.core.errors import BaroError
from app.core.events import Event, GuardHit, Token
from app.gui.file_drops import accept_file_drag, take_dropped_files
from app.gui.panes.base import AssistantSource, TaskPane
from app.gui.verdict_style import guard_format, verdict_format
from app.tasks.assistant import take_assistant
from app.tasks.documents import file_dialog_patterns, is_readable_kind
from app.tasks.drafting import DraftRequest, DraftResult, Register, RewriteStyle, rewrite_passage, write_draft
from app.tasks.drafting.saving import Layout, edited_layout, save_layout
from app.tasks.drafting.templates import Template, draft_templates

FieldEditor = QLineEdit | QPlainTextEdit


class DraftPane(TaskPane):
    def __init__(self, assistant_source: AssistantSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._assistant_source = assistant_source
        self._templates, problems = draft_templates()
        self._editors: dict[str, FieldEditor] = {}
        self._mode = "draft"
        self._seed = 7
        self._selection: tuple[int, int] = (0, 0)
        self.result: DraftResult | None = None
        self.guard_hits: list[GuardHit] = []
        """Model sentences the claims guard flagged while the draft was written."""
        self._idle = True
        self.setAcceptDrops(True)

        self.template_box = QComboBox()
        for template in self._templates:
            self.template_box.addItem(template.title, template.name)
        self.template_box.currentIndexChanged.connect(self._template_changed)
        self.register_box = QComboBox()
        for register in Register:
            self.register_box.addItem(register.value, register.value)
        self.description = QLabel()
        self.description.setObjectName("hint")
        self.description.setWordWrap(True)
        self.fields_form = QFormLayout()
        self.references = QListWidget()
        self.references.setMaximumHeight(72)
        self.references.setToolTip(self.tr("Documents the draft takes its facts from. Drop files here."))
        self.add_ref_button = QPushButton(self.tr("Add reference…"))
        self.add_ref_button.clicked.connect(self.choose_references)
        self.remove_ref_button = QPushButton(self.tr("Remove"))
        self.remove_ref_button.clicked.connect(self._remove_reference)
        self.run_button = QPushButton(self.tr("Write draft"))
        self.run_button.setObjectName("primary")
        self.run_button.clicked.connect(self.start)

        form = QWidget()
        form_layout = QVBoxLayout(form)
        top = QFormLayout()
        top.addRow(self.tr("Template"), self.template_box)
        top.addRow(self.tr("Style"), self.register_box)
        form_layout.addLayout(top)
        form_layout.addWidget(self.description)
        form_layout.addLayout(self.fields_form)
        form_layout.addWidget(QLabel(self.tr("References")))
        form_layout.addWidget(self.references)
        ref_row = QHBoxLayout()
        ref_row.addWidget(self.add_ref_button)
        ref_row.addWidget(self.remove_ref_button)
        form_layout.addLayout(ref_row)
        form_layout.addStretch(1)
        form_layout.addWidget(self.run_button)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)
        scroll.setMinimumWidth(300)

        self.editor = QTextEdit()
        self.editor.setObjectName("draftEditor")
        self.editor.setAcceptRichText(False)
        self.editor.setPlaceholderText(self.tr("The draft appears here. You can edit it directly."))
        self.regenerate_button = QPushButton(self.tr("Regenerate"))
        self.regenerate_button.clicked.connect(self.regenerate)
        self.rewrite_buttons: dict[RewriteStyle, QPushButton] = {}
        for style, label in (
            (RewriteStyle.SHORTER, self.tr("Shorter")),
            (RewriteStyle.POLITER, self.tr("More polite")),
            (RewriteStyle.GAEJO, self.tr("As bullet points")),
        ):
            button = QPushButton(label)
            button.setToolTip(self.tr("Rewrite the selected passage"))
            button.clicked.connect(lambda _=False, s=style: self.rewrite_selection(s))
            self.rewrite_buttons[style] = button
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.choose_export)
        self.marks_label = QLabel()
        self.marks_label.setObjectName("notice")
        self.marks_label.setWordWrap(True)
        self.marks_label.hide()

        actions = QHBoxLayout()
        actions.addWidget(self.regenerate_button)
        for button in self.rewrite_buttons.values():
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.copy_button)
        actions.addWidget(self.export_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.status)
        right_layout.addWidget(self.editor, 1)
        right_layout.addWidget(self.marks_label)
        right_layout.addLayout(actions)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        if problems:
            self.status.fail("\n".join(p.user_message for p in problems))
        self.task.yielded.connect(self._on_item)
        self.task_finished.connect(self._finished)
        self._template_changed()
        self._update_actions()

    # --- the form ----------------------------------------------------------------------------

    @property
    def template(self) -> Template | None:
        index = self.template_box.currentIndex()
        return self._templates[index] if 0 <= index < len(self._templates) else None

    def select_template(self, name: str) -> None:
        index = self.template_box.findData(name)
        if index >= 0:
            self.template_box.setCurrentIndex(index)

    def set_field(self, key: str, value: str) -> None:
        editor = self._editors[key]
        if isinstance(editor, QLineEdit):
            editor.setText(value)
        else:
            editor.setPlainText(value)

    def field_values(self) -> dict[str, str]:
        return {
            key: editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()
            for key, editor in self._editors.items()
        }

    def _template_changed(self) -> None:
        template = self.template
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        self._editors.clear()
        if template is None:
            return
        self.description.setText(template.description)
        self.register_box.setCurrentIndex(self.register_box.findData(template.register.value))
        for field in template.fields:
            editor: FieldEditor
            if field.kind in ("list", "text"):
                editor = QPlainTextEdit()
                editor.setFixedHeight(76)
                editor.setPlaceholderText(field.hint)
                editor.setTabChangesFocus(True)
            else:
                editor = QLineEdit()
                editor.setPlaceholderText(field.hint or field.default)
            editor.setToolTip(field.hint)
            label = f"{field.title}{' *' if field.required else ''}"
            self.fields_form.addRow(label, editor)
            self._editors[field.key] = editor

    def add_reference(self, path: Path) -> bool:
        if not is_readable_kind(path) or not path.is_file():
            self.status.fail(self.tr("{name}: this file cannot be used as a reference.").format(name=path.name))
            return False
        if str(path) not in self.reference_paths_text():
            self.references.addItem(str(path))
        return True

    def reference_paths_text(self) -> list[str]:
        return [self.references.item(i).text() for i in range(self.references.count())]

    def choose_references(self) -> None:
        patterns = file_dialog_patterns()
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose reference documents"), "", f"{self.tr('Documents')} ({patterns})"
        )
        for name in names:
            self.add_reference(Path(name))

    def _remove_reference(self) -> None:
        for item in self.references.selectedItems():
            self.references.takeItem(self.references.row(item))

    # --- running -----------------------------------------------------------------------------

    def start(self) -> bool:
        template = self.template
        if template is None or self.busy:
            return False
        request = DraftRequest(
            template,
            {k: v for k, v in self.field_values().items() if v.strip()},
            tuple(Path(p) for p in self.reference_paths_text()),
            Register(self.register_box.currentData()),
            seed=self._seed,
        )
        source = self._assistant_source

        def task(cancel: CancelToken) -> Iterator[Event]:
            assistant = yield from take_assistant(source, cancel)
            yield from write_draft(assistant, request, cancel=cancel)

        self._mode = "draft"
        self.result = None
        self.guard_hits = []
        self.editor.clear()
        self.marks_label.hide()
        return self.run_task(task)

    def regenerate(self) -> bool:
        self._seed += 1
        return self.start()

    def rewrite_selection(self, style: RewriteStyle) -> bool:
        cursor = self.editor.textCursor()
        text = cursor.selection().toPlainText()
        if self.busy or not text.strip():
            if not text.strip():
                self.status.fail(self.tr("Select the passage to rewrite first."))
            return False
        self._selection = (cursor.selectionStart(), cursor.selectionEnd())
        source = self._assistant_source

        def task(cancel: CancelToken) -> Iterator[Event]:
            assistant = None
            if style is RewriteStyle.SHORTER:
                assistant = yield from take_assistant(source, cancel)
            yield from rewrite_passage(assistant, text, style, cancel=cancel)

        self._mode = "rewrite"
        return self.run_task(task)

    def set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (self.template_box, self.register_box, self.run_button, self.add_ref_button):
            widget.setEnabled(enabled)
        for editor in self._editors.values():
            editor.setReadOnly(not enabled)
        self.editor.setReadOnly(not enabled)
        self._idle = enabled
        self._update_actions()

    def _update_actions(self) -> None:
        idle = self._idle
        has_text = bool(self.editor.toPlainText().strip())
        self.regenerate_button.setEnabled(idle and self.result is not None)
        for button in (*self.rewrite_buttons.values(), self.copy_button, self.export_button):
            button.setEnabled(idle and has_text)

    def _on_item(self, item: object) -> None:
        if self._mode == "draft" and isinstance(item, Token):
            cursor = self.editor.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(item.text)
        elif self._mode == "draft" and isinstance(item, GuardHit):
            self.guard_hits.append(item)

    def _finished(self, how: str) -> None:
        done = self.last_result
        if how == "done" and done is not None:
            if self._mode == "draft" and isinstance(done.result, DraftResult):
                self._show_draft(done.result)
            else:
                self._replace_selection(done.text)
        self._update_actions()

    def _show_draft(self, result: DraftResult) -> None:
        self.result = result
        self.editor.setPlainText(result.layout.text)
        self._mark_sentences(result.layout)
        self._show_marks_summary(result)

    def _replace_selection(self, text: str) -> None:
        start, end = self._selection
        cursor = self.editor.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)

    def _mark_sentences(self, layout: Layout) -> None:
        document_text = self.editor.toPlainText()
        offset = 0
        for paragraph in layout.paragraphs:
            line = paragraph.line
            found = document_text.find(line, offset) if line else -1
            if found < 0:
                continue
            shift = found + len(line) - len(paragraph.text)
            for note in paragraph.notes:
                if note.label == "supported":
                    continue
                if note.label == "unsupported":
                    tooltip = self.tr("Not backed by the references or your fields: check this fact.")
                else:
                    tooltip = self.tr("Only partly backed by the references or your fields.")
                fmt = verdict_format(note.label, tooltip)
                cursor = self.editor.textCursor()
                cursor.setPosition(shift + note.start)
                cursor.setPosition(shift + note.end, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)
            offset = found + len(line)

    def _show_marks_summary(self, result: DraftResult) -> None:
        notes = [n for p in result.layout.paragraphs for n in p.notes]
        unsupported = sum(1 for n in notes if n.label == "unsupported")
        partial = sum(1 for n in notes if n.label == "partial")
        lines: list[str] = []
        if unsupported or partial:
            lines.append(
                self.tr("{bad} sentence(s) underlined in red are not backed by your input or references; "
                        "{partial} highlighted only partly.").format(bad=unsupported, partial=partial)
            )  # fmt: skip
        if result.layout.references:
            cited = sorted({n.source for n in notes if n.source is not None})
            names = ", ".join(f"[{r.number}] {r.name}" for r in result.layout.references if r.number in cited)
            if names:
                lines.append(self.tr("Facts taken from: {names}").format(names=names))
        lines.extend(r.message for r in result.replacements)
        lines.extend(result.problems)
        label = self.tr("⚠ Not factual:")
        for hit in self.guard_hits:
            found = self.editor.document().find(hit.sentence)
            if not found.isNull():  # the checks may have taken the sentence out of the draft already
                found.mergeCharFormat(guard_format())
                lines.append(f"{label} “{hit.sentence}” → {hit.correction}")
        self.marks_label.setText("\n".join(lines))
        self.marks_label.setVisible(bool(lines))

    # --- export --------------------------------------------------------------------------------

    def current_layout(self) -> Layout:
        """The draft as it stands in the editor (hand edits included)."""
        text = self.editor.toPlainText()
        if self.result is not None and text == self.result.layout.text:
            return self.result.layout
        title = self.result.layout.title if self.result is not None else ""
        layout = edited_layout(text, title)
        return layout

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.editor.toPlainText())

    def choose_export(self) -> None:
        title = self.current_layout().title or "초안"
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export draft"),
            f"{title}.hwpx",
            self.tr("Hangul document (*.hwpx);;Word document (*.docx);;Markdown (*.md);;Text (*.txt)"),
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> bool:
        try:
            save_layout(self.current_layout(), path)
        except BaroError as err:
            self.status.fail(err.user_message)
            return False
        self.status.stage_label.setText(self.tr("Saved to {name}").format(name=path.name))
        return True

    # --- drag and drop references ---------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        accept_file_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        for path in take_dropped_files(event):
            self.add_reference(path)
