"""정보: Baro's version, the active model and its license, and the licenses of every bundled component."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.gui.dialogs.about_licenses import (
    GEMMA_NOTICE,
    Component,
    baro_license,
    bundled_components,
    default_model_notice_files,
    gemma_terms_html,
)
from app.tasks.models import ModelInUse, model_in_use
from app.tasks.settings import saved_settings


class AboutDialog(QDialog):
    def __init__(self, model: ModelInUse, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Baro"))
        self.resize(720, 560)
        self.model = model
        self.notice_files = default_model_notice_files() if model.is_default else {}

        self.tabs = QTabWidget()
        self.tabs.addTab(self._overview(), self.tr("Baro"))
        if self.notice_files.get("GEMMA_TERMS.html"):
            self.tabs.addTab(self._gemma_terms(self.notice_files["GEMMA_TERMS.html"]), self.tr("Gemma Terms of Use"))
        self.components = bundled_components()
        self.tabs.addTab(self._components_tab(), self.tr("Components"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def _overview(self) -> QWidget:
        page = QWidget()
        name = self.tr("Baro")
        title = QLabel(f"<h2>{html.escape(name)} {html.escape(__version__)}</h2>")
        title.setObjectName("about_title")
        icon = QLabel()
        icon.setPixmap(self.windowIcon().pixmap(64, 64))
        header = QHBoxLayout()
        header.addWidget(icon)
        header.addWidget(title, 1)

        summary = QLabel(
            self.tr(
                "An offline Korean work assistant. Documents, questions and answers stay on this computer; "
                "the network is used only when you choose to download a model."
            )
        )
        summary.setWordWrap(True)
        own_license = QLabel(self.tr("Baro is licensed under %1.").replace("%1", baro_license()))
        own_license.setObjectName("about_baro_license")
        self.model_label = QLabel(self._model_text())
        self.model_label.setObjectName("about_model")
        self.model_label.setWordWrap(True)
        self.model_label.setTextFormat(Qt.TextFormat.RichText)
        self.model_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

        layout = QVBoxLayout(page)
        layout.addLayout(header)
        layout.addWidget(summary)
        layout.addWidget(own_license)
        layout.addWidget(self.model_label)
        for name, path in self.notice_files.items():
            button = QPushButton(self.tr("Open %1").replace("%1", name))
            button.setObjectName(f"about_open_{Path(name).stem.lower()}")
            button.clicked.connect(lambda _=False, p=path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(p))))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _model_text(self) -> str:
        model = self.model
        active = self.tr("Active model")
        license_label = self.tr("Model license")
        license_name = model.license or self.tr("not recorded — see the page you got this model from")
        lines = [
            f"<b>{html.escape(active)}</b>: {html.escape(model.name)} ({html.escape(model.file)})",
            f"<b>{html.escape(license_label)}</b>: {html.escape(license_name)}",
        ]
        if model.is_default:
            lines.append(html.escape(GEMMA_NOTICE) + ".")
            small = self.tr(
                "The built-in model is small. A larger Korean model gives far better answers; "
                "get one in the model manager."
            )
            lines.append(html.escape(small))
        return "<br>".join(lines)

    def _gemma_terms(self, path: Path) -> QWidget:
        browser = QTextBrowser()
        browser.setObjectName("about_gemma_terms")
        browser.setOpenExternalLinks(False)
        browser.setHtml(gemma_terms_html(path))
        return browser

    def _components_tab(self) -> QWidget:
        self.component_list = QListWidget()
        self.component_list.setObjectName("about_components")
        for component in self.components:
            item = QListWidgetItem(f"{component.name} {component.version} — {component.license or '?'}")
            item.setData(Qt.ItemDataRole.UserRole, component.name)
            self.component_list.addItem(item)
        self.license_text = QPlainTextEdit()
        self.license_text.setObjectName("about_license_text")
        self.license_text.setReadOnly(True)
        self.component_list.currentRowChanged.connect(self._show_component)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.component_list)
        splitter.addWidget(self.license_text)
        splitter.setSizes([220, 260])
        self.component_list.setCurrentRow(0)
        return splitter

    def _show_component(self, row: int) -> None:
        if not 0 <= row < len(self.components):
            return
        self.license_text.setPlainText(self._license_body(self.components[row]))

    def _license_body(self, component: Component) -> str:
        if not component.texts:
            return (
                self.tr("%1 is licensed under %2; it ships no license file of its own.")
                .replace("%1", component.name)
                .replace("%2", component.license or "?")
            )
        return "\n\n".join(f"===== {name} =====\n{text}" for name, text in component.texts)


def open_about_dialog(parent: QWidget, loaded: Path | None = None) -> AboutDialog:
    """정보: the ``loaded`` model when the engine has one, else the model the settings name."""
    dialog = AboutDialog(model_in_use(saved_settings(), loaded=loaded), parent)
    dialog.open()
    return dialog
