"""What a sentence does with a phrase: assert it, deny it, judge it, or only report someone else's words.

Read from the words right after the phrase (Korean puts the predicate, negation and framing last):
"일본 땅[이 아니다]", "일본 땅[이라는 주장은 억지다]", "일본 땅[이라고 주장한다]". Reading stops at the
first word that starts something else, so "피해자는 사과를 받지 못했다" does not negate 피해자.

A quotative ending (-라고/-다고/-라는) embeds the phrase in someone's words; what follows says whose:
- a speech act ("…라고 답하는 일이 없도록", "…라고 답했다는 보도는 사실이 아니다") only reports it, and a
  judgement of a report of that act ("보도는 사실이 아니다") is about the report, not the phrase;
- a belief ("…라고 생각한다/믿는다/본다") or agreement ("…라는 주장에 동의한다") is the writer's own view
  unless someone else holds it, and a judgement inside the held words is theirs ("…해야 한다고 주장한다");
- preventing it ("…지 않도록", "…는 일이 없도록") never asserts it;
- a judgement of the words themselves ("…라는 주장이 맞다", "…라고 답하는 것이 옳다"), also in the next
  clause ("…라고 주장하는데, 그 주장이 맞다"), makes the sentence say it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.text.claims import Tok

NEGATING_ADVERBS = frozenset({"안", "못"})
NEGATING_VERBS = frozenset({"않", "못하", "없", "다르"})
HARD_AFTER_NOMINALISER = frozenset({"어렵", "힘들"})
"""일본 땅이라고 보기 어렵다."""
REFUTATIONS = frozenset(
    {
        "거짓", "거짓말", "허위", "억지", "망언", "망발", "궤변", "오류", "잘못", "틀리", "사실무근", "터무니없",
        "터무니", "어불성설", "엉터리", "낭설", "헛소리", "오해", "착각", "날조", "가짜", "허구", "모순", "부당",
        "황당", "허무맹랑", "오보", "근거없", "오인", "혼동", "오기", "오답", "false", "wrong", "myth", "untrue",
    }
)  # fmt: skip
"""Judgements that say the statement before them is false."""
MENTIONS = frozenset(
    {
        "주장", "우기", "부르", "칭하", "일컫", "표기", "가르치", "기술", "적히", "싣", "실리", "명시", "발표",
        "보도", "말하", "발언", "견해", "입장", "논리", "홍보", "선전", "내세우", "강변", "게재", "쓰",
        "말", "소리", "얘기", "이야기", "글", "문구", "표현", "구호", "낙서", "팻말", "게시물", "댓글", "발상", "병기", "시각", "관점", "소개", "설명", "안내", "묘사", "서술", "표시", "고수", "명기", "기재", "요구", "제기",
        "옮기", "번역",
        "답", "답하", "답변", "대답", "응답", "나오", "밝히", "전하", "해명", "지적", "언급", "출력", "내놓", "소문",
        "기사", "뉴스", "사례", "논란", "질문", "묻",
        "claim", "claims", "say", "says", "call", "calls",
    }
)  # fmt: skip
"""Someone's words are being reported: the sentence mentions the statement without making it."""
HARD_MENTIONS = frozenset(
    {"왜곡", "부정", "부인", "호도", "무시", "조작", "편입", "시도", "동북공정", "도발", "침탈", "야욕", "탐내", "동북"}
)
"""Acts done to a statement by someone else: never the writer's own assertion."""
ENDORSEMENTS = frozenset(
    {
        "옳", "맞", "타당", "정당", "진실", "사실", "당연", "분명", "명백", "확실", "정답", "밝혀지", "드러나",
        "확인", "입증", "증명", "알려지", "상식",
    }
)  # fmt: skip
FACTUAL_JUDGEMENTS = frozenset(
    {
        "진실", "사실", "분명", "명백", "확실", "거짓", "허위", "사실무근", "오보", "낭설", "가짜", "날조", "근거없",
        "밝혀지", "드러나", "확인", "입증", "증명", "알려지",
    }
)  # fmt: skip
"""Judgements of whether something happened: after a report of a speech act they judge the report."""
BELIEFS = frozenset({"생각", "믿", "확신", "여기", "간주", "판단", "보", "느끼"})
"""After a quotative ending: someone holds the words as true (the writer, or the named holder)."""
AGREEMENTS = frozenset({"동의", "찬성", "공감", "지지"})
"""Someone takes the words as their own ("…라는 주장에 동의한다"): the writer, or the named holder."""
ANAPHORS = frozenset({"그", "이", "그런", "이런", "이러한", "그러한"})
FRAMING = frozenset(
    {
        "것", "보", "하", "되", "수", "리", "적", "바", "기", "근거", "증거", "이유", "여지", "결코", "절대",
        "절대로", "전혀", "더", "이상", "아직", "한번", "말", "결론", "단정", "간주", "여기", "인정", "판단",
        "생각", "평가", "규정", "데", "점", "명백히", "분명히", "엄연히", "역시", "당연히", "실제", "실제로",
        "어디", "아무", "아무런", "어떤", "조금", "하나",
    }
)  # fmt: skip
JOINING_PARTICLES = frozenset({"이고", "이며", "고", "며"})
"""Kiwi tags "한국 땅이고" as a conjunctive particle: it still ends the clause."""
_GRAMMAR_TAGS = ("J", "E", "VCP", "VCN", "XS", "SS", "SO")
CLAUSE_ENDINGS = frozenset(
    {"고", "며", "으며", "지만", "는데", "은데", "ᆫ데", "으나", "나", "면서", "으면서", "는데도", "므로", "으므로"}
)
_CONTRAST_ENDINGS = frozenset({"지만", "는데", "ᆫ데", "은데", "으나", "나", "는데도"})
_CONDITIONS = frozenset({"면", "으면", "다면", "라면", "이라면", "ᆫ다면", "는다면", "더라도", "라도", "이라도"})
_INTENT = frozenset({"려는", "으려는", "려고", "으려고", "려", "으려", "고자"})
_PURPOSE = frozenset({"도록", "게"})
_OBLIGATION = frozenset({"어야", "아야", "야", "여야"})
_QUESTION_ENDINGS = frozenset({"ᆫ가", "는가", "은가", "냐", "느냐", "니", "ᆯ까", "을까", "나요", "까요", "가요"})
_EMBEDDED_QUESTIONS = ("는지", "ᆫ지", "은지", "ᆯ지", "을지", "던지")
_QUOTATIVE_SUFFIXES = ("라고", "다고", "냐고", "라는", "다는", "란")


@dataclass
class Stance:
    negations: int = 0
    refuted: bool = False
    mention: bool = False
    hard_mention: bool = False
    endorsed: bool = False
    hypothetical: bool = False
    question: bool = False
    prevented: bool = False
    """What the phrase says is kept from happening ("…는 일이 없도록", "…지 않도록"): never asserted."""
    said: bool = False
    """The words are quoted as said by the sentence's subject ("저희는 …라고 답합니다", "일본은 …라고 주장한다")."""
    agreed: bool = False
    """The holder agrees with the words: an endorsement when the writer does, a report when someone else does."""
    judged_within: bool = False
    """The endorsement or refutation is part of the held words ("일본은 …이 맞다고 생각한다")."""
    possible: bool = False
    """ "…라고 말할 수 있다": with no one else named, the writer says the words can be said."""
    belief: bool = False
    """The words are held or said by the subject of the sentence ("저는 …라고 생각합니다", "일본은 …라고 한다")."""


@dataclass
class _Reading:
    """Where the reading stands inside the words after the phrase."""

    quotative: bool = False
    """A quotative ending has embedded the phrase in someone's words."""
    spoken: bool = False
    """Those words were said or written by someone ("…라고 답하", "…라는 주장")."""
    said_here: bool = False
    """Someone's act of saying them follows ("…라고 답하"), not just a noun for them ("…라는 주장")."""
    reported: bool = False
    """That act is itself reported ("…라고 답했다는 보도/사실"): factual judgements are about the report."""
    head_noun_seen: bool = False
    judged_before_quote: bool = False
    """An endorsement or refutation came before the last quotative ending: it is inside the quoted words."""
    verbal: bool = False
    """The word being read is a predicate ("답하", "주장하"), not a noun ("주장을 들었다")."""


def read_stance(text: str, toks: Sequence[Tok], span: tuple[int, int], clause_start: int) -> Stance:
    stance = Stance(question=text.rstrip().endswith(("?", "？")))
    _read_before(toks, span, clause_start, stance)
    first = next((i for i, t in enumerate(toks) if t.start >= span[1]), len(toks))
    stop = _read_after(toks, first, stance, _Reading())
    if stop is not None and (stance.mention or stance.belief) and not (stance.endorsed or stance.refuted):
        _read_anaphor(toks, stop, stance)
    return stance


def _read_after(toks: Sequence[Tok], first: int, stance: Stance, state: _Reading) -> int | None:
    """Apply the words from ``first`` on; the index after the clause boundary that ended the reading, if any."""
    for i in range(first, len(toks)):
        tok = toks[i]
        previous = toks[i - 1] if i > 0 else None
        if tok.tag == "SF":
            return None
        if tok.tag == "SP" or (tok.tag == "JC" and tok.form in JOINING_PARTICLES):
            return i + 1
        if tok.tag.startswith("E"):
            continues = tok.form == "고" and i + 1 < len(toks) and toks[i + 1].tag == "VX"
            if _ending(tok, previous, state.quotative, stance) and not continues:
                return i + 1 if tok.tag == "EC" else None
            if tok.form.endswith(_QUOTATIVE_SUFFIXES):
                state.quotative = True
                state.judged_before_quote = stance.endorsed or stance.refuted
            if tok.tag == "ETM" or tok.form.endswith(_QUOTATIVE_SUFFIXES):
                state.reported = state.reported or state.said_here  # "…라고 답한 것으로 알려져"
            continue
        if tok.tag.startswith(_GRAMMAR_TAGS):
            if tok.tag == "VCN" and not _after_ppun(toks, i):
                stance.negations += 1
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        state.verbal = tok.tag == "VV" or (nxt is not None and nxt.tag == "XSV")
        if tok.form == "수" and nxt is not None and nxt.form in ("있", "없"):
            stance.possible = True
        if tok.form == "밝히" and _passive(toks, i):  # "…라는 것이 밝혀졌다": revealed, not stated
            stance.endorsed = stance.endorsed or not state.reported
            continue
        if _word(tok, previous, stance, state):
            continue
        if tok.tag == "NNG" and previous is not None and previous.tag == "ETM" and not state.head_noun_seen:
            state.head_noun_seen = True  # "일본이 만든 문자가 아니다": the noun the phrase describes
            continue
        return None
    return None


def _read_anaphor(toks: Sequence[Tok], start: int, stance: Stance) -> None:
    """ "…라고 주장하는데, 그 주장이 맞다": the next clause judges the words through 그 + a noun for them."""
    rest = [i for i in range(start, len(toks)) if toks[i].tag != "SP"]
    if len(rest) < 2:
        return
    determiner, noun = toks[rest[0]], toks[rest[1]]
    names_words = noun.form in MENTIONS or noun.form in BELIEFS or noun.form in ("것", "믿음")
    if determiner.tag == "MM" and determiner.form in ANAPHORS and names_words:
        _read_after(toks, rest[1] + 1, stance, _Reading(quotative=True, spoken=True))


def _ending(tok: Tok, previous: Tok | None, quotative: bool, stance: Stance) -> bool:
    """Apply an ending; True when the clause ends here."""
    if tok.form in _CONDITIONS:
        stance.hypothetical = True
    elif tok.form in _INTENT:
        stance.hard_mention = True
    elif tok.form in _OBLIGATION:
        stance.endorsed = True
    elif (tok.tag == "EF" and tok.form in _QUESTION_ENDINGS) or tok.form.endswith(_EMBEDDED_QUESTIONS):
        stance.question = True  # "…라고 서술하는지 확인한다": whether, not that
    elif tok.form in _PURPOSE and previous is not None and previous.form in ("않", "없"):
        stance.prevented = True
    if tok.tag == "EC" and tok.form in CLAUSE_ENDINGS:
        # "일본 땅이라고 하지만 …": a report set against what follows.
        if quotative and tok.form in _CONTRAST_ENDINGS and previous is not None and previous.form == "하":
            stance.mention = True
        return True
    return False


def _word(tok: Tok, previous: Tok | None, stance: Stance, state: _Reading) -> bool:
    """Apply a content word; False when it starts something the phrase is not part of."""
    form = tok.form
    about_report = state.reported and form in FACTUAL_JUDGEMENTS
    if _negates(tok, previous):
        stance.negations += 1
    elif form in REFUTATIONS:
        stance.refuted = stance.refuted or not about_report
    elif form in HARD_MENTIONS:
        stance.hard_mention = True
    elif form in AGREEMENTS and state.spoken:
        stance.belief = stance.agreed = True
    elif _held(form, previous, state):
        stance.belief = True
        stance.judged_within = state.judged_before_quote
    elif form in MENTIONS:
        stance.mention = True
        if state.quotative:
            if state.verbal and state.judged_before_quote:
                # "…표기해야 한다고 주장해 왔다": the judgement is part of the words this act reports
                stance.endorsed = stance.refuted = False
            stance.said = stance.said or (state.verbal and not state.spoken)
            state.said_here = state.said_here or state.verbal
            state.reported = state.reported or state.spoken  # "…라고 소개한 사례": a report of the saying
            state.spoken = True
    elif form in ENDORSEMENTS:
        stance.endorsed = stance.endorsed or not about_report
    elif form in FRAMING or tok.tag in ("NNB", "VX") or (tok.tag == "SL" and form in {"not", "is", "a", "the", "it"}):
        if tok.tag == "SL" and form == "not":
            stance.negations += 1
    else:
        return False
    return True


def _passive(toks: Sequence[Tok], i: int) -> bool:
    following = toks[i + 1 : i + 3]
    return len(following) == 2 and following[0].form in ("어", "아") and following[1].form == "지"


def _held(form: str, previous: Tok | None, state: _Reading) -> bool:
    """ "…라고 생각한다", "…으로 본다", "…라고 한다": the words are held or said by the sentence's subject."""
    if previous is None:
        return False
    if form == "하":
        return previous.tag == "EC" and previous.form.endswith(_QUOTATIVE_SUFFIXES)
    return form in BELIEFS and (state.quotative or previous.form in ("으로", "로"))


def _negates(tok: Tok, previous: Tok | None) -> bool:
    if tok.tag == "MAG":
        return tok.form in NEGATING_ADVERBS
    if tok.tag in ("VX", "VV", "VA") and tok.form in NEGATING_VERBS:
        return True
    return tok.form in HARD_AFTER_NOMINALISER and previous is not None and previous.form == "기"


def _read_before(toks: Sequence[Tok], span: tuple[int, int], clause_start: int, stance: Stance) -> None:
    """Framing before the phrase in its clause: "일본 주장에 따르면 …", "Dokdo is not Japanese territory"."""
    before = [t for t in toks if clause_start <= t.start < span[0]]
    for i, tok in enumerate(before):
        nxt = before[i + 1] if i + 1 < len(before) else None
        if tok.form == "따르" and nxt is not None and nxt.form in ("면", "으면"):
            stance.mention = True
        if tok.tag == "SL" and tok.form in ("not", "never", "t"):
            stance.negations += 1


def _after_ppun(toks: Sequence[Tok], i: int) -> bool:
    """ "한국 땅일 뿐만 아니라": 아니 here adds, it does not negate."""
    return any(t.form == "뿐" for t in toks[max(0, i - 2) : i])
