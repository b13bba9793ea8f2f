"""The guard's audit log: one JSON line per flagged sentence, in <logs>/guard.jsonl, append-only, local only."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.store.paths import app_paths

LOG_NAME = "guard.jsonl"


@dataclass(frozen=True)
class GuardRecord:
    sentence: str
    rule_id: str
    topic: str
    task: str
    """What produced the sentence ("summarize", "ask", "draft", …)."""
    time: str = ""

    def to_dict(self) -> dict[str, str]:
        return {
            "time": self.time,
            "task": self.task,
            "rule": self.rule_id,
            "topic": self.topic,
            "sentence": self.sentence,
        }


def log_file() -> Path:
    return app_paths().logs / LOG_NAME


def append_records(records: Iterable[GuardRecord], path: Path | None = None) -> bool:
    """Append one line per record; False when the disk refused (an audit trail never stops the work it records).

    A line cut short by a full disk is ended before the next append, so only that one record is lost.
    """
    target = path or log_file()
    now = datetime.now(UTC).astimezone().isoformat(timespec="seconds")
    lines = [json.dumps({**r.to_dict(), "time": r.time or now}, ensure_ascii=False) + "\n" for r in records]
    if not lines:
        return True
    data = "".join(lines).encode("utf-8")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # One write per batch in append mode: concurrent writers (GUI and CLI) never interleave inside a line.
        fd = os.open(target, os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        try:
            if _ends_mid_line(fd):
                data = b"\n" + data
            while data:
                data = data[os.write(fd, data) :]
        finally:
            os.close(fd)
    except OSError:
        return False
    return True


def _ends_mid_line(fd: int) -> bool:
    if os.fstat(fd).st_size == 0:
        return False
    os.lseek(fd, -1, os.SEEK_END)  # O_APPEND still writes at the end, wherever this leaves the offset
    return os.read(fd, 1) != b"\n"


def read_records(path: Path | None = None) -> list[GuardRecord]:
    """Every record, oldest first; a damaged line (e.g. cut by a crash) is skipped."""
    source = path or log_file()
    if not source.exists():
        return []
    records: list[GuardRecord] = []
    for line in source.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            data: Any = json.loads(line)
            records.append(
                GuardRecord(
                    str(data["sentence"]), str(data["rule"]), str(data["topic"]), str(data["task"]), str(data["time"])
                )
            )
        except (ValueError, KeyError, TypeError):
            continue
    return records
