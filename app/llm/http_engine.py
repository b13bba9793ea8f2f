"""An organisation's model server as the engine: the OpenAI-compatible HTTP API over ``httpx``.

llama.cpp's ``llama-server``, llama-cpp-python's server, vLLM, Ollama, LM Studio and TGI all speak it:
``GET /v1/models``, ``POST /v1/chat/completions`` or ``/v1/completions`` with ``stream: true`` (SSE).
Only the prompt of one answer is sent; documents stay on the PC. Each answer streams on a reader thread
into a queue, so ``cancel()`` from any thread ends the stream the caller sees at once and the connection
is closed at the next chunk. Connect errors are retried a few times; nothing is re-sent once the server
has started answering.
"""

from __future__ import annotations

import json
import math
import queue
import ssl
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from app.core.errors import EngineError, ServerError, ServerFault
from app.llm.engine_api import ChatMessage, GenerationParams, GenerationStats, ModelInfo
from app.llm.prompts import PromptFormat
from app.llm.server_address import ServerAddress

CONNECT_RETRIES = 2
RETRY_PAUSE_SECONDS = 0.5
ESTIMATED_CHARS_PER_TOKEN = 1.5
"""Korean text runs about 1.5–2.5 characters a token in the tokenizers measured; the estimate errs long."""

_END = object()


@dataclass(frozen=True)
class ServerModel:
    """One model a server offers (``GET /v1/models``)."""

    id: str
    n_ctx: int | None = None


@dataclass(frozen=True)
class ServerSettings:
    address: ServerAddress
    model: str
    api_key: str | None = None
    prompt_format: PromptFormat = PromptFormat.SERVER_CHAT
    """SERVER_CHAT: the chat endpoint (the server applies its model's template); any other format: the
    completions endpoint with the prompt rendered in that format, as the local worker would get it."""
    n_ctx: int = 4096
    """The most context Baro uses (the server's own limit, when it reports one, may lower it)."""
    connect_timeout: float = 5.0
    read_timeout: float = 60.0
    """Seconds without a byte from the server before a request counts as stalled."""

    @property
    def chat(self) -> bool:
        return self.prompt_format is PromptFormat.SERVER_CHAT


def request_body(
    settings: ServerSettings, prompt: str, params: GenerationParams, chat: Sequence[ChatMessage] = ()
) -> tuple[str, dict[str, object]]:
    """The endpoint and JSON body of one answer request: everything that leaves this PC for it."""
    if settings.chat:
        messages = chat or (ChatMessage("user", prompt),)
        path = "/v1/chat/completions"
        body: dict[str, object] = {"messages": [{"role": m.role, "content": m.content} for m in messages]}
    else:
        path = "/v1/completions"
        body = {"prompt": prompt}
    body |= {
        "model": settings.model,
        "stream": True,
        "max_tokens": params.max_tokens,
        "temperature": params.temperature,
        "top_p": params.top_p,
        # llama.cpp's and vLLM's sampling extensions; OpenAI-compatible servers ignore what they lack
        "top_k": params.top_k,
        "min_p": params.min_p,
        "repeat_penalty": params.repeat_penalty,
        "stop": list(params.stop),
        "seed": params.seed,
    }
    return path, body


def server_label(address: ServerAddress) -> str:
    """Who answers, as the status line names a team server."""
    return f"조직 서버 {address.host}"


class HttpEngine:
    """A model on an OpenAI-compatible server, behind the same interface as the local worker."""

    def __init__(self, settings: ServerSettings, *, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        self.model: ModelInfo | None = None
        self.token_count_exact = False
        """True once the server counted tokens itself; otherwise ``count_tokens`` is an estimate."""
        self._tokenizer: tuple[str, str] | None = None
        self._tokenizer_probed = False
        self._transport = transport
        self._client = self._new_client()

    # --- ModelEngine ------------------------------------------------------------------------------

    @property
    def alive(self) -> bool:
        return not self._client.is_closed

    @property
    def label(self) -> str:
        return server_label(self.settings.address)

    def connect(self) -> ModelInfo:
        """Check the server and the model (``/v1/models``) and probe its tokenizer; the ``load`` of a server."""
        started = time.perf_counter()
        offered = {m.id: m for m in self.list_models()}
        chosen = offered.get(self.settings.model)
        if chosen is None:
            names = ", ".join(sorted(offered)[:5]) or "없음"
            raise ServerError(ServerFault.MODEL, self.host, f"'{self.settings.model}' 요청, 서버의 모델: {names}")
        n_ctx = chosen.n_ctx or self.settings.n_ctx
        self.model = ModelInfo(
            path=Path(self.settings.address.url),
            name=chosen.id,
            architecture="server",
            n_ctx=min(n_ctx, self.settings.n_ctx),
            n_ctx_train=chosen.n_ctx or 0,
            chat_template=None,
            load_ms=(time.perf_counter() - started) * 1000,
        )
        return self.model

    def generate(
        self, prompt: str, params: GenerationParams | None = None, *, chat: Sequence[ChatMessage] = ()
    ) -> ServerStream:
        path, body = request_body(self.settings, prompt, params or GenerationParams(), chat)
        return ServerStream(self, path, body, chat=self.settings.chat)

    def count_tokens(self, text: str) -> int:
        counted = self._server_count(text)
        if counted is not None:
            return counted
        return math.ceil(len(text) / ESTIMATED_CHARS_PER_TOKEN)

    def restart(self) -> HttpEngine:
        self.close()
        self._client = self._new_client()
        self.connect()
        return self

    def close(self) -> None:
        self._client.close()

    # --- the server -------------------------------------------------------------------------------

    @property
    def host(self) -> str:
        return self.settings.address.host

    def list_models(self) -> list[ServerModel]:
        reply = self._request("GET", "/v1/models")
        try:
            rows = reply.json()["data"]
            return [ServerModel(str(row["id"]), _context_of(row)) for row in rows]
        except (ValueError, KeyError, TypeError) as err:
            raise ServerError(ServerFault.MALFORMED, self.host, "모델 목록") from err

    def open_stream(self, path: str, body: dict[str, Any]) -> httpx.Response:
        """Send one answer request; retried only while no connection was made."""
        request = self._client.build_request("POST", path, json=body)
        response = self._send(request, stream=True)
        if response.status_code >= 400:
            response.read()
            response.close()
            raise self._status_error(response)
        return response

    def _new_client(self) -> httpx.Client:
        s = self.settings
        headers = {"Authorization": f"Bearer {s.api_key}"} if s.api_key else {}
        timeout = httpx.Timeout(s.read_timeout, connect=s.connect_timeout)
        return httpx.Client(
            base_url=s.address.url, headers=headers, timeout=timeout, transport=self._transport, trust_env=False
        )

    def _request(self, method: str, path: str, body: dict[str, Any] | None = None) -> httpx.Response:
        request = self._client.build_request(method, path, json=body)
        response = self._send(request, stream=False)
        if response.status_code >= 400:
            raise self._status_error(response)
        return response

    def _send(self, request: httpx.Request, *, stream: bool) -> httpx.Response:
        for attempt in range(CONNECT_RETRIES + 1):
            try:
                return self._client.send(request, stream=stream)
            except httpx.ConnectError as err:
                if _is_tls(err):
                    raise ServerError(ServerFault.TLS, self.host, str(err)[:120]) from err
                if attempt == CONNECT_RETRIES:
                    raise ServerError(ServerFault.UNREACHABLE, self.host) from err
            except httpx.ConnectTimeout as err:
                if attempt == CONNECT_RETRIES:
                    raise ServerError(ServerFault.UNREACHABLE, self.host, "연결 시간 초과") from err
            except httpx.TimeoutException as err:
                raise ServerError(ServerFault.STALLED, self.host) from err
            except httpx.TransportError as err:
                raise ServerError(ServerFault.UNREACHABLE, self.host, type(err).__name__) from err
            time.sleep(RETRY_PAUSE_SECONDS * (attempt + 1))
        raise AssertionError("unreachable")

    def _status_error(self, response: httpx.Response) -> ServerError:
        status = response.status_code
        detail = f"HTTP {status}"
        if status in (401, 403):
            return ServerError(ServerFault.AUTH, self.host, detail)
        if status == 404:
            return ServerError(ServerFault.MODEL, self.host, f"{detail}, '{self.settings.model}'")
        if status == 429:
            return ServerError(ServerFault.BUSY, self.host, detail)
        if status >= 500:
            return ServerError(ServerFault.SERVER, self.host, detail)
        return ServerError(ServerFault.MALFORMED, self.host, f"{detail}: {_error_text(response)}")

    def _server_count(self, text: str) -> int | None:
        """Tokens of ``text`` as the server counts them: llama.cpp's ``/tokenize``, llama-cpp-python's
        ``/extras/tokenize`` or vLLM's ``/tokenize``; None when the server has none (then estimated)."""
        candidates = (
            [self._tokenizer]
            if self._tokenizer is not None
            else ([] if self._tokenizer_probed else [("/extras/tokenize", "input"), ("/tokenize", "content")])
        )
        self._tokenizer_probed = True
        for path, key in candidates:
            try:
                reply = self._request("POST", path, {key: text, "model": self.settings.model})
                tokens = reply.json()["tokens"]
            except (ServerError, ValueError, KeyError, TypeError):
                if self._tokenizer is not None:
                    raise EngineError(f"{self.label}: 토큰 수를 셀 수 없습니다.") from None
                continue
            self._tokenizer = (path, key)
            self.token_count_exact = True
            return len(tokens)
        return None


class ServerStream:
    """One streamed answer from the server (``TextStream``)."""

    def __init__(self, engine: HttpEngine, path: str, body: dict[str, Any], *, chat: bool) -> None:
        self._engine = engine
        self._chat = chat
        self._parts: list[str] = []
        self._inbox: queue.Queue[object] = queue.Queue()
        self._cancelled = threading.Event()
        self._response: httpx.Response | None = None
        self._started = time.perf_counter()
        self._first_token_at: float | None = None
        self._received = 0
        self.stats = GenerationStats()
        self._reader = threading.Thread(target=self._read, args=(path, body), daemon=True)
        self._reader.start()

    @property
    def text(self) -> str:
        return "".join(self._parts)

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()
        self._inbox.put(_END)

    def events(self) -> Iterator[str | tuple[int, int]]:
        while True:
            item = self._inbox.get()
            if self._cancelled.is_set() or item is _END:
                self._finish_stats()
                return
            if isinstance(item, BaseException):
                self._finish_stats()
                raise item
            text = str(item)
            if self._first_token_at is None:
                self._first_token_at = time.perf_counter()
            self._parts.append(text)
            self.stats.completion_tokens += 1
            yield text

    def result(self) -> str:
        for _ in self.events():
            pass
        return self.text

    def _finish_stats(self) -> None:
        now = time.perf_counter()
        s = self.stats
        s.total_ms = (now - self._started) * 1000
        if self._first_token_at is not None:
            s.first_token_ms = (self._first_token_at - self._started) * 1000
            s.gen_ms = (now - self._first_token_at) * 1000
        if self._cancelled.is_set() and not s.finish_reason:
            s.finish_reason = "cancelled"

    def _read(self, path: str, body: dict[str, Any]) -> None:
        host = self._engine.host
        try:
            response = self._engine.open_stream(path, body)
        except ServerError as err:
            self._inbox.put(err)
            return
        self._response = response
        finished = False
        try:
            for line in response.iter_lines():
                if self._cancelled.is_set():
                    break
                payload = _sse_data(line)
                if payload is None:
                    continue
                if payload == "[DONE]":
                    finished = True
                    break
                text, reason = self._chunk(payload, host)
                if text:
                    self._received += 1
                    self._inbox.put(text)
                if reason:
                    self.stats.finish_reason = reason
                    finished = True
            if not finished and not self._cancelled.is_set():
                raise ServerError(ServerFault.CUT if self._received else ServerFault.MALFORMED, host)
        except ServerError as err:
            self._inbox.put(err)
        except httpx.TimeoutException:
            self._inbox.put(ServerError(ServerFault.STALLED, host, f"{self._engine.settings.read_timeout:.0f}초"))
        except (httpx.TransportError, httpx.StreamError) as err:
            fault = ServerFault.CUT if self._received else ServerFault.UNREACHABLE
            self._inbox.put(ServerError(fault, host, type(err).__name__))
        finally:
            response.close()
            self._inbox.put(_END)

    def _chunk(self, payload: str, host: str) -> tuple[str, str]:
        try:
            data = json.loads(payload)
            if "error" in data:
                raise ServerError(ServerFault.SERVER, host, _message_of(data["error"]))
            choice = data["choices"][0] if data.get("choices") else {}
            text = (choice.get("delta") or {}).get("content") if self._chat else choice.get("text")
            return str(text or ""), str(choice.get("finish_reason") or "")
        except (ValueError, KeyError, TypeError, AttributeError, IndexError) as err:
            raise ServerError(ServerFault.MALFORMED, host, payload[:60]) from err


def _sse_data(line: str) -> str | None:
    """The data of one SSE line, or None for comments, other fields and blank separators."""
    if not line.startswith("data:"):
        return None
    return line[5:].strip()


def _context_of(row: dict[str, Any]) -> int | None:
    for key in ("max_model_len", "context_length", "n_ctx"):  # vLLM, LM Studio, others
        value = row.get(key) or (row.get("meta") or {}).get(key)
        if isinstance(value, int) and value > 0:
            return value
    meta = row.get("meta") or {}
    value = meta.get("n_ctx_train")  # llama.cpp's llama-server
    return value if isinstance(value, int) and value > 0 else None


def _is_tls(err: BaseException) -> bool:
    seen: BaseException | None = err
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "SSL" in str(err) or "CERTIFICATE" in str(err).upper()


def _message_of(error: object) -> str:
    if isinstance(error, dict):
        return str(error.get("message", ""))[:120]
    return str(error)[:120]


def _error_text(response: httpx.Response) -> str:
    try:
        return _message_of(response.json().get("error", ""))
    except ValueError:
        return response.text[:120]
