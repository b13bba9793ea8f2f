"""What a team server receives, shown before the first send: one 질문 request, built as Baro builds it.

The example goes through the same prompt, rendering and request code as a real answer (``build_prompt``,
``render``, ``http_engine.request_body``), so the preview cannot drift from what is sent. The API key is
never shown, only whether one goes with the request.
"""

from __future__ import annotations

import json
from pathlib import Path

from app.core.errors import BaroError
from app.core.locations import Location
from app.index.search import Passage
from app.llm.http_engine import request_body
from app.llm.prompts import chat_messages, render
from app.store.secrets import SecretStore
from app.store.settings import Settings
from app.tasks.ask import Source, answer_params, build_prompt
from app.tasks.assistant import DEFAULT_TEMPERATURE, with_stops
from app.tasks.team_server import ServerChoice, choose_server, settings_for

EXAMPLE_QUESTION = "해외 출장 숙박비는 1박에 얼마까지 지원되나요?"
EXAMPLE_EVIDENCE = "해외 출장 숙박비는 1박에 25만 원까지 실비로 지원한다."
EXAMPLE_PASSAGES = (
    ("출장규정", f"{EXAMPLE_EVIDENCE} 영수증을 첨부해야 한다."),
    ("출장규정", "출장 신청은 출발 5일 전까지 전자결재로 한다."),
)


def example_sources() -> list[Source]:
    return [
        Source(number, Passage(Path(f"{title}.hwpx"), title, Location(page=1), (), text, 1.0, number))
        for number, (title, text) in enumerate(EXAMPLE_PASSAGES, 1)
    ]


def request_preview(choice: ServerChoice) -> str:
    """The request line, headers and JSON body Baro sends the server for one example question."""
    prompt = build_prompt(example_sources(), EXAMPLE_QUESTION, EXAMPLE_EVIDENCE)
    rendered = render(choice.prompt_format, prompt)
    params = with_stops(answer_params(choice.prompt_format, DEFAULT_TEMPERATURE), rendered)
    settings = settings_for(choice, choice.model or "(서버의 모델)")
    path, body = request_body(settings, rendered.text, params, chat_messages(prompt))
    key = "Authorization: Bearer ******** (API 키, 이 창에는 보이지 않음)\n" if choice.api_key else ""
    return (
        f"POST {choice.address.url.rstrip('/')}{path}\nContent-Type: application/json\n{key}\n"
        f"{json.dumps(body, ensure_ascii=False, indent=2)}"
    )


def settings_preview(settings: Settings, url: str | None = None, *, secrets: SecretStore | None = None) -> str:
    """``request_preview`` for the server the settings (or ``url``) name; "" when there is none or it is
    refused (loading then says why)."""
    try:
        choice = choose_server(settings, url=url, secrets=secrets)
    except BaroError:
        return ""
    return request_preview(choice) if choice is not None else ""
