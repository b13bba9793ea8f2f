"""`baro ask` in a real subprocess over a real library in tmp_path (the slow test runs the real model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.guarded_questions import CLI, asked, statements
from tests.integration.cli import baro
from tests.unit.tasks.ask_library import write_library


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = write_library(tmp_path / "문서")
    indexed = baro("index", str(folder))
    assert indexed.returncode == 0, indexed.stderr
    return folder


def test_an_unrelated_question_says_nothing_was_found(folder: Path) -> None:
    result = baro("ask", "화성 탐사 로버의 배터리 수명은 몇 년인가?", "--model", str(folder / "없는모델.gguf"))
    assert result.returncode == 0, result.stderr  # the model is never opened when nothing is relevant
    assert "관련된 내용을 찾지 못했습니다" in result.stdout


def test_a_scope_outside_the_library_is_a_korean_error(folder: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "다른곳"
    elsewhere.mkdir()
    result = baro("ask", "채용 인원", "--in", str(elsewhere))
    assert result.returncode == 1
    assert "라이브러리에 없는" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.slow
def test_json_answer_has_each_sentence_verdict_and_sources(folder: Path, default_model_path: Path) -> None:
    result = baro("ask", "해외 출장 숙박비는 1박에 얼마까지 지원되나요?", "--json", "--ctx", "2048")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["relevant"] and data["answer"]
    assert data["sources"][0]["file"].endswith("출장규정.md")
    assert data["sentences"]
    for sentence in data["sentences"]:
        assert sentence["verdict"] in {"supported", "partial", "unsupported"}
        assert {"span", "source", "citation", "reasons", "evidence"} <= set(sentence)


@pytest.mark.slow
def test_plain_output_streams_the_answer_then_the_sources(folder: Path, default_model_path: Path) -> None:
    result = baro("ask", "신규 채용 인원은 몇 명인가요?", "--in", str(folder / "회의록.txt"), "--ctx", "2048")
    assert result.returncode == 0, result.stderr
    answer, _, sources = result.stdout.partition("출처:")
    assert answer.strip()
    assert "회의록.txt" in sources and "출장규정.md" not in sources


@pytest.mark.parametrize(("rule_id", "question"), asked(CLI))
def test_a_guarded_question_starts_with_the_rules_statement(folder: Path, rule_id: str, question: str) -> None:
    result = baro("ask", question, "--model", str(folder / "없는모델.gguf"))
    assert result.returncode == 0, result.stderr  # nothing in the library is about it: no model needed
    first = result.stdout.splitlines()[0]
    assert first.startswith("[바로의 정해진 답") and first.endswith(statements()[rule_id])
    assert "관련된 내용을 찾지 못했습니다" in result.stdout


def test_json_carries_the_fixed_answer_apart_from_the_models(folder: Path) -> None:
    result = baro("ask", "독도는 어느 나라 땅인가요?", "--json", "--model", str(folder / "없는모델.gguf"))
    data = json.loads(result.stdout)
    assert data["fixed_answer"]["rule"] == "kr.dokdo.sovereignty"
    assert data["fixed_answer"]["statement"] == statements()["kr.dokdo.sovereignty"]
    assert baro_json("독도 가는 배편 알려 줘", folder)["fixed_answer"] is None


def baro_json(question: str, folder: Path) -> dict[str, object]:
    result = baro("ask", question, "--json", "--model", str(folder / "없는모델.gguf"))
    assert result.returncode == 0, result.stderr
    loaded: dict[str, object] = json.loads(result.stdout)
    return loaded
