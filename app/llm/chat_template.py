"""Render a chat template taken from a GGUF file: sandboxed, with a time and size budget.

A model file is untrusted input and its ``tokenizer.chat_template`` is a Jinja program. It runs only in
``GuardedSandbox`` (Jinja's ImmutableSandboxedEnvironment, with every operation that can grow a value
size-checked before it runs: see ``app.llm.template_sandbox``), a trace function stops it when its time
budget is spent, and what it renders is capped.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from types import FrameType
from typing import Any

from jinja2 import TemplateError as JinjaTemplateError
from jinja2 import TemplateSyntaxError

from app.core.errors import BaroError
from app.llm.prompts import RenderedPrompt, TaskPrompt
from app.llm.template_sandbox import GuardedSandbox, RenderBudget, TemplateLimit

DEFAULT_TIME_BUDGET = 1.0
MAX_TEMPLATE_CHARS = 1 << 20
MAX_OUTPUT_CHARS = 1 << 22
TEMPLATE_FILENAME = "<gguf chat template>"
SAMPLE_PROMPT = TaskPrompt(system="당신은 한국어 업무 도우미입니다.", content="다음 문서를 세 문장으로 요약해 주세요.")
"""What a template must render within its limits to be accepted when a model is imported or switched to it."""

Tracer = Callable[[FrameType, str, Any], Any]


class ChatTemplateError(BaroError):
    """The model's own chat template cannot be used; the built-in prompt format still works."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"모델에 들어 있는 대화 템플릿을 쓸 수 없습니다 ({detail}). 모델 관리에서 기본 형식을 선택해 주세요."
        )
        self.detail = detail


def _tracer(budget: RenderBudget) -> Tracer:
    """Check the clock on every Python call while the template runs, and on every line of the template."""

    def trace(frame: FrameType, event: str, _arg: Any) -> Any:
        budget.check_time()
        return trace if frame.f_code.co_filename == TEMPLATE_FILENAME else None

    return trace


def _raise_exception(message: str) -> None:
    raise ChatTemplateError(f"템플릿이 거부함: {str(message)[:200]}")


def render_chat_template(
    template: str,
    messages: Sequence[Mapping[str, str]],
    *,
    bos_token: str = "",
    eos_token: str = "",
    add_generation_prompt: bool = True,
    time_budget: float = DEFAULT_TIME_BUDGET,
) -> str:
    """Render ``messages`` ([{role, content}]) with the model's template, as Hugging Face chat templates expect.

    Nothing the template does can build a value past the caps of ``app.llm.template_sandbox`` or run past
    ``time_budget`` seconds; the text it renders is at most ``MAX_OUTPUT_CHARS``.
    """
    if len(template) > MAX_TEMPLATE_CHARS:
        raise ChatTemplateError("템플릿이 너무 김")
    budget = RenderBudget(time_budget)
    previous = sys.gettrace()
    try:
        # Compiled untraced (tracing Jinja's compiler would slow it tenfold); what it folds runs checked filters.
        env = GuardedSandbox(budget, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
        env.globals["raise_exception"] = _raise_exception
        code = env.compile(template, filename=TEMPLATE_FILENAME)
        compiled = env.template_class.from_code(env, code, env.make_globals(None), None)
        budget.check_time()
        sys.settrace(_tracer(budget))
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
            budget.check_time()
    except ChatTemplateError:
        raise
    except TemplateLimit as limit:
        raise ChatTemplateError(limit.reason) from None
    except TemplateSyntaxError as err:
        raise ChatTemplateError(f"템플릿 문법 오류: {str(err)[:200]}") from None
    except JinjaTemplateError as err:
        raise ChatTemplateError(f"템플릿 오류: {str(err)[:200]}") from None
    except (RecursionError, MemoryError):
        raise ChatTemplateError("템플릿이 너무 많은 자원을 씀") from None
    except Exception as err:  # a template can raise anything Python can; none of it may escape raw
        raise ChatTemplateError(f"{type(err).__name__}: {str(err)[:200]}") from None
    finally:
        sys.settrace(previous)
    return "".join(parts)


def check_chat_template(template: str, *, bos_token: str = "", eos_token: str = "") -> None:
    """Raise ``ChatTemplateError`` unless ``template`` renders a small sample prompt within its limits."""
    render_task_prompt(template, SAMPLE_PROMPT, bos_token=bos_token, eos_token=eos_token)


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
