"""질문: answer a Korean question from the user's library, with numbered sources and checked sentences.

The steps: find passages (``app.index.search``), decide whether they are relevant at all (term coverage,
see ``MIN_COVERAGE``), give the model the passages numbered ``[1] …`` and the question last, stream its
answer, then check every answer sentence against the passages (``SupportChecker``). A sentence without a
``[n]`` of its own is linked to the passage the checker found, and that link is labelled as such.

An ``AskSession`` keeps the passages of earlier questions in the same order, so a follow-up question only
appends to the prompt and the engine's KV cache reuses everything before it.

The package: ``question`` (what is accepted, its content words), ``relevance`` (coverage and the best sentence),
``session`` (a conversation's sources, the plan for one question), ``prompt`` (what the model is given),
``analysis`` (each answer sentence's verdict and source) and ``answer`` (the task: ``ask``).
"""

from app.tasks.ask.analysis import NOT_IN_PASSAGES, analyse_answer, answer_judge, evidence_instead, shares_content
from app.tasks.ask.answer import NOTHING_FOUND, answer_plan, ask, nothing_found, unanswered
from app.tasks.ask.prompt import ANSWER_EXAMPLE, LabelTrim, answer_params, build_prompt, clean_answer
from app.tasks.ask.question import QuestionEmpty, QuestionTooLong, checked_question, question_terms
from app.tasks.ask.relevance import MIN_COVERAGE, PassageWords, analyse_passages, best_sentences, evidence_sentence
from app.tasks.ask.session import AskPlan, AskSession, Source, plan_question

__all__ = [
    "ANSWER_EXAMPLE",
    "MIN_COVERAGE",
    "NOTHING_FOUND",
    "NOT_IN_PASSAGES",
    "AskPlan",
    "AskSession",
    "LabelTrim",
    "PassageWords",
    "QuestionEmpty",
    "QuestionTooLong",
    "Source",
    "analyse_answer",
    "analyse_passages",
    "answer_judge",
    "answer_params",
    "answer_plan",
    "ask",
    "best_sentences",
    "build_prompt",
    "checked_question",
    "clean_answer",
    "evidence_instead",
    "evidence_sentence",
    "nothing_found",
    "plan_question",
    "question_terms",
    "shares_content",
    "unanswered",
]
