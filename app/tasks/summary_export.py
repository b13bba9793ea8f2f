"""Save a finished summary as Markdown or Word, with its sources listed and unsupported sentences flagged."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.atomic_file import write_text_atomically
from app.core.errors import BaroError
from app.docs.writers.docx import WARNING_RED, Run, WordWriter
from app.tasks.guarding import check_sentence
from app.tasks.results import SummaryResult

FLAG = {"unsupported": "⚠ 원문으로 확인되지 않음", "partial": "△ 일부만 확인됨"}


@dataclass(frozen=True)
class ExportLine:
    text: str
    flag: str
    source: int | None
    """1-based number in the source list, for a supported sentence."""
    correction: str = ""
    """Set when the claims guard flags the sentence (e.g. it says 독도 is Japanese): the fact to show instead."""


def guard_warning(lines: list[ExportLine]) -> str:
    """A line for the top of an export when any sentence is flagged ("" when none)."""
    flagged = sum(1 for line in lines if line.correction)
    if not flagged:
        return ""
    return f"⚠ 주의: 사실과 다른 문장이 {flagged}개 있습니다(아래 ‘사실과 다름’ 표시). 공유하기 전에 고치세요."


def _guarded(lines: list[ExportLine]) -> list[ExportLine]:
    out = []
    for line in lines:
        hits = check_sentence(line.text)
        out.append(ExportLine(line.text, line.flag, line.source, hits[0].correction) if hits else line)
    return out


def summary_lines(result: SummaryResult) -> list[ExportLine]:
    """The summary as checked sentences; falls back to the raw text when there are no verdicts."""
    if not result.sentences:
        return _guarded([ExportLine(line, "", None) for line in result.summary.splitlines() if line.strip()])
    lines = []
    for s in result.sentences:
        supported = s.label == "supported"
        lines.append(ExportLine(s.text, FLAG.get(s.label, ""), s.source if supported else None))
    return _guarded(lines)


def to_markdown(result: SummaryResult) -> str:
    out = [f"# 요약: {result.title}", ""]
    out.append(f"- 파일: {Path(result.file).name}")
    out.append(f"- 모델: {result.model} (AI가 쓴 요약은 원문과 대조해 확인하세요)")
    lines = summary_lines(result)
    if guard_warning(lines):
        out += ["", f"> {guard_warning(lines)}"]
    out += ["", "## AI 요약", ""]
    for line in lines:
        mark = f" [{line.source}]" if line.source else ""
        flag = f" _({line.flag})_" if line.flag else ""
        wrong = f" **(⚠ 사실과 다름: {line.correction})**" if line.correction else ""
        out.append(f"- {line.text}{mark}{flag}{wrong}")
    out += ["", "## 출처 (원문 인용)", ""]
    for n, quote in enumerate(result.quotes, 1):
        where = quote.location.label()
        out.append(f"{n}. “{quote.text}” — {where}" if where else f"{n}. “{quote.text}”")
    return "\n".join(out) + "\n"


def to_docx(result: SummaryResult, path: Path) -> None:
    doc = WordWriter(f"요약: {result.title}", body_points=10.5)
    doc.paragraph(f"요약: {result.title}", style="Heading 1")
    doc.paragraph(f"모델: {result.model} — AI가 쓴 요약은 원문과 대조해 확인하세요.")
    lines = summary_lines(result)
    if warning := guard_warning(lines):
        doc.paragraph(Run(warning, bold=True, color=WARNING_RED))
    doc.paragraph("AI 요약", style="Heading 2")
    for line in lines:
        runs = [Run(line.text)]
        if line.source:
            runs.append(Run(f" [{line.source}]", superscript=True))
        if line.flag:
            runs.append(Run(f" ({line.flag})", color=WARNING_RED))
        if line.correction:
            runs.append(Run(f" (⚠ 사실과 다름: {line.correction})", bold=True, color=WARNING_RED))
        doc.paragraph(*runs, style="List Bullet")
    doc.paragraph("출처 (원문 인용)", style="Heading 2")
    for quote in result.quotes:
        where = quote.location.label()
        doc.paragraph(f"“{quote.text}”" + (f" — {where}" if where else ""), style="List Number")
    doc.save(path)


def save_summary(result: SummaryResult, path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix == ".md":
        write_text_atomically(path, to_markdown(result))
    elif suffix == ".docx":
        to_docx(result, path)
    else:
        raise BaroError(f"{path.name}: .md 또는 .docx로 저장할 수 있습니다.", path=path)
