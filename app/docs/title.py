"""A document's real title: its metadata title when that is trustworthy, otherwise its first page's heading.

Metadata titles are often not the document's: a conference's template name ("한국정보과학회 학술대회
논문작성양식"), the converter's "Microsoft Word - 보고서.docx", "제목 없음", the file name, or a word like
"보고서". Those give way to the first short line(s) of the first page that read like a title (not a
running header or footer, a page number, a date or an author line). Every reader's result passes through
``choose_title`` (in ``DocumentBuilder.build``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from app.core.document import Block, BlockKind

MAX_TITLE_CHARS = 120
_MIN_TITLE_LETTERS = 2
_FIRST_PAGE_BLOCKS = 12
"""Formats without pages: the first page is about this many blocks."""
_CANDIDATE_LINES = 12
_NOT_BODY = (BlockKind.HEADER, BlockKind.FOOTER, BlockKind.FOOTNOTE)
_WRAPPED_LINE_CHARS = 24
"""A title line at least this long may have wrapped onto the next line."""

_TEMPLATE_WORDS = re.compile(
    r"양식|서식|템플릿|template|논문\s*작성|작성\s*요령|작성\s*예시|샘플|sample|제목\s*없음|제목을\s*입력|무제|"
    r"untitled|no\s*title|새\s*문서|빈\s*문서|^문서\s*\d+$|^document\s*\d*$|^microsoft\s+(?:word|powerpoint|excel)\b|"
    r"^(?:한글|hwp|hancom)\s*(?:문서|document)?$|프레젠테이션$|^presentation\d*$|^slide\s*\d*$|^슬라이드\s*\d*$",
    re.IGNORECASE,
)
_FILE_NAME = re.compile(
    r"\.(?:hwpx?|docx?|dotx?|pdf|pptx?|xlsx?|txt|rtf|odt|md|html?|indd|ai|psd|tex|dvi|ps)$", re.IGNORECASE
)
_GENERIC = frozenset(
    {
        *("제목", "문서", "보고서", "논문", "자료", "발표", "발표자료", "초안", "본문", "표지"),
        *("공문", "기안문", "계획서", "결과보고서", "회의록", "안내문", "보도자료"),
        *("title", "document", "report", "paper", "draft", "slides", "thesis", "article", "manuscript"),
        *("doc", "file", "noname", "none", "null"),
    }
)
"""One generic word is a kind of document, not its title."""

_PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(?:\d{1,4}|[ivxlc]{1,6}|page\s*\d+(?:\s*of\s*\d+)?|\d+\s*/\s*\d+|\d+\s*쪽)[-–—\s]*$", re.I
)
_RUNNING_HEADER = re.compile(
    r"논문집|학술대회\s*(?:논문|발표)|proceedings|journal|transactions|vol\.|volume\s*\d|pp\.|issn|isbn|doi|"
    r"copyright|©|all rights reserved|www\.|https?://|@|^제\s*\d+\s*(?:회|권|호)",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(r"^[\d\s.\-/년월일()~:]+$")
_AFFILIATION = re.compile(
    r"(?:대학교|대학원|학과|학부|연구소|연구원|연구실|연구센터|㈜|\(주\)|주식회사)(?:\s|$|,)|"
    r"\b(?:university|institute|laboratory|inc\.|corp\.|co\., ltd)|e-?mail|전화\s*:|tel\s*[:.]|fax",
    re.IGNORECASE,
)
_AFFILIATION_MAX_WORDS = 6
_SECTION_HEADING = re.compile(
    r"^(?:[\dⅠ-Ⅻ]+\s*[.)]\s*)?(?:서론|요약|초록|국문\s*초록|목차|차례|abstract|introduction|contents)$"
    r"|^\d+(?:\.\d+)*[.)]\s|^\d+\.\d+(?:\.\d+)*\s|^[Ⅰ-Ⅻ]\.\s",
    re.IGNORECASE,
)
_NAME_MARKS = re.compile(r"[°*†‡§¹²³⁰-⁹\d]")
_HANGUL_NAME = re.compile(r"^[가-힣]{2,4}$")
_LATIN_NAME = re.compile(r"^[A-Z][a-z]+(?:[- ][A-Z][a-z]+){1,2}$")
_SENTENCE_END = re.compile(r"(?:[다요죠까][.!?]?|[.!?])$")
_STATEMENT_END = re.compile(r"[다요죠까]\s*[.!?]$")
_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")
_SPACE = re.compile(r"\s+")


PAGED_FORMATS = frozenset({"pdf", "docx", "hwp", "hwpx", "pptx"})
"""Formats whose first page has a heading worth taking when the file carries no title at all (a plain
text file without one keeps its file name, as its reader intends)."""


def choose_title(metadata_title: str, blocks: Sequence[Block], path: Path, format_name: str) -> str:
    """The metadata title when it looks like the document's own, else the first page's heading, else the stem."""
    metadata = _one_line(metadata_title)
    if metadata and not unreliable_title(metadata, path):
        return metadata[:MAX_TITLE_CHARS]
    if not metadata and format_name not in PAGED_FORMATS:
        return path.stem
    return first_page_heading(blocks) or path.stem


def unreliable_title(title: str, path: Path) -> bool:
    """A template's name, a file name, a program's placeholder or one generic word: not this document's title."""
    title = _one_line(title)
    if not title or len(_LETTER.findall(title)) < _MIN_TITLE_LETTERS:
        return True
    if _TEMPLATE_WORDS.search(title) or _FILE_NAME.search(title):
        return True
    if _comparable(title) == _comparable(path.stem) or _comparable(title) == _comparable(path.name):
        return True
    return title.casefold() in _GENERIC


def first_page_heading(blocks: Sequence[Block]) -> str:
    """The first line(s) of the first page that read like a title; '' when none does."""
    lines = list(_first_page_lines(blocks))[:_CANDIDATE_LINES]
    for index, (block, line) in enumerate(lines):
        if not _title_like(line):
            continue
        title = line
        # A long title wraps (inside one block: a PDF page, a paragraph with a line break): the next line
        # continues it when it is title-like too, in the same script, and the line before was nearly full.
        for following_block, following in lines[index + 1 : index + 3]:
            if following_block != block or len(title) < _WRAPPED_LINE_CHARS or _SENTENCE_END.search(title):
                break
            if len(title) + 1 + len(following) > MAX_TITLE_CHARS or not _title_like(following):
                break
            if _script(following) != _script(title):
                break
            title = f"{title} {following}"
        return title
    return ""


def _first_page_lines(blocks: Sequence[Block]) -> Iterator[tuple[int, str]]:
    """(block number, line) for the lines of the first page's body blocks."""
    from app.docs.builder import CELL_SEPARATOR  # here: the builder imports this module

    # A row of several cells is a grid (a press release's header table), not a title; one cell may be.
    grid = [b.kind is BlockKind.TABLE_ROW and CELL_SEPARATOR in b.text for b in blocks]
    body = [b for b, is_grid in zip(blocks, grid, strict=True) if b.kind not in _NOT_BODY and not is_grid]
    if not body:
        return
    first = body[0].location
    for number, block in enumerate(body):
        where = block.location
        if (where.page, where.slide, where.sheet) != (first.page, first.slide, first.sheet):
            return
        if where.page is None and where.slide is None and number >= _FIRST_PAGE_BLOCKS:
            return
        for line in block.text.splitlines():
            line = _one_line(line)
            if line:
                yield number, line


def _title_like(line: str) -> bool:
    letters = len(_LETTER.findall(line))
    if letters < _MIN_TITLE_LETTERS or len(line) > MAX_TITLE_CHARS or letters < 0.4 * len(line.replace(" ", "")):
        return False
    if _PAGE_NUMBER.match(line) or _DATE_LINE.match(line) or _RUNNING_HEADER.search(line):
        return False
    if _author_line(line) or _SECTION_HEADING.match(line):
        return False
    if _AFFILIATION.search(line) and len(line.split()) <= _AFFILIATION_MAX_WORDS:
        return False
    # A body sentence ("…입니다.", or any long line ending in a period) is not a heading.
    return not (_STATEMENT_END.search(line) or (line.endswith(".") and len(line) > _WRAPPED_LINE_CHARS))


def _author_line(line: str) -> bool:
    """Names separated by commas or middle dots, with the usual affiliation marks (김영민°, 임승영¹ …)."""
    parts = [_NAME_MARKS.sub("", p).strip() for p in re.split(r"[,，、·ㆍ]|\band\b|\s{2,}", line)]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return len(parts) == 1 and bool(_NAME_MARKS.search(line)) and bool(_HANGUL_NAME.match(parts[0]))
    names = sum(1 for p in parts if _HANGUL_NAME.match(p) or _LATIN_NAME.match(p))
    return names >= 0.6 * len(parts)


def _script(line: str) -> str:
    return "hangul" if len(_HANGUL.findall(line)) >= len(_LATIN.findall(line)) else "latin"


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _comparable(text: str) -> str:
    return re.sub(r"[\s_\-.]+", "", text).casefold()
