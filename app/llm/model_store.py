"""The models Baro has on disk: a small registry (``models.json``) in the models folder.

Every file enters through ``import_file`` or ``download`` and both check it first with ``inspect_gguf``,
so llama.cpp only ever sees files that passed. A ``.gguf`` dropped into the folder by hand still shows
in ``list()`` (marked "found") so nothing on disk is hidden from the user.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from app.core.atomic_file import write_text_atomically
from app.core.cancel import CancelToken
from app.core.errors import BaroError, ModelLoadError
from app.llm.catalog import CatalogModel, load_catalog
from app.llm.chat_template import ChatTemplateError, check_chat_template
from app.llm.default_model import mark_verified
from app.llm.download import ProgressFn, download_file, fetch_remote_file
from app.llm.gguf_validate import GgufInfo, inspect_gguf
from app.llm.prompts import PromptFormat

REGISTRY_NAME = "models.json"
REGISTRY_VERSION = 1
TEMPLATE_CHOICES = ("builtin", "embedded")
COPY_CHUNK = 1 << 20


class ModelNotInstalled(BaroError):
    def __init__(self, key: str) -> None:
        super().__init__(f"'{key}' 모델이 설치되어 있지 않습니다. 'baro models list'로 설치된 모델을 확인해 주세요.")


@dataclass(frozen=True)
class InstalledModel:
    key: str
    file: str
    """A file name inside the models folder, or an absolute path for a model registered where it lies."""
    name: str
    size: int
    sha256: str
    source: str
    """"catalog" (downloaded), "import", "found" (a .gguf in the folder Baro did not put there), or "builtin"
    (Baro's tuned default: a base file found here plus the adapter shipped with Baro)."""
    prompt_format: PromptFormat
    template: str = "builtin"
    """"builtin": Baro's prompt format; "embedded": the chat template inside the GGUF (sandboxed)."""
    architecture: str = ""
    context_length: int = 0
    tier: str = "instruct"

    @property
    def is_small_or_base(self) -> bool:
        return self.tier == "base-small"

    def is_named_by(self, setting: str) -> bool:
        """Whether the settings' ``model`` value ("" = the catalog's default) means this model."""
        wanted = setting or load_catalog().default_id
        return wanted == self.key or (wanted == self.file and self.source != "builtin")


@dataclass(frozen=True)
class VerifyResult:
    model: InstalledModel
    ok: bool
    detail: str


def guess_prompt_format(info: GgufInfo) -> PromptFormat:
    """The built-in format closest to the model's own template; plain completion when it has none."""
    template = info.chat_template
    markers = (
        ("<|im_start|>", PromptFormat.CHATML),
        ("<start_of_turn>", PromptFormat.GEMMA),
        ("<|start_header_id|>", PromptFormat.LLAMA3),
        ("[|assistant|]", PromptFormat.EXAONE),
    )
    for marker, fmt in markers:
        if marker in template:
            return fmt
    return PromptFormat.CHATML if template else PromptFormat.COMPLETION


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", text.lower()).strip("-") or "model"


class ModelStore:
    def __init__(self, models_dir: Path) -> None:
        self.dir = models_dir

    # --- registry --------------------------------------------------------------------------------

    @property
    def registry_file(self) -> Path:
        return self.dir / REGISTRY_NAME

    def _read(self) -> list[InstalledModel]:
        try:
            raw = json.loads(self.registry_file.read_text(encoding="utf-8"))
            return [_from_json(entry) for entry in raw["models"]]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, KeyError, TypeError):
            # Keep the unreadable file for inspection; the folder scan in list() still finds the models.
            self.registry_file.replace(self.registry_file.with_suffix(".json.broken"))
            return []

    def _write(self, models: list[InstalledModel]) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        data = {
            "version": REGISTRY_VERSION,
            "models": [{**asdict(m), "prompt_format": str(m.prompt_format)} for m in models],
        }
        write_text_atomically(self.registry_file, json.dumps(data, ensure_ascii=False, indent=1))

    def _save(self, model: InstalledModel) -> InstalledModel:
        others = [m for m in self._read() if m.key != model.key]
        self._write([*others, model])
        return model

    def list(self) -> list[InstalledModel]:
        registered = self._read()
        known = {m.file for m in registered}
        found = [self._describe_found(p) for p in sorted(self.dir.glob("*.gguf")) if p.name not in known]
        return [*registered, *found, *self._tuned(registered + found)]

    def _tuned(self, plain: Sequence[InstalledModel]) -> Sequence[InstalledModel]:
        """Baro's tuned models whose base file is here: the same file, with the shipped adapter on top."""
        files = {Path(m.file).name: m for m in plain}
        return [self._builtin(entry, files[entry.file].size) for entry in load_catalog().tuned if entry.file in files]

    @staticmethod
    def _builtin(entry: CatalogModel, size: int) -> InstalledModel:
        return InstalledModel(
            entry.id, entry.file, entry.name, size, entry.sha256, "builtin", entry.prompt_format,
            context_length=entry.context_length, tier=entry.tier,
        )  # fmt: skip

    def _describe_found(self, path: Path) -> InstalledModel:
        entry = load_catalog().by_file(path.name)
        size = path.stat().st_size
        if entry is not None:
            return InstalledModel(
                entry.id, path.name, entry.name, size, "", "found", entry.prompt_format,
                context_length=entry.context_length, tier=entry.tier,
            )  # fmt: skip
        return InstalledModel(_slug(path.stem), path.name, path.stem, size, "", "found", PromptFormat.CHATML)

    def get(self, key: str) -> InstalledModel:
        for model in self.list():
            if key in (model.key, model.file, Path(model.file).name):
                return model
        raise ModelNotInstalled(key)

    def resolve(self, wanted: str) -> InstalledModel | None:
        """What a settings value names: "" or the default's id is the built-in default (None); else a key, file
        name or .gguf path."""
        if not wanted or wanted == load_catalog().default_id:
            return None
        as_path = Path(wanted).expanduser()
        if as_path.is_absolute() and as_path.parent != self.dir:
            if not as_path.is_file():
                raise ModelNotInstalled(wanted)
            info = inspect_gguf(as_path)
            entry = load_catalog().by_file(as_path.name)
            return InstalledModel(
                key=str(as_path),
                file=str(as_path),
                name=entry.name if entry else info.name,
                size=info.file_size,
                sha256="",
                source="found",
                prompt_format=entry.prompt_format if entry else guess_prompt_format(info),
                architecture=info.architecture,
                context_length=info.context_length,
                tier=entry.tier if entry else "instruct",
            )
        return self.get(as_path.name if as_path.is_absolute() else wanted)

    def file_missing(self, model: InstalledModel) -> bool:
        """True for a registered model whose file was deleted or moved outside Baro."""
        return not self.path_of(model).is_file()

    def path_of(self, model: InstalledModel) -> Path:
        path = Path(model.file)
        return path if path.is_absolute() else self.dir / path

    # --- adding models ---------------------------------------------------------------------------

    def import_file(
        self,
        source: Path,
        *,
        key: str | None = None,
        prompt_format: PromptFormat | None = None,
        template: str = "builtin",
        copy: bool = True,
        progress: ProgressFn | None = None,
        cancel: CancelToken | None = None,
    ) -> InstalledModel:
        """Check ``source`` is a sound GGUF, copy it into the models folder (or register it in place)."""
        if template not in TEMPLATE_CHOICES:
            raise BaroError(f"템플릿 선택은 {', '.join(TEMPLATE_CHOICES)} 중 하나여야 합니다.")
        info = inspect_gguf(source)
        if template == "embedded" and not info.chat_template:
            raise ModelLoadError(source, "이 파일에는 대화 템플릿이 없습니다. 기본 형식(builtin)을 사용해 주세요.")
        if template == "embedded":
            _check_embedded_template(source, info)
        entry = load_catalog().by_file(source.name)
        if copy:
            target = self.dir / source.name
            if target.resolve() == source.resolve():
                sha256 = _sha256(source, progress, cancel)
            elif target.exists():
                raise ModelLoadError(target, "같은 이름의 모델이 이미 있습니다. 먼저 지우거나 파일 이름을 바꿔 주세요.")
            else:
                sha256 = _copy_hashing(source, target, progress, cancel)
            stored = target.name
        else:
            sha256 = _sha256(source, progress, cancel)
            stored = str(source.resolve())
        model = InstalledModel(
            key=key or (entry.id if entry else _slug(source.stem)),
            file=stored,
            name=entry.name if entry else info.name,
            size=info.file_size,
            sha256=sha256,
            source="import",
            prompt_format=prompt_format or (entry.prompt_format if entry else guess_prompt_format(info)),
            template=template,
            architecture=info.architecture,
            context_length=info.context_length,
            tier=entry.tier if entry else "instruct",
        )
        if entry and entry.sha256 and entry.sha256 != sha256:
            raise ModelLoadError(source, "모델 목록에 적힌 체크섬과 다릅니다. 손상되었거나 다른 파일입니다.")
        if copy:
            mark_verified(self.path_of(model), sha256)
        return self._save(model)

    def download(
        self,
        entry: CatalogModel,
        *,
        token: str | None = None,
        progress: ProgressFn | None = None,
        cancel: CancelToken | None = None,
        base: str | None = None,
        repo: str | None = None,
    ) -> InstalledModel:
        """Download a catalog model: sha256 from the hub's metadata, verified bytes, a checked GGUF."""
        source_repo = repo or entry.repo
        if not source_repo:
            raise BaroError(
                f"{entry.name}: 모델 목록에 내려받을 저장소가 적혀 있지 않습니다. GGUF 파일을 직접 받아 "
                "'baro models import 파일'로 가져오거나 --repo로 저장소를 지정해 주세요."
            )
        remote = fetch_remote_file(source_repo, entry.file, base=base, token=token)
        target = self.dir / entry.file
        for known, got, what in ((entry.sha256, remote.sha256, "체크섬"), (entry.size_bytes, remote.size, "크기")):
            if known and known != got:
                raise BaroError(
                    f"{entry.file}: 서버의 {what}가 모델 목록과 다릅니다. 파일이 바뀌었을 수 있어 받지 않습니다."
                )
        download_file(remote, target, token=token, progress=progress, cancel=cancel)
        try:
            info = inspect_gguf(target)
        except ModelLoadError:
            target.unlink(missing_ok=True)
            raise
        mark_verified(target, remote.sha256)
        model = InstalledModel(
            key=entry.id,
            file=target.name,
            name=entry.name,
            size=info.file_size,
            sha256=remote.sha256,
            source="catalog",
            prompt_format=entry.prompt_format,
            architecture=info.architecture,
            context_length=info.context_length or entry.context_length,
            tier=entry.tier,
        )
        return self._save(model)

    # --- maintenance -----------------------------------------------------------------------------

    def verify(self, key: str, progress: ProgressFn | None = None) -> VerifyResult:
        model = self.get(key)
        path = self.path_of(model)
        try:
            inspect_gguf(path)
        except ModelLoadError as err:
            return VerifyResult(model, False, err.user_message)
        entry = load_catalog().by_file(path.name)
        expected = model.sha256 or (entry.sha256 if entry else "")
        actual = _sha256(path, progress, None)
        if expected and actual != expected:
            return VerifyResult(
                model, False, f"{path.name}: 체크섬이 다릅니다. 파일이 손상되었습니다. 지우고 다시 받아 주세요."
            )
        mark_verified(path, actual)
        if not model.sha256:
            model = replace(model, sha256=actual)
            if model.source != "found":
                self._save(model)
        detail = "정상 (체크섬 일치)" if expected else "정상 (헤더와 크기 확인, 비교할 체크섬이 없어 지금 값을 기록함)"
        return VerifyResult(model, True, detail)

    def set_template(self, key: str, template: str) -> InstalledModel:
        if template not in TEMPLATE_CHOICES:
            raise BaroError(f"템플릿 선택은 {', '.join(TEMPLATE_CHOICES)} 중 하나여야 합니다.")
        model = self.get(key)
        if model.source == "builtin":
            raise BaroError("Baro 기본 모델은 학습한 형식으로만 씁니다. 대화 템플릿을 바꿀 수 없습니다.")
        if template == "embedded":
            info = inspect_gguf(self.path_of(model))
            if not info.chat_template:
                raise ModelLoadError(self.path_of(model), "이 파일에는 대화 템플릿이 없습니다.")
            _check_embedded_template(self.path_of(model), info)
        source = "import" if model.source == "found" else model.source
        return self._save(replace(model, template=template, source=source))

    def chat_template(self, key: str) -> str:
        return inspect_gguf(self.path_of(self.get(key))).chat_template

    def remove(self, key: str) -> InstalledModel:
        model = self.get(key)
        if model.source == "builtin":
            raise BaroError(f"'{model.name}'은(는) Baro에 들어 있는 모델이라 지울 수 없습니다.")
        path = self.path_of(model)
        if not Path(model.file).is_absolute():  # never delete a file the user registered where it lies
            path.unlink(missing_ok=True)
            path.with_name(path.name + ".verified.json").unlink(missing_ok=True)
        self._write([m for m in self._read() if m.key != model.key])
        return model


def _check_embedded_template(path: Path, info: GgufInfo) -> None:
    """Refuse a chat template that cannot render a small sample prompt within its time and size limits."""
    try:
        check_chat_template(info.chat_template, bos_token=info.bos_token, eos_token=info.eos_token)
    except ChatTemplateError as err:
        raise ModelLoadError(
            path, f"들어 있는 대화 템플릿을 쓸 수 없습니다 ({err.detail}). 기본 형식(builtin)으로 써 주세요."
        ) from None


def _from_json(entry: dict[str, object]) -> InstalledModel:
    fields = {**entry, "prompt_format": PromptFormat(str(entry["prompt_format"]))}
    return InstalledModel(**fields)  # type: ignore[arg-type]


def _sha256(path: Path, progress: ProgressFn | None, cancel: CancelToken | None) -> str:
    digest = hashlib.sha256()
    total = path.stat().st_size
    done = 0
    with path.open("rb") as f:
        while block := f.read(COPY_CHUNK):
            if cancel is not None:
                cancel.raise_if_cancelled()
            digest.update(block)
            done += len(block)
            if progress is not None:
                progress(done, total)
    return digest.hexdigest()


def _copy_hashing(
    source: Path, target: Path, progress: Callable[[int, int], None] | None, cancel: CancelToken | None
) -> str:
    """Copy to ``target.part`` while hashing, then rename: a cancelled or failed copy never looks installed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    digest = hashlib.sha256()
    total = source.stat().st_size
    done = 0
    try:
        with source.open("rb") as src, partial.open("wb") as out:
            while block := src.read(COPY_CHUNK):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                out.write(block)
                digest.update(block)
                done += len(block)
                if progress is not None:
                    progress(done, total)
            out.flush()
            os.fsync(out.fileno())
    except BaseException as err:
        partial.unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise ModelLoadError(
                target, f"모델 파일을 복사할 수 없습니다 ({err.strerror}). 디스크 공간을 확인해 주세요."
            ) from None
        raise
    os.replace(partial, target)
    return digest.hexdigest()
