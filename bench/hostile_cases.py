"""The cases of bench/hostile.py: issue #20's nine numbered failures and its lesser items, built in a temp folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import hostile_files as files
from _common import ROOT

from tests.fulldisk import fill

BOMB_TEMPLATES = {
    "center": "{{ 'x'.center(3000000000) }}",
    "join": "{{ range(3000)|join('a'*1000000) }}",
}
DRAFT = ["draft", "--template", "이메일", "--field", "제목=회의 일정 변경", "--field", "받는사람=김민수 과장",
         "--field", "보내는사람=이서연", "--field", "요점=회의를 목요일 오후 2시로 옮깁니다", "--max-tokens", "16"]  # fmt: skip
SUMMARIZE = ["--length", "short", "--ctx", "2048"]


@dataclass
class Result:
    code: int | None
    """None when the cap was hit and the process group was killed."""
    seconds: float
    rss: int
    """The peak resident memory of the largest single process of the command's group."""
    tree_rss: int
    """The peak of the group's summed resident memory."""
    stdout: str
    stderr: str


Check = Callable[[Result], str]
"""Extra judgement of a step: "" when fine, else what is wrong."""


@dataclass
class Step:
    args: list[str]
    codes: tuple[int, ...]
    check: Check | None = None
    stop_if: tuple[int, ...] = ()
    """Exit codes that end the case early (handled well), e.g. a bomb refused already at import."""


@dataclass
class Case:
    name: str
    steps: list[Step]
    env: dict[str, str] = field(default_factory=dict)
    protect: list[Path] = field(default_factory=list)
    """Files that existed before: their bytes must be the same afterwards."""
    after: Callable[[], str] | None = None
    skipped: str = ""


class Workspace:
    """The temp folder, the tmpfs mounts made in it (unmounted in ``close``), and the default model."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.models = root / "models"
        self.mounts: list[Path] = []
        self.mount_problem = "" if hasattr(os, "geteuid") and os.geteuid() == 0 else "needs root to mount a tmpfs"

    def mount(self, name: str, size: str) -> Path | None:
        folder = self.root / name
        folder.mkdir()
        if self.mount_problem:
            return None
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
        if done.returncode != 0:
            self.mount_problem = f"mount refused: {done.stderr.decode(errors='replace').strip()}"
            return None
        self.mounts.append(folder)
        return folder

    @staticmethod
    def read_only(folder: Path) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)

    def close(self) -> None:
        for folder in reversed(self.mounts):
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)

    def env(self, home: Path, models: Path | None = None) -> dict[str, str]:
        """A case's own BARO_HOME; the shared models folder has the default model assembled before any timing."""
        return {"BARO_HOME": str(home), "BARO_MODELS_DIR": str(models or self.default_model.parent)}

    def home(self, name: str) -> Path:
        home = self.root / "homes" / name
        home.mkdir(parents=True)
        return home

    @cached_property
    def default_model(self) -> Path:
        from app.llm.default_model import ensure_default_model

        return ensure_default_model(self.models)

    @cached_property
    def short_text(self) -> Path:
        path = self.root / "짧은글.txt"
        path.write_text("\n".join(files.PARAGRAPHS) + "\n", encoding="utf-8")
        return path

    @cached_property
    def folder(self) -> Path:
        return files.plain_folder(self.root / "문서")

    @cached_property
    def library_home(self) -> Path:
        home = self.home("library")
        self.prepare(["index", str(self.folder)], self.env(home))
        return home

    def prepare(self, args: list[str], env: dict[str, str]) -> None:
        """Untimed set-up through the real CLI (e.g. building an index the case then reads)."""
        done = subprocess.run(
            [sys.executable, "-m", "app.main", *args], cwd=ROOT, env={**os.environ, **env}, capture_output=True
        )
        if done.returncode != 0:
            raise SystemExit(f"set-up `baro {' '.join(args)}` failed: {done.stderr.decode(errors='replace')}")


def _contains(where: str, *needles: str) -> Check:
    def check(result: Result) -> str:
        text = result.stdout if where == "out" else result.stderr
        missing = [n for n in needles if n not in text]
        return f"{where} lacks {missing[0]!r}" if missing else ""

    return check


def _lacks(*needles: str) -> Check:
    def check(result: Result) -> str:
        found = [n for n in needles if n in result.stdout + result.stderr]
        return f"says {found[0]!r}" if found else ""

    return check


def _only(folder: Path, names: list[str]) -> Callable[[], str]:
    def after() -> str:
        left = sorted(os.listdir(folder))
        return "" if left == sorted(names) else f"left {left}"

    return after


# --- 1. saves on a full disk ---------------------------------------------------------------------------------


def full_disk_draft(ws: Workspace, label: str, name: str, existing: bool) -> Case:
    disk = ws.mount(f"disk-{name}-{existing}", "256k")
    if disk is None:
        return Case(label, [], skipped=ws.mount_problem)
    from app.docs.writers import export_layout
    from app.text.korean_format import Layout, Role

    target = disk / name
    if existing:
        layout = Layout("지난 보고서")
        layout.add("1. 사용자가 이미 저장해 둔 보고서입니다.", Role.ITEM)
        export_layout(layout, target)
    fill(disk)
    return Case(
        label,
        [Step([*DRAFT, "--out", str(target)], (1,), _contains("err", "저장하지 못했습니다"))],
        ws.env(ws.home(f"draft-{name}-{existing}")),
        protect=[target] if existing else [],
        after=_only(disk, ["filler.bin", name] if existing else ["filler.bin"]),
    )


# --- 2. chat templates that grow without bound ---------------------------------------------------------------


def template_bomb(ws: Workspace, label: str, kind: str) -> Case:
    gguf = files.gguf_with_template(ws.default_model, ws.root / f"bomb-{kind}.gguf", BOMB_TEMPLATES[kind])
    models = ws.root / f"bomb-models-{kind}"

    def reported(result: Result) -> str:
        return "template silently replaced" if result.code == 0 and "템플릿" not in result.stderr else ""

    steps = [
        Step(
            ["models", "import", str(gguf), "--in-place", "--template", "embedded", "--name", kind],
            (0, 1),
            stop_if=(1,),
        ),
        Step(["summarize", str(ws.short_text), "--model", kind, *SUMMARIZE], (0, 1), reported),
    ]
    return Case(label, steps, ws.env(ws.home(f"bomb-{kind}"), models))


# --- 3. special files ----------------------------------------------------------------------------------------


def special_in_folder(ws: Workspace, label: str, name: str) -> Case:
    folder = files.plain_folder(ws.root / f"special-{name}", files=1)
    if name == "pipe.txt":
        os.mkfifo(folder / name)
    else:
        (folder / name).symlink_to("/dev/zero")
    check = _contains("err", name)
    return Case(label, [Step(["index", str(folder)], (0,), check)], ws.env(ws.home(name)))


def import_fifo(ws: Workspace, label: str) -> Case:
    fifo = ws.root / "model.gguf"
    os.mkfifo(fifo)
    step = Step(["models", "import", str(fifo)], (1,))
    return Case(label, [step], ws.env(ws.home("import-fifo"), ws.root / "fifo-models"))


def batch_fifo(ws: Workspace, label: str) -> Case:
    fifo = ws.root / "queries.txt"
    os.mkfifo(fifo)
    home = ws.root / "homes" / "batch-fifo"
    shutil.copytree(ws.library_home, home)
    return Case(label, [Step(["search", "--batch", str(fifo)], (1, 2))], ws.env(home))


# --- 4. zip bombs that lie -----------------------------------------------------------------------------------


def zip_bomb(ws: Workspace, label: str, path: Path) -> Case:
    return Case(label, [Step(["extract", str(path)], (1,))], ws.env(ws.home(path.name)), protect=[path])


# --- 5. long text without sentence breaks -------------------------------------------------------------------


def long_line(ws: Workspace, label: str) -> Case:
    path = files.one_line_text(ws.root / "한줄.txt")
    step = Step(["summarize", str(path), *SUMMARIZE], (0, 1))
    return Case(label, [step], ws.env(ws.home("long-line")), protect=[path])


# --- 6. read-only data folder --------------------------------------------------------------------------------


def read_only_fresh(ws: Workspace, label: str) -> Case:
    home = ws.mount("ro-fresh", "1m")
    if home is None:
        return Case(label, [], skipped=ws.mount_problem)
    ws.read_only(home)
    steps = [Step(["extract", str(ws.short_text)], (0,)), Step(["index", str(ws.folder)], (1,))]
    return Case(label, steps, ws.env(home))


def read_only_index(ws: Workspace, label: str) -> Case:
    home = ws.mount("ro-index", "4m")
    if home is None:
        return Case(label, [], skipped=ws.mount_problem)
    ws.prepare(["index", str(ws.folder)], ws.env(home))
    ws.read_only(home)
    steps = [
        Step(["search", "예산 집행률"], (0,), _contains("out", "보고서")),
        Step(["index", str(ws.folder)], (1,), _lacks("지우", "삭제")),
    ]
    return Case(label, steps, ws.env(home), protect=sorted(home.rglob("*.sqlite3")))


# --- 7. disk full while indexing -----------------------------------------------------------------------------


def full_disk_index(ws: Workspace, label: str) -> Case:
    home = ws.mount("full-index", "1m")
    if home is None:
        return Case(label, [], skipped=ws.mount_problem)
    ws.prepare(["index", str(ws.folder)], ws.env(home))
    filler = fill(home)
    os.truncate(filler, filler.stat().st_size - 128 * 1024)  # 128 KB left: a few new files fill it
    bulky = files.bulky_folder(ws.root / "bulky", files=24, kib_each=24)
    steps = [
        Step(["index", str(bulky)], (1,)),
        Step(["search", "예산 집행률"], (0,), _contains("out", "보고서")),  # what was indexed before still answers
    ]
    return Case(label, steps, ws.env(home))


# --- 8, 9. spreadsheet and text oddities ---------------------------------------------------------------------


def extract_ok(ws: Workspace, label: str, path: Path, expected: str) -> Case:
    step = Step(["extract", str(path)], (0,), _contains("out", expected))
    return Case(label, [step], ws.env(ws.home(path.name)), protect=[path])


# --- lesser items --------------------------------------------------------------------------------------------


def usage(ws: Workspace, label: str, args: list[str], codes: tuple[int, ...]) -> Case:
    return Case(label, [Step(args, codes)], ws.env(ws.home(f"usage-{args[0]}")))


def models_list_missing(ws: Workspace, label: str) -> Case:
    from tests.unit.llm.ggufgen import build_gguf

    models = ws.root / "list-models"
    env = ws.env(ws.home("models-list"), models)
    ws.prepare(["models", "import", str(build_gguf(ws.root / "Gone.gguf", rows=4, width=16))], env)
    (models / "Gone.gguf").unlink()

    def check(result: Result) -> str:
        line = next((line for line in result.stdout.splitlines() if " gone " in line), "")
        return "lists the deleted model as usable" if line and "없음" not in line else ""

    return Case(label, [Step(["models", "list"], (0,), check)], env)


def import_in_place(ws: Workspace, label: str) -> Case:
    from tests.unit.llm.ggufgen import build_gguf

    gguf = build_gguf(ws.root / "here.gguf", rows=4, width=16)
    step = Step(["models", "import", "--in-place", str(gguf)], (0,), _lacks("복사"))
    return Case(label, [step], ws.env(ws.home("in-place"), ws.root / "in-place-models"), [gguf])


def draft_out_folder(ws: Workspace, label: str) -> Case:
    target = ws.root / "보고서.docx"
    target.mkdir()

    def nothing_generated(result: Result) -> str:
        return "generated before finding the target unusable" if result.stdout.strip() else ""

    step = Step([*DRAFT, "--out", str(target)], (1, 2), nothing_generated)
    return Case(label, [step], ws.env(ws.home("draft-out")))


Builder = Callable[[Workspace, str], Case]
CASES: list[tuple[str, Builder]] = [
    ("1 full disk: draft --out report.docx", lambda ws, label: full_disk_draft(ws, label, "report.docx", True)),
    ("1 full disk: draft --out report.hwpx", lambda ws, label: full_disk_draft(ws, label, "report.hwpx", True)),
    ("1 full disk: draft --out new.docx", lambda ws, label: full_disk_draft(ws, label, "new.docx", False)),
    ("2 chat template bomb: center", lambda ws, label: template_bomb(ws, label, "center")),
    ("2 chat template bomb: join", lambda ws, label: template_bomb(ws, label, "join")),
    ("3 index a folder with pipe.txt (FIFO)", lambda ws, label: special_in_folder(ws, label, "pipe.txt")),
    ("3 index a folder with zero.txt -> /dev/zero", lambda ws, label: special_in_folder(ws, label, "zero.txt")),
    ("3 models import of a FIFO", import_fifo),
    ("3 search --batch from a FIFO", batch_fifo),
    (
        "4 hwpx: mimetype inflates to 3.5 GB",
        lambda ws, label: zip_bomb(ws, label, files.hwpx_mimetype_bomb(ws.root / "mimetype-bomb.hwpx")),
    ),
    (
        "4 docx: claims 1,000 B, inflates to 1 GB",
        lambda ws, label: zip_bomb(ws, label, files.lying_docx(ws.root / "lying.docx")),
    ),
    ("5 summarize 9 MB on one line", long_line),
    ("6 read-only BARO_HOME, fresh", read_only_fresh),
    ("6 read-only BARO_HOME with an index", read_only_index),
    ("7 disk full during index", full_disk_index),
    (
        "8 xlsx declaring A1:XFD1048576",
        lambda ws, label: extract_ok(ws, label, files.xlsx_with_huge_dimension(ws.root / "예산.xlsx"), "1200만"),
    ),
    (
        "9 UTF-8 text with a few bad bytes",
        lambda ws, label: extract_ok(ws, label, files.text_with_bad_bytes(ws.root / "깨짐.txt"), "하반기에는"),
    ),
    (
        "9 UTF-8 text with ANSI escapes",
        lambda ws, label: extract_ok(ws, label, files.text_with_ansi_escapes(ws.root / "로그.txt"), "집행률"),
    ),
    ('- ask ""', lambda ws, label: usage(ws, label, ["ask", ""], (2,))),
    ('- search ""', lambda ws, label: usage(ws, label, ["search", ""], (2,))),
    (
        "- guard --rules /nonexistent",
        lambda ws, label: usage(ws, label, ["guard", "--rules", "/nonexistent", "독도는 우리 땅"], (1, 2)),
    ),
    ("- models list after the file was deleted", models_list_missing),
    ("- models import --in-place", import_in_place),
    ("- draft --out <a folder>", draft_out_folder),
]


def build_cases(ws: Workspace, selected: list[str]) -> list[Case]:
    """The cases whose label contains one of ``selected`` (all when it is empty), built in order."""
    return [make(ws, label) for label, make in CASES if not selected or any(s in label for s in selected)]
