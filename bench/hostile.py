"""Issue #20's hostile set through the real CLI: does each case end well, quickly, in bounded memory, losing nothing?

Every case runs `python -m app.main ...` in a fresh session with a 60 s cap; every process of it (the CLI, the
reader child, the engine worker) is sampled from /proc every 0.1 s: its own peak (VmHWM) and the group's sum.
A case is handled well when every step exits as expected with one clear Korean line last on stderr (no
traceback), within 30 s, with no process above 1 GiB, and the files that existed before are unchanged. (The
group's sum is shown too: a normal draft is ~0.6 GB of CLI, Kiwi included, plus the model worker.) Full- and read-only-disk cases mount a
small tmpfs (root only); without it they are reported as skipped and left out of the count. A case's time
is the sum of its steps.

Run: ``.venv/bin/python bench/hostile.py [NAME-SUBSTRING ...]``. Key figures are the last lines.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from _common import ROOT
from hostile_cases import Case, Result, Workspace, build_cases

CAP_SECONDS = 60.0
GOOD_SECONDS = 30.0
GOOD_RSS = 1 << 30
PAGE = os.sysconf("SC_PAGE_SIZE")
HANGUL = re.compile(r"[가-힣]")
PYTHON_ERROR = re.compile(r"Traceback \(most recent call last\)|Exception ignored|^\w+(Error|Exception): ", re.M)


def sample_tree(session: int, peaks: dict[int, int]) -> int:
    """The resident memory of every process in ``session`` now (summed); each one's own peak goes to ``peaks``.

    The peak is VmHWM, which starts afresh at exec (unlike ru_maxrss, which keeps the forking parent's size).
    """
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            if int(fields[3]) != session:  # field 6 of stat: the session id
                continue
            with open(f"/proc/{entry}/status", "rb") as f:
                status = dict(line.split(b":", 1) for line in f.read().splitlines() if b":" in line)
            total += int(status[b"VmRSS"].split()[0]) * 1024
            peaks[int(entry)] = max(peaks.get(int(entry), 0), int(status[b"VmHWM"].split()[0]) * 1024)
        except (OSError, IndexError, KeyError, ValueError):
            continue  # gone meanwhile, or a zombie without memory
    return total


def run_baro(args: list[str], env: dict[str, str], scratch: Path) -> Result:
    out, err = scratch / "stdout", scratch / "stderr"
    start = time.monotonic()
    with out.open("wb") as stdout, err.open("wb") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "app.main", *args],
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr, start_new_session=True,
        )  # fmt: skip
    peaks: dict[int, int] = {}
    tree, code = 0, None
    while True:
        tree = max(tree, sample_tree(proc.pid, peaks))
        if proc.poll() is not None:
            code = proc.returncode
            break
        if time.monotonic() - start > CAP_SECONDS:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            break
        time.sleep(0.1)
    seconds = time.monotonic() - start
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # a reader or engine child left behind by the command
    text = (out.read_text("utf-8", errors="replace"), err.read_text("utf-8", errors="replace"))
    return Result(code, seconds, max(peaks.values(), default=0), tree, *text)


def clear_ending(result: Result) -> str:
    """Empty when stderr has no Python error and, for a failure, ends with one Korean `baro` line."""
    if PYTHON_ERROR.search(result.stderr):
        return "traceback on stderr"
    if result.code == 0:
        return ""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    if not lines:
        return "no message"
    if not lines[-1].startswith("baro") or not HANGUL.search(lines[-1]):
        return f"unclear last line: {lines[-1][:60]}"
    return ""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "absent"


@dataclass
class Verdict:
    name: str
    well: bool
    seconds: float
    rss: int
    """The largest single process's peak: what the 1 GiB limit is about (a bomb grows one process)."""
    tree: int
    """The peak of the whole group at once (CLI, reader child, engine worker), for information."""
    note: str


def judge(case: Case, scratch: Path) -> Verdict:
    if case.skipped:
        return Verdict(case.name, False, 0.0, 0, 0, f"skipped: {case.skipped}")
    env = {**os.environ, **case.env}
    before = {path: digest(path) for path in case.protect}
    seconds, rss, tree, problems = 0.0, 0, 0, []
    for step in case.steps:
        result = run_baro(step.args, env, scratch)
        seconds, rss, tree = seconds + result.seconds, max(rss, result.rss), max(tree, result.tree_rss)
        if result.code is None:
            problems.append(f"still running at the {CAP_SECONDS:.0f}s cap")
            break
        if result.code not in step.codes:
            problems.append(f"exit {result.code} (want {'/'.join(map(str, step.codes))})")
        problems += [p for p in (clear_ending(result), step.check(result) if step.check else "") if p]
        if result.code in step.stop_if or problems:
            break
    problems += [f"{path.name} changed" for path in case.protect if digest(path) != before[path]]
    if case.after is not None and (extra := case.after()):
        problems.append(extra)
    if seconds > GOOD_SECONDS:
        problems.append(f"took {seconds:.0f}s")
    if rss > GOOD_RSS:
        problems.append(f"{rss / 2**20:.0f} MB")
    return Verdict(case.name, not problems, seconds, rss, tree, "; ".join(problems))


def main(selected: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="baro-hostile-") as folder:
        workspace = Workspace(Path(folder))
        try:
            cases = build_cases(workspace, selected)
            verdicts = []
            print(f"    {'case':<44} {'time':>7} {'peak':>8} {'group':>8}")
            for case in cases:
                verdict = judge(case, workspace.root)
                verdicts.append(verdict)
                mark = "ok " if verdict.well else ("-- " if verdict.note.startswith("skipped") else "BAD")
                figures = f"{verdict.seconds:6.1f}s {verdict.rss / 2**20:6.0f}MB {verdict.tree / 2**20:6.0f}MB"
                print(f"{mark} {case.name:<44} {figures}  {verdict.note}")
                sys.stdout.flush()
        finally:
            workspace.close()
    counted = [v for v in verdicts if not v.note.startswith("skipped")]
    print(f"handled_well: {sum(v.well for v in counted)}/{len(counted)}")
    print(f"max_rss_mb: {max((v.rss for v in counted), default=0) / 2**20:.0f}")
    print(f"max_group_rss_mb: {max((v.tree for v in counted), default=0) / 2**20:.0f}")
    print(f"max_seconds: {max((v.seconds for v in counted), default=0.0):.1f}")
    print(f"load_average: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
