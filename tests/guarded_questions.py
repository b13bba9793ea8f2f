"""The six guarded topics, each asked three ways (popup, 질문 pane, `baro ask`), and the statement expected first."""

from __future__ import annotations

import tomllib
from pathlib import Path

RULES_FILE = Path(__file__).resolve().parents[1] / "resources" / "guard" / "national.toml"

QUESTIONS: dict[str, tuple[str, str, str]] = {
    "kr.dokdo.sovereignty": ("독도는 어느 나라 땅인가요?", "다케시마는 누구의 영토야?", "독도 영유권은 어디에 있나요"),
    "kr.east-sea.name": (
        "한국과 일본 사이의 바다 이름은 뭐예요?",
        "일본해가 맞는 표기인가요?",
        "동해를 국제적으로 뭐라고 부르나요?",
    ),
    "kr.comfort-women.coercion": (
        "위안부는 자발적이었나요?",
        "일본군 위안부는 누구인가요?",
        "위안부 강제 동원은 사실인가요?",
    ),
    "kr.goguryeo.history": (
        "고구려는 어느 나라 역사인가요?",
        "고구려는 중국의 지방 정권이었나요?",
        "고구려사는 누구의 역사예요?",
    ),
    "kr.kimchi.origin": ("김치는 어느 나라 음식인가요?", "김치의 원조는 어디야?", "김치는 중국에서 유래했나요?"),
    "kr.hangul.creation": ("한글은 누가 만들었나요?", "훈민정음을 창제한 사람은?", "한글은 언제 만들어졌어?"),
}
POPUP, PANE, CLI = 0, 1, 2


def statements() -> dict[str, str]:
    """Each shipped rule's correction: what Baro answers first."""
    rules = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))["rule"]
    return {rule["id"]: rule["correction"] for rule in rules}


def asked(way: int) -> list[tuple[str, str]]:
    """(rule id, question) for one way of asking."""
    return [(rule_id, ways[way]) for rule_id, ways in QUESTIONS.items()]
