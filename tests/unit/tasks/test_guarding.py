"""The guard in the task layer: streamed hits, steering facts, the audit log, exports, user rules at run time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.cancel import CancelToken
from app.core.events import GuardHit, Token
from app.llm.engine_api import GenerationParams
from app.llm.prompts import PromptFormat, TaskPrompt
from app.store.guard_log import log_file, read_records
from app.store.guard_rules import load_rules, user_dir
from app.tasks.assistant import ActiveModel, Assistant
from app.tasks.guarding import StreamingGuard, check_text, current_guard, current_problems, with_guard_facts
from app.tasks.results import SummaryResult
from app.tasks.summary_export import to_markdown
from tests.unit.tasks.draft_fakes import ScriptedEngine

COMPANY_RULE = """
[[rule]]
id = "acme.codename"
topic = "미발표 제품"
correction = "'블루버드'는 미발표 제품명이라 외부 문서에 쓸 수 없습니다. '신형 단말기'라고 쓰세요."
fact = "미발표 제품의 내부 이름은 문서에 쓰지 않는다."
subjects = ["블루버드", "bluebird"]
claims = ["블루버드 출시", "블루버드 발표", "블루버드 공개"]
"""


def _stream_tokens(text: str, size: int = 3) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def test_streaming_guard_reports_a_sentence_once_the_next_begins() -> None:
    guard = StreamingGuard(task="test")
    text = "울릉도는 경상북도에 있다. 독도는 일본 땅이다. 두 섬은 가깝다."
    seen: list[tuple[str, GuardHit]] = []
    fed = ""
    for token in _stream_tokens(text):
        fed += token
        seen += [(fed, hit) for hit in guard.feed(token)]
    seen += [(fed, hit) for hit in guard.finish()]
    assert [hit.rule_id for _, hit in seen] == ["kr.dokdo.sovereignty"]
    when, hit = seen[0]
    assert hit.sentence == "독도는 일본 땅이다."
    assert "두 섬은 가깝다." not in when  # marked while the answer is still being written


def test_streaming_guard_checks_the_last_sentence_on_finish_and_logs_hits() -> None:
    guard = StreamingGuard(task="요약")
    for token in _stream_tokens("동해의 국제 명칭은 일본해다"):
        assert guard.feed(token) == []
    (hit,) = guard.finish()
    assert hit.rule_id == "kr.east-sea.name"
    (record,) = read_records()
    assert (record.rule_id, record.task, record.sentence) == ("kr.east-sea.name", "요약", hit.sentence)
    line = json.loads(log_file().read_text(encoding="utf-8").splitlines()[0])
    assert line["rule"] == "kr.east-sea.name" and line["time"]


def test_clean_text_costs_no_hits_and_no_log() -> None:
    guard = StreamingGuard()
    for token in _stream_tokens("독도는 일본 땅이 아니다. 회의는 3시에 열립니다.\n"):
        guard.feed(token)
    assert guard.finish() == []
    assert not log_file().exists()


def _assistant(answer: str) -> tuple[Assistant, ScriptedEngine]:
    engine = ScriptedEngine([answer])
    model = ActiveModel(Path("scripted.gguf"), "scripted", PromptFormat.GEMMA, "instruct", 2048)
    return Assistant(engine, model), engine


def test_assistant_stream_yields_hit_after_the_flagged_sentence_and_steers_the_prompt() -> None:
    assistant, engine = _assistant("독도는 시마네현에 속한 섬입니다. 울릉도에서 배로 갑니다.")
    prompt = TaskPrompt(system="비서입니다.", content="독도 여행 안내문을 써 주세요.")
    events = list(assistant.stream(prompt, GenerationParams(max_tokens=40), CancelToken(), "쓰는 중"))
    hits = [i for i, e in enumerate(events) if isinstance(e, GuardHit)]
    assert len(hits) == 1
    before = "".join(e.text for e in events[: hits[0]] if isinstance(e, Token))
    assert "독도는 시마네현에 속한 섬입니다." in before
    assert "대한민국 고유의 영토" in engine.prompts[0]


def test_guard_can_be_switched_off_per_assistant() -> None:
    assistant, engine = _assistant("독도는 일본 땅이다. 끝.")
    assistant.guard_enabled = False
    prompt = TaskPrompt(system="비서입니다.", content="독도 이야기")
    events = list(assistant.stream(prompt, GenerationParams(max_tokens=40), CancelToken(), "쓰는 중"))
    assert not any(isinstance(e, GuardHit) for e in events)
    assert "대한민국 고유의 영토" not in engine.prompts[0]


def test_facts_are_added_only_when_the_content_touches_a_topic() -> None:
    plain = TaskPrompt(system="비서입니다.", content="3분기 매출 보고서")
    assert with_guard_facts(plain) is plain
    steered = with_guard_facts(TaskPrompt(system="비서입니다.", content="동해 바다 여행"))
    assert steered.system.startswith("비서입니다.") and "동해(East Sea)" in steered.system


def test_user_rule_file_added_at_run_time_takes_effect() -> None:
    sentence = "다음 달 블루버드 출시 행사를 엽니다."
    assert check_text(sentence) == []
    user_dir().mkdir(parents=True, exist_ok=True)
    (user_dir() / "company.toml").write_text(COMPANY_RULE, encoding="utf-8")
    (hit,) = check_text(sentence)
    assert hit.rule_id == "acme.codename" and "신형 단말기" in hit.correction
    assert any(r.id == "kr.dokdo.sovereignty" for r in current_guard().rules)


def test_a_broken_user_file_is_reported_and_the_other_rules_still_apply() -> None:
    user_dir().mkdir(parents=True, exist_ok=True)
    (user_dir() / "broken.toml").write_text("[[rule]\nid=", encoding="utf-8")
    problems = current_problems().problems
    assert len(problems) == 1 and "broken.toml" in problems[0].user_message
    assert check_text("독도는 일본 땅이다.")


def test_a_user_rule_with_a_shipped_id_replaces_it(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "override.toml").write_text(
        '[[rule]]\nid = "kr.kimchi.origin"\ntopic = "김치"\ncorrection = "고친 문구"\n'
        'subjects = ["김치"]\nclaims = ["중국 음식"]\n',
        encoding="utf-8",
    )
    from app.store.guard_rules import builtin_dir

    rules = {r.id: r for r in load_rules([builtin_dir(), mine]).rules}
    assert rules["kr.kimchi.origin"].correction == "고친 문구"
    assert "kr.dokdo.sovereignty" in rules


def test_summary_export_warns_about_flagged_sentences() -> None:
    data = {
        "title": "독도 안내",
        "file": "/tmp/안내.hwp",
        "model": "m",
        "summary": "독도는 울릉도 동쪽에 있다. 독도는 일본 영토이다.",
        "sentences": [
            {"text": "독도는 울릉도 동쪽에 있다.", "verdict": "supported", "source": 0},
            {"text": "독도는 일본 영토이다.", "verdict": "unsupported", "source": None},
        ],
        "sources": [{"text": "독도는 울릉도 동쪽에 있다.", "label": "1쪽"}],
    }
    markdown = to_markdown(SummaryResult.from_json(data))
    assert "⚠ 주의: 사실과 다른 문장이 1개" in markdown
    flagged = next(line for line in markdown.splitlines() if "일본 영토이다" in line)
    assert "사실과 다름: 독도는" in flagged
    clean = next(line for line in markdown.splitlines() if "동쪽에 있다. [1]" in line)
    assert "사실과 다름" not in clean


@pytest.mark.parametrize("legit", ["독도는 일본 땅이 아니다.", "일본은 독도를 다케시마라고 부른다."])
def test_export_leaves_legitimate_sentences_alone(legit: str) -> None:
    assert "사실과 다름" not in to_markdown(SummaryResult.of_text(legit))
