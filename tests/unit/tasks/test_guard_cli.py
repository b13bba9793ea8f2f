"""`baro guard`: one sentence, a batch file (one verdict a line), JSON, extra rule folders, the audit log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.store.guard_log import GuardRecord, append_records

LINES = ["독도는 일본 땅이다.", "독도는 일본 땅이 아니다.", "", "김치는 중국 음식이다", "동해에서 해가 뜬다."]


def test_single_sentence_exit_code_and_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guard", "다케시마는 일본의 고유 영토이다."]) == 1
    out = capsys.readouterr().out
    assert "kr.dokdo.sovereignty" in out and "대한민국 고유의 영토" in out
    assert main(["guard", "독도는 우리 땅"]) == 0
    assert "문제 없음" in capsys.readouterr().out


def test_batch_gives_one_verdict_per_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "sentences.txt"
    batch.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    assert main(["guard", "--batch", str(batch)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(LINES)
    assert out[0].startswith("flagged\tkr.dokdo.sovereignty\t")
    assert out[1:3] == ["ok", "ok"]
    assert out[3].startswith("flagged\tkr.kimchi.origin\t")
    assert out[4] == "ok"


def test_batch_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "sentences.txt"
    batch.write_text("\n".join(LINES), encoding="utf-8")
    main(["guard", "--batch", str(batch), "--json"])
    verdicts = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [v["flagged"] for v in verdicts] == [True, False, False, True, False]
    assert verdicts[0]["rule"] == "kr.dokdo.sovereignty" and verdicts[0]["correction"]
    assert verdicts[1]["rule"] is None and verdicts[1]["sentence"] == LINES[1]


def test_extra_rule_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "team.toml").write_text(
        '[[rule]]\nid = "team.rival"\ntopic = "경쟁사"\ncorrection = "경쟁사를 깎아내리는 단정은 쓰지 않습니다."\n'
        'subjects = ["가나전자"]\nclaims = ["불량 제품"]\n',
        encoding="utf-8",
    )
    sentence = "가나전자 냉장고는 불량 제품이다."
    assert main(["guard", sentence]) == 0
    capsys.readouterr()
    assert main(["guard", "--rules", str(rules), sentence, "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["rule"] == "team.rival"


def test_usage_and_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guard"]) == 2
    assert main(["guard", "--batch", str(tmp_path / "없음.txt")]) == 1
    assert "없음.txt" in capsys.readouterr().err


def test_log_lists_recorded_hits(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guard", "--log"]) == 0
    assert "기록이 없습니다" in capsys.readouterr().out
    append_records([GuardRecord("독도는 일본 땅이다.", "kr.dokdo.sovereignty", "독도 영유권", "요약")])
    assert main(["guard", "--log", "--json"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["rule"] == "kr.dokdo.sovereignty" and record["task"] == "요약"
