"""kill -9 the real `baro index` in the middle; the index stays whole and the next run resumes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from app.index.library import LibraryIndex

ROOT = Path(__file__).resolve().parents[3]
FILES = 300
KILL_AFTER = 5


def _baro(*args: str) -> list[str]:
    return [sys.executable, "-m", "app.main", *args]


def _env() -> dict[str, str]:
    env = dict(os.environ)  # carries this test's BARO_HOME
    env["PYTHONPATH"] = str(ROOT)
    return env


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM files").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # not created yet


def _write_folder(root: Path) -> None:
    root.mkdir()
    for i in range(FILES):
        body = "\n\n".join(
            f"{i}번 보고서 {j}절: 지역 {i % 17}번 사업소의 {j}분기 예산 집행률과 인력 운용 현황을 정리했다."
            for j in range(12)
        )
        (root / f"보고서_{i:03d}.txt").write_text(body, encoding="utf-8")


def test_kill_9_mid_indexing_leaves_a_whole_index_that_resumes(tmp_path: Path, baro_home: Path) -> None:
    folder = tmp_path / "보고서"
    _write_folder(folder)
    db = baro_home / "data" / "library.sqlite3"

    proc = subprocess.Popen(_baro("index", str(folder)), cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL)
    try:
        while _count(db) < KILL_AFTER:
            assert proc.poll() is None, "the indexer ended before it could be killed"
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL

    with LibraryIndex.open(db) as index:
        assert index.integrity_ok()
        before = {k: e.content_hash for k, e in index.entries_under(folder).items()}
        stamps = dict(index.db.execute("SELECT path, indexed_at FROM files").fetchall())
        q = index.db.execute
        assert q("SELECT COUNT(*) FROM files WHERE id NOT IN (SELECT file_id FROM chunks)").fetchone()[0] == 0
        chunk_count = q("SELECT COUNT(*) FROM chunks").fetchone()[0]
        assert q("SELECT COUNT(*) FROM morpheme_terms").fetchone()[0] == chunk_count
        assert q("SELECT COUNT(*) FROM bigram_terms").fetchone()[0] == chunk_count
    assert KILL_AFTER <= len(before) < FILES

    finished = subprocess.run(_baro("index", "--json"), cwd=ROOT, env=_env(), capture_output=True, timeout=300)
    assert finished.returncode == 0, finished.stderr.decode()
    summary = json.loads(finished.stdout)
    assert summary["unchanged"] == len(before)
    assert summary["indexed"] == FILES - len(before)
    assert summary["files"] == FILES

    with LibraryIndex.open(db) as index:
        assert index.integrity_ok()
        after = dict(index.db.execute("SELECT path, indexed_at FROM files").fetchall())
        chunks_per_file = index.db.execute("SELECT COUNT(DISTINCT file_id) FROM chunks").fetchone()[0]
    assert all(after[path] == stamps[path] for path in before)  # resumed, not redone
    assert chunks_per_file == FILES
