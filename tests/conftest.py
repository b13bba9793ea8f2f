"""Shared fixtures: every test runs with its own BARO_HOME, and the shared corpus is found or skipped."""

from __future__ import annotations

import os
import runpy
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NETGUARD = ROOT / "tests" / "netguard"

# No test reaches the network: this process and every Python process it starts (engine worker, document
# reader, CLI runs) raise on any connection or name lookup except loopback, and loopback only under the
# ``loopback_network`` fixture of the download tests.
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(NETGUARD), os.environ.get("PYTHONPATH")) if p)
runpy.run_path(str(NETGUARD / "sitecustomize.py"))


def _corpus_dir() -> Path:
    env = os.environ.get("BARO_CORPUS")
    return Path(env) if env else ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One models folder for the whole run, so the default model is assembled once."""
    return tmp_path_factory.mktemp("models")


@pytest.fixture(autouse=True)
def baro_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, models_dir: Path
) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("baro_home")
    monkeypatch.setenv("BARO_HOME", str(home))
    monkeypatch.setenv("BARO_MODELS_DIR", str(models_dir))
    monkeypatch.setenv("BARO_ADMIN_FILE", str(home / "admin.toml"))  # no admin policy unless a test writes one
    for name in ("BARO_ENGINE_URL", "BARO_ENGINE_MODEL", "BARO_ENGINE_KEY"):
        monkeypatch.delenv(name, raising=False)
    yield home


@pytest.fixture(scope="session")
def default_model_path(models_dir: Path) -> Path:
    from app.llm.default_model import ensure_default_model

    return ensure_default_model(models_dir)


@pytest.fixture(scope="session")
def corpus() -> Path:
    path = _corpus_dir()
    if not path.is_dir():
        pytest.skip(f"shared corpus not found at {path} (set BARO_CORPUS); skipping corpus tests")
    return path


@pytest.fixture
def loopback_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Allow connections to 127.0.0.1 only (the download tests' local HTTP server), here and in subprocesses."""
    monkeypatch.setenv("BARO_TEST_LOOPBACK", "1")
