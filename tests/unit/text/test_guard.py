"""The claims guard on the shipped national-facts rules: paraphrases caught, rebuttals and mentions left alone.

Reporting, quoting, negating or preventing a claim is not asserting it; a quoted claim the writer endorses is.
The two team-written sets in fixtures/guard_*.txt are read by `baro guard --batch` exactly as a user would.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.text.guard import ClaimGuard, Kind
from app.text.guard_rules import GuardRuleError, parse_rules
from app.text.sentences import split_sentences

RULES_FILE = Path(__file__).resolve().parents[3] / "resources" / "guard" / "national.toml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPORTING_SET = FIXTURES / "guard_reporting.txt"
"""News and report sentences that mention a claim without making it (never flagged)."""
ASSERTING_SET = FIXTURES / "guard_asserting.txt"
"""Sentences that make a claim, many by quoting it and then endorsing it (always flagged)."""
ARTICLE = Path("articles") / "byline-hyperclova-2023.txt"

VIOLATIONS: list[tuple[str, str]] = [
    ("독도는 일본 땅이다.", "kr.dokdo.sovereignty"),
    ("독도는 일본땅입니다.", "kr.dokdo.sovereignty"),
    ("다케시마는 일본의 고유 영토이다.", "kr.dokdo.sovereignty"),
    ("다께시마는 일본의 섬입니다.", "kr.dokdo.sovereignty"),
    ("竹島は日本固有の領土である。", "kr.dokdo.sovereignty"),
    ("Dokdo belongs to Japan.", "kr.dokdo.sovereignty"),
    ("Takeshima is Japanese territory.", "kr.dokdo.sovereignty"),
    ("일본의 영토인 독도는 동해 한가운데 있다.", "kr.dokdo.sovereignty"),
    ("독도는 시마네현에 속한 섬이다.", "kr.dokdo.sovereignty"),
    ("독도는 행정구역상 일본 시마네현 소속이다.", "kr.dokdo.sovereignty"),
    ("독도의 영유권은 일본에 있다.", "kr.dokdo.sovereignty"),
    ("독도의 주인은 일본이다.", "kr.dokdo.sovereignty"),
    ("한국은 독도를 불법 점거하고 있다.", "kr.dokdo.sovereignty"),
    ("독도는 엄연히 일본령이다.", "kr.dokdo.sovereignty"),
    ("역사적으로 보면 독도는 일본에 속해 왔다.", "kr.dokdo.sovereignty"),
    ("독도는 울릉도 동쪽에 있으며 일본 영토이다.", "kr.dokdo.sovereignty"),
    ("일본이 독도를 되찾아야 한다.", "kr.dokdo.sovereignty"),
    ("독도는 한국 땅이 아니다.", "kr.dokdo.sovereignty"),
    ("독도는 대한민국 영토가 아니며 분쟁 지역이다.", "kr.dokdo.sovereignty"),
    ("독도는 한국 땅이 아니라 일본 땅이다.", "kr.dokdo.sovereignty"),
    ("독도가 한국 땅이라는 것은 거짓이다.", "kr.dokdo.sovereignty"),
    ("독도가 우리 땅이라는 주장은 억지에 불과하다.", "kr.dokdo.sovereignty"),
    ("독도가 일본 땅이라는 주장은 옳다.", "kr.dokdo.sovereignty"),
    ("독도가 일본 땅이라는 것은 분명한 사실이다.", "kr.dokdo.sovereignty"),
    ("독도는 일본 땅이라고 할 수 있다.", "kr.dokdo.sovereignty"),
    ("독도가 일본 땅이라는 주장은 억지가 아니다.", "kr.dokdo.sovereignty"),
    ("독도는 일본 땅이 아니라고 할 수 없다.", "kr.dokdo.sovereignty"),
    ("동해의 국제 명칭은 일본해다.", "kr.east-sea.name"),
    ("한국과 일본 사이의 바다는 일본해라고 불러야 한다.", "kr.east-sea.name"),
    ("울릉도는 일본해에 떠 있는 섬이다.", "kr.east-sea.name"),
    ("The sea between Korea and Japan is the Sea of Japan.", "kr.east-sea.name"),
    ("동해라는 이름은 잘못된 표기이다.", "kr.east-sea.name"),
    ("일본군 위안부는 자발적 매춘부였다.", "kr.comfort-women.coercion"),
    ("위안부는 돈을 벌러 간 매춘부였을 뿐이다.", "kr.comfort-women.coercion"),
    ("위안부 동원에 강제성은 없었다.", "kr.comfort-women.coercion"),
    ("위안부 강제 연행은 날조된 이야기다.", "kr.comfort-women.coercion"),
    ("고구려는 중국의 지방 정권이었다.", "kr.goguryeo.history"),
    ("고구려의 역사는 중국 역사의 일부이다.", "kr.goguryeo.history"),
    ("고구려는 한국사가 아니다.", "kr.goguryeo.history"),
    ("김치는 원래 중국 음식이다.", "kr.kimchi.origin"),
    ("김치는 중국 파오차이의 일종이다.", "kr.kimchi.origin"),
    ("김치의 기원은 중국이다.", "kr.kimchi.origin"),
    ("한글은 일본이 만든 문자다.", "kr.hangul.creation"),
    ("한글은 세종대왕이 창제하지 않았다.", "kr.hangul.creation"),
    ("독도는 본래 일본의 영토였다.", "kr.dokdo.sovereignty"),
    ("일본 땅 독도에는 경비대가 있다.", "kr.dokdo.sovereignty"),
    ("다케시마(독도)는 일본 시마네현 오키노시마정에 속한다.", "kr.dokdo.sovereignty"),
    ("독도의 소유권은 일본에 있습니다.", "kr.dokdo.sovereignty"),
    ("한국은 일본 영토인 독도를 무단 점거 중이다.", "kr.dokdo.sovereignty"),
    ("사실 독도는 대한민국의 땅이 아닙니다.", "kr.dokdo.sovereignty"),
    ("독도가 일본 땅인 건 당연하다.", "kr.dokdo.sovereignty"),
    ("동해는 원래 일본해로 불렸으므로 일본해가 맞다.", "kr.east-sea.name"),
    ("위안부들은 자발적으로 매춘에 참여했다.", "kr.comfort-women.coercion"),
    ("김치는 중국에서 유래한 음식이다.", "kr.kimchi.origin"),
    ("대한민국은 다케시마를 불법으로 점거하고 있다.", "kr.dokdo.sovereignty"),
    ("독도가 한국 영토라는 건 사실이 아니다.", "kr.dokdo.sovereignty"),
    ("독도는 일본해 한가운데에 있다.", "kr.east-sea.name"),
    ("한국인들은 동해라고 하지만 정확한 명칭은 일본해다.", "kr.east-sea.name"),
    ("일본군 위안부에게 강제성은 없었다.", "kr.comfort-women.coercion"),
    ("고구려는 중국의 소수민족 정권이다.", "kr.goguryeo.history"),
    ("한글은 일본 문자를 본떠 만든 것이다.", "kr.hangul.creation"),
    ("독도는 누가 뭐래도 일본 땅이다.", "kr.dokdo.sovereignty"),
    ("Dokdo is part of Japan.", "kr.dokdo.sovereignty"),
    ("독도를 일본에 반환해야 한다.", "kr.dokdo.sovereignty"),
]

LEGITIMATE: list[str] = [
    "독도는 일본 땅이 아니다.",
    "독도는 결코 일본 땅이 될 수 없다.",
    "독도가 일본 땅일 리 없다.",
    "독도는 일본 땅이라고 보기 어렵다.",
    "독도는 일본 땅이 아니라 한국 땅이다.",
    "독도는 대한민국 고유의 영토이다.",
    "독도는 한국 땅일 뿐만 아니라 천연기념물이기도 하다.",
    "'독도는 일본 땅'이라는 주장은 사실이 아니다.",
    "독도가 일본 땅이라는 주장은 억지다.",
    '"독도는 일본 땅"이라는 일본 정부의 망언이 또 나왔다.',
    "일본은 독도를 다케시마라고 부르며 자국 영토라고 주장한다.",
    "일본 정부는 독도가 일본 땅이라고 주장하지만 국제법상 근거가 없다.",
    "일본 교과서는 독도를 일본 영토로 기술하고 있다.",
    "일본은 한국이 독도를 불법 점거하고 있다고 주장한다.",
    "독도가 일본 땅이라는 것은 거짓이다.",
    "독도가 일본 땅이라는 근거는 어디에도 없다.",
    "일본 측 주장에 따르면 독도는 일본 땅이다.",
    "독도는 일본 땅인가?",
    "만약 독도가 일본 땅이라면 울릉도 주민의 어업은 어떻게 되겠는가.",
    "독도는 한국 땅이고 쓰시마는 일본 땅이다.",
    "일본은 1905년 독도를 시마네현에 불법 편입했다.",
    "독도가 한국 땅이라는 사실을 왜곡하는 일본 교과서가 늘고 있다.",
    "독도는 경상북도 울릉군에 속한다.",
    "Dokdo is not Japanese territory.",
    "동해는 일본해가 아니다.",
    "일본은 동해를 일본해라고 부른다.",
    "국제 지도에 동해를 일본해로 표기하는 것은 잘못이다.",
    "정부는 동해와 일본해의 병기를 요구해 왔다.",
    "동해라는 이름은 2천 년 넘게 쓰였다.",
    "동해에서 오징어잡이가 한창이다.",
    "일본군 위안부 피해자는 아직 사과를 받지 못했다.",
    "위안부는 자발적 매춘부가 아니었다.",
    "위안부가 자발적 매춘부였다는 주장은 망언이다.",
    "위안부 강제 동원은 역사적 사실이다.",
    "고구려를 중국의 지방 정권으로 보는 동북공정은 역사 왜곡이다.",
    "고구려는 중국의 지방 정권이 아니다.",
    "고구려는 한국 고대 국가의 하나이다.",
    "김치는 중국 음식이 아니다.",
    "김치는 중국 파오차이와 다르다.",
    "김치가 중국 음식이라는 주장은 터무니없다.",
    "한글은 세종대왕이 창제했다.",
    "한글은 일본이 만든 문자가 아니다.",
    "오늘 회의는 일본 출장 건으로 오후 3시에 열린다.",
    "일본 땅값이 크게 올랐다.",
    "독도를 일본 땅이라 표기한 지도는 오류다.",
    "독도가 일본 땅이라고 우기는 것은 억지다.",
    "일본 외무성 누리집은 독도를 일본 고유 영토라고 소개한다.",
    "일본해가 아닌 동해로 써야 한다.",
    "독도는 일본과 가까운 한국 영토다.",
    "일본이 독도를 자국 땅이라 우겨도 독도는 한국 땅이다.",
    "일본은 동해를 일본해로 표기하도록 로비해 왔다.",
    "위안부 피해자들은 강제로 끌려갔다.",
    "독도 경비대는 일본 어선의 접근을 감시한다.",
    "독도 근해에서 일본 순시선이 발견됐다.",
    "일본 정부는 매년 2월 22일을 '다케시마의 날'로 정해 행사를 연다.",
    "일본의 독도 영유권 주장에 정부가 강하게 항의했다.",
    "독도는 일본의 시마네현 오키섬보다 울릉도에서 더 가깝다.",
    "동해는 한국과 일본 사이에 있는 바다이다.",
    "중국 음식점에서도 김치를 반찬으로 낸다.",
    "일본 땅 이야기를 하자면, 홋카이도는 일본 땅이다.",
    "김치는 중국의 파오차이와 다른 한국 음식이다.",
    "일본 문부과학성이 일본의 독도 영유권을 고수한 해설서를 발표하자 정부는 '유감'을 표시했다.",
]


@pytest.fixture(scope="module")
def guard() -> ClaimGuard:
    return ClaimGuard(parse_rules(RULES_FILE.read_text(encoding="utf-8"), str(RULES_FILE)))


def test_sets_are_large_enough() -> None:
    assert len(VIOLATIONS) >= 40
    assert len(LEGITIMATE) >= 40


@pytest.mark.parametrize(("sentence", "rule_id"), VIOLATIONS)
def test_violation_is_caught(guard: ClaimGuard, sentence: str, rule_id: str) -> None:
    findings = guard.check(sentence)
    assert [f.rule.id for f in findings] == [rule_id], sentence


@pytest.mark.parametrize("sentence", LEGITIMATE)
def test_legitimate_sentence_is_not_flagged(guard: ClaimGuard, sentence: str) -> None:
    assert guard.check(sentence) == [], sentence


def test_finding_names_phrase_and_kind(guard: ClaimGuard) -> None:
    (finding,) = guard.check("독도는 한국 땅이 아니다.")
    assert finding.kind is Kind.DENIAL
    assert finding.sentence[finding.span[0] : finding.span[1]] == "한국 땅"
    assert "대한민국" in finding.rule.correction


def test_facts_are_selected_by_topic(guard: ClaimGuard) -> None:
    assert "독도" in guard.facts_for("울릉도와 독도 관광 안내문을 써 줘")
    assert guard.facts_for("분기 매출 보고서를 요약해 줘") == ""


def test_broken_rule_file_names_the_file() -> None:
    with pytest.raises(GuardRuleError) as caught:
        parse_rules('[[rule]]\nid = "x"\ntopic = "t"\ncorrection = "c"\nsubjects = ["a"]\n', "/tmp/mine.toml")
    assert "mine.toml" in caught.value.user_message
    with pytest.raises(GuardRuleError):
        parse_rules("[[rule]\n", "broken.toml")


# (sentence, flagged): one construction each, both sides of the line between saying and reporting.
CONSTRUCTIONS: dict[str, list[tuple[str, bool]]] = {
    "라고 답하다 (report)": [
        ("챗봇이 독도는 일본 땅이라고 답했다.", False),
        ("일부 외국 챗봇이 김치를 중국 음식이라고 답해 논란이 일었다.", False),
        ("독도는 일본 땅이라고 답하는 것이 옳다.", True),
    ],
    "다고/라고 하다 (report by a named holder)": [
        ("일본 정부는 독도가 일본 땅이라고 했다.", False),
        ("독도는 일본 땅이라고 할 수 있다.", True),
        ("독도는 일본 땅이라고 해야 한다.", True),
    ],
    "라고 주장하다 / 말하다": [
        ("업계는 생성 AI가 독도를 일본 땅이라고 주장하는 사태를 가장 경계한다.", False),
        ("일본 정부는 동해를 일본해라고 표기해야 한다고 주장해 왔다.", False),
        ("독도가 일본 땅이라고 말하는 것이 맞다.", True),
        ("독도가 한국 땅이라고 말하는 것은 잘못이다.", True),
    ],
    "지 않도록 (prevention)": [
        ("네이버는 AI가 '독도는 일본 땅'이라고 답하지 않도록 데이터를 점검하고 있다.", False),
        ("연구진은 모델이 동해를 일본해라고 부르지 않도록 학습 데이터를 걸렀다.", False),
        ("독도가 일본 땅으로 표기되지 않도록 지도를 고쳤다.", False),
    ],
    "는 일이 없도록 (prevention)": [
        ("네이버는 하이퍼클로바X가 독도는 일본 땅이라고 답하는 일이 없도록 주의하고 있다.", False),
        ("네이버는 서비스가 독도는 한국 땅이 아니라고 답하는 일이 없도록 대비하고 있다.", False),
        ("네이버는 모델이 독도를 일본 땅으로 오인하는 일이 없도록 데이터를 보강했다.", False),
    ],
    "는 사실이 아니다 (negated report)": [
        ("독도가 일본 땅이라는 것은 사실이 아니다.", False),
        ("AI가 독도는 일본 땅이라고 답했다는 보도는 사실이 아니다.", False),
        ("AI가 독도는 한국 땅이라고 답했다는 보도는 거짓이다.", False),
        ("독도가 한국 땅이라는 주장은 사실이 아니다.", True),
    ],
    "quoted, then endorsed": [
        ("독도는 일본 땅이라는 주장이 맞다.", True),
        ("“독도는 일본 땅”이라는 말은 사실이다.", True),
        ("독도가 일본 땅이라는 그의 주장은 타당하다.", True),
        ("저는 독도가 일본 땅이 맞다고 생각합니다.", True),
    ],
    "a belief: the writer's or someone else's": [
        ("저는 독도가 일본 땅이라고 생각합니다.", True),
        ("나는 독도는 일본 땅이라고 믿는다.", True),
        ("필자는 독도가 일본 땅이라고 본다.", True),
        ("일본은 독도가 일본 땅이라고 생각한다.", False),
        ("일본 정부는 독도를 일본 영토로 본다.", False),
        ("일본은 독도가 일본 땅이 맞다고 생각한다.", False),
        ("우리 회사는 독도가 일본 땅이라고 봅니다.", True),
        ("저는 AI가 독도를 일본 땅이라고 답하지 않도록 해야 한다고 생각합니다.", False),
    ],
    "words said: by the writer or by someone else": [
        ("저희는 독도가 일본 땅이라고 답합니다.", True),
        ("저는 독도가 일본 땅이라고 말하겠습니다.", True),
        ("저는 독도가 일본 땅이라는 주장을 들었다.", False),
        ("저는 독도가 일본 땅이라는 기사를 읽었다.", False),
        ("저는 AI가 독도는 일본 땅이라고 답했다고 들었다.", False),
        ("우리는 일본이 독도를 일본 땅이라고 주장한다는 것을 안다.", False),
        ("독도는 일본 땅이라는 답이 정답이다.", True),
    ],
    "수 있다/없다: who can say it": [
        ("독도는 일본 땅이라고 말할 수 있다.", True),
        ("독도는 한국 땅이라고 말할 수 없다.", True),
        ("AI가 독도는 일본 땅이라고 답할 수 있다.", False),
    ],
    "revealed or confirmed: of the words, or of a report of them": [
        ("독도는 일본 땅이라는 것이 밝혀졌다.", True),
        ("독도가 일본 땅이라는 주장은 확인되지 않았다.", False),
        ("AI가 독도는 일본 땅이라고 답했다는 사실이 확인됐다.", False),
        ("챗봇이 독도를 일본 땅이라고 소개한 사례가 알려지면서 비판이 쏟아졌다.", False),
        ("검수자들은 답변이 한글을 일본이 만든 문자라고 서술하는지 확인한다.", False),
        ("해당 챗봇이 독도는 일본 땅이라고 답한 것으로 알려져 논란이 됐다.", False),
        ("해당 챗봇이 독도는 일본 땅이라고 답한 것은 사실이다.", False),
    ],
    "agreeing with the words: the writer or someone else": [
        ("김치는 중국 음식이라는 주장에 동의한다.", True),
        ("저는 독도가 일본 땅이라는 주장에 동의하지 않습니다.", False),
        ("독도가 한국 땅이라는 주장에 동의할 수 없다.", True),
        ("일본은 독도가 일본 땅이라는 주장을 지지한다.", False),
    ],
    "the next clause judges the words (그 주장)": [
        ("일본 정부는 독도가 일본 땅이라고 주장하는데, 그 주장이 맞다.", True),
        ("일본은 독도가 한국 땅이라고 주장하지만, 그 주장은 틀렸다.", True),
        ("일본은 독도가 일본 땅이라고 주장하지만, 그 주장은 거짓이다.", False),
        ("많은 사람들이 독도는 일본 땅이라고 하는데, 그 말이 맞다.", True),
        ("일본 외무성은 독도가 일본 땅이라고 하지만 이는 사실이 아니다.", False),
        ("일본은 독도가 일본 땅이라고 생각하는데, 그 생각이 맞다.", True),
    ],
}


@pytest.mark.parametrize(
    ("construction", "sentence", "flagged"),
    [(name, sentence, flagged) for name, cases in CONSTRUCTIONS.items() for sentence, flagged in cases],
)
def test_construction(guard: ClaimGuard, construction: str, sentence: str, flagged: bool) -> None:
    assert bool(guard.check(sentence)) is flagged, f"{construction}: {sentence}"


def _set_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_team_sets_are_large_enough() -> None:
    assert len(_set_lines(REPORTING_SET)) >= 20
    assert len(_set_lines(ASSERTING_SET)) >= 20


def _batch(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[tuple[str, str]]]:
    code = main(["guard", "--batch", str(path)])
    verdicts = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(verdicts) == len(lines)
    return code, [(v, line) for v, line in zip(verdicts, lines, strict=True) if line.strip()]


def test_batch_reporting_set_has_no_flags(capsys: pytest.CaptureFixture[str]) -> None:
    code, verdicts = _batch(REPORTING_SET, capsys)
    assert [line for verdict, line in verdicts if verdict != "ok"] == []
    assert code == 0


def test_batch_asserting_set_is_all_flagged(capsys: pytest.CaptureFixture[str]) -> None:
    code, verdicts = _batch(ASSERTING_SET, capsys)
    assert [line for verdict, line in verdicts if verdict != "flagged"] == []
    assert code == 1


def test_article_sentences_about_claims_are_not_flagged(guard: ClaimGuard, corpus: Path) -> None:
    """The shared HyperCLOVA article quotes "독도는 일본 땅" to say an AI must never answer it."""
    sentences = [s.text for s in split_sentences((corpus / ARTICLE).read_text(encoding="utf-8"))]
    about = [s for s in sentences if guard.rules_about(s)]
    assert len(about) >= 2
    assert [s for s in about if guard.check(s)] == []
    reporting = set(_set_lines(REPORTING_SET))
    assert all(s in reporting for s in about), "the reporting set holds the article's own sentences"
