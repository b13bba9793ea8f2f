"""What a real server cannot be made to do, from a tiny misbehaving one on 127.0.0.1: malformed SSE, a stall
mid-stream, a stream cut before its end, status errors, a slow stream cancelled after its first token."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from app.core.errors import ServerError, ServerFault
from app.llm.engine_api import ChatMessage, GenerationParams
from app.llm.http_engine import HttpEngine, ServerSettings
from app.llm.prompts import PromptFormat
from app.llm.server_address import parse_server_url
from tests.tiny_server import Behaviour, Server, chunk, stream_head

pytestmark = pytest.mark.usefixtures("loopback_network")


def serve(behaviour: Behaviour) -> Iterator[tuple[Server, HttpEngine]]:
    server = Server(behaviour)
    settings = ServerSettings(parse_server_url(server.url), "team-model", read_timeout=1.0, connect_timeout=1.0)
    engine = HttpEngine(settings)
    try:
        yield server, engine
    finally:
        engine.close()
        server.close()


def collect(engine: HttpEngine) -> tuple[str, ServerError | None]:
    stream = engine.generate("질문", GenerationParams(max_tokens=20), chat=(ChatMessage("user", "질문"),))
    try:
        stream.result()
    except ServerError as err:
        return stream.text, err
    return stream.text, None


def test_a_well_formed_stream_is_read_to_its_end_and_sends_the_chat_and_sampling() -> None:
    def good(h: BaseHTTPRequestHandler) -> None:
        stream_head(h)
        h.wfile.write(b": keep-alive comment\n\n" + chunk("서울") + chunk("입니다.", "stop") + b"data: [DONE]\n\n")

    for server, engine in serve(good):
        assert engine.connect().name == "team-model"
        text, error = collect(engine)
        assert (text, error) == ("서울입니다.", None)
        sent = server.requests[-1]
        assert sent["messages"] == [{"role": "user", "content": "질문"}] and sent["stream"] is True
        assert sent["model"] == "team-model" and sent["max_tokens"] == 20 and "top_k" in sent


def test_malformed_sse_is_a_korean_error_not_a_crash() -> None:
    def malformed(h: BaseHTTPRequestHandler) -> None:
        stream_head(h)
        h.wfile.write(b"data: {not json\n\n")

    for _server, engine in serve(malformed):
        _text, error = collect(engine)
        assert error is not None and error.fault is ServerFault.MALFORMED
        assert "형식" in error.user_message and "127.0.0.1" in error.user_message


def test_a_stall_mid_stream_stops_after_the_read_timeout_keeping_what_came() -> None:
    def stall(h: BaseHTTPRequestHandler) -> None:
        stream_head(h)
        h.wfile.write(chunk("첫 부분"))
        h.wfile.flush()
        time.sleep(3)

    for _server, engine in serve(stall):
        started = time.monotonic()
        text, error = collect(engine)
        assert error is not None and error.fault is ServerFault.STALLED and "멈췄습니다" in error.user_message
        assert text == "첫 부분" and time.monotonic() - started < 2.9


def test_a_stream_that_ends_without_its_end_is_cut_mid_answer() -> None:
    def cut(h: BaseHTTPRequestHandler) -> None:
        stream_head(h)
        h.wfile.write(chunk("회의는 3시에"))

    for _server, engine in serve(cut):
        text, error = collect(engine)
        assert error is not None and error.fault is ServerFault.CUT and "끊겼습니다" in error.user_message
        assert text == "회의는 3시에"


@pytest.mark.parametrize(
    ("status", "fault", "words"),
    [
        (401, ServerFault.AUTH, "API 키"),
        (403, ServerFault.AUTH, "API 키"),
        (404, ServerFault.MODEL, "모델"),
        (429, ServerFault.BUSY, "잠시 뒤"),
        (500, ServerFault.SERVER, "관리자"),
        (503, ServerFault.SERVER, "관리자"),
    ],
)
def test_status_errors_say_what_to_do(status: int, fault: ServerFault, words: str) -> None:
    def refuse(h: BaseHTTPRequestHandler) -> None:
        body = json.dumps({"error": {"message": "no"}}).encode()
        h.send_response(status)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    for server, engine in serve(refuse):
        _text, error = collect(engine)
        assert error is not None and error.fault is fault and words in error.user_message
        assert len(server.requests) == 1, "an answer request is never re-sent"


def test_cancel_after_the_first_token_ends_the_stream_and_closes_the_connection() -> None:
    def slow(h: BaseHTTPRequestHandler) -> None:
        stream_head(h)
        for index in range(200):
            h.wfile.write(chunk(f"{index} "))
            h.wfile.flush()
            time.sleep(0.02)
        h.wfile.write(b"data: [DONE]\n\n")

    for server, engine in serve(slow):
        stream = engine.generate("질문", GenerationParams(max_tokens=200))
        seen = []
        for event in stream.events():
            seen.append(event)
            stream.cancel()
        assert seen == ["0 "] and stream.text == "0 "
        assert server.disconnected.wait(5), "the server saw the connection close"
        assert stream.stats.finish_reason == "cancelled"


def test_a_closed_port_is_unreachable_after_the_connect_retries() -> None:
    server = Server(lambda h: None)
    url = server.url
    server.close()
    engine = HttpEngine(ServerSettings(parse_server_url(url), "team-model", connect_timeout=1.0))
    with pytest.raises(ServerError) as refused:
        engine.connect()
    assert refused.value.fault is ServerFault.UNREACHABLE and "켜져 있는지" in refused.value.user_message


def test_a_model_the_server_does_not_offer_is_named_with_the_ones_it_does() -> None:
    for _server, engine in serve(lambda h: None):
        engine.settings = ServerSettings(engine.settings.address, "없는-모델", prompt_format=PromptFormat.SERVER_CHAT)
        with pytest.raises(ServerError) as refused:
            engine.connect()
        assert refused.value.fault is ServerFault.MODEL
        assert "없는-모델" in refused.value.user_message and "team-model" in refused.value.user_message


def test_without_a_tokenizer_endpoint_tokens_are_a_labelled_estimate() -> None:
    def no_tokenizer(h: BaseHTTPRequestHandler) -> None:
        h.send_response(404)
        h.send_header("Content-Length", "0")
        h.end_headers()

    for _server, engine in serve(no_tokenizer):
        assert engine.count_tokens("가" * 30) == 20
        assert engine.token_count_exact is False
