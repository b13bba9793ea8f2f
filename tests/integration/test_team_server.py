"""Team mode against a real OpenAI-compatible server on 127.0.0.1 (llama-cpp-python's, with the built-in
model and Baro's adapter): 요약, 질문 and 초안 end to end through `baro --engine`, the same answer as this PC
gives, and the faults a real server can be made to show (killed mid-stream, wrong key, wrong model, not up yet)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.errors import ServerError, ServerFault
from app.llm.catalog import load_catalog
from app.llm.default_model import shipped_adapter
from app.llm.engine_api import GenerationParams
from app.llm.http_engine import HttpEngine, ServerSettings
from app.llm.prompts import PromptFormat, TaskPrompt
from app.llm.server_address import parse_server_url
from app.tasks.assistant import Assistant, default_model
from app.tasks.team_server import WHAT_IS_SENT
from tests.integration.cli import baro
from tests.team_server import MODEL_ALIAS, TeamServer, free_port, start_team_server
from tests.unit.tasks.ask_library import write_library

pytestmark = pytest.mark.slow

PROMPT = TaskPrompt(
    system="", content="대한민국의 수도는 서울이다. 서울의 인구는 약 940만 명이다.\n\n질문: 대한민국의 수도는?"
)


@pytest.fixture(scope="module")
def loopback_module() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BARO_TEST_LOOPBACK", "1")
        yield


@pytest.fixture(scope="module")
def adapter() -> Path:
    found = shipped_adapter(load_catalog().default)
    assert found is not None
    return found


@pytest.fixture(scope="module")
def server(
    loopback_module: None, default_model_path: Path, adapter: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TeamServer]:
    log = tmp_path_factory.mktemp("team") / "server.log"
    running = start_team_server(default_model_path, log, adapter=adapter).wait_ready()
    yield running
    running.stop()


def engine_for(url: str, *, model: str = MODEL_ALIAS, key: str | None = None, fmt: PromptFormat) -> HttpEngine:
    return HttpEngine(ServerSettings(parse_server_url(url), model, key, fmt, connect_timeout=2.0))


def test_the_server_answers_in_the_tuned_format_as_this_pc_does(server: TeamServer, default_model_path: Path) -> None:
    params = GenerationParams(max_tokens=24, temperature=0.0)
    local = Assistant.open(default_model(default_model_path.parent, 2048), threads=2)
    try:
        local.guard_enabled = False
        here = local.start(PROMPT, params).result()
    finally:
        local.close()
    team = Assistant.open_server(ServerSettings(parse_server_url(server.url), MODEL_ALIAS,
                                                prompt_format=PromptFormat.BARO_TUNED))  # fmt: skip
    try:
        team.guard_enabled = False
        there = team.start(PROMPT, params).result()
        assert team.engine.label == "조직 서버 127.0.0.1" and MODEL_ALIAS in team.model.name
        assert isinstance(team.engine, HttpEngine)
        assert team.count_tokens("대한민국의 수도는 서울이다") < 20 and team.engine.token_count_exact
    finally:
        team.close()
    # Greedy on both sides, yet the two llama.cpp front ends tokenize the prompt a little differently
    # (the answers part after the first word): the same facts, Baro's stop sequences honoured.
    assert "서울" in here and "서울" in there and "<end_of_turn>" not in there


def test_summarize_ask_and_draft_end_to_end_through_the_server(server: TeamServer, tmp_path: Path) -> None:
    folder = write_library(tmp_path / "문서")
    engine = ("--engine", server.url)
    summary = baro("summarize", str(folder / "회의록.txt"), "--json", *engine)
    assert summary.returncode == 0, summary.stderr
    assert WHAT_IS_SENT in summary.stderr and "127.0.0.1" in summary.stderr
    summarized = json.loads(summary.stdout)
    assert summarized["sources"] and summarized["sentences"]

    assert baro("index", str(folder)).returncode == 0
    asked = baro("ask", "해외 출장 숙박비는 1박에 얼마까지 지원되나요?", "--json", *engine)
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert answer["answer"] and answer["sources"][0]["file"].endswith("출장규정.md")
    assert all(s["verdict"] in {"supported", "partial", "unsupported"} for s in answer["sentences"])

    fields = (
        "--field",
        "제목=물류 개선",
        "--field",
        "요점=협력사를 두 곳 늘린다",
        "--field",
        "요점=배송 기간을 줄인다",
    )
    drafted = baro("draft", "--template", "보고서", *fields, "--max-tokens", "40", "--json", *engine)
    assert drafted.returncode == 0, drafted.stderr
    assert json.loads(drafted.stdout)["points"] == 2


def test_a_server_killed_mid_stream_is_a_clear_error_and_a_new_server_answers_again(
    loopback_module: None, default_model_path: Path, adapter: Path, tmp_path: Path
) -> None:
    port = free_port()
    first = start_team_server(default_model_path, tmp_path / "first.log", adapter=adapter, port=port).wait_ready()
    engine = engine_for(first.url, fmt=PromptFormat.BARO_TUNED)
    engine.connect()
    stream = engine.generate("옛날 옛적에 한 마을에", GenerationParams(max_tokens=400, temperature=0.8))
    events = stream.events()
    assert isinstance(next(events), str)
    first.kill()
    started = time.monotonic()
    with pytest.raises(ServerError) as cut:
        for _ in events:
            pass
    assert cut.value.fault in (ServerFault.CUT, ServerFault.UNREACHABLE)
    assert "조직 서버 127.0.0.1" in cut.value.user_message and time.monotonic() - started < 30
    with pytest.raises(ServerError) as down:
        engine.generate("하나, 둘,", GenerationParams(max_tokens=4)).result()
    assert down.value.fault is ServerFault.UNREACHABLE and "켜져 있는지" in down.value.user_message

    second = start_team_server(default_model_path, tmp_path / "second.log", adapter=adapter, port=port).wait_ready()
    try:
        assert engine.restart().generate("하나, 둘,", GenerationParams(max_tokens=4)).result() is not None
    finally:
        engine.close()
        second.stop()


def test_wrong_key_wrong_model_and_a_server_not_up_yet(
    loopback_module: None, default_model_path: Path, tmp_path: Path
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    early = engine_for(url, key="team-secret", fmt=PromptFormat.SERVER_CHAT)
    with pytest.raises(ServerError) as not_up:
        early.connect()  # nothing listens yet: a clear error after the connect retries, no hang
    assert not_up.value.fault is ServerFault.UNREACHABLE
    slow = start_team_server(default_model_path, tmp_path / "keyed.log", api_key="team-secret", port=port)
    try:
        slow.wait_ready()
        assert early.restart().model is not None  # the same engine works once the server is up
        with pytest.raises(ServerError) as wrong_key:
            engine_for(url, key="wrong", fmt=PromptFormat.SERVER_CHAT).connect()
        assert wrong_key.value.fault is ServerFault.AUTH and "API 키" in wrong_key.value.user_message
        with pytest.raises(ServerError) as wrong_model:
            engine_for(url, model="exaone-32b", key="team-secret", fmt=PromptFormat.SERVER_CHAT).connect()
        assert wrong_model.value.fault is ServerFault.MODEL
        assert "exaone-32b" in wrong_model.value.user_message and MODEL_ALIAS in wrong_model.value.user_message
        chat = early.generate("안녕하세요", GenerationParams(max_tokens=12))
        assert isinstance(chat.result(), str)
    finally:
        early.close()
        slow.stop()
