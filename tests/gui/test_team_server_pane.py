"""질문 pane over a real team server (llama-cpp-python's, 127.0.0.1): killed in the middle of an answer, or
down, the pane says so in Korean and stays usable; once a server is back on that address the same pane
answers again, and its status line names the server that answered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.cancel import CancelToken
from app.core.events import Event, Token
from app.gui.panes.ask_pane import AskPane
from app.llm.catalog import load_catalog
from app.llm.default_model import shipped_adapter
from app.llm.http_engine import ServerSettings
from app.llm.server_address import parse_server_url
from app.tasks.assistant import Assistant
from tests.team_server import MODEL_ALIAS, free_port, start_team_server
from tests.unit.tasks.ask_library import write_library

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("loopback_network")]

INDEX_MS = 60_000
ANSWER_MS = 240_000
QUESTION = "해외 출장 숙박비는 1박에 얼마까지 지원되나요?"


def test_a_server_killed_mid_answer_is_a_korean_error_and_the_pane_answers_once_it_is_back(
    qtbot, tmp_path: Path, default_model_path: Path
) -> None:
    adapter = shipped_adapter(load_catalog().default)
    port = free_port()
    first = start_team_server(default_model_path, tmp_path / "a.log", adapter=adapter, port=port).wait_ready()
    assistant = Assistant.open_server(ServerSettings(parse_server_url(first.url), MODEL_ALIAS))

    def source(cancel: CancelToken) -> Iterator[Event | Assistant]:
        yield assistant

    pane = AskPane(source, tmp_path / "library.sqlite3")
    qtbot.addWidget(pane)
    pane.show()
    with qtbot.waitSignal(pane.library.indexing_finished, timeout=INDEX_MS):
        assert pane.library.add_paths([write_library(tmp_path / "문서")])
    pane.input.setText(QUESTION)

    def kill_on_first_token(item: object) -> None:
        if isinstance(item, Token):
            first.kill()

    with qtbot.waitSignal(pane.task_finished, timeout=ANSWER_MS) as cut:
        assert pane.ask()
        assert pane.runner is not None
        pane.runner.yielded.connect(kill_on_first_token)
    assert cut.args == ["failed"], "the answer was cut by the kill"
    assert "조직 서버 127.0.0.1" in pane.last_error and "Traceback" not in pane.last_error
    assert not pane.busy and pane.input.isEnabled(), "the pane is usable again"

    with qtbot.waitSignal(pane.task_finished, timeout=ANSWER_MS) as down:
        assert pane.ask()
    assert down.args == ["failed"]
    assert "조직 서버 127.0.0.1" in pane.last_error and "켜져 있는지" in pane.last_error

    second = start_team_server(default_model_path, tmp_path / "b.log", adapter=adapter, port=port).wait_ready()
    try:
        with qtbot.waitSignal(pane.task_finished, timeout=ANSWER_MS) as answered:
            assert pane.ask()
        assert answered.args == ["done"], pane.last_error
        data = pane.last_result.result.to_json() if pane.last_result and pane.last_result.result else {}
        assert data["answer"] and data["sources"][0]["file"].endswith("출장규정.md")
        assert pane.status.stage_label.text() == f"완료 · 답한 곳: {MODEL_ALIAS} (조직 서버 127.0.0.1)"
    finally:
        assistant.close()
        second.stop()
