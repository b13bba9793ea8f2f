"""Zip containers (DOCX, HWPX, PPTX, XLSX) are checked for bombs before any library opens them.

First the central directory (entry count, declared sizes, ratios, encryption, compression method), then
every member is inflated once, in bounded chunks, so a member that inflates past its declared size or the
total budget is refused before python-docx, python-pptx or openpyxl read it whole.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import IO

from lxml import etree

from app.core.errors import CorruptDocument, DocumentTooLarge, EncryptedDocument
from app.docs.limits import Limits
from app.docs.zipstream import READABLE_METHODS, MemberDamaged, MemberOverflow, member_chunks


def safe_xml_parser() -> etree.XMLParser:
    """An lxml parser that resolves no entities, loads no DTD and touches no network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


BROKEN_ZIP = (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError, zlib.error)
"""What zipfile raises on damaged archives and members, beyond its own BadZipFile."""


def check_zip(path: Path, limits: Limits) -> None:
    """Raise ``DocumentTooLarge`` for zip bombs, honest or lying, and ``CorruptDocument`` for broken archives."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
        check_directory(path, infos, limits)
        with path.open("rb") as handle:
            _inflate_every_member(path, handle, infos, limits)
    except BROKEN_ZIP as err:
        raise CorruptDocument(path, "압축 구조가 손상됨") from err


def check_directory(path: Path, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    """The checks on the central directory alone: nothing is inflated."""
    if len(infos) > limits.max_zip_entries:
        raise DocumentTooLarge(path, f"압축 안 파일이 {len(infos):,}개, 최대 {limits.max_zip_entries:,}개")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise EncryptedDocument(path)
        if info.compress_type not in READABLE_METHODS:
            raise CorruptDocument(path, f"{info.filename}의 압축 방식({info.compress_type})을 지원하지 않음")
        total += info.file_size
        if total > limits.max_zip_total_bytes:
            raise DocumentTooLarge(path, _bomb_detail(limits))
        if info.file_size > limits.zip_ratio_floor:
            ratio = info.file_size / max(1, info.compress_size)
            if ratio > limits.max_zip_ratio:
                raise DocumentTooLarge(path, f"{info.filename}의 압축률이 {ratio:,.0f}배 (압축 폭탄 의심)")


def _inflate_every_member(path: Path, handle: IO[bytes], infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    left = limits.max_zip_total_bytes
    for info in infos:
        try:
            for chunk in member_chunks(handle, info, left):
                left -= len(chunk)
        except MemberOverflow as err:
            if err.allowed < info.file_size:
                raise DocumentTooLarge(path, _bomb_detail(limits)) from err
            raise lying_member(path, info) from err
        except MemberDamaged:
            # Damage stops zipfile at the same byte it stopped us, so no bomb hides behind it; whether the
            # file is still readable (a broken thumbnail is fine) is the reader's call.
            continue


def lying_member(path: Path, info: zipfile.ZipInfo) -> DocumentTooLarge:
    return DocumentTooLarge(
        path, f"{info.filename}이(가) 적힌 크기({info.file_size:,}바이트)보다 크게 풀림, 압축 폭탄 의심"
    )


def _bomb_detail(limits: Limits) -> str:
    return f"압축을 풀면 {limits.max_zip_total_bytes // 1024 // 1024:,}MB를 넘음 (압축 폭탄 의심)"


def read_member(archive: zipfile.ZipFile, name: str, path: Path, limit: int) -> bytes:
    """Read one entry, refusing entries larger than ``limit`` even if the header lies."""
    try:
        info = archive.getinfo(name)
        if info.file_size > limit:
            raise DocumentTooLarge(path, f"{name}이(가) {info.file_size // 1024 // 1024:,}MB")
        with archive.open(info) as handle:
            data = handle.read(limit + 1)
    except KeyError as err:
        raise CorruptDocument(path, f"{name} 없음") from err
    except BROKEN_ZIP as err:
        raise CorruptDocument(path, f"{name}을(를) 풀 수 없음") from err
    if len(data) > limit:
        raise DocumentTooLarge(path, f"{name}이(가) 너무 큼")
    return data
