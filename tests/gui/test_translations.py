"""Every UI string has a Korean translation, and the compiled catalogue is the one in the repo."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "baro_ko.ts"
QM = ROOT / "resources" / "i18n" / "baro_ko.qm"
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found; it ships with PySide6")
    return found


def test_catalogue_covers_every_string_in_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "baro_ko.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "app" / "gui").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(fresh)], check=True, capture_output=True
    )
    untranslated = [
        msg.findtext("source")
        for msg in ET.parse(fresh).getroot().iter("message")
        if (msg.find("translation") is None or msg.find("translation").get("type") == "unfinished")  # type: ignore[union-attr]
    ]
    assert untranslated == [], f"translate these in {TS.name} (then `make i18n`): {untranslated}"


def test_compiled_catalogue_is_current(tmp_path: Path) -> None:
    qm = tmp_path / "baro_ko.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == QM.read_bytes(), "run `make i18n` and commit resources/i18n/baro_ko.qm"
