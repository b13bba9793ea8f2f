"""Which reader a file needs, decided by its bytes first and its name second."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.core.errors import (
    CorruptDocument,
    EmptyDocument,
    EncryptedDocument,
    FileMissing,
    FileUnreadable,
    UnsupportedFormat,
)
from app.docs.limits import DEFAULT_LIMITS, Limits
from app.docs.zipguard import BROKEN_ZIP, check_directory, lying_member
from app.docs.zipstream import MemberDamaged, MemberOverflow, read_prefix

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
HWP3_MAGIC = b"HWP Document File V"
HWP5_SIGNATURE = b"HWP Document File"
MIMETYPE_PREFIX = 100

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".csv": "txt"}
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})
SUPPORTED_SUFFIXES = frozenset(
    {".pdf", ".docx", ".hwp", ".hwpx", ".pptx", ".xlsx", *TEXT_SUFFIXES, *HTML_SUFFIXES, *IMAGE_SUFFIXES}
)
IMAGE_MAGICS = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
"""PNG, JPEG and TIFF: pictures of documents, read by 글자 인식 (``app.docs.readers.image``)."""

_BINARY_MAGICS: dict[bytes, str] = {
    b"GIF8": "GIF 이미지",
    b"Rar!": "RAR 압축 파일",
    b"7z\xbc\xaf": "7z 압축 파일",
    b"\x1f\x8b": "gzip 압축 파일",
    b"MZ": "실행 파일",
    b"\x7fELF": "실행 파일",
    b"{\\rtf": "RTF 문서",
}


@contextmanager
def opening(path: Path) -> Iterator[None]:
    """Turn the OS's errors on opening ``path`` into the user's errors, naming the file."""
    try:
        yield
    except FileNotFoundError as err:
        raise FileMissing(path) from err
    except IsADirectoryError as err:
        raise FileUnreadable(path, "폴더입니다") from err
    except OSError as err:
        raise FileUnreadable(path, err.strerror or type(err).__name__) from err


def detect_format(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """Return the reader name for ``path``: pdf, docx, hwp, hwpx, pptx, xlsx, html, image, md or txt."""
    with opening(path), path.open("rb") as handle:
        head = handle.read(4096)
    if not head:
        raise EmptyDocument(path)
    if head.startswith(OLE_MAGIC):
        return _ole_format(path)
    if head.startswith(ZIP_MAGICS):
        return _zip_format(path, limits)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(IMAGE_MAGICS):
        return "image"
    if head.startswith(HWP3_MAGIC) and not head.startswith(HWP5_SIGNATURE + b"\x00"):
        raise UnsupportedFormat(path, "한글 97 이전(HWP 3.0) 형식입니다. 한글에서 HWP나 HWPX로 다시 저장해 주세요")
    for magic, what in _BINARY_MAGICS.items():
        if head.startswith(magic):
            raise UnsupportedFormat(path, what)
    return _text_format(path, head)


def _ole_format(path: Path) -> str:
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("FileHeader"):
                return "hwp"
            if ole.exists("WordDocument"):
                detail = "이전 Word(.doc) 형식입니다. DOCX로 다시 저장해 주세요"
            elif ole.exists("Workbook") or ole.exists("Book"):
                detail = "이전 Excel(.xls) 형식입니다. XLSX로 다시 저장해 주세요"
            elif ole.exists("PowerPoint Document"):
                detail = "이전 PowerPoint(.ppt) 형식입니다. PPTX로 다시 저장해 주세요"
            elif ole.exists("EncryptedPackage"):
                raise EncryptedDocument(path)
            else:
                detail = "알 수 없는 OLE 문서"
    except (OSError, ValueError, IndexError, KeyError, TypeError, AssertionError) as err:
        raise CorruptDocument(path, "OLE 구조를 읽을 수 없음") from err
    raise UnsupportedFormat(path, detail)


def _zip_format(path: Path, limits: Limits) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except BROKEN_ZIP as err:
        raise CorruptDocument(path, "압축 구조가 손상됨") from err
    # Before any member is read: a lying `mimetype` must not be inflated here.
    check_directory(path, infos, limits)
    names = {info.filename for info in infos}
    mimetype = next((info for info in reversed(infos) if info.filename == "mimetype"), None)
    if mimetype is not None and _is_hwpx_mimetype(path, mimetype):
        return "hwpx"
    if any(n.startswith("Contents/section") and n.endswith(".xml") for n in names):
        return "hwpx"
    if "word/document.xml" in names:
        return "docx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if any(n.startswith("word/") for n in names) or "[Content_Types].xml" in names:
        raise CorruptDocument(path, "Office 문서의 본문 부분이 없음")
    raise UnsupportedFormat(path, "압축(zip) 파일입니다. 압축을 풀고 안의 문서를 열어 주세요")


def _is_hwpx_mimetype(path: Path, info: zipfile.ZipInfo) -> bool:
    try:
        with path.open("rb") as handle:
            mimetype = read_prefix(handle, info, MIMETYPE_PREFIX).strip()
    except MemberOverflow as err:
        raise lying_member(path, info) from err
    except (MemberDamaged, *BROKEN_ZIP) as err:
        raise CorruptDocument(path, "압축 구조가 손상됨") from err
    return mimetype.startswith(b"application/hwp+zip") or mimetype == b"application/haansofthwpx"


def _text_format(path: Path, head: bytes) -> str:
    from app.docs.readers.encoding import looks_like_text

    if not looks_like_text(head):
        raise UnsupportedFormat(path, "알 수 없는 바이너리 파일")
    suffix = path.suffix.lower()
    sniff = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        sniff = head.decode("utf-16", errors="ignore").lstrip("\ufeff \t\r\n").lower().encode()
    if sniff.startswith(b"<?xml") and (b"<hwpml" in sniff or b"<hwpml" in head.lower()):
        raise UnsupportedFormat(path, "한글 XML(HWPML) 형식입니다. 한글에서 HWPX로 다시 저장해 주세요")
    if suffix in HTML_SUFFIXES or sniff.startswith((b"<!doctype html", b"<html")):
        return "html"
    return TEXT_SUFFIXES.get(suffix, "txt")
