"""Download one model file the user asked for: resumable, verified, and never left looking complete.

The bytes go to ``NAME.part`` (with ``NAME.part.json`` saying what they are), continue with an HTTP Range
request after a pause or a dropped connection, are hashed as they arrive, and become ``NAME`` by an atomic
rename only when their sha256 matches the one the hub publishes. This is the only module in Baro that
opens a network connection, and only when the user starts a download.
"""

from __future__ import annotations

import errno
import hashlib
import http.client
import json
import os
import shutil
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from app import __version__
from app.core.atomic_file import write_text_atomically
from app.core.cancel import CancelToken
from app.core.errors import BaroError, Cancelled, SaveFailed, os_error_reason

DEFAULT_HUB = "https://huggingface.co"
HUB_ENV = "BARO_HUB_URL"
CHUNK = 1 << 20
TIMEOUT = 30.0
DISK_MARGIN = 64 * 1024 * 1024

ProgressFn = Callable[[int, int], None]
Opener = Callable[[Path, str], IO[bytes]]


class DownloadError(BaroError):
    """A model download failed; the message says whether trying again will resume."""


class LoginRequired(DownloadError):
    """The repository is gated and no Hugging Face token was sent."""

    def __init__(self, message: str, *, file: str) -> None:
        super().__init__(message)
        self.file = file


class DownloadPaused(Cancelled):
    def __init__(self, path: Path, done: int) -> None:
        super().__init__(f"{path.name}: 내려받기를 멈췄습니다 ({done:,}바이트 받음). 다시 시작하면 이어받습니다.")
        self.path = path
        self.done = done


@dataclass(frozen=True)
class RemoteFile:
    url: str
    size: int
    sha256: str


def hub_url() -> str:
    return os.environ.get(HUB_ENV, DEFAULT_HUB).rstrip("/")


def partial_path(target: Path) -> Path:
    return target.with_name(target.name + ".part")


def _sidecar(target: Path) -> Path:
    return target.with_name(target.name + ".part.json")


class _NoAuthOnRedirect(urllib.request.HTTPRedirectHandler):
    """Follow redirects (the hub sends files from a CDN) without carrying the token to another host."""

    def redirect_request(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and urllib.parse.urlsplit(newurl).netloc != urllib.parse.urlsplit(req.full_url).netloc:
            new.remove_header("Authorization")
        return new


def _open(url: str, *, token: str | None, headers: dict[str, str], timeout: float) -> http.client.HTTPResponse:
    request = urllib.request.Request(url, headers={"User-Agent": f"baro/{__version__}", **headers})
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    opener = urllib.request.build_opener(_NoAuthOnRedirect())
    response: http.client.HTTPResponse = opener.open(request, timeout=timeout)
    return response


def _http_error(err: urllib.error.HTTPError, name: str, token: str | None) -> DownloadError:
    if err.code in (401, 403):
        if token:
            return DownloadError(
                f"{name}: 접근이 거부되었습니다 (HTTP {err.code}). 저장된 Hugging Face 토큰이 맞는지, "
                "모델 페이지에서 사용 동의를 했는지 확인해 주세요."
            )
        return LoginRequired(
            f"{name}: 로그인이 필요한 모델입니다 (HTTP {err.code}). 모델 페이지에서 사용 동의를 한 뒤 "
            "설정에서 Hugging Face 토큰을 등록해 주세요.",
            file=name,
        )
    if err.code == 404:
        return DownloadError(
            f"{name}: 서버에 파일이 없습니다 (HTTP 404). 모델 목록의 저장소와 파일 이름을 확인해 주세요."
        )
    return DownloadError(f"{name}: 서버 오류입니다 (HTTP {err.code}). 잠시 후 다시 시도해 주세요.")


def _network_error(err: BaseException, name: str) -> DownloadError:
    reason = getattr(err, "reason", None) or err
    return DownloadError(
        f"{name}: 네트워크 연결에 실패했습니다 ({reason}). "
        "인터넷 연결을 확인한 뒤 다시 시도하면 받은 부분부터 이어받습니다."
    )


def fetch_remote_file(
    repo: str, file: str, *, base: str | None = None, token: str | None = None, timeout: float = TIMEOUT
) -> RemoteFile:
    """Ask the hub for ``file`` in ``repo``: its download URL, size and sha256 (from the LFS metadata)."""
    root = (base or hub_url()).rstrip("/")
    folder = file.rpartition("/")[0]
    api = f"{root}/api/models/{repo}/tree/main" + (f"/{urllib.parse.quote(folder)}" if folder else "")
    try:
        with _open(api, token=token, headers={"Accept": "application/json"}, timeout=timeout) as response:
            listing = json.loads(response.read(16 * 1024 * 1024))
    except urllib.error.HTTPError as err:
        raise _http_error(err, file, token) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as err:
        raise _network_error(err, file) from None
    except ValueError:
        raise DownloadError(f"{file}: 서버가 알 수 없는 파일 목록을 보냈습니다. 잠시 후 다시 시도해 주세요.") from None
    entry = (
        next((e for e in listing if isinstance(e, dict) and e.get("path") == file), None)
        if isinstance(listing, list)
        else None
    )
    if entry is None:
        raise DownloadError(f"{file}: 저장소 {repo}에 이 파일이 없습니다. 모델 목록을 확인해 주세요.")
    lfs = entry.get("lfs") or {}
    sha256 = str(lfs.get("sha256") or lfs.get("oid") or "").lower()
    size = int(lfs.get("size") or entry.get("size") or 0)
    if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
        raise DownloadError(f"{file}: 서버가 체크섬(sha256)을 알려 주지 않아 검증할 수 없으므로 받지 않습니다.")
    url = f"{root}/{repo}/resolve/main/{urllib.parse.quote(file)}"
    return RemoteFile(url=url, size=size, sha256=sha256)


def _hash_existing(path: Path) -> tuple[Any, int]:
    digest = hashlib.sha256()
    done = 0
    with path.open("rb") as f:
        while block := f.read(CHUNK):
            digest.update(block)
            done += len(block)
    return digest, done


def _resume_point(remote: RemoteFile, target: Path) -> tuple[Any, int]:
    """Hash what an earlier attempt left, if it was for the same file; otherwise start clean."""
    part, sidecar = partial_path(target), _sidecar(target)
    try:
        recorded = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        recorded = None
    if part.is_file() and isinstance(recorded, dict) and recorded.get("sha256") == remote.sha256:
        digest, done = _hash_existing(part)
        if not remote.size or done <= remote.size:
            return digest, done
    part.unlink(missing_ok=True)
    try:
        write_text_atomically(sidecar, json.dumps({"url": remote.url, "sha256": remote.sha256, "size": remote.size}))
    except SaveFailed as err:
        raise DownloadError(
            f"{target.name}: 내려받기를 시작할 수 없습니다 ({os_error_reason(err.os_error)}). "
            f"{target.parent} 폴더의 권한과 남은 공간을 확인해 주세요."
        ) from None
    return hashlib.sha256(), 0


def _open_file(path: Path, mode: str) -> IO[bytes]:
    return path.open(mode)


def discard_partial(target: Path) -> None:
    partial_path(target).unlink(missing_ok=True)
    _sidecar(target).unlink(missing_ok=True)


def _disk_full(target: Path, need: int) -> DownloadError:
    discard_partial(target)
    return DownloadError(
        f"{target.name}: 디스크 공간이 부족해 내려받기를 멈추고 임시 파일을 지웠습니다. "
        f"{target.parent}에 {need / 1024**3:.1f}GB 이상 확보한 뒤 다시 시도해 주세요."
    )


def download_file(
    remote: RemoteFile,
    target: Path,
    *,
    token: str | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
    timeout: float = TIMEOUT,
    opener: Opener | None = None,
) -> Path:
    """Fetch ``remote`` into ``target``, resuming a ``.part`` left earlier; return ``target`` once verified.

    Raises DownloadPaused when ``cancel`` fires (the part stays for resuming), DownloadError otherwise.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    part = partial_path(target)
    digest, done = _resume_point(remote, target)
    if remote.size and shutil.disk_usage(target.parent).free + done < remote.size + DISK_MARGIN:
        raise _disk_full(target, remote.size - done + DISK_MARGIN)
    if not remote.size or done < remote.size:
        sink_opener = opener or _open_file
        digest, done = _fetch(remote, target, digest, done, token, progress, cancel, timeout, sink_opener)
    if remote.size and done != remote.size:
        raise DownloadError(
            f"{target.name}: 받은 크기({done:,}바이트)가 예상({remote.size:,}바이트)과 다릅니다. "
            "다시 시도하면 이어받습니다."
        )
    if digest.hexdigest() != remote.sha256:
        discard_partial(target)
        raise DownloadError(
            f"{target.name}: 받은 파일의 체크섬이 맞지 않아 지웠습니다 (손상되었거나 바뀐 파일). 다시 내려받아 주세요."
        )
    os.replace(part, target)
    _sidecar(target).unlink(missing_ok=True)
    return target


def _fetch(
    remote: RemoteFile,
    target: Path,
    digest: Any,
    done: int,
    token: str | None,
    progress: ProgressFn | None,
    cancel: CancelToken | None,
    timeout: float,
    opener: Opener,
) -> tuple[Any, int]:
    headers = {"Range": f"bytes={done}-"} if done else {}
    try:
        response = _open(remote.url, token=token, headers=headers, timeout=timeout)
    except urllib.error.HTTPError as err:
        if err.code == 416 and done:
            discard_partial(target)  # the server no longer agrees with what we have: start over next time
            raise DownloadError(
                f"{target.name}: 이어받기를 할 수 없어 받은 부분을 지웠습니다. 다시 시도해 주세요."
            ) from None
        raise _http_error(err, target.name, token) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as err:
        raise _network_error(err, target.name) from None
    with response:
        if done and response.status != 206:
            digest, done = hashlib.sha256(), 0  # the server ignored Range: take it from the top
        elif done and not str(response.headers.get("Content-Range", "")).startswith(f"bytes {done}-"):
            raise DownloadError(f"{target.name}: 서버가 엉뚱한 위치부터 보냈습니다. 다시 시도해 주세요.")
        total = remote.size or done + int(response.headers.get("Content-Length") or 0)
        try:
            with opener(partial_path(target), "ab" if done else "wb") as sink:
                while True:
                    if cancel is not None and cancel.cancelled:
                        sink.flush()
                        raise DownloadPaused(target, done)
                    try:
                        block = response.read(CHUNK)
                    except (OSError, http.client.HTTPException) as err:
                        sink.flush()
                        raise _network_error(err, target.name) from None
                    if not block:
                        break
                    sink.write(block)
                    digest.update(block)
                    done += len(block)
                    if progress is not None:
                        progress(done, total)
                sink.flush()
                os.fsync(sink.fileno())
        except OSError as err:
            if err.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
                raise _disk_full(target, max(total - done, 0) + DISK_MARGIN) from None
            raise DownloadError(f"{target.name}: 파일을 쓸 수 없습니다 ({err.strerror}).") from None
    return digest, done
