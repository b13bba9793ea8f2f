"""Korean business-document formatting done by code: item numbering, dates, registers, the closing 끝.

Pure functions over text (Kiwi for morphemes); the drafting task and the exporters build on them.
"""

from app.text.korean_format.checks import date_problems, end_mark_problems, numbering_problems
from app.text.korean_format.dates import format_date, normalize_dates, normalize_times, parse_date
from app.text.korean_format.layout import Layout, Paragraph, Reference, Role, layout_from_text
from app.text.korean_format.numbering import Scheme, indent, marker, parse_marker
from app.text.korean_format.official import add_end_mark, repair_gaejo, repair_official, strip_end_marks
from app.text.korean_format.outline import OutlineItem, clean_inline, parse_outline, render_outline
from app.text.korean_format.registers import Register, apply_register, to_register

__all__ = [
    "Layout",
    "OutlineItem",
    "Paragraph",
    "Reference",
    "Register",
    "Role",
    "Scheme",
    "add_end_mark",
    "apply_register",
    "clean_inline",
    "date_problems",
    "end_mark_problems",
    "format_date",
    "indent",
    "layout_from_text",
    "marker",
    "normalize_dates",
    "normalize_times",
    "numbering_problems",
    "parse_date",
    "parse_marker",
    "parse_outline",
    "render_outline",
    "repair_gaejo",
    "repair_official",
    "strip_end_marks",
    "to_register",
]
