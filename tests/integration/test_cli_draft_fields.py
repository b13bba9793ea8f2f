"""`baro draft --field` given several times: list items append, a repeated one-value field is a usage error."""

from __future__ import annotations

import json

import pytest

from tests.integration.cli import baro

POINTS = ("개선 방안: 물류 협력사 추가", "운송 경로를 두 곳에서 한 곳으로 단축", "재고 점검을 매주 월요일에 실시")


def test_a_repeated_title_is_a_usage_error_before_the_model_loads() -> None:
    result = baro("draft", "--template", "보고서", "--field", "제목=물류 개선", "--field", "제목=물류 보고",
                  "--field", "요점=협력사 추가", "--model", "/없는/모델.gguf")  # fmt: skip
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "'제목' 항목을 두 번 넣었습니다" in lines[0] and "요점" in lines[0]
    assert result.stdout == "" and "Traceback" not in result.stderr


@pytest.mark.slow
def test_three_point_fields_are_three_points_of_the_draft() -> None:
    fields = ["--field", "제목=물류 운영 개선 보고", "--field", "작성부서=물류팀"]
    for point in POINTS:
        fields += ["--field", f"요점={point}"]
    result = baro("draft", "--template", "보고서", *fields, "--max-tokens", "40", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["points"] == 3
    items = [line for line in data["text"].splitlines() if line.lstrip().startswith("○")]
    assert len(items) == 3, data["text"]
    # Each item is the model's backed sentence about its point, or the point itself.
    for item, point in zip(items, POINTS, strict=True):
        replaced = [r for r in data["replacements"] if r["point"] == point and r["replaced_by"]]
        if replaced:
            assert point in item
    assert "교육 대상" not in data["text"]
