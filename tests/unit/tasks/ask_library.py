"""A small real library for the 질문 tests: Korean office documents written to disk and indexed."""

from __future__ import annotations

from pathlib import Path

from app.core.events import Done
from app.tasks.library import index_library

TRAVEL_RULES = (
    "# 출장 규정\n\n"
    "해외 출장 숙박비는 1박에 20만 원까지 지원한다. 국내 출장 숙박비는 1박에 10만 원까지 지원한다.\n\n"
    "출장 보고서는 복귀 후 5일 이내에 경영지원팀에 제출해야 한다.\n"
)
MEETING = (
    "2024년 3월 운영위원회 회의록\n\n"
    "3월 회의에서 신규 채용 계획이 승인되었다. 채용 인원은 개발자 4명과 디자이너 1명이다.\n"
    "다음 회의는 4월 12일 본사 대회의실에서 열린다.\n"
)
CAFETERIA = "사내 식당 안내\n\n점심시간은 11시 30분부터 13시까지이다. 수요일에는 특식이 나온다.\n"


def write_library(root: Path) -> Path:
    (root / "인사").mkdir(parents=True)
    (root / "인사" / "출장규정.md").write_text(TRAVEL_RULES, encoding="utf-8")
    (root / "회의록.txt").write_text(MEETING, encoding="utf-8")
    (root / "식당.txt").write_text(CAFETERIA, encoding="utf-8")
    return root


def index_folder(folder: Path, db: Path) -> Done:
    done = [e for e in index_library([folder], db_path=db) if isinstance(e, Done)]
    assert done and not done[0].result.failed
    return done[0]
