"""The 질문 task: ``ask`` searches, decides and answers; ``answer_plan`` streams the answer to a plan and ends
with the typed ``AnswerResult``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from app.core.cancel import CancelToken
from app.core.events import Done, Event, Notice, Progress, SentenceVerdict, Token, Withdraw
from app.llm.prompts import PromptFormat
from app.tasks.answer_watch import BETTER_MODEL, AnswerWatch
from app.tasks.ask.analysis import analyse_answer, answer_judge, evidence_instead, shares_content, shortened
from app.tasks.ask.prompt import LabelTrim, answer_params, build_prompt, clean_answer
from app.tasks.ask.session import AskPlan, AskSession, plan_question
from app.tasks.assistant import Assistant, ModelSource, take_assistant
from app.tasks.results import AnswerResult, AnswerSource, Timing, Withdrawn

NOTHING_FOUND = (
    "라이브러리에서 이 질문과 관련된 내용을 찾지 못했습니다. 추측해서 답하지 않겠습니다. "
    "문서가 들어 있는 폴더를 라이브러리에 추가했는지, 질문의 낱말이 문서와 같은지 확인해 주세요."
)


def ask(
    session: AskSession,
    question: str,
    model: Assistant | ModelSource,
    *,
    db_path: Path | None = None,
    cancel: CancelToken | None = None,
) -> Iterator[Event]:
    """질문, whole, for the 질문 pane, the quick-ask popup and ``baro ask``: search the library, decide, and only
    then take the model (``model``: a loaded one, or a source that loads it). Nothing relevant: no model at all."""
    cancel = cancel or CancelToken()
    yield Progress("라이브러리에서 찾는 중", None)
    plan = plan_question(session, question, db_path=db_path)
    if not plan.relevant:
        yield from unanswered(plan)
        return
    if plan.fixed is not None:
        yield plan.fixed  # Baro's own answer does not wait for the model to load
    assistant = model if isinstance(model, Assistant) else (yield from take_assistant(model, cancel))
    yield from _answer(assistant, plan, cancel)


def answer_plan(assistant: Assistant, plan: AskPlan, *, cancel: CancelToken | None = None) -> Iterator[Event]:
    """Stream the model's answer to ``plan`` and end with ``Done`` holding sentences, verdicts and sources."""
    if not plan.relevant:
        yield from unanswered(plan)
        return
    if plan.fixed is not None:
        yield plan.fixed
    yield from _answer(assistant, plan, cancel or CancelToken())


def _answer(assistant: Assistant, plan: AskPlan, cancel: CancelToken) -> Iterator[Event]:
    base = assistant.model.prompt_format is PromptFormat.COMPLETION
    params = answer_params(assistant.model.prompt_format, assistant.temperature)
    prompt = build_prompt(plan.sources, plan.question, plan.evidence, example=base)
    passages = [s.passage.text for s in plan.sources]
    watch = AnswerWatch(source="\n".join(passages), judge=answer_judge(passages))
    trim = LabelTrim()
    shown_chars = 0
    for event in assistant.stream(prompt, params, cancel, "찾은 구절을 모델에 넣는 중", watch=watch):
        if isinstance(event, Token):
            shown = trim.feed(event.text)
            shown_chars += len(shown)
            if shown:
                yield Token(shown)
        elif isinstance(event, Withdraw):
            # The view never got an echoed label: withdraw only what it shows.
            cut = max(0, event.back - shown_chars)
            if event.text[cut:].strip():
                yield Withdraw(event.text[cut:], event.back - cut, event.reason)
        else:
            yield event
    if rest := trim.flush():
        yield Token(rest)
    written = clean_answer(watch.kept_text if watch.acting else watch.raw)
    text = written
    if watch.gave_up and plan.evidence:
        # Its sentences were not backed by the passages (or it looped): the best source sentence is the answer.
        text = plan.evidence
        yield Notice(
            f"{'내장 모델' if assistant.model.is_small_or_base else '모델'}의 답을 찾은 구절로 확인하지 못해, "
            f"질문과 가장 잘 맞는 원문 문장을 보여 드립니다 — {BETTER_MODEL}",
            BETTER_MODEL,
            "models",
        )
    elif not written and plan.evidence:
        # A small model sometimes writes nothing: show the source sentence that best answers instead.
        text = plan.evidence
        yield Notice("모델이 답을 쓰지 못해, 질문과 가장 잘 맞는 원문 문장을 그대로 보여 드립니다.")
    elif plan.evidence and not shares_content(written, f"{plan.question} {plan.evidence}"):
        # Or it copies a line that has nothing to do with the question (a title, another passage's fact).
        text = plan.evidence
        yield Notice(
            f"모델의 답(\u201c{shortened(written)}\u201d)이 질문과 맞지 않아, "
            "질문과 가장 잘 맞는 원문 문장을 대신 보여 드립니다."
        )
    elif plan.evidence and (notice := evidence_instead(written, plan)):
        text = plan.evidence
        yield Notice(notice)
    sentences = analyse_answer(text, [s.passage.text for s in plan.sources])
    if sentences and not any(s.label == "supported" for s in sentences):
        yield Notice("답변의 어느 문장도 찾은 구절로 확인되지 않았습니다. 아래 출처를 직접 확인해 주세요.")
    stats = assistant.last_generation.stats if assistant.last_generation is not None else None
    timing = None
    if stats is not None:
        timing = Timing(stats.prompt_tokens, stats.cached_tokens, stats.first_token_ms, stats.total_ms)
    result = _result(
        plan,
        text,
        sentences,
        assistant.model.name,
        timing,
        clean_answer(watch.raw),
        withdrawn=tuple(Withdrawn(watch.raw[a:b].strip(), r) for a, b, r in sorted(watch.withdrawn)),
        fallback=watch.gave_up,
        answer_from="model" if text == written and written else "source",
    )
    yield Done(text, result)


def unanswered(plan: AskPlan) -> Iterator[Event]:
    """Nothing in the library is relevant: Baro's fixed answer when the question asks a guarded topic, then that."""
    if plan.fixed is not None:
        yield plan.fixed
    yield nothing_found(plan)


def nothing_found(plan: AskPlan) -> Done:
    return Done(NOTHING_FOUND, _result(plan, NOTHING_FOUND, [], None, None, ""))


def _result(
    plan: AskPlan,
    text: str,
    sentences: list[SentenceVerdict],
    model: str | None,
    timing: Timing | None,
    written: str,
    *,
    withdrawn: tuple[Withdrawn, ...] = (),
    fallback: bool = False,
    answer_from: Literal["model", "source"] = "source",
) -> AnswerResult:
    linked = {s.source for s in sentences if s.source is not None and s.label != "unsupported"}
    return AnswerResult(
        question=plan.question,
        answer=text,
        model_answer=written,
        relevant=plan.relevant,
        coverage=plan.coverage,
        model=model,
        sentences=tuple(sentences),
        sources=tuple(
            AnswerSource(
                number=s.number,
                file=str(s.passage.path),
                title=s.passage.title,
                location=s.passage.location,
                locations=tuple(s.passage.locations),
                text=s.passage.text,
                score=round(s.passage.score, 4),
                cited=s.number in linked,
                retrieved_for_this_question=s.passage.chunk_id in plan.retrieved,
                highlight=plan.highlights.get(s.number),
            )
            for s in plan.sources
        ),
        reused_sources=plan.reused,
        timing=timing,
        fixed_answer=plan.fixed,
        withdrawn=withdrawn,
        fallback=fallback,
        answer_from=answer_from,
    )
