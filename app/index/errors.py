"""Errors of the library index, each with a Korean message that says what to do."""

from __future__ import annotations

from pathlib import Path

from app.core.errors import BaroError


class LibraryIndexError(BaroError):
    """The library index could not be used."""


class IndexTooNew(LibraryIndexError):
    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"라이브러리 색인이 더 새 버전의 바로로 만들어졌습니다 (스키마 {found}, 이 버전은 {known}까지). "
            "바로를 업데이트하거나 색인을 지우고 다시 만들어 주세요."
        )


class IndexUnusable(LibraryIndexError):
    def __init__(self, path: Path | str, reason: str, *, damaged: bool = True) -> None:
        # Deleting is advice only for a damaged file; a locked or unreachable index is still good.
        advice = (
            "바로를 닫고 이 파일을 지운 뒤 폴더를 다시 추가해 주세요."
            if damaged
            else f"다른 바로 창이 색인 중이면 끝난 뒤 다시 시도하고, 아니면 폴더({Path(path).parent})의 권한을 확인해 주세요."
        )
        super().__init__(f"{Path(path).name}: 라이브러리 색인을 열 수 없습니다 ({reason}). {advice}", path=path)


class NotInLibrary(LibraryIndexError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            f"{Path(path).name}: 라이브러리에 없는 폴더나 파일입니다. 먼저 'baro index {path}'로 추가해 주세요.",
            path=path,
        )


class LibraryEmpty(LibraryIndexError):
    def __init__(self) -> None:
        super().__init__("라이브러리가 비어 있습니다. 먼저 'baro index 폴더'로 문서 폴더를 추가해 주세요.")
