"""초안: Korean business drafts from templates — code builds the structure, the model writes the sentences."""

from app.tasks.drafting.checks import structure_problems
from app.tasks.drafting.compose import Point, compose, plan_points
from app.tasks.drafting.fields import FieldValues, MissingField, RepeatedField, collect_fields, resolve_fields
from app.tasks.drafting.rewrite import RewriteStyle, rewrite_passage, rewrite_text
from app.tasks.drafting.task import DraftRequest, DraftResult, write_draft
from app.text.korean_format import Register

__all__ = [
    "DraftRequest",
    "DraftResult",
    "FieldValues",
    "MissingField",
    "Point",
    "Register",
    "RepeatedField",
    "RewriteStyle",
    "collect_fields",
    "compose",
    "plan_points",
    "resolve_fields",
    "rewrite_passage",
    "rewrite_text",
    "structure_problems",
    "write_draft",
]
