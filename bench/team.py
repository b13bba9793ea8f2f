"""Team mode: 4 people ask at once. One llama.cpp server with 4 parallel slots vs this PC's one worker.

The same 4 질문 prompts (KorQuAD 1.0 dev paragraphs and questions, rendered as the app renders them for the
built-in model: Baro 기본, the base GGUF plus Baro's adapter, in its trained format):
- ``local``: one local worker (the app's ``Engine``), the 4 answered one after another, as one PC would;
- ``server``: llama.cpp's ``llama-server --parallel 4`` on 127.0.0.1 (``make llama-server`` builds it), 4
  clients through Baro's ``HttpEngine`` at the same moment.
Time to first token counts from the moment all 4 asked (the 4th local asker waits for the other three).
Never both at once: the server is stopped before the local worker starts.

    make llama-server && .venv/bin/python bench/team.py [--server-bin build/llama-server/bin/llama-server]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import threading
import time
from pathlib import Path

import httpx
from _common import ROOT, corpus_dir, default_model, report

from app.llm.catalog import load_catalog
from app.llm.client import Engine
from app.llm.default_model import shipped_adapter
from app.llm.engine_api import GenerationParams, ModelEngine
from app.llm.http_engine import HttpEngine, ServerSettings
from app.llm.prompts import PromptFormat, TaskPrompt, render
from app.llm.server_address import parse_server_url

CLIENTS = 4
PARAMS = GenerationParams(max_tokens=64, temperature=0.0)
SLOT_CONTEXT = 2048


def questions(n: int, seed: int) -> list[str]:
    data = json.loads((corpus_dir() / "korquad" / "KorQuAD_v1.0_dev.json").read_text(encoding="utf-8"))["data"]
    pairs = [(p["context"], qa["question"]) for a in data for p in a["paragraphs"] for qa in p["qas"]]
    chosen = random.Random(seed).sample([pair for pair in pairs if len(pair[0]) < 900], n)
    prompts = []
    for context, question in chosen:
        prompt = TaskPrompt(
            system="주어진 문서만 근거로 한국어로 짧게 답하고, 근거 문단 번호를 [1]처럼 붙이세요.",
            content=f"[1] {context}\n\n질문: {question}",
        )
        prompts.append(render(PromptFormat.BARO_TUNED, prompt).text)
    return prompts


def ask(engine: ModelEngine, prompt: str, start: float, firsts: list[float]) -> None:
    """Stream one answer to its end; append the time of its first token since ``start`` to ``firsts``."""
    first: float | None = None
    for event in engine.generate(prompt, PARAMS).events():
        if isinstance(event, str) and first is None:
            first = time.perf_counter() - start
    if first is not None:
        firsts.append(first)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def run_local(model: Path, adapter: Path, prompts: list[str], threads: int) -> tuple[float, list[float]]:
    engine = Engine(threads=threads).start()
    try:
        engine.load(model, n_ctx=SLOT_CONTEXT, adapter=adapter)
        engine.generate(prompts[0], GenerationParams(max_tokens=4)).result()  # warm up, as the server is
        start = time.perf_counter()
        firsts: list[float] = []
        for prompt in prompts:
            ask(engine, prompt, start, firsts)
        return time.perf_counter() - start, firsts
    finally:
        engine.close()


def run_server(binary: Path, model: Path, adapter: Path, prompts: list[str], threads: int) -> tuple[float, list[float]]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [str(binary), "-m", str(model), "--lora", str(adapter), "--host", "127.0.0.1", "--port", str(port),
               "--parallel", str(CLIENTS), "-c", str(SLOT_CONTEXT * CLIENTS), "-t", str(threads), "-tb", str(threads),
               "--alias", "baro", "--no-webui"]  # fmt: skip
    log = (ROOT / "build" / "team-bench-server.log").open("wb")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2, trust_env=False).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit(f"llama-server did not start; see {log.name}")
            time.sleep(0.2)
        settings = ServerSettings(
            parse_server_url(f"http://127.0.0.1:{port}"), "baro", prompt_format=PromptFormat.BARO_TUNED
        )
        engines = [HttpEngine(settings) for _ in prompts]
        engines[0].connect()
        engines[0].generate(prompts[0], GenerationParams(max_tokens=4)).result()
        firsts: list[float] = []  # list.append is atomic: the 4 threads may share it
        start = time.perf_counter()
        workers = [
            threading.Thread(target=ask, args=(e, p, start, firsts)) for e, p in zip(engines, prompts, strict=True)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        total = time.perf_counter() - start
        for engine in engines:
            engine.close()
        return total, firsts
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server-bin", type=Path, default=ROOT / "build" / "llama-server" / "bin" / "llama-server")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    if not args.server_bin.is_file():
        raise SystemExit(f"{args.server_bin} not found: run `make llama-server` first")
    model = default_model()
    adapter = shipped_adapter(load_catalog().default)
    assert adapter is not None, "the default model has no adapter"
    prompts = questions(CLIENTS, args.seed)
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    server_total, server_ttft = run_server(args.server_bin, model, adapter, prompts, args.threads)
    local_total, local_ttft = run_local(model, adapter, prompts, args.threads)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    report(
        {
            "clients": CLIENTS,
            "local_total_s": local_total,
            "server_total_s": server_total,
            "total_time_ratio": local_total / server_total,
            "local_ttft_p95_s": p95(local_ttft),
            "server_ttft_p95_s": p95(server_ttft),
            "ttft_p95_ratio": p95(local_ttft) / p95(server_ttft),
        }
    )


if __name__ == "__main__":
    main()
