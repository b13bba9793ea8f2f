"""The project's own error types.

Every error a user can meet carries a Korean message that says what failed, on which file, and what to
do about it. Lower layers raise these; the CLI prints ``user_message`` and the GUI shows it.
"""

from __future__ import annotations

import errno
from enum import StrEnum
from pathlib import Path

from app.core.child_process import exit_reason


class BaroError(Exception):
    """Base of every error Baro raises on purpose."""

    def __init__(self, message: str, *, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None

    @property
    def user_message(self) -> str:
        text = str(self)
        if self.path is not None and self.path.name not in text:
            return f"{self.path.name}: {text}"
        return text


class Cancelled(BaroError):
    """The user stopped the work."""

    def __init__(self, message: str = "사용자가 작업을 중지했습니다.") -> None:
        super().__init__(message)


# --- documents -------------------------------------------------------------------------------------


class DocumentError(BaroError):
    """A document could not be read."""


class FileMissing(DocumentError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(f"{Path(path).name}: 파일을 찾을 수 없습니다. 경로를 확인해 주세요.", path=path)


class FileUnreadable(DocumentError):
    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{Path(path).name}: 파일을 열 수 없습니다 ({reason}).", path=path)


class EmptyDocument(DocumentError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(f"{Path(path).name}: 내용이 비어 있습니다.", path=path)


class UnsupportedFormat(DocumentError):
    def __init__(self, path: Path | str, detail: str = "") -> None:
        hint = "HWP, HWPX, PDF, DOCX, PPTX, XLSX, HTML, TXT, MD 파일을 지원합니다."
        extra = f" ({detail})" if detail else ""
        super().__init__(f"{Path(path).name}: 지원하지 않는 형식입니다{extra}. {hint}", path=path)


class CorruptDocument(DocumentError):
    def __init__(self, path: Path | str, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(
            f"{Path(path).name}: 파일이 손상되었거나 형식이 올바르지 않습니다{extra}. "
            "원본 프로그램에서 다시 저장해 보세요.",
            path=path,
        )


class EncryptedDocument(DocumentError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(f"{Path(path).name}: 암호로 보호된 문서입니다. 암호를 해제한 뒤 다시 열어 주세요.", path=path)


class DistributionOnlyDocument(DocumentError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            f"{Path(path).name}: 배포용 문서라 본문을 읽을 수 없습니다. "
            "한글에서 배포용 설정을 해제한 사본을 사용해 주세요.",
            path=path,
        )


class NoTextLayer(DocumentError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            f"{Path(path).name}: 글자 정보가 없는 스캔 문서입니다. OCR(글자 인식)을 거친 파일이 필요합니다.",
            path=path,
        )


class OcrUnavailable(DocumentError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            f"{Path(path).name}: 글자 정보가 없는 스캔 문서입니다. 글자 인식(OCR) 프로그램이 없어 읽을 수 없습니다. "
            f"tesseract-ocr, tesseract-ocr-kor, poppler-utils를 설치한 뒤 다시 열어 주세요 (README의 'OCR' 참고).",
            path=path,
        )


class NothingRecognised(NoTextLayer):
    def __init__(self, path: Path | str) -> None:
        DocumentError.__init__(
            self,
            f"{Path(path).name}: 스캔 문서라 글자 인식(OCR)을 했지만 글자를 찾지 못했습니다. "
            "빈 쪽이거나 너무 흐린 스캔일 수 있습니다. 더 선명하게 스캔해 주세요.",
            path=path,
        )


class OcrFailed(DocumentError):
    def __init__(self, path: Path | str, page: int, reason: str) -> None:
        super().__init__(f"{Path(path).name}: {page}쪽의 글자를 인식하지 못했습니다 ({reason}).", path=path)


class NotRegularFile(DocumentError):
    """A FIFO, a device, a socket or a folder where a file was expected: never opened, since a FIFO blocks
    ``open()`` forever and a device such as /dev/zero never ends."""

    def __init__(self, path: Path | str, kind: str) -> None:
        super().__init__(f"{Path(path).name}: 일반 파일이 아니어서 읽지 않았습니다 ({kind}).", path=path)
        self.kind = kind


class DocumentTooLarge(DocumentError):
    def __init__(self, path: Path | str, detail: str) -> None:
        super().__init__(f"{Path(path).name}: 문서가 너무 큽니다 ({detail}).", path=path)


class DocumentOutOfMemory(DocumentTooLarge):
    """The reader process reached its memory cap: a decompression bomb, or a document too big to hold."""

    def __init__(self, path: Path | str) -> None:
        DocumentError.__init__(
            self,
            f"{Path(path).name}: 문서가 너무 커서 읽을 수 없습니다 (메모리 한도). "
            "파일이 손상되었거나 압축 폭탄일 수 있습니다.",
            path=path,
        )


class ParseTimeout(DocumentError):
    def __init__(self, path: Path | str, seconds: float) -> None:
        super().__init__(
            f"{Path(path).name}: {seconds:.0f}초 안에 읽지 못해 중단했습니다. 파일이 손상되었을 수 있습니다.",
            path=path,
        )


# --- engine and models -----------------------------------------------------------------------------


class EngineError(BaroError):
    """The local model engine failed."""


class EngineCrashed(EngineError):
    """The engine worker process died (a signal, an abort, or the OOM killer)."""

    def __init__(self, *, exit_code: int | None, signal_name: str | None, stderr_tail: list[str]) -> None:
        how = signal_name or exit_reason(exit_code)
        tail = "\n".join(stderr_tail[-5:])
        message = f"모델 엔진이 비정상 종료되었습니다 ({how}). 엔진을 다시 시작할 수 있습니다."
        if tail:
            message += f"\n마지막 로그:\n{tail}"
        super().__init__(message)
        self.exit_code = exit_code
        self.signal_name = signal_name
        self.stderr_tail = stderr_tail


class ModelLoadError(EngineError):
    """A model file could not be loaded; the engine itself is still fine."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{Path(path).name}: 모델을 불러올 수 없습니다. {reason}", path=path)


class ModelNotLoaded(EngineError):
    def __init__(self) -> None:
        super().__init__("모델이 아직 로드되지 않았습니다. 잠시 후 다시 시도해 주세요.")


class EngineBusy(EngineError):
    def __init__(self) -> None:
        super().__init__("모델이 다른 작업을 하고 있습니다. 끝난 뒤 다시 시도하거나 중지해 주세요.")


class ServerFault(StrEnum):
    """Why an organisation's model server did not answer (``ServerError.fault``)."""

    UNREACHABLE = "unreachable"
    TLS = "tls"
    INSECURE = "insecure"
    NOT_ALLOWED = "not-allowed"
    AUTH = "auth"
    MODEL = "model"
    BUSY = "busy"
    SERVER = "server"
    MALFORMED = "malformed"
    STALLED = "stalled"
    CUT = "cut"


_SERVER_FAULT_TEXT = {
    ServerFault.UNREACHABLE: "서버에 연결할 수 없습니다. 서버가 켜져 있는지, 주소와 포트가 맞는지 확인해 주세요",
    ServerFault.TLS: "서버의 인증서를 확인할 수 없습니다(TLS). 주소가 맞는지, 조직의 인증서가 이 PC에 설치되어 있는지 관리자에게 확인해 주세요",
    ServerFault.INSECURE: "암호화되지 않은 http 주소입니다. https 주소를 쓰거나, 관리자가 허용한 경우에만 '암호화 없이 연결'을 켜 주세요",
    ServerFault.NOT_ALLOWED: "조직의 허용 목록에 없는 서버입니다. 관리자에게 허용된 서버 주소를 받아 주세요",
    ServerFault.AUTH: "API 키가 맞지 않거나 권한이 없습니다. 설정 → 엔진에서 키를 확인해 주세요",
    ServerFault.MODEL: "서버에 그 모델이 없습니다. 설정 → 엔진에서 서버의 모델 목록을 다시 불러와 골라 주세요",
    ServerFault.BUSY: "서버가 요청을 너무 많이 받고 있습니다. 잠시 뒤 다시 시도해 주세요",
    ServerFault.SERVER: "서버 내부 오류입니다. 잠시 뒤 다시 시도하고, 계속되면 관리자에게 알려 주세요",
    ServerFault.MALFORMED: "서버가 알 수 없는 형식으로 답했습니다. OpenAI 호환 서버인지 관리자에게 확인해 주세요",
    ServerFault.STALLED: "서버가 답을 보내다 멈췄습니다. 잠시 뒤 다시 시도해 주세요",
    ServerFault.CUT: "답이 문장 중간에 끊겼습니다(서버 연결이 끊김). 받은 부분만 남기고 멈췄습니다. 다시 시도해 주세요",
}


class ServerError(EngineError):
    """An organisation's model server failed; ``fault`` says how, the message says what to do (Korean)."""

    def __init__(self, fault: ServerFault, host: str, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(f"조직 서버 {host}: {_SERVER_FAULT_TEXT[fault]}{extra}.")
        self.fault = fault
        self.host = host


# --- saving files ----------------------------------------------------------------------------------

_DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
_NOT_ALLOWED = (errno.EACCES, errno.EPERM, errno.EROFS)


def os_error_reason(err: OSError) -> str:
    """What went wrong on the disk, in words a user acts on (Korean)."""
    if err.errno in _DISK_FULL:
        return "디스크 공간이 부족합니다"
    if err.errno == errno.EROFS:
        return "읽기 전용 저장 장치입니다"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "쓰기 권한이 없습니다"
    if err.errno == errno.EISDIR:
        return "같은 이름의 폴더가 있습니다"
    if err.errno in (errno.ENOENT, errno.ENOTDIR):
        return "저장할 폴더가 없습니다"
    return err.strerror or type(err).__name__


class SaveFailed(BaroError):
    """A file could not be written; whatever was there before is untouched."""

    def __init__(self, path: Path | str, err: OSError, *, replaced_existing: bool) -> None:
        path = Path(path)
        kept = " 원래 파일은 그대로 있습니다." if replaced_existing else ""
        if err.errno in _DISK_FULL:
            advice = "공간을 비운 뒤 다시 저장하거나 다른 곳에 저장해 주세요."
        elif err.errno in _NOT_ALLOWED:
            advice = "다른 폴더에 저장해 주세요."
        else:
            advice = "저장할 위치를 확인해 주세요."
        super().__init__(f"{path.name}: 저장하지 못했습니다 ({os_error_reason(err)}).{kept} {advice}", path=path)
        self.os_error = err
