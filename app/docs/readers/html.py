"""HTML: visible text by block element, headings and list items marked, tables row by row."""

from __future__ import annotations

from html.parser import HTMLParser

from app.core.document import BlockKind, Document
from app.core.errors import DocumentTooLarge, UnsupportedFormat
from app.core.locations import Location
from app.docs.builder import DocumentBuilder
from app.docs.context import ReadContext
from app.docs.readers.encoding import decode_text
from app.docs.readers.text import unreadable_notice

_SKIP = {"script", "style", "noscript", "template", "head", "svg"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "blockquote",
    "pre",
    "br",
    "hr",
    "li",
    "dt",
    "dd",
    "tr",
    "table",
    "ul",
    "ol",
    "header",
    "footer",
    "main",
    "nav",
    "aside",
    "figcaption",
    "address",
    *_HEADINGS,
}


class _Collector(HTMLParser):
    def __init__(self, builder: DocumentBuilder) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = builder
        self.skip_depth = 0
        self.text: list[str] = []
        self.line = 1
        self.kind = BlockKind.PARAGRAPH
        self.cells: list[str] | None = None
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag in ("td", "th") and self.cells is not None:
            self.cells.append("")
        elif tag == "tr":
            self._flush()
            self.cells = []
        elif tag in _BLOCKS:
            self._flush()
            if tag in _HEADINGS:
                self.kind = BlockKind.HEADING
            elif tag == "li":
                self.kind = BlockKind.LIST_ITEM

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag == "title":
            self.in_title = False
        elif tag == "tr":
            self._flush_row()
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.builder.title += data
            return
        if self.skip_depth:
            return
        if self.cells:
            self.cells[-1] += data
            return
        if not self.text and data.strip():
            self.line = self.getpos()[0]
        self.text.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self.text).split())
        if text:
            self.builder.add(text, Location(line=self.line), self.kind)
        self.text.clear()
        self.kind = BlockKind.PARAGRAPH

    def _flush_row(self) -> None:
        if self.cells is not None:
            self.builder.add_row(self.cells, Location(line=self.getpos()[0]))
        self.cells = None

    def finish(self) -> None:
        self.close()
        self._flush_row()
        self._flush()


def read(ctx: ReadContext) -> Document:
    size = ctx.path.stat().st_size
    if size > ctx.limits.max_chars * 4:
        raise DocumentTooLarge(ctx.path, f"HTML 파일이 {size // 1024 // 1024:,}MB입니다")
    data = ctx.path.read_bytes()
    decoded = decode_text(data)
    if decoded is None:
        raise UnsupportedFormat(ctx.path, "문자 인코딩을 알 수 없는 HTML")
    builder = DocumentBuilder(ctx, "html")
    if decoded.unreadable:
        builder.notices.append(unreadable_notice(ctx.path.name, decoded))
    collector = _Collector(builder)
    text = decoded.text
    step = 1 << 20
    for start in range(0, len(text), step):
        ctx.report(start / max(1, len(text)))
        collector.feed(text[start : start + step])
    collector.finish()
    return builder.build()
