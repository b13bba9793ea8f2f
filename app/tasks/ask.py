"""질문: answer a Korean question from the user's library, with numbered sources and checked sentences.

The steps: find passages (``app.index.search``), decide whether they are relevant at all (term coverage,
see ``MIN_COVERAGE``), give the model the passages numbered ``[1] …`` and the question last, stream its
answer, then check every answer sentence against the passages (``SupportChecker``). A sentence without a
``[n]`` of its own is linked to the passage the checker found, and that link is labelled as such.

An ``AskSession`` keeps the passages of earlier questions in the same order, so a follow-up question only
appends to the prompt and the engine's KV cache reuses everything before it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from app.core.cancel import CancelToken
from app.core.errors import BaroError
from app.core.events import Done, Event, FixedAnswer, Notice, Progress, Token, Withdraw
from app.index.errors import LibraryEmpty
from app.index.library import LibraryIndex
from app.index.search import Passage, search
from app.index.terms import analyse_text, analyse_texts
from app.llm.engine_api import GenerationParams
from app.llm.prompts import PromptFormat, TaskPrompt
from app.tasks.answer_watch import BETTER_MODEL, AnswerWatch, Judge
from app.tasks.assistant import Assistant
from app.tasks.guarding import fixed_answer
from app.tasks.library import check_scope, default_db_path
from app.tasks.results import AnswerResult, AnswerSentence, AnswerSource, CitationKind, Timing, Withdrawn
from app.text.morphemes import CONTENT_TAGS, analyse
from app.text.sentences import split_sentences
from app.text.support import SupportChecker, Verdict

MAX_QUESTION_CHARS = 1000
SEARCH_K = 3
MAX_NEW_TOKENS = 160
BASE_MAX_NEW_TOKENS = 80
MAX_SOURCES = 8
MAX_ANALYSED = 200
NOT_IN_PASSAGES = "문서에서 찾지 못했습니다"
"""What Baro's tuned model answers when the passages do not hold the answer (its training target)."""
NOT_FOUND_OVERRULED = 0.8
"""A "not found" is overruled when the best source sentence holds at least this share of the question's terms."""
CLIPPED_SHARE = 0.7
"""An answer taken from the best source sentence that holds less than this share of the question's terms the
whole sentence holds clipped the part that answers: the whole sentence is shown."""
OFF_QUESTION_SHARE = 0.2
"""An answer from anywhere that holds less than this share of what the best source sentence holds of the
question's terms answers something else: the sentence is shown."""
ANSWER_STOPS = ("\n\n", "\n질문", "\n근거", "\n정답", "\n답변", "\n답:", "\n[")
MIN_COVERAGE = 0.5
"""Below this IDF-weighted share of the question's content words in the best passage, nothing is relevant.

Measured on KorQuAD 1.0 dev with half the articles indexed (400 questions each way): answerable questions
kept / unrelated ones wrongly kept were 0.995 / 0.21 at 0.4, 0.985 / 0.15 at 0.45, 0.968 / 0.10 at 0.5,
0.940 / 0.035 at 0.6. bench/answer.py reports both rates for the value in use.
"""
HIGHLIGHT_SHARE = 0.5
"""A passage's best sentence is highlighted when it scores at least this share of the best of all."""
QUESTION_WORDS = frozenset(
    {"무엇", "무슨", "누구", "언제", "어디", "어느", "몇", "어떤", "어떠", "어떻", "왜", "얼마", "뭐", "무엇인가"}
)
NOTHING_FOUND = (
    "라이브러리에서 이 질문과 관련된 내용을 찾지 못했습니다. 추측해서 답하지 않겠습니다. "
    "문서가 들어 있는 폴더를 라이브러리에 추가했는지, 질문의 낱말이 문서와 같은지 확인해 주세요."
)
ANSWER_EXAMPLE = "질문: 다음 회의는 어디에서 열리나요?\n근거: 다음 회의는 4월 12일 본사 대회의실에서 열린다.\n\n정답:\n본사 대회의실\n\n"
"""One worked question ahead of the passages, for base models: a pattern to continue, the same for every
question so it is part of the cached prefix. bench/answer.py with Gemma 3 270M: the model's answers containing
the gold answer went from 0.385 to 0.520 (200 KorQuAD questions); two examples did worse than one (0.45 vs
0.48 on 100)."""
_CITATION = re.compile(r"\[(\d{1,2})\]")


class QuestionEmpty(BaroError):
    def __init__(self) -> None:
        super().__init__("질문을 입력해 주세요.")


class QuestionTooLong(BaroError):
    def __init__(self, length: int) -> None:
        super().__init__(f"질문이 너무 깁니다 ({length:,}자). {MAX_QUESTION_CHARS:,}자 이내로 줄여 주세요.")


# --- retrieval and relevance -----------------------------------------------------------------------


def question_terms(question: str) -> list[str]:
    """The question's content morphemes, without interrogatives (무엇, 언제 …) that answers never contain."""
    return [m for m in dict.fromkeys(analyse_text(question).morphemes) if m not in QUESTION_WORDS]


def term_idf(index: LibraryIndex, terms: Sequence[str]) -> dict[str, float]:
    chunks = max(1, index.stats().chunks)
    idf: dict[str, float] = {}
    for term in terms:
        idf[term] = math.log((chunks + 1) / (index.chunks_with_term(term) + 0.5))
    return idf


@dataclass(frozen=True)
class Words:
    """A text's content morphemes and its lower-cased form (for words Kiwi splits differently)."""

    morphemes: frozenset[str]
    lowered: str

    def weight(self, terms: Sequence[str], idf: dict[str, float]) -> float:
        return sum(idf.get(t, 0.0) for t in terms if t in self.morphemes or (len(t) > 1 and t in self.lowered))


@dataclass(frozen=True)
class PassageWords:
    whole: Words
    """Title and text together."""
    sentences: tuple[tuple[int, int, Words], ...]
    """(start, end, words) of each sentence of the text."""


def analyse_passages(passages: Sequence[Passage]) -> list[PassageWords]:
    """Words of each passage and of each of its sentences, in one Kiwi batch."""
    splits = [split_sentences(p.text) for p in passages]
    texts = [f"{p.title}\n{p.text}" for p in passages] + [x.text for sentences in splits for x in sentences]
    analysed = iter(analyse_texts(texts))
    wholes = [Words(frozenset(next(analysed).morphemes), t.lower()) for t in texts[: len(passages)]]
    out: list[PassageWords] = []
    for whole, sentences in zip(wholes, splits, strict=True):
        parts = tuple((x.start, x.end, Words(frozenset(next(analysed).morphemes), x.text.lower())) for x in sentences)
        out.append(PassageWords(whole, parts))
    return out


def coverage_of(terms: Sequence[str], idf: dict[str, float], words: Sequence[PassageWords]) -> list[float]:
    """Per passage, the IDF-weighted share of ``terms`` it contains."""
    total = sum(idf.get(t, 0.0) for t in terms)
    if total <= 0:
        return [0.0 for _ in words]
    return [w.whole.weight(terms, idf) / total for w in words]


# --- the prompt and the session --------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    number: int
    passage: Passage

    @property
    def key(self) -> int:
        return self.passage.chunk_id


@dataclass
class AskSession:
    """One conversation: its scope and the numbered sources every question so far was answered from.

    A follow-up keeps the sources in place when they already cover it, or appends new ones after them,
    so the prompt's beginning stays byte-identical and the engine evaluates only what is new.
    """

    scope: Path | None = None
    sources: list[Source] = field(default_factory=list)
    analysed: dict[int, PassageWords] = field(default_factory=dict)
    """Passages analysed so far, by chunk id: a follow-up does not analyse them again."""

    def reset(self, scope: Path | None = None) -> None:
        self.scope = scope
        self.sources = []
        self.analysed = {}

    def words(self, passages: Sequence[Passage]) -> list[PassageWords]:
        new = list({p.chunk_id: p for p in passages if p.chunk_id not in self.analysed}.values())
        if len(self.analysed) + len(new) > MAX_ANALYSED:
            self.analysed = {s.key: self.analysed[s.key] for s in self.sources if s.key in self.analysed}
        self.analysed.update(zip((p.chunk_id for p in new), analyse_passages(new), strict=True))
        return [self.analysed[p.chunk_id] for p in passages]


@dataclass(frozen=True)
class AskPlan:
    """What a question will be answered from, decided before the model is needed."""

    question: str
    sources: list[Source]
    relevant: bool
    reused: int
    """How many sources (from the start of the list) an earlier question already put in the prompt."""
    retrieved: set[int]
    """Chunk ids retrieved for this question."""
    coverage: float
    highlights: dict[int, tuple[int, int]]
    """Per source number, the span of its passage that best matches this question."""
    evidence: str = ""
    """The sentence of all sources that best matches the question."""
    fixed: FixedAnswer | None = None
    """Baro's fixed answer when the question asks a guarded topic itself: shown before anything else."""
    term_weights: dict[str, float] = field(default_factory=dict)
    """The question's content terms with their IDF in the library."""
    evidence_share: float = 0.0
    """The IDF-weighted share of the question's terms that ``evidence`` holds."""

    def share_of_question(self, text: str) -> float:
        """The IDF-weighted share of the question's terms that ``text`` holds."""
        total = sum(self.term_weights.values())
        if total <= 0:
            return 0.0
        words = Words(frozenset(analyse_text(text).morphemes), text.lower())
        return words.weight(list(self.term_weights), self.term_weights) / total


SentenceMatch = tuple[float, int, int]
"""A passage's best sentence for the question: (weight, start, end) in the passage's text."""


def best_sentences(
    analysed: Sequence[PassageWords], terms: Sequence[str], idf: dict[str, float]
) -> dict[int, SentenceMatch]:
    """Each passage's best-matching sentence, by the passage's number (1-based); the earliest wins a tie."""
    best: dict[int, SentenceMatch] = {}
    for number, words in enumerate(analysed, 1):
        scored = [(w.weight(terms, idf), start, end) for start, end, w in words.sentences]
        if scored:
            best[number] = max(scored, key=lambda s: (s[0], -s[1]))
    return best


def evidence_sentence(matches: dict[int, SentenceMatch], texts: Sequence[str]) -> str:
    """The best sentence of all passages (the lowest number wins a tie), or "" when none shares a term."""
    if max((score for score, _, _ in matches.values()), default=0.0) <= 0:
        return ""
    number, (_, start, end) = max(matches.items(), key=lambda item: (item[1][0], -item[0]))
    return texts[number - 1][start:end]


def plan_question(session: AskSession, question: str, *, db_path: Path | None = None, k: int = SEARCH_K) -> AskPlan:
    """Retrieve for ``question`` and decide the prompt's sources (reusing the session's when they fit)."""
    question = checked_question(question)
    fixed = fixed_answer(question)
    try:
        with LibraryIndex.open(db_path or default_db_path()) as index:
            check_scope(index, session.scope)
            passages = search(index, question, k=k, scope=session.scope)
            terms = question_terms(question)
            idf = term_idf(index, terms)
    except LibraryEmpty:
        if fixed is None:
            raise
        return AskPlan(question, [], False, 0, set(), 0.0, {}, fixed=fixed)  # the rule answers without a library
    kept = session.sources
    words = session.words([*passages, *(s.passage for s in kept)])
    coverage = coverage_of(terms, idf, words[: len(passages)])
    kept_coverage = coverage_of(terms, idf, words[len(passages) :])
    best_new = max(coverage, default=0.0)
    best_kept = max(kept_coverage, default=0.0)
    known = {s.key for s in kept}
    # The retriever's best passage already in the prompt settles it, whatever the word coverage says.
    top_is_known = bool(passages) and passages[0].chunk_id in known
    if kept and best_kept >= MIN_COVERAGE and (top_is_known or best_kept >= best_new - 1e-9):
        sources = list(kept)
    else:
        # A follow-up adds only the passages that cover it better than what the prompt already holds,
        # so the prompt grows by little and the cached prefix stays most of it.
        same_document = bool(passages) and passages[0].path in {s.passage.path for s in kept}
        on_topic = bool(kept) and (best_kept >= MIN_COVERAGE or same_document)
        floor = best_kept if best_kept >= MIN_COVERAGE else -1.0
        fresh = [p for p, c in zip(passages, coverage, strict=True) if p.chunk_id not in known and c > floor]
        if on_topic:
            # Still on the prompt's subject (its passages cover the question, or the best hit shares a document
            # with them): the best new passage is enough. On 200 KorQuAD follow-ups, adding every new passage
            # put no more answers in the prompt but gave the engine 2.1x the new text to read.
            fresh = fresh[:1]
        sources = [*kept, *(Source(len(kept) + n, p) for n, p in enumerate(fresh, start=1))]
        if len(sources) > MAX_SOURCES:
            kept = []
            sources = [Source(n, p) for n, p in enumerate(passages, start=1)]
    best = max(best_new, best_kept)
    relevant = bool(sources) and best >= MIN_COVERAGE
    matches = best_sentences(session.words([s.passage for s in sources]), terms, idf)
    top = max((score for score, _, _ in matches.values()), default=0.0)
    # Only sentences that match about as well as the best one are marked: a shared "1" is not a match.
    highlights = {
        number: (start, end)
        for number, (score, start, end) in matches.items()
        if score > 0 and score >= HIGHLIGHT_SHARE * top
    }
    evidence = evidence_sentence(matches, [s.passage.text for s in sources])
    session.sources = sources if relevant else session.sources
    retrieved = {p.chunk_id for p in passages}
    weights = {t: idf.get(t, 0.0) for t in terms}
    total = sum(weights.values())
    return AskPlan(
        question,
        sources,
        relevant,
        len(kept),
        retrieved,
        round(best, 3),
        highlights,
        evidence,
        fixed,
        weights,
        top / total if evidence and total > 0 else 0.0,
    )


def checked_question(question: str) -> str:
    question = " ".join(question.split())
    if not question:
        raise QuestionEmpty()
    if len(question) > MAX_QUESTION_CHARS:
        raise QuestionTooLong(len(question))
    return question


def build_prompt(sources: Sequence[Source], question: str, evidence: str = "", *, example: bool = False) -> TaskPrompt:
    """Numbered passages first, the question last: a follow-up shares everything up to its question.

    ``evidence`` (the sentence that best matches the question) follows the question: measured on 30 KorQuAD
    questions with Gemma 3 270M, answers containing the gold answer rose from 0.20 to 0.47 with it.
    ``example`` puts one worked question in front (for base models, which follow a pattern, not an instruction).
    """
    passages = "\n\n".join(f"[{s.number}] {s.passage.title}\n{s.passage.text}" for s in sources)
    hint = f"\n근거: {evidence}" if evidence else ""
    return TaskPrompt(
        system="당신은 주어진 자료만 근거로 한국어로 답하는 도우미입니다. 자료에 없는 내용은 지어내지 않습니다.",
        content=f"{ANSWER_EXAMPLE if example else ''}{passages}\n\n질문: {question}{hint}",
        instruction="위 자료만 근거로 간결하게 답하고, 문장마다 근거 자료 번호를 [1]처럼 붙이세요.",
        cue="정답:",
        stop=ANSWER_STOPS,
    )


# --- the answer, sentence by sentence --------------------------------------------------------------


def analyse_answer(answer: str, passages: Sequence[str]) -> list[AnswerSentence]:
    """Every sentence of ``answer`` with its verdict against ``passages`` (source ``n`` is ``passages[n-1]``)."""
    checker = SupportChecker(passages)
    out: list[AnswerSentence] = []
    for sentence in split_sentences(answer):
        cited = tuple(dict.fromkeys(int(n) for n in _CITATION.findall(sentence.text) if 1 <= int(n) <= len(passages)))
        plain = _CITATION.sub("", sentence.text).strip()
        if not plain:
            continue
        verdict = _verbatim(plain, passages) or checker.check(plain)
        found = verdict.source_index + 1 if verdict.source_index is not None else None
        reasons = list(verdict.reasons)
        span = verdict.span
        if cited:
            kind: CitationKind = "model"
            source: int | None = found if found in cited else cited[0]
            if found is not None and found not in cited and verdict.label != "unsupported":
                reasons.append(f"모델은 [{cited[0]}]을 근거로 달았지만 이 내용은 [{found}]에서 확인됩니다.")
                source, kind = found, "checked"
            elif found not in cited:
                span = None
        elif found is not None and verdict.label != "unsupported":
            source, kind = found, "checked"
        else:
            source, kind = found, "none"
        out.append(
            AnswerSentence(
                sentence.text,
                sentence.start,
                sentence.end,
                verdict.label,
                verdict.score,
                cited,
                source,
                kind,
                span,
                tuple(reasons),
                verdict.evidence if span is not None else "",
            )
        )
    return out


def _verbatim(sentence: str, passages: Sequence[str]) -> Verdict | None:
    """A sentence found word for word (spacing aside) in a passage is supported there.

    Short answers such as "1박에 20만 원" carry no predicate and few content words, which the lexical
    checker cannot place; a verbatim copy needs no judgement.
    """
    wanted = re.sub(r"\s+", "", sentence.rstrip(".。!?"))
    if len(wanted) < 2:
        return None
    for index, passage in enumerate(passages):
        kept = [i for i, ch in enumerate(passage) if not ch.isspace()]
        at = "".join(passage[i] for i in kept).find(wanted)
        if at >= 0:
            start, end = kept[at], kept[at + len(wanted) - 1] + 1
            return Verdict("supported", 1.0, index, (start, end), [], passage[start:end])
    return None


_ECHOED_LABELS = ("정답", "답변", "답", "근거")
_ECHOED_LABEL = re.compile(rf"^\s*({'|'.join(_ECHOED_LABELS)})\s*[:：]\s*")


def clean_answer(raw: str) -> str:
    """The answer without an echoed label ("정답:", "근거:")."""
    return _ECHOED_LABEL.sub("", raw.strip()).strip()


class LabelTrim:
    """Streams an answer without an echoed leading label: its first characters wait until they cannot be one."""

    def __init__(self) -> None:
        self._held = ""
        self._open = False

    def feed(self, text: str) -> str:
        if self._open:
            return text
        self._held += text
        head = self._held.lstrip()
        if len(head) < 5 and any(head.startswith(label) or label.startswith(head) for label in _ECHOED_LABELS):
            return ""
        return self.flush()

    def flush(self) -> str:
        """What is still held back (at the end of the answer, or once it is clearly not a label)."""
        if self._open:
            return ""
        self._open = True
        return _ECHOED_LABEL.sub("", self._held, count=1)


# --- the task --------------------------------------------------------------------------------------


def answer_params(prompt_format: PromptFormat, temperature: float) -> GenerationParams:
    # A base model answers on one line and then wanders into new "questions": stop it at the line's end.
    base = prompt_format is PromptFormat.COMPLETION
    return GenerationParams(
        max_tokens=BASE_MAX_NEW_TOKENS if base else MAX_NEW_TOKENS,
        temperature=temperature,
        repeat_penalty=1.1,
        stop=("\n",) if base else (),
    )


def answer_plan(assistant: Assistant, plan: AskPlan, *, cancel: CancelToken | None = None) -> Iterator[Event]:
    """Stream the model's answer to ``plan`` and end with ``Done`` holding sentences, verdicts and sources."""
    cancel = cancel or CancelToken()
    if not plan.relevant:
        yield from unanswered(plan)
        return
    if plan.fixed is not None:
        yield plan.fixed
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
            f"모델의 답(\u201c{_shortened(written)}\u201d)이 질문과 맞지 않아, "
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


def evidence_instead(written: str, plan: AskPlan) -> str | None:
    """Why the best source sentence should be shown instead of ``written``, or None when the answer stands.

    Measured on KorQuAD with Baro's tuned model (two samples of 60 questions): the best sentence held the gold
    answer for 0.80 of the questions, but the model said "not found" for a tenth of those and, for a fifth,
    copied only the clause next to the answer ("…감독이라고 발표했고, 그것은 2008년 10월 17일에 발매되었다"
    → the date). Shown the whole sentence in those cases, answers holding the gold rose from 0.53 / 0.48 to
    0.77 / 0.68, and no answer that held it lost it.
    """
    if NOT_IN_PASSAGES in written:
        if plan.evidence_share >= NOT_FOUND_OVERRULED:
            return (
                "모델은 문서에서 답을 찾지 못했다고 했지만, 질문의 낱말이 거의 모두 들어 있는 원문 문장이 있어 "
                "그 문장을 보여 드립니다. 답이 들어 있는지 확인해 주세요."
            )
        return None
    plain = _CITATION.sub("", written).strip()
    share = plan.share_of_question(plain)
    judge = answer_judge([plan.evidence])
    if share < CLIPPED_SHARE * plan.evidence_share and all(judge(x.text).is_supported for x in split_sentences(plain)):
        return (
            f"모델의 답(\u201c{_shortened(plain)}\u201d)이 원문 문장의 일부만 옮겨, "
            "질문에 해당하는 부분까지 들어 있는 문장 전체를 보여 드립니다."
        )
    if share < OFF_QUESTION_SHARE * plan.evidence_share:
        return (
            f"모델의 답(\u201c{_shortened(plain)}\u201d)에 질문의 낱말이 거의 없어, "
            "질문과 가장 잘 맞는 원문 문장을 보여 드립니다."
        )
    return None


def answer_judge(passages: Sequence[str]) -> Judge:
    """How a streamed answer sentence is judged: its label and citations aside, verbatim first."""
    checker = SupportChecker(passages)

    def judge(sentence: str) -> Verdict:
        plain = _CITATION.sub("", clean_answer(sentence)).strip()
        if not plain:
            return Verdict("supported", 1.0, None, None, [], "")
        return _verbatim(plain, passages) or checker.check(plain)

    return judge


def shares_content(answer: str, reference: str) -> bool:
    """Whether ``answer`` has a content word or a number in common with ``reference``.

    Bound nouns (년, 월, 것, 수 …) are left out: "2024년" shares nothing with "5일 이내".
    """
    words = {m.form.lower() for m in analyse(_CITATION.sub("", answer)) if m.tag in CONTENT_TAGS - {"NNB"}}
    return bool(words) and not words.isdisjoint(m.form.lower() for m in analyse(reference))


def _shortened(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unanswered(plan: AskPlan) -> Iterator[Event]:
    """Nothing in the library is relevant: Baro's fixed answer when the question asks a guarded topic, then that."""
    if plan.fixed is not None:
        yield plan.fixed
    yield nothing_found(plan)


def nothing_found(plan: AskPlan) -> Done:
    return Done(NOTHING_FOUND, _result(plan, NOTHING_FOUND, [], None, None, ""))


def ask_library(
    assistant: Assistant,
    question: str,
    *,
    session: AskSession | None = None,
    db_path: Path | None = None,
    cancel: CancelToken | None = None,
) -> Iterator[Event]:
    """Retrieve, decide, answer: the whole 질문 task in one generator (the CLI and the pane use it)."""
    yield Progress("라이브러리에서 찾는 중", None)
    plan = plan_question(session or AskSession(), question, db_path=db_path)
    yield from answer_plan(assistant, plan, cancel=cancel)


def _result(
    plan: AskPlan,
    text: str,
    sentences: list[AnswerSentence],
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
