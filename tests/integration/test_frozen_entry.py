"""The bundle's one executable is also the engine worker and the document reader: app.main dispatches them.

A fake "frozen" executable (sys.frozen set, sys.executable pointing at itself) runs the real CLI, so the
children start the way they do in the PyInstaller bundle: ``<exe> --docs-worker`` and ``<exe> --engine-worker``.
The built bundle itself is exercised by packaging/smoke_test.py (`make package-smoke`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.docs.child import DOCS_WORKER_FLAG, reader_command
from app.llm.process import WORKER_FLAG, worker_command

ROOT = Path(__file__).resolve().parents[2]
REPORT = "분기 보고서\n\n서울 지사의 매출은 120억 원으로 지난해보다 15% 늘었다. 인력 충원은 하지 않기로 했다.\n"


def test_frozen_children_are_the_executable_with_a_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    assert reader_command()[1:] == ["-m", "app.docs.worker"]
    assert worker_command()[1:] == ["-m", "app.llm.worker"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert reader_command() == [sys.executable, DOCS_WORKER_FLAG]
    assert worker_command() == [sys.executable, WORKER_FLAG]


@pytest.fixture
def frozen_exe(tmp_path: Path) -> Path:
    """An executable that behaves like the bundle's: frozen, and its own sys.executable."""
    exe = tmp_path / "baro-frozen"
    entry = tmp_path / "entry.py"
    entry.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "sys.frozen = True\n"
        f"sys.executable = {str(exe)!r}\n"
        "from app.main import main\n"
        "sys.exit(main())\n",
        encoding="utf-8",
    )
    exe.write_text(f'#!/bin/sh\nexec {sys.executable} -I {entry} "$@"\n', encoding="utf-8")
    exe.chmod(0o755)
    return exe


def _run(exe: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # -I ignores it anyway: no `python -m app...`
    return subprocess.run([str(exe), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_document_reader_runs_as_the_frozen_executable(frozen_exe: Path, tmp_path: Path) -> None:
    report = tmp_path / "보고서.txt"
    report.write_text(REPORT, encoding="utf-8")
    result = _run(frozen_exe, "extract", str(report), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "120억 원" in result.stdout


@pytest.mark.slow
def test_the_engine_runs_as_the_frozen_executable(
    frozen_exe: Path, tmp_path: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "보고서.txt"
    report.write_text(REPORT, encoding="utf-8")
    monkeypatch.setenv("BARO_MODELS_DIR", str(models_dir))
    result = _run(frozen_exe, "summarize", str(report), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "AI 요약" in result.stdout  # the engine worker answered, not only the extractive quotes
