"""The user's models as `baro models` manages them: the overview, importing, choosing and removing.

Each operation takes the ``ModelStore`` it works on (``open_model_store`` gives the user's). Choosing or
removing a model also changes the saved ``model`` setting, so the next task opens what was chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.llm.catalog import CatalogModel, load_catalog
from app.llm.download import ProgressFn
from app.llm.memory import GIB, NotEnoughMemory, check_memory
from app.llm.model_store import TEMPLATE_CHOICES, InstalledModel, ModelStore
from app.llm.prompts import PromptFormat
from app.store.paths import app_paths
from app.store.settings import Settings, load_settings, update_settings
from app.tasks.model_choice import FALLBACK_CONTEXT

__all__ = [
    "GIB",
    "IMPORT_FORMATS",
    "TEMPLATE_CHOICES",
    "CatalogModel",
    "InstalledModel",
    "ModelInUse",
    "ModelOverview",
    "ModelStore",
    "ModelUse",
    "NotEnoughMemory",
    "RemovedModel",
    "catalog_entry",
    "catalog_offers",
    "check_memory",
    "default_model_license",
    "import_model",
    "model_in_use",
    "model_overview",
    "models_folder",
    "open_model_store",
    "remove_model",
    "use_default_model",
    "use_model",
]

IMPORT_FORMATS: tuple[str, ...] = tuple(f.value for f in PromptFormat if f is not PromptFormat.SERVER_CHAT)
"""Prompt formats a GGUF file can be imported with (a team server's chat format is not one)."""


def open_model_store() -> ModelStore:
    """The user's models folder as a ``ModelStore`` (Baro's data folders are created first)."""
    return ModelStore(app_paths().ensure().models)


def models_folder() -> Path:
    """The user's models folder, created if missing; nothing else is, so a read-only home can still summarize."""
    paths = app_paths()
    paths.ensure(paths.models)
    return paths.models


def default_model_license() -> str:
    """The license of the catalog's default model, as the catalog records it."""
    return load_catalog().default.license


def catalog_entry(model_id: str) -> CatalogModel:
    """The catalog's model ``model_id`` (what `baro models list` shows as downloadable)."""
    return load_catalog().get(model_id)


@dataclass(frozen=True)
class ModelOverview:
    active: str
    """The ``model`` setting: the installed model in use ("" for the built-in default)."""
    installed: list[InstalledModel]
    missing: frozenset[str]
    """Keys of installed models whose file was deleted or moved outside Baro."""
    available: list[CatalogModel]
    """Catalog models not installed yet."""


def catalog_offers(installed: list[InstalledModel]) -> list[CatalogModel]:
    """The catalog's models whose file is not among ``installed``: what 모델 관리 offers to download."""
    files = {Path(m.file).name for m in installed}
    return [m for m in load_catalog().models if m.file not in files]


def model_overview(store: ModelStore, settings: Settings) -> ModelOverview:
    """The installed models (and which are unusable), the one in use, and what else the catalog offers."""
    installed = store.list()
    available = catalog_offers(installed)
    missing = frozenset(m.key for m in installed if store.file_missing(m))
    return ModelOverview(settings.model, installed, missing, available)


def import_model(
    store: ModelStore,
    file: Path,
    *,
    key: str | None = None,
    prompt_format: str | None = None,
    template: str = "builtin",
    copy: bool = True,
    progress: ProgressFn | None = None,
) -> InstalledModel:
    """Check ``file`` is a sound GGUF and register it, copied into the models folder unless ``copy`` is false.

    ``prompt_format`` is one of ``IMPORT_FORMATS`` (None: guessed from the file).
    """
    fmt = PromptFormat(prompt_format) if prompt_format else None
    return store.import_file(file, key=key, prompt_format=fmt, template=template, copy=copy, progress=progress)


@dataclass(frozen=True)
class ModelUse:
    model: InstalledModel
    n_ctx: int
    memory: int
    """Estimated RAM in bytes for ``model`` at ``n_ctx``."""


def use_model(
    store: ModelStore,
    model: InstalledModel,
    settings: Settings,
    *,
    context: int | None = None,
    load_anyway: bool = False,
    available: int | None = None,
) -> ModelUse:
    """Save ``model`` (and ``context``, when given) as the one to use.

    Raises ``NotEnoughMemory``, saving nothing, when it would not fit at its context unless ``load_anyway``
    (``available``: the free memory to assume, else measured).
    """
    entry = load_catalog().by_file(Path(model.file).name)
    n_ctx = context or settings.context_size or (entry.default_context if entry else FALLBACK_CONTEXT)
    estimate = check_memory(store.path_of(model), n_ctx, available=available, load_anyway=load_anyway)
    changes: dict[str, object] = {"model": model.key}
    if context:
        changes["context_size"] = context
    update_settings(changes)
    return ModelUse(model, n_ctx, estimate.total)


def use_default_model() -> None:
    """Go back to the built-in default model."""
    update_settings({"model": ""})


@dataclass(frozen=True)
class RemovedModel:
    model: InstalledModel
    was_in_use: bool
    """The settings named it, so they went back to the built-in default."""


def remove_model(store: ModelStore, name: str) -> RemovedModel:
    """Forget ``name`` and delete its file (unless the user registered it where it lies)."""
    model = store.remove(name)
    settings = load_settings().settings
    was_in_use = settings.model in (model.key, model.file, Path(model.file).name)
    if was_in_use:
        use_default_model()
    return RemovedModel(model, was_in_use)


@dataclass(frozen=True)
class ModelInUse:
    """The model Baro answers with, as 정보 and the welcome name it."""

    name: str
    file: str
    license: str
    """As the catalog records it; empty for a GGUF the catalog does not know."""
    is_default: bool
    is_small: bool


def model_in_use(settings: Settings, models_dir: Path | None = None, loaded: Path | None = None) -> ModelInUse:
    """The model in use (``loaded`` when the engine has one) with the license its catalog entry records."""
    catalog = load_catalog()
    models_dir = models_dir or app_paths().models
    if loaded is None and settings.model:
        try:
            installed = ModelStore(models_dir).resolve(settings.model)
        except Exception:  # a broken settings value: the about box still opens, naming the default
            installed = None
        if installed is not None:
            loaded = ModelStore(models_dir).path_of(installed)
    entry = catalog.by_file(loaded.name) if loaded is not None else catalog.default
    chosen = settings.model or catalog.default_id
    tuned = next((m for m in catalog.tuned if m.id == chosen), None)
    if loaded is not None and tuned is not None and loaded.name == tuned.file:
        entry = tuned  # the base file, loaded with Baro's adapter
    if entry is None:
        assert loaded is not None
        return ModelInUse(loaded.stem, loaded.name, "", is_default=False, is_small=False)
    is_default = entry.id == catalog.default_id
    return ModelInUse(entry.name, entry.file, entry.license, is_default=is_default, is_small=entry.is_small_or_base)
