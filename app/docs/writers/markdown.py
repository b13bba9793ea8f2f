"""Write a draft as Markdown: the text as shown, lines kept (hard breaks), citations as a list at the end."""

from __future__ import annotations

import re
from pathlib import Path

from app.core.atomic_file import write_text_atomically
from app.core.events import SentenceVerdict
from app.text.korean_format import Layout, Role

_LIST_START = re.compile(r"^(\d+)([.)])")


def layout_markdown(layout: Layout, *, citations: bool = True) -> str:
    lines: list[str] = []
    for paragraph in layout.paragraphs:
        if paragraph.role is Role.BLANK:
            lines.append("")
        elif paragraph.role is Role.TITLE:
            lines.extend([f"# {paragraph.text}", ""])
        elif paragraph.role is Role.HEADING:
            lines.append(f"## {paragraph.text}")
        else:
            text = _with_citations(paragraph.text, paragraph.notes) if citations else paragraph.text
            # Keep "1." literal (Markdown would renumber it) and the 2타 indentation visible.
            text = _LIST_START.sub(r"\1\\\2", text)
            lead = "&nbsp;&nbsp;" * (paragraph.level - 1) if paragraph.role is Role.ITEM else ""
            lines.append(f"{lead}{text}  ")
    body = "\n".join(lines).rstrip() + "\n"
    if citations and layout.references and any(n.source for p in layout.paragraphs for n in p.notes):
        body += "\n---\n" + "\n".join(f"[{r.number}] {r.name}  " for r in layout.references) + "\n"
    return body


def _with_citations(text: str, notes: list[SentenceVerdict]) -> str:
    for note in sorted(notes, key=lambda n: n.end, reverse=True):
        if note.source is not None:
            text = f"{text[: note.end]}[{note.source}]{text[note.end :]}"
    return text


def write_markdown(layout: Layout, path: Path) -> Path:
    return write_text_atomically(path, layout_markdown(layout))
