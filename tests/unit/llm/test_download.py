"""Model downloads against a real HTTP server on 127.0.0.1 serving a GGUF these tests build."""

from __future__ import annotations

import errno
import hashlib
import itertools
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from app.core.cancel import CancelToken
from app.llm.catalog import CatalogModel, load_catalog
from app.llm.download import (
    CHUNK,
    DownloadError,
    DownloadPaused,
    RemoteFile,
    download_file,
    fetch_remote_file,
    partial_path,
)
from app.llm.model_store import ModelStore
from app.llm.prompts import PromptFormat
from tests.unit.llm.ggufgen import build_gguf
from tests.unit.llm.hubserver import FakeHub, running_hub

pytestmark = pytest.mark.usefixtures("loopback_network")

REPO = "test-org/Tiny-GGUF"
FILE = "tiny-q4.gguf"


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def model_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    # About 3.2 MB: several read chunks, so pauses and drops land in the middle.
    path = build_gguf(tmp_path_factory.mktemp("src") / FILE, tensors=3, rows=1024, width=256)
    return path.read_bytes()


@pytest.fixture
def hub(model_bytes: bytes) -> Iterator[FakeHub]:
    with running_hub() as server:
        server.add(REPO, FILE, model_bytes)
        yield server


def _remote(hub: FakeHub) -> RemoteFile:
    return fetch_remote_file(REPO, FILE, base=hub.url)


def test_the_hub_metadata_gives_size_and_sha256(hub: FakeHub, model_bytes: bytes) -> None:
    remote = _remote(hub)
    assert remote.size == len(model_bytes)
    assert remote.sha256 == hashlib.sha256(model_bytes).hexdigest()
    assert remote.url == f"{hub.url}/{REPO}/resolve/main/{FILE}"


def test_full_download_is_verified_and_renamed(hub: FakeHub, model_bytes: bytes, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    target = download_file(_remote(hub), tmp_path / FILE, progress=lambda d, t: seen.append((d, t)))
    assert target.read_bytes() == model_bytes
    assert not partial_path(target).exists()
    assert [p.name for p in tmp_path.iterdir()] == [FILE]
    assert seen[-1] == (len(model_bytes), len(model_bytes))
    assert all(a[0] < b[0] for a, b in itertools.pairwise(seen))


def test_interrupted_download_resumes_with_a_range_request(hub: FakeHub, model_bytes: bytes, tmp_path: Path) -> None:
    target = tmp_path / FILE
    hub.behaviour.drop_after = CHUNK + 12345
    with pytest.raises(DownloadError) as err:
        download_file(_remote(hub), target)
    assert "이어받" in err.value.user_message
    assert not target.exists()
    kept = partial_path(target).stat().st_size
    assert 0 < kept < len(model_bytes)

    hub.behaviour.drop_after = None
    download_file(_remote(hub), target)
    assert target.read_bytes() == model_bytes
    ranges = [r.get("range") for r in hub.requests if "/resolve/" in r["path"]]
    assert ranges == [None, f"bytes={kept}-"]


def test_pause_keeps_the_part_and_resume_finishes(hub: FakeHub, model_bytes: bytes, tmp_path: Path) -> None:
    target = tmp_path / FILE
    cancel = CancelToken()
    with pytest.raises(DownloadPaused) as paused:
        download_file(_remote(hub), target, cancel=cancel, progress=lambda done, total: cancel.cancel())
    assert paused.value.done == CHUNK
    assert partial_path(target).stat().st_size == CHUNK
    download_file(_remote(hub), target)
    assert hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(model_bytes).digest()
    assert [r.get("range") for r in hub.requests if "/resolve/" in r["path"]][-1] == f"bytes={CHUNK}-"


def test_a_server_that_ignores_range_restarts_cleanly(hub: FakeHub, model_bytes: bytes, tmp_path: Path) -> None:
    target = tmp_path / FILE
    hub.behaviour.drop_after = CHUNK
    with pytest.raises(DownloadError):
        download_file(_remote(hub), target)
    hub.behaviour.drop_after = None
    hub.behaviour.ignore_range = True
    download_file(_remote(hub), target)
    assert target.read_bytes() == model_bytes


def test_corrupted_download_is_removed_with_a_clear_error(hub: FakeHub, tmp_path: Path) -> None:
    hub.behaviour.corrupt = True
    target = tmp_path / FILE
    with pytest.raises(DownloadError) as err:
        download_file(_remote(hub), target)
    assert "체크섬" in err.value.user_message
    assert FILE in err.value.user_message
    assert list(tmp_path.iterdir()) == []


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def test_server_down_gives_a_clear_error(tmp_path: Path) -> None:
    base = f"http://127.0.0.1:{_closed_port()}"
    with pytest.raises(DownloadError) as err:
        fetch_remote_file(REPO, FILE, base=base)
    assert "네트워크" in err.value.user_message
    remote = RemoteFile(f"{base}/{REPO}/resolve/main/{FILE}", 1000, "a" * 64)
    with pytest.raises(DownloadError, match="네트워크"):
        download_file(remote, tmp_path / FILE)
    assert not (tmp_path / FILE).exists()


class _FullDisk:
    """A file whose writes fail with ENOSPC once ``room`` bytes are written, as a full disk does."""

    def __init__(self, inner: IO[bytes], room: int) -> None:
        self.inner = inner
        self.room = room

    def write(self, data: bytes) -> int:
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= len(data)
        return self.inner.write(data)

    def flush(self) -> None:
        self.inner.flush()

    def fileno(self) -> int:
        return self.inner.fileno()

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.inner.close()


def test_disk_full_leaves_nothing_that_looks_complete(hub: FakeHub, tmp_path: Path) -> None:
    target = tmp_path / FILE
    with pytest.raises(DownloadError) as err:
        download_file(
            _remote(hub),
            target,
            opener=lambda path, mode: _FullDisk(path.open(mode), CHUNK + 1),  # type: ignore[arg-type,return-value]
        )
    assert "디스크 공간" in err.value.user_message
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_too_little_free_space_is_refused_before_downloading(hub: FakeHub, tmp_path: Path) -> None:
    huge = RemoteFile(_remote(hub).url, 1 << 60, "a" * 64)
    with pytest.raises(DownloadError, match="디스크 공간"):
        download_file(huge, tmp_path / FILE)
    assert not [r for r in hub.requests if "/resolve/" in r["path"]]


def test_gated_repo_needs_a_token_and_sends_it(hub: FakeHub, model_bytes: bytes, tmp_path: Path) -> None:
    hub.behaviour.token = "hf_secret_test_token"
    with pytest.raises(DownloadError) as err:
        fetch_remote_file(REPO, FILE, base=hub.url)
    assert "토큰" in err.value.user_message
    remote = fetch_remote_file(REPO, FILE, base=hub.url, token="hf_secret_test_token")
    download_file(remote, tmp_path / FILE, token="hf_secret_test_token")
    assert (tmp_path / FILE).read_bytes() == model_bytes
    assert hub.requests[-1]["authorization"] == "Bearer hf_secret_test_token"


def test_a_file_missing_from_the_repo_is_named(hub: FakeHub) -> None:
    with pytest.raises(DownloadError, match=r"other\.gguf"):
        fetch_remote_file(REPO, "other.gguf", base=hub.url)


def _entry(**changes: object) -> CatalogModel:
    fields: dict[str, object] = {
        "id": "tiny",
        "name": "Tiny",
        "file": FILE,
        "repo": REPO,
        "size_bytes": 0,
        "sha256": "",
        "license": "test",
        "prompt_format": PromptFormat.CHATML,
        "context_length": 2048,
        "default_context": 1024,
        "ram_gb": 0.1,
        "tier": "instruct",
    }
    return CatalogModel(**{**fields, **changes})  # type: ignore[arg-type]


def test_store_download_checks_and_records_the_model(hub: FakeHub, model_bytes: bytes, tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "models")
    model = store.download(_entry(), base=hub.url)
    assert model.sha256 == hashlib.sha256(model_bytes).hexdigest()
    assert model.architecture == "llama"
    assert store.get("tiny").file == FILE
    assert store.verify("tiny").ok


def test_store_download_refuses_when_the_hub_disagrees_with_the_catalog(hub: FakeHub, tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "models")
    with pytest.raises(Exception, match="체크섬"):
        store.download(_entry(sha256="b" * 64), base=hub.url)
    assert not (tmp_path / "models" / FILE).exists()


def test_store_download_removes_a_file_that_is_not_gguf(tmp_path: Path) -> None:
    with running_hub() as hub:
        hub.add(REPO, FILE, b"<html>login page</html>" * 100)
        store = ModelStore(tmp_path / "models")
        with pytest.raises(Exception, match="GGUF"):
            store.download(_entry(), base=hub.url)
    assert not (tmp_path / "models" / FILE).exists()


def test_cli_download_of_a_catalog_model(
    hub: FakeHub,
    model_bytes: bytes,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    from app.cli import main

    monkeypatch.setenv("BARO_MODELS_DIR", str(tmp_path / "models"))
    entry = next(m for m in load_catalog().models if m.repo and not m.sha256 and m.tier == "instruct")
    hub.add(entry.repo, entry.file, model_bytes)
    monkeypatch.setenv("BARO_HUB_URL", hub.url)
    assert main(["models", "download", entry.id]) == 0
    assert entry.id in capsys.readouterr().out
    assert main(["models", "verify", entry.id]) == 0
    assert (tmp_path / "models" / entry.file).read_bytes() == model_bytes
