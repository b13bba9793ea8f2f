"""정보 dialog: version, the active model and its license, the Gemma terms, and every bundled component's license."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from app import __version__
from app.gui.application import create_app
from app.gui.dialogs.about_dialog import AboutDialog
from app.gui.dialogs.about_licenses import (
    GEMMA_NOTICE,
    bundled_components,
    default_model_notice_files,
    gemma_terms_html,
)
from app.gui.engine_controller import EngineController
from app.gui.main_window import MainWindow
from app.llm.catalog import load_catalog
from app.store.settings import Settings
from app.tasks.models import model_in_use

ROOT = Path(__file__).resolve().parents[2]


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _tab_titles(tabs: QTabWidget) -> list[str]:
    return [tabs.tabText(i) for i in range(tabs.count())]


def test_default_model_shows_its_license_the_gemma_notice_and_the_terms(qtbot: QtBot, tmp_path: Path) -> None:
    create_app([])
    model = model_in_use(Settings(), tmp_path / "models")
    assert model.is_default and model.is_small
    assert model.license == load_catalog().default.license == "Gemma Terms of Use"
    dialog = AboutDialog(model)
    qtbot.addWidget(dialog)

    text = dialog.model_label.text()
    assert model.name in text and model.file in text and "Gemma Terms of Use" in text
    assert GEMMA_NOTICE in text
    assert __version__ in dialog.findChild(type(dialog.model_label), "about_title").text()
    assert "Apache-2.0" in dialog.findChild(type(dialog.model_label), "about_baro_license").text()
    assert len(_tab_titles(dialog.tabs)) == 3
    terms = dialog.tabs.widget(1).toPlainText()
    assert "Section 1: DEFINITIONS" in terms and "Model Derivatives" in terms


def test_the_terms_and_notice_ship_with_the_default_model_package() -> None:
    files = default_model_notice_files()
    assert set(files) == {"GEMMA_TERMS.html", "NOTICE.md"}
    html = gemma_terms_html(files["GEMMA_TERMS.html"])
    assert html.startswith("<h1>Gemma Terms of Use</h1>")
    assert "<script" not in html and "<style" not in html
    assert "google-signin" not in html  # the saved page's chrome is gone


def test_a_model_the_catalog_does_not_know_says_its_license_is_not_recorded(qtbot: QtBot, tmp_path: Path) -> None:
    create_app([])
    model = model_in_use(Settings(), tmp_path, loaded=tmp_path / "my-own-model.Q4_K_M.gguf")
    assert (model.name, model.license, model.is_default) == ("my-own-model.Q4_K_M", "", False)
    dialog = AboutDialog(model)
    qtbot.addWidget(dialog)
    assert "my-own-model.Q4_K_M" in dialog.model_label.text()
    assert GEMMA_NOTICE not in dialog.model_label.text()
    assert dialog.tabs.count() == 2  # no Gemma terms tab for a model that is not Gemma


def test_every_direct_dependency_is_listed_with_a_license() -> None:
    with (ROOT / "pyproject.toml").open("rb") as f:
        wanted = {_normalized(re.split(r"[<>=!~\[; ]", r)[0]) for r in tomllib.load(f)["project"]["dependencies"]}
    components = {_normalized(c.name): c for c in bundled_components()}
    assert "python" in components
    missing = wanted - set(components)
    assert not missing, missing
    assert all(components[name].license for name in wanted)


def test_qt_carries_the_lgpl_text_and_llama_cpp_its_own_license() -> None:
    components = {_normalized(c.name): c for c in bundled_components()}
    qt_texts = dict(components["pyside6-essentials"].texts)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in qt_texts["LGPL-3.0.txt"]
    llama = components["llama-cpp-python"]
    assert llama.license == "MIT" and any("Permission is hereby granted" in t for _, t in llama.texts)
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in components["python"].texts[0][1]


def test_choosing_a_component_shows_its_license_text(qtbot: QtBot, tmp_path: Path) -> None:
    create_app([])
    dialog = AboutDialog(model_in_use(Settings(), tmp_path))
    qtbot.addWidget(dialog)
    row = next(i for i, c in enumerate(dialog.components) if _normalized(c.name) == "pypdf")
    dialog.component_list.setCurrentRow(row)
    assert "pypdf" in dialog.component_list.currentItem().text()
    assert "Redistribution and use in source and binary forms" in dialog.license_text.toPlainText()


def test_the_menu_opens_the_about_dialog(qtbot: QtBot) -> None:
    create_app([])
    engine = EngineController(lambda _anyway: (_ for _ in ()).throw(AssertionError("no model load here")))
    window = MainWindow(engine)
    qtbot.addWidget(window)
    window.show()
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.objectName() == "action_about")
    action.trigger()
    dialogs = window.findChildren(AboutDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    assert dialogs[0].model.is_default
    dialogs[0].close()
