"""Which model to run, with which engine settings: from the user's settings, checked against RAM."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from app.llm.catalog import load_catalog
from app.llm.gguf_validate import inspect_gguf
from app.llm.http_engine import ServerSettings
from app.llm.memory import check_memory
from app.llm.model_store import ModelStore
from app.store.settings import Settings
from app.tasks.assistant import (
    DEFAULT_TEMPERATURE,
    ActiveModel,
    Assistant,
    EmbeddedTemplate,
    catalog_model,
    default_model,
    describe_server,
)
from app.tasks.team_server import choose_server, server_settings

FALLBACK_CONTEXT = 4096
MAX_AUTO_CONTEXT = 8192
"""A model may allow 32k tokens, but its KV cache would crowd an ordinary laptop's RAM."""


@dataclass(frozen=True)
class ModelPlan:
    model: ActiveModel
    threads: int | None
    gpu_layers: int
    temperature: float = DEFAULT_TEMPERATURE
    server: ServerSettings | None = None
    """An organisation's server answers instead of this PC (``model`` then only describes it)."""


def plan_engine(
    settings: Settings,
    models_dir: Path,
    *,
    server_url: str | None = None,
    server_model: str | None = None,
    override: Path | None = None,
    context: int | None = None,
    load_anyway: bool = False,
) -> ModelPlan:
    """This PC's model (``plan_model``), or the team server the settings, ``BARO_ENGINE_URL`` or ``server_url``
    name (a ``--model`` file always means this PC)."""
    choice = None if override else choose_server(settings, url=server_url, model=server_model)
    if choice is None:
        return plan_model(settings, models_dir, override=override, context=context, load_anyway=load_anyway)
    server = server_settings(choice, n_ctx=context or settings.context_size or None)
    return ModelPlan(describe_server(server), None, 0, settings.temperature, server=server)


def open_planned(plan: ModelPlan) -> Assistant:
    if plan.server is not None:
        return Assistant.open_server(plan.server, temperature=plan.temperature)
    return Assistant.open(plan.model, threads=plan.threads, gpu_layers=plan.gpu_layers, temperature=plan.temperature)


def plan_model(
    settings: Settings,
    models_dir: Path,
    *,
    override: Path | None = None,
    context: int | None = None,
    load_anyway: bool = False,
    available_memory: int | None = None,
) -> ModelPlan:
    """The model ``settings`` (or ``override``) names; raises ``NotEnoughMemory`` unless it fits or ``load_anyway``."""
    store = ModelStore(models_dir)
    installed = store.resolve(str(override) if override else settings.model)
    n_ctx = context or settings.context_size or None
    if installed is None:
        model = default_model(models_dir, n_ctx)
    elif installed.source == "builtin":  # Baro's tuned model: the embedded base plus its shipped adapter
        model = catalog_model(models_dir, load_catalog().get(installed.key), n_ctx)
    else:
        path = store.path_of(installed)
        entry = load_catalog().by_file(path.name)
        recommended = (
            entry.default_context if entry else min(installed.context_length or FALLBACK_CONTEXT, MAX_AUTO_CONTEXT)
        )
        model = ActiveModel(path, installed.name, installed.prompt_format, installed.tier, n_ctx or recommended)
        if installed.template == "embedded":
            info = inspect_gguf(path)
            if info.chat_template:
                model = replace(model, template=EmbeddedTemplate(info.chat_template, info.bos_token, info.eos_token))
    check_memory(model.path, model.n_ctx, load_anyway=load_anyway, available=available_memory)
    return ModelPlan(model, settings.threads or None, settings.gpu_layers, settings.temperature)
