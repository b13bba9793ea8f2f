"""Owns the Assistant for the window: loads the model in the background and reports its state."""

from __future__ import annotations

import threading
from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from app.core.errors import BaroError
from app.tasks.assistant import Assistant
from app.tasks.model_choice import ModelPlan, open_planned
from app.tasks.models import NotEnoughMemory


class EngineState(StrEnum):
    IDLE = "idle"
    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


PlanModel = Callable[[bool], ModelPlan]
"""Decide which model to load; the flag is "load even if it looks too big for the RAM"."""


class EngineController(QObject):
    state_changed = Signal(str, str)  # EngineState value, detail (model name or error)
    memory_refused = Signal(str)  # the Korean explanation; the window may offer "load anyway"

    def __init__(self, resolve_model: PlanModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._resolve = resolve_model
        self.assistant: Assistant | None = None
        self.state = EngineState.IDLE
        self.detail = ""
        self._thread: threading.Thread | None = None

    def load_in_background(self, *, load_anyway: bool = False) -> None:
        if self.state == EngineState.LOADING:
            return
        self._set(EngineState.LOADING, "")
        self._thread = threading.Thread(target=self._load, args=(load_anyway,), name="model-load", daemon=True)
        self._thread.start()

    def _load(self, load_anyway: bool) -> None:
        try:
            plan = self._resolve(load_anyway)
            model = plan.model
            self._set(EngineState.LOADING, model.name)
            self.assistant = open_planned(plan)
        except NotEnoughMemory as err:
            self._set(EngineState.FAILED, err.user_message)
            self.memory_refused.emit(err.user_message)
            return
        except BaroError as err:
            self._set(EngineState.FAILED, err.user_message)
            return
        except Exception as err:
            self._set(EngineState.FAILED, f"{type(err).__name__}: {err}")
            return
        self._set(EngineState.READY, model.name)

    def restart_engine(self) -> None:
        """After a crash: a new worker with the same model, in the background."""
        if self.assistant is None:
            self.load_in_background()
            return
        assistant = self.assistant
        self._set(EngineState.LOADING, assistant.model.name)

        def work() -> None:
            try:
                assistant.engine.restart()
            except BaroError as err:
                self._set(EngineState.FAILED, err.user_message)
                return
            self._set(EngineState.READY, assistant.model.name)

        threading.Thread(target=work, name="engine-restart", daemon=True).start()

    def wait_loaded(self, timeout: float) -> bool:
        if self._thread is not None:
            self._thread.join(timeout)
        return self.state == EngineState.READY

    def shutdown(self) -> None:
        if self._thread is not None:
            self._thread.join(timeout=30)
        if self.assistant is not None:
            self.assistant.close()
            self.assistant = None
        self.state = EngineState.IDLE

    def _set(self, state: EngineState, detail: str) -> None:
        self.state = state
        self.detail = detail
        self.state_changed.emit(state.value, detail)
