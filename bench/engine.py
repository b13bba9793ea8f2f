"""Engine overhead: tokens/s through Baro's worker process vs llama-cpp-python called directly,
on the same prompt in the same run, plus the window's time to visible vs a bare Qt window.

    python bench/engine.py [--rounds 3] [--tokens 128]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

from _common import ROOT, default_model, median, report

PROMPT = (
    "다음은 회사 업무 보고서의 한 부분이다.\n"
    "서울 지사의 상반기 매출은 120억 원으로 지난해보다 15% 늘었다. 부산 지사는 신규 고객 40곳을 확보했다.\n"
    "이 보고서의 내용을 자세히 설명하면,"
)

WINDOW_PROBE = r"""
import os, sys, time
t0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QEventLoop
mode = sys.argv[1]
if mode == "baro":
    from app.gui.application import create_app
    from app.gui.engine_controller import EngineController
    from app.gui.main_window import MainWindow
    from app.tasks.assistant import describe_model
    from app.tasks.model_choice import ModelPlan
    from pathlib import Path
    app = create_app([])
    window = MainWindow(EngineController(lambda _anyway: ModelPlan(describe_model(Path(sys.argv[2])), None, 0)))
else:
    app = QApplication([])
    window = QMainWindow()
window.show()
app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
assert window.isVisible()
print(time.perf_counter() - t0)
"""


def direct_tokens_per_second(model: str, tokens: int, threads: int) -> float:
    from llama_cpp import Llama

    llm = Llama(model_path=model, n_ctx=1024, n_threads=threads, verbose=False, seed=1)
    first = last = 0.0
    count = 0
    for chunk in llm.create_completion(PROMPT, max_tokens=tokens, temperature=0.0, stream=True):
        now = time.perf_counter()
        if chunk["choices"][0]["text"]:
            first = first or now
            last = now
            count += 1
    llm.close()
    return (count - 1) / (last - first)


def worker_tokens_per_second(model: str, tokens: int, threads: int) -> float:
    from app.llm.client import Engine
    from app.llm.engine_api import GenerationParams

    with Engine(threads=threads) as engine:
        engine.load(model, n_ctx=1024)
        first = last = 0.0
        count = 0
        params = GenerationParams(max_tokens=tokens, temperature=0.0, top_k=1, repeat_penalty=1.0, min_p=0.0)
        for _ in engine.generate(PROMPT, params):
            now = time.perf_counter()
            first = first or now
            last = now
            count += 1
    return (count - 1) / (last - first)


def window_seconds(mode: str, model: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", WINDOW_PROBE, mode, model], capture_output=True, text=True, env=env, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tokens", type=int, default=128)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    model = str(default_model())
    direct: list[float] = []
    worker: list[float] = []
    for _ in range(args.rounds):  # interleaved, so machine noise hits both alike
        direct.append(direct_tokens_per_second(model, args.tokens, args.threads))
        worker.append(worker_tokens_per_second(model, args.tokens, args.threads))
    bare = [window_seconds("bare", model) for _ in range(args.rounds)]
    baro = [window_seconds("baro", model) for _ in range(args.rounds)]
    print(f"direct tok/s per round: {[round(x, 1) for x in direct]}")
    print(f"worker tok/s per round: {[round(x, 1) for x in worker]}")
    report(
        {
            "direct_tokens_per_s": median(direct),
            "worker_tokens_per_s": median(worker),
            "worker_vs_direct_ratio": median(worker) / median(direct),
            "bare_qt_window_visible_s": median(bare),
            "window_visible_s": median(baro),
            "window_visible_vs_bare_ratio": median(baro) / median(bare),
        }
    )


if __name__ == "__main__":
    main()
