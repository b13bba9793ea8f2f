"""The answer, sentence by sentence: each one's verdict against the passages and the source it links to,
and when the best source sentence should be shown instead of what the model wrote."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.core.events import CitationKind, SentenceVerdict
from app.tasks.answer_watch import Judge
from app.tasks.ask.prompt import clean_answer
from app.tasks.ask.session import AskPlan
from app.text.morphemes import CONTENT_TAGS, analyse
from app.text.sentences import split_sentences
from app.text.support import SupportChecker, Verdict

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
CITATION = re.compile(r"\[(\d{1,2})\]")


def analyse_answer(answer: str, passages: Sequence[str]) -> list[SentenceVerdict]:
    """Every sentence of ``answer`` with its verdict against ``passages`` (source ``n`` is ``passages[n-1]``)."""
    checker = SupportChecker(passages)
    out: list[SentenceVerdict] = []
    for sentence in split_sentences(answer):
        cited = tuple(dict.fromkeys(int(n) for n in CITATION.findall(sentence.text) if 1 <= int(n) <= len(passages)))
        plain = CITATION.sub("", sentence.text).strip()
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
            SentenceVerdict(
                index=len(out),
                text=sentence.text,
                label=verdict.label,
                reasons=tuple(reasons),
                source=source,
                span=span,
                start=sentence.start,
                end=sentence.end,
                score=verdict.score,
                cited=cited,
                citation=kind,
                evidence=verdict.evidence if span is not None else "",
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
    plain = CITATION.sub("", written).strip()
    share = plan.share_of_question(plain)
    judge = answer_judge([plan.evidence])
    if share < CLIPPED_SHARE * plan.evidence_share and all(judge(x.text).is_supported for x in split_sentences(plain)):
        return (
            f"모델의 답(\u201c{shortened(plain)}\u201d)이 원문 문장의 일부만 옮겨, "
            "질문에 해당하는 부분까지 들어 있는 문장 전체를 보여 드립니다."
        )
    if share < OFF_QUESTION_SHARE * plan.evidence_share:
        return (
            f"모델의 답(\u201c{shortened(plain)}\u201d)에 질문의 낱말이 거의 없어, "
            "질문과 가장 잘 맞는 원문 문장을 보여 드립니다."
        )
    return None


def answer_judge(passages: Sequence[str]) -> Judge:
    """How a streamed answer sentence is judged: its label and citations aside, verbatim first."""
    checker = SupportChecker(passages)

    def judge(sentence: str) -> Verdict:
        plain = CITATION.sub("", clean_answer(sentence)).strip()
        if not plain:
            return Verdict("supported", 1.0, None, None, [], "")
        return _verbatim(plain, passages) or checker.check(plain)

    return judge


def shares_content(answer: str, reference: str) -> bool:
    """Whether ``answer`` has a content word or a number in common with ``reference``.

    Bound nouns (년, 월, 것, 수 …) are left out: "2024년" shares nothing with "5일 이내".
    """
    words = {m.form.lower() for m in analyse(CITATION.sub("", answer)) if m.tag in CONTENT_TAGS - {"NNB"}}
    return bool(words) and not words.isdisjoint(m.form.lower() for m in analyse(reference))


def shortened(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
