"""Render a chat template taken from a GGUF file: sandboxed, with a time and size budget.

A model file is untrusted input and its ``tokenizer.chat_template`` is a Jinja program. It runs only in
Jinja's ImmutableSandboxedEnvironment (no attribute tricks, no mutation of our objects, ``range`` capped),
and on top of that: repetition and power operators are size-checked before they run, every string the
template reads or builds is capped, and a trace function stops it when its time budget is spent.
"""

from __future__ import annotations

import operator
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from types import FrameType
from typing import Any

from jinja2 import TemplateError as JinjaTemplateError
from jinja2.runtime import Context, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from app.core.errors import BaroError
from app.llm.prompts import RenderedPrompt, TaskPrompt

DEFAULT_TIME_BUDGET = 1.0
MAX_TEMPLATE_CHARS = 1 << 20
MAX_STRING_CHARS = 1 << 20
MAX_OUTPUT_CHARS = 1 << 21
TEMPLATE_FILENAME = "<gguf chat template>"

Tracer = Callable[[FrameType, str, Any], Any]


class ChatTemplateError(BaroError):
    """The model's own chat template cannot be used; the built-in prompt format still works."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"모델에 들어 있는 대화 템플릿을 쓸 수 없습니다 ({detail}). 모델 관리에서 기본 형식을 선택해 주세요."
        )


class _Budget:
    def __init__(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds
        self.seconds = seconds

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise ChatTemplateError(f"{self.seconds:g}초 안에 끝나지 않음")


def _too_long(value: object) -> bool:
    return isinstance(value, str | bytes | list | tuple) and len(value) > MAX_STRING_CHARS


class _GuardedSandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "+"})

    def call_binop(self, context: Context, op: str, left: Any, right: Any) -> Any:
        if op == "**" and isinstance(right, int) and abs(right) > 64:
            raise ChatTemplateError("너무 큰 거듭제곱")
        if op == "*":
            for seq, times in ((left, right), (right, left)):
                sized = isinstance(seq, str | list | tuple) and isinstance(times, int)
                if sized and len(seq) * times > MAX_STRING_CHARS:
                    raise ChatTemplateError("너무 긴 문자열 반복")
        result = {"*": operator.mul, "**": operator.pow, "+": operator.add}[op](left, right)
        if _too_long(result):
            raise ChatTemplateError("너무 긴 문자열")
        return result

    def getattr(self, obj: Any, attribute: str) -> Any | Undefined:
        value = super().getattr(obj, attribute)
        if _too_long(value):
            raise ChatTemplateError("너무 긴 문자열")
        return value

    def getitem(self, obj: Any, argument: Any) -> Any | Undefined:
        value = super().getitem(obj, argument)
        if _too_long(value):
            raise ChatTemplateError("너무 긴 문자열")
        return value


def _tracer(budget: _Budget) -> Tracer:
    """Stop the template when time runs out or a local string grows past the cap (e.g. ``a ~ a`` doubling)."""

    def trace(frame: FrameType, event: str, _arg: Any) -> Any:
        if frame.f_code.co_filename != TEMPLATE_FILENAME:
            return None
        budget.check()
        if event == "line":
            for value in frame.f_locals.values():
                if _too_long(value):
                    raise ChatTemplateError("너무 긴 문자열")
        return trace

    return trace


def _raise_exception(message: str) -> None:
    raise ChatTemplateError(f"템플릿이 거부함: {message[:200]}")


def render_chat_template(
    template: str,
    messages: Sequence[Mapping[str, str]],
    *,
    bos_token: str = "",
    eos_token: str = "",
    add_generation_prompt: bool = True,
    time_budget: float = DEFAULT_TIME_BUDGET,
) -> str:
    """Render ``messages`` ([{role, content}]) with the model's template, as Hugging Face chat templates expect."""
    if len(template) > MAX_TEMPLATE_CHARS:
        raise ChatTemplateError("템플릿이 너무 김")
    env = _GuardedSandbox(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals["raise_exception"] = _raise_exception
    try:
        code = env.compile(template, filename=TEMPLATE_FILENAME)
    except JinjaTemplateError as err:
        raise ChatTemplateError(f"템플릿 문법 오류: {str(err)[:200]}") from None
    compiled = env.template_class.from_code(env, code, env.make_globals(None), None)
    budget = _Budget(time_budget)
    previous = sys.gettrace()
    sys.settrace(_tracer(budget))
    try:
        parts: list[str] = []
        size = 0
        stream = compiled.generate(
            messages=[dict(m) for m in messages],
            bos_token=bos_token,
            eos_token=eos_token,
            add_generation_prompt=add_generation_prompt,
        )
        for part in stream:
            size += len(part)
            if size > MAX_OUTPUT_CHARS:
                raise ChatTemplateError("결과가 너무 김")
            parts.append(part)
            budget.check()
    except ChatTemplateError:
        raise
    except JinjaTemplateError as err:
        raise ChatTemplateError(f"템플릿 오류: {str(err)[:200]}") from None
    except (RecursionError, MemoryError):
        raise ChatTemplateError("템플릿이 너무 많은 자원을 씀") from None
    except Exception as err:  # a template can raise anything Python can; none of it may escape raw
        raise ChatTemplateError(f"{type(err).__name__}: {str(err)[:200]}") from None
    finally:
        sys.settrace(previous)
    return "".join(parts)


def render_task_prompt(
    template: str,
    prompt: TaskPrompt,
    *,
    bos_token: str = "",
    eos_token: str = "",
    time_budget: float = DEFAULT_TIME_BUDGET,
) -> RenderedPrompt:
    """A task's prompt in the model's own chat format; the engine adds BOS itself, so a leading one is dropped."""
    with_system = [{"role": "system", "content": prompt.system}] if prompt.system else []
    messages = [*with_system, {"role": "user", "content": prompt.user}]

    def rendered(turns: list[dict[str, str]]) -> str:
        return render_chat_template(template, turns, bos_token=bos_token, eos_token=eos_token, time_budget=time_budget)

    try:
        text = rendered(messages)
    except ChatTemplateError:
        if not with_system:
            raise
        # Some templates (e.g. Gemma 2's) refuse a system turn: lead the user turn with it instead.
        merged = [{"role": "user", "content": f"{prompt.system}\n\n{prompt.user}"}]
        text = rendered(merged)
    if bos_token and text.startswith(bos_token):
        text = text[len(bos_token) :]
    stops = tuple(s for s in (eos_token, *prompt.stop) if s)
    return RenderedPrompt(text, tuple(dict.fromkeys(stops)))
