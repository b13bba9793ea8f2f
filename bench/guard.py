"""The claims guard's cost during generation: the same prompts with the guard on and off, same model, same run.

Prints the end-to-end time ratio (with / without), the guard's own time as a share of generation time on the
model's real output, and a worst case where every sentence touches a guarded topic.

    python bench/guard.py [--rounds 2] [--tokens 96]
"""

from __future__ import annotations

import argparse
import time

from _common import default_model, report

from app.core.cancel import CancelToken
from app.core.events import Token
from app.llm.engine_api import GenerationParams
from app.llm.prompts import TaskPrompt
from app.tasks.assistant import Assistant, describe_model
from app.tasks.guarding import StreamingGuard, current_guard
from tests.unit.text.test_guard import LEGITIMATE, VIOLATIONS

PROMPTS = [
    "독도와 울릉도 여행 안내문을 써 주세요.",
    "동해 바다의 계절별 어종을 설명해 주세요.",
    "김치의 역사와 종류를 소개해 주세요.",
    "고구려의 역사를 간단히 정리해 주세요.",
]


def run(assistant: Assistant, question: str, tokens: int, guard: bool) -> tuple[float, float, list[str]]:
    """Wall seconds, seconds spent generating (prompt reading excluded), and the tokens."""
    assistant.guard_enabled = guard
    prompt = TaskPrompt(system="당신은 한국어 업무 도우미입니다.", content=question, cue="답:")
    params = GenerationParams(max_tokens=tokens, temperature=0.0, repeat_penalty=1.15, seed=7)
    started = time.perf_counter()
    pieces = [e.text for e in assistant.stream(prompt, params, CancelToken(), "bench") if isinstance(e, Token)]
    wall = time.perf_counter() - started
    stats = assistant.last_generation.stats if assistant.last_generation is not None else None
    return wall, (stats.gen_ms / 1000 if stats is not None and stats.gen_ms else wall), pieces


def replay(pieces: list[str]) -> float:
    """Seconds the guard spends on this token stream (the generation itself excluded)."""
    guard = StreamingGuard(current_guard(), log=False)
    started = time.perf_counter()
    for piece in pieces:
        guard.feed(piece)
    guard.finish()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--tokens", type=int, default=96)
    args = parser.parse_args()

    current_guard().check("독도는 일본 땅이다.")  # load rules and Kiwi once, as the app does at start
    assistant = Assistant.open(describe_model(default_model(), n_ctx=1024), threads=2)
    try:
        run(assistant, PROMPTS[0], 8, guard=False)  # warm the engine
        with_guard = without = 0.0
        guard_seconds = generation_seconds = 0.0
        generated_tokens = 0
        for round_number in range(args.rounds):
            for question in PROMPTS:
                order = (True, False) if round_number % 2 == 0 else (False, True)
                for guarded in order:
                    seconds, generating, pieces = run(assistant, question, args.tokens, guarded)
                    if guarded:
                        with_guard += seconds
                    else:
                        without += seconds
                        generation_seconds += generating
                        generated_tokens += len(pieces)
                        guard_seconds += replay(pieces)
        per_token = generation_seconds / max(generated_tokens, 1)
        heavy = " ".join([s for s, _ in VIOLATIONS] + LEGITIMATE)
        heavy_pieces = [heavy[i : i + 2] for i in range(0, len(heavy), 2)]  # ~2 Hangul syllables a token
        heavy_seconds = replay(heavy_pieces)
        heavy_ratio = heavy_seconds / (per_token * len(heavy_pieces))
    finally:
        assistant.close()
    report(
        {
            "generated_tokens": generated_tokens,
            "seconds_per_generated_token": f"{per_token:.4f}",
            "seconds_without_guard": without,
            "seconds_with_guard": with_guard,
            "worst_case_guard_ms_per_token": f"{1000 * heavy_seconds / len(heavy_pieces):.4f}",
            "worst_case_guard_share": f"{heavy_ratio:.5f}",
            "guard_share_of_generation": f"{guard_seconds / max(generation_seconds, 1e-9):.5f}",
            "with_without_ratio": f"{with_guard / without:.4f}",
        }
    )


if __name__ == "__main__":
    main()
