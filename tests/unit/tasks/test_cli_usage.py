"""Wrong usage is exit code 2 with one Korean line that says what to type instead; nothing asked for is skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert captured.out == ""
    return lines[0]


@pytest.mark.parametrize("blank", ["", "   ", "\t\n"])
def test_an_empty_question_or_query_is_wrong_usage(blank: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", blank]) == 2
    line = _one_line(capsys)
    assert line.startswith("baro ask: 질문이 비어 있습니다.") and 'baro ask "' in line
    assert main(["search", blank]) == 2
    line = _one_line(capsys)
    assert line.startswith("baro search: 검색어가 비어 있습니다.") and 'baro search "' in line


def test_a_rules_folder_that_cannot_be_used_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guard", "--rules", str(tmp_path / "없는 폴더"), "독도는 우리 땅"]) == 2
    line = _one_line(capsys)
    assert "규칙 폴더" in line and "없는 폴더" in line and "찾을 수 없습니다" in line
    rule_file = tmp_path / "rules.toml"
    rule_file.write_text("", encoding="utf-8")
    assert main(["guard", "--rules", str(rule_file), "독도는 우리 땅"]) == 2
    assert "폴더가 아닙니다" in _one_line(capsys)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["guard", "--rules", str(empty), "독도는 우리 땅"]) == 2
    assert "규칙 파일(*.toml)이 없습니다" in _one_line(capsys)
