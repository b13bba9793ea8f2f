from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.gui.application import create_app
from app.gui.engine_controller import EngineController
from app.gui.main_window import MainWindow
from app.tasks.assistant import default_model
from app.tasks.model_choice import ModelPlan


@pytest.fixture(scope="session", autouse=True)
def garbage_collection_on_the_gui_thread_only() -> Iterator[None]:
    """As the app does (app/gui/main_thread_gc.py): no automatic collection, which could run on a task's
    thread and delete Qt objects there; the per-test fixture below collects on the GUI thread instead."""
    import kiwipiepy  # noqa: F401  (the app imports Kiwi's native module on the GUI thread too)

    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def collect_qt_garbage_on_the_gui_thread() -> Iterator[None]:
    """Collect each test's unreachable Qt wrappers now, on the GUI thread, as the app's collector does;
    left to Python's automatic GC they may be deleted on a worker thread and crash a later test."""
    yield
    gc.collect()


@pytest.fixture(scope="session")
def qapp_cls() -> type:
    from PySide6.QtWidgets import QApplication

    return QApplication


@pytest.fixture
def engine(default_model_path: Path) -> Iterator[EngineController]:
    controller = EngineController(lambda _anyway: ModelPlan(default_model(default_model_path.parent, n_ctx=2048), 2, 0))
    yield controller
    controller.shutdown()


@pytest.fixture
def window(qtbot: object, engine: EngineController) -> Iterator[MainWindow]:
    create_app([])
    win = MainWindow(engine)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    engine.load_in_background()
    yield win
    win.close()


KOREAN_REPORT = (
    "2026년 상반기 영업 보고서\n\n"
    "서울 지사의 상반기 매출은 120억 원으로 지난해보다 15% 늘었다. "
    "부산 지사는 신규 고객 40곳을 확보했지만 매출은 지난해와 비슷했다. "
    "하반기에는 온라인 판매 채널을 강화하고 물류 비용을 10% 줄이는 것이 목표다. "
    "인력 충원은 하지 않기로 했다.\n"
)


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "상반기 보고서.txt"
    path.write_text(KOREAN_REPORT, encoding="utf-8")
    return path
