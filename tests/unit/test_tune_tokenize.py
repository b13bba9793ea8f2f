"""tune/tokenize_data.py renders every training example as the app prompts the tuned model.

The records are real ones from the committed instruction set; the prompts the app's own builders make for
them, rendered in ``PromptFormat.BARO_TUNED``, must equal what training tokenizes, byte for byte.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from app.llm.prompts import BARO_TUNED_END, PromptFormat, render
from app.tasks.guarding import current_guard, with_guard_facts
from app.tasks.quick_answer import quick_prompt
from app.tasks.summary_prompts import SummaryLength, SummaryRequest, SummaryStyle, instruction, summary_prompt

ROOT = Path(__file__).resolve().parents[2]


def _tokenize_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tune_tokenize_data", ROOT / "tune" / "tokenize_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _first_of_each_task() -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    for line in (ROOT / "tune" / "data" / "train.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        records.setdefault(record["task"], record)
    return records


def test_training_prompts_are_the_app_prompts_in_the_tuned_format() -> None:
    module = _tokenize_module()
    records = _first_of_each_task()
    examples = {eid: (task, prompt, answer) for eid, task, prompt, answer in module.rendered(list(records.values()))}
    guard = current_guard((ROOT / "resources" / "guard",))

    summary = records["summarize"]
    request = SummaryRequest(SummaryStyle(summary["style"]), SummaryLength(summary["length"]))
    app_prompt = with_guard_facts(summary_prompt(summary["title"], summary["key_sentences"], request), guard)
    _, prompt, answer = examples[summary["id"]]
    assert prompt == render(PromptFormat.BARO_TUNED, app_prompt).text
    assert instruction(request) in prompt
    assert answer == summary["target"] + BARO_TUNED_END

    sovereignty = records["guard"]
    _, prompt, answer = examples[sovereignty["id"]]
    assert (
        prompt == render(PromptFormat.BARO_TUNED, with_guard_facts(quick_prompt(sovereignty["question"]), guard)).text
    )
    assert sovereignty["fact"] in prompt, "the guard's steering fact reaches the prompt as the app adds it"

    question = records["ask"]
    _, prompt, answer = examples[question["id"]]
    assert prompt.startswith("<start_of_turn>user\n") and prompt.endswith("<end_of_turn>\n<start_of_turn>model\n")
    assert f"질문: {question['question']}" in prompt
    assert all(f"[{p['number']}] {p['title']}\n{p['text']}" in prompt for p in question["passages"])

    draft = records["draft"]
    pieces = [examples[f"{draft['id']}-p{n}"] for n in range(1, len(draft["pieces"]) + 1)]
    for (_, prompt, answer), piece in zip(pieces, draft["pieces"], strict=True):
        assert prompt.rstrip().endswith("<start_of_turn>model")
        assert f"요점: {piece['point']}\n\n마지막 요점을" in prompt, "one point at a time, as the app drafts"
        assert answer == piece["text"] + BARO_TUNED_END


@pytest.mark.slow
def test_tokenized_examples_split_at_the_answer_with_llama_cpp_tokens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import llama_cpp

    module = _tokenize_module()
    records = list(_first_of_each_task().values())
    data = tmp_path / "data"
    data.mkdir()
    for split in module.SPLITS:
        (data / f"{split}.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    monkeypatch.setattr(sys, "argv", ["tokenize_data.py", "--data", str(data), "--out", str(tmp_path / "out")])
    module.main()
    rows = [json.loads(line) for line in (tmp_path / "out" / "train.jsonl").read_text().splitlines()]
    vocab = llama_cpp.Llama(str(module.base_gguf(None)), vocab_only=True, verbose=False)
    examples = {eid: (prompt, answer) for eid, _, prompt, answer in module.rendered(records)}
    assert {row["id"] for row in rows} == set(examples)
    for row in rows:
        prompt, answer = examples[row["id"]]
        tokens, k = row["tokens"], row["loss_from"]
        assert tokens[0] == vocab.token_bos()
        assert vocab.detokenize(tokens[1:k], special=True).decode() == prompt
        assert vocab.detokenize(tokens[k:], special=True).decode() == answer
        assert tokens[-1] == vocab.tokenize(BARO_TUNED_END.encode(), add_bos=False, special=True)[0]
