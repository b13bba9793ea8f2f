"""The model as tasks see it: an engine, the active model's facts, and a streaming helper."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.core.cancel import CancelToken
from app.core.errors import ModelNotLoaded
from app.core.events import AnsweredBy, Event, Notice, Progress, Token
from app.llm.catalog import CatalogModel, load_catalog
from app.llm.chat_template import ChatTemplateError, render_task_prompt
from app.llm.client import Engine
from app.llm.default_model import load_default_model, shipped_adapter
from app.llm.engine_api import GenerationParams, ModelEngine, TextStream
from app.llm.http_engine import HttpEngine, ServerSettings, server_label
from app.llm.model_integrity import BackgroundHash
from app.llm.prompts import PromptFormat, RenderedPrompt, TaskPrompt, chat_messages, render
from app.tasks.answer_watch import AnswerWatch
from app.tasks.guarding import StreamingGuard, current_guard, with_guard_facts

# Room for the prompt's own words (instructions, labels, turn markers) beyond the content we budget.
PROMPT_OVERHEAD_TOKENS = 160
RECENT_GENERATIONS = 256
DEFAULT_TEMPERATURE = GenerationParams().temperature


@dataclass(frozen=True)
class EmbeddedTemplate:
    """The model's own chat template (rendered in a sandbox) when the user chose it over Baro's format."""

    source: str
    bos_token: str = ""
    eos_token: str = ""


@dataclass(frozen=True)
class ActiveModel:
    path: Path
    name: str
    prompt_format: PromptFormat
    tier: str
    n_ctx: int
    template: EmbeddedTemplate | None = None
    adapter: Path | None = None
    """Baro's LoRA adapter that llama.cpp applies on top of ``path`` (the tuned default model)."""
    integrity: BackgroundHash | None = field(default=None, compare=False)
    """The full hash of a file only the quick check vouched for, still running or done (see ``take_notices``)."""

    @property
    def is_small_or_base(self) -> bool:
        return self.tier == "base-small"


ModelSource = Callable[[CancelToken], Iterator["Event | Assistant"]]
"""Yields progress while the model loads, then the ready ``Assistant`` (the window's loader, or the CLI's)."""


def take_assistant(source: ModelSource, cancel: CancelToken) -> Generator[Event, None, Assistant]:
    """Pass the source's progress events on; ``assistant = yield from take_assistant(...)`` gets the model."""
    assistant: Assistant | None = None
    for item in source(cancel):
        if isinstance(item, Assistant):
            assistant = item
        else:
            yield item
    if assistant is None:
        raise ModelNotLoaded()
    return assistant


def server_tier(prompt_format: PromptFormat) -> str:
    """A server's chat model is instruction-tuned; one fed Baro's base or tuned rendering is a small base."""
    return "base-small" if prompt_format in (PromptFormat.COMPLETION, PromptFormat.BARO_TUNED) else "instruct"


def describe_server(server: ServerSettings, name: str | None = None, n_ctx: int | None = None) -> ActiveModel:
    """A team server's model as Baro shows it: "모델 (조직 서버 host)"; ``name`` and ``n_ctx`` as the server
    reported them, else as configured."""
    label = f"{name or server.model} ({server_label(server.address)})"
    fmt = server.prompt_format
    return ActiveModel(Path(server.address.url), label, fmt, server_tier(fmt), n_ctx or server.n_ctx)


def describe_model(path: Path, n_ctx: int | None = None) -> ActiveModel:
    """What Baro knows about the GGUF at ``path`` (catalog entry by file name, else a chat default)."""
    entry = load_catalog().by_file(path.name)
    if entry is None:
        return ActiveModel(path, path.stem, PromptFormat.CHATML, "instruct", n_ctx or 4096)
    return ActiveModel(path, entry.name, entry.prompt_format, entry.tier, n_ctx or entry.default_context)


def default_model(models_dir: Path, n_ctx: int | None = None) -> ActiveModel:
    """The catalog's default model."""
    return catalog_model(models_dir, load_catalog().default, n_ctx)


def catalog_model(models_dir: Path, entry: CatalogModel, n_ctx: int | None = None) -> ActiveModel:
    """A model built into Baro: the embedded base file (assembled on first use), with ``entry``'s adapter if any."""
    path, integrity = load_default_model(models_dir, entry)
    adapter = shipped_adapter(entry)
    n_ctx = n_ctx or entry.default_context
    return ActiveModel(path, entry.name, entry.prompt_format, entry.tier, n_ctx, adapter=adapter, integrity=integrity)


def with_stops(params: GenerationParams, rendered: RenderedPrompt) -> GenerationParams:
    """``params`` with the prompt format's stop strings added (each once)."""
    return GenerationParams(**{**params.__dict__, "stop": tuple(dict.fromkeys((*params.stop, *rendered.stop)))})


class Assistant:
    """One engine with one loaded model, shared by every task."""

    def __init__(self, engine: ModelEngine, model: ActiveModel, *, temperature: float = DEFAULT_TEMPERATURE) -> None:
        self.engine = engine
        self.model = model
        self.temperature = temperature
        """The user's 답의 다양성 setting, used by every task; a change applies from the next generation."""
        self.last_generation: TextStream | None = None
        self.recent: deque[TextStream] = deque(maxlen=RECENT_GENERATIONS)
        """The latest generations, for usage figures (tokens, timings)."""
        self.guard_enabled = True
        """Steer every prompt with the guarded facts it touches and check every streamed sentence."""
        self.template_refused = False
        """The model's own chat template failed its limits once; Baro's format is used from then on."""
        self.notices: list[Notice] = []
        self.integrity_reported = False
        self.watch_enabled = True
        """Stop loops, withdraw unsupported sentences, give up and stop at the requested points (see
        ``AnswerWatch``); off, the watches only record what they would have done (the bench's "before")."""
        self.last_watch: AnswerWatch | None = None
        self.watched: deque[tuple[TextStream, AnswerWatch]] = deque(maxlen=RECENT_GENERATIONS)
        """The latest streamed generations with their watches, for the bench's figures."""

    @classmethod
    def open(
        cls,
        model: ActiveModel,
        *,
        threads: int | None = None,
        gpu_layers: int = 0,
        temperature: float = DEFAULT_TEMPERATURE,
    ) -> Assistant:
        engine = Engine(threads=threads).start()
        try:
            engine.load(model.path, n_ctx=model.n_ctx, n_gpu_layers=gpu_layers, adapter=model.adapter)
        except BaseException:
            engine.close()
            raise
        return cls(engine, model, temperature=temperature)

    @classmethod
    def open_server(cls, server: ServerSettings, *, temperature: float = DEFAULT_TEMPERATURE) -> Assistant:
        """An organisation's model server as the engine (checked: reachable, key accepted, model offered)."""
        engine = HttpEngine(server)
        try:
            info = engine.connect()
        except BaseException:
            engine.close()
            raise
        return cls(engine, describe_server(server, info.name, info.n_ctx), temperature=temperature)

    def close(self) -> None:
        self.engine.close()

    @property
    def answerer(self) -> str:
        """The model and the engine it runs on, as a status line names them (a server's name already says)."""
        name = self.model.name
        return name if self.engine.label in name else f"{name} · {self.engine.label}"

    def count_tokens(self, text: str) -> int:
        return self.engine.count_tokens(text)

    def content_budget(self, max_new_tokens: int) -> int:
        """Tokens of source text that fit beside the instructions and the answer."""
        return max(256, self.model.n_ctx - max_new_tokens - PROMPT_OVERHEAD_TOKENS)

    def render(self, prompt: TaskPrompt) -> RenderedPrompt:
        template = self.model.template
        if template is not None and not self.template_refused:
            try:
                return render_task_prompt(
                    template.source, prompt, bos_token=template.bos_token, eos_token=template.eos_token
                )
            except ChatTemplateError as err:
                # Baro's own format still works; the user hears it once, and the template is not tried again.
                self.template_refused = True
                self.notices.append(
                    Notice(
                        f"{self.model.name}: 모델에 들어 있는 대화 템플릿을 쓸 수 없어({err.detail}) Baro의 기본 "
                        "형식으로 진행합니다. 모델 관리에서 이 모델의 템플릿을 기본 형식으로 바꿔 주세요."
                    )
                )
        return render(self.model.prompt_format, prompt)

    def take_notices(self) -> list[Notice]:
        """What the user should hear about the model since the last call (its template was refused, its file
        turned out corrupt)."""
        integrity = self.model.integrity
        if integrity is not None and integrity.corrupt and not self.integrity_reported:
            self.integrity_reported = True
            self.notices.append(Notice(integrity.message))
        taken, self.notices = self.notices, []
        return taken

    def start(self, prompt: TaskPrompt, params: GenerationParams) -> TextStream:
        prompt_sent = with_guard_facts(prompt) if self.guard_enabled else prompt
        rendered = self.render(prompt_sent)
        generation = self.engine.generate(rendered.text, with_stops(params, rendered), chat=chat_messages(prompt_sent))
        self.recent.append(generation)
        return generation

    def stream(
        self,
        prompt: TaskPrompt,
        params: GenerationParams,
        cancel: CancelToken,
        stage: str,
        *,
        watch: AnswerWatch | None = None,
    ) -> Iterator[Event]:
        """Yield the answer's tokens; while the prompt is read, yield progress for ``stage``.

        Every generation of every task streams through here and through an ``AnswerWatch`` (``watch``, or one
        that only stops loops): a loop, an unsupported sentence or a given-up answer is withdrawn
        (``Withdraw``) and, where the watch says stop, the engine is cancelled at once.
        A ``GuardHit`` follows the tokens that complete a sentence the claims guard flags.
        """
        cancel.raise_if_cancelled()
        generation = self.start(prompt, params)
        yield from self.take_notices()
        yield AnsweredBy(self.answerer)
        self.last_generation = generation
        cancel.on_cancel(generation.cancel)
        watch = watch or AnswerWatch(source=prompt.content)
        watch.acting = watch.acting and self.watch_enabled
        self.last_watch = watch
        self.watched.append((generation, watch))
        guard = StreamingGuard(current_guard(), task=stage) if self.guard_enabled else None
        for event in generation.events():
            if isinstance(event, str):
                yield Token(event)
                if guard is not None:
                    yield from guard.feed(event)
                yield from watch.feed(event)
                if watch.stop:
                    generation.cancel()  # the worker stops within a token; what it still sends is dropped
            else:
                done, total = event
                yield Progress(stage, done / max(total, 1))
        cancel.raise_if_cancelled()
        if guard is not None:
            yield from guard.finish()
        yield from watch.finish()
