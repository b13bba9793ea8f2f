"""The instruction set in tune/data stays valid: every target passes Baro's own checks, and the checks bite.

Runs tune/verify_data.py's checks (app.text only, no model) over the committed data, checks that the
committed jsonl files are what tune/build_data.py makes from the authored sources, and breaks copies of
real examples to show each check reports the fault.
"""

from __future__ import annotations

import copy
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from app.text.korean_format import Register, to_register

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"tune_{name}", ROOT / "tune" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


verify = _load("verify_data")
build = _load("build_data")


@pytest.fixture(scope="module")
def splits() -> dict[str, list[dict[str, Any]]]:
    return verify.load()


@pytest.fixture(scope="module")
def verifier() -> Any:
    return verify.Verifier()


def _first(splits: dict[str, list[dict[str, Any]]], **wanted: Any) -> dict[str, Any]:
    example = next(e for e in splits["train"] if all(e.get(k) == v for k, v in wanted.items()))
    return copy.deepcopy(example)


def test_every_committed_target_passes_the_checks(splits: dict[str, list[dict[str, Any]]]) -> None:
    assert verify.failures(splits) == []


def test_the_committed_files_are_what_the_sources_build() -> None:
    train, heldout = build.build()
    assert (ROOT / "tune" / "data" / "train.jsonl").read_text(encoding="utf-8") == build.dump(train)
    assert (ROOT / "tune" / "data" / "heldout.jsonl").read_text(encoding="utf-8") == build.dump(heldout)


def test_heldout_documents_never_reach_training(splits: dict[str, list[dict[str, Any]]]) -> None:
    held = {e["source"] for e in splits["heldout"]}
    used = {e["source"] for e in splits["train"]} | {e.get("passages_from") for e in splits["train"]}
    assert held and not held & used
    assert len(splits["heldout"]) >= verify.MIN_HELDOUT


def test_a_summary_with_a_changed_figure_fails(splits: dict[str, list[dict[str, Any]]], verifier: Any) -> None:
    example = _first(splits, source="d01", task="summarize")
    example["target"] = example["target"].replace("4.4점", "4.8점")
    assert any("4.8점" in p for p in verifier.check(example))


def test_a_summary_that_adds_a_fact_fails(splits: dict[str, list[dict[str, Any]]], verifier: Any) -> None:
    example = _first(splits, source="d01", task="summarize")
    example["target"] += "\n교육 비용은 전액 정부 지원금으로 충당했다."
    assert any("정부 지원금" in p for p in verifier.check(example))


def test_an_answer_citing_the_wrong_passage_fails(splits: dict[str, list[dict[str, Any]]], verifier: Any) -> None:
    example = _first(splits, task="ask", answerable=True)
    cited = int(example["target"].split("[")[1].split("]")[0])
    other = cited % len(example["passages"]) + 1
    example["target"] = example["target"].replace(f"[{cited}]", f"[{other}]")
    assert verifier.check(example)


def test_an_answer_without_a_citation_fails(splits: dict[str, list[dict[str, Any]]], verifier: Any) -> None:
    example = _first(splits, task="ask", answerable=True)
    example["target"] = verify._CITATION.sub("", example["target"])
    assert any("cites no passage" in p for p in verifier.check(example))


def test_a_negative_whose_passages_hold_the_answer_fails(
    splits: dict[str, list[dict[str, Any]]], verifier: Any
) -> None:
    positive = _first(splits, task="ask", answerable=True)
    negative = _first(splits, task="ask", answerable=False)
    negative["passages"] = positive["passages"]
    negative["absent_terms"] = [positive["answer_key"]]
    assert any("is in the passages" in p for p in verifier.check(negative))


def test_a_negative_must_say_not_found_exactly(splits: dict[str, list[dict[str, Any]]], verifier: Any) -> None:
    example = _first(splits, task="ask", answerable=False)
    example["target"] = "문서에서 찾지 못했습니다. 담당 부서에 문의하세요."
    assert verifier.check(example)


def test_a_gongmun_without_its_end_mark_fails(splits: dict[str, list[dict[str, Any]]], verifier: Any) -> None:
    example = _first(splits, task="draft", template="공문")
    example["target"] = example["target"].removesuffix("  끝.")
    assert any("끝." in p for p in verifier.check(example))


def test_a_draft_with_a_new_fact_or_the_wrong_register_fails(
    splits: dict[str, list[dict[str, Any]]], verifier: Any
) -> None:
    example = _first(splits, task="draft", template="공문")
    example["pieces"][0]["text"] = "참석자에게는 기념품으로 상품권 5만 원을 드립니다."
    assert any("상품권" in p for p in verifier.check(example))
    example = _first(splits, task="draft", template="공문")
    original = example["pieces"][0]["text"]
    example["pieces"][0]["text"] = to_register(original, Register.HANDA)
    assert example["pieces"][0]["text"] != original
    assert any("합쇼체" in p for p in verifier.check(example))


def test_a_sovereignty_answer_that_asserts_a_false_claim_fails(
    splits: dict[str, list[dict[str, Any]]], verifier: Any
) -> None:
    example = _first(splits, task="guard", rule="kr.dokdo.sovereignty")
    example["target"] = "다케시마는 일본 땅입니다."
    assert any("claims guard" in p for p in verifier.check(example))
