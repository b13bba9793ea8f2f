"""The disclosure's preview is exactly what a 질문 sends: the same plan answered through a team server (a tiny
recording one on 127.0.0.1) puts the previewed JSON body on the wire, in both request formats."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler

import pytest

from app.core.events import AnsweredBy, Done
from app.llm.http_engine import ServerSettings
from app.llm.prompts import PromptFormat
from app.llm.server_address import parse_server_url
from app.store.settings import Settings
from app.tasks.ask import AskPlan, answer_plan
from app.tasks.assistant import Assistant
from app.tasks.request_preview import (
    EXAMPLE_EVIDENCE,
    EXAMPLE_QUESTION,
    example_sources,
    request_preview,
    settings_preview,
)
from app.tasks.team_server import ServerChoice
from tests.tiny_server import Server, chunk, stream_head

pytestmark = pytest.mark.usefixtures("loopback_network")


def answer(h: BaseHTTPRequestHandler) -> None:
    stream_head(h)
    h.wfile.write(chunk("숙박비는 1박에 25만 원까지 지원됩니다 [1].", "stop"))
    h.wfile.write(b"data: [DONE]\n\n")


def example_plan() -> AskPlan:
    sources = example_sources()
    return AskPlan(EXAMPLE_QUESTION, sources, True, 0, {s.key for s in sources}, 1.0, {}, EXAMPLE_EVIDENCE)


@pytest.mark.parametrize("prompt_format", [PromptFormat.SERVER_CHAT, PromptFormat.BARO_TUNED])
def test_the_preview_is_the_body_a_question_sends(prompt_format: PromptFormat) -> None:
    server = Server(answer)
    try:
        address = parse_server_url(server.url)
        assistant = Assistant.open_server(ServerSettings(address, "team-model", prompt_format=prompt_format))
        try:
            events = list(answer_plan(assistant, example_plan()))
        finally:
            assistant.close()
        preview = request_preview(ServerChoice(address, "team-model", prompt_format, None))
    finally:
        server.close()
    assert isinstance(events[-1], Done) and "25만 원" in events[-1].text
    assert AnsweredBy("team-model (조직 서버 127.0.0.1)") in events
    request_line, rest = preview.split("\n", 1)
    path = "/v1/chat/completions" if prompt_format is PromptFormat.SERVER_CHAT else "/v1/completions"
    assert request_line == f"POST {server.url}{path}"
    assert json.loads(rest[rest.index("{") :]) == server.requests[-1]
    assert "Authorization" not in preview


def test_the_key_is_never_shown_and_this_pc_has_no_preview() -> None:
    address = parse_server_url("https://llm.example.co.kr")
    preview = request_preview(ServerChoice(address, "", PromptFormat.SERVER_CHAT, "sk-secret-123"))
    assert "sk-secret-123" not in preview and "Authorization: Bearer ********" in preview
    assert "해외 출장 숙박비는 1박에 25만 원까지" in preview, "the passages themselves are shown"
    assert settings_preview(Settings()) == ""
    assert settings_preview(Settings(engine="server", engine_url="http://10.0.0.5:8080")) == "", "refused: http"
