"""A GGUF's chat template runs sandboxed, within a time and size budget."""

from __future__ import annotations

import pytest

from app.llm.chat_template import ChatTemplateError, render_chat_template, render_task_prompt
from app.llm.prompts import PromptFormat, TaskPrompt, render
from tests.unit.llm.ggufgen import CHATML_TEMPLATE

GEMMA2_STYLE = (
    "{{ bos_token }}{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}"
    "{% endif %}{% for m in messages %}<start_of_turn>{{ 'model' if m['role'] == 'assistant' else m['role'] }}\n"
    "{{ m['content'] | trim }}<end_of_turn>\n{% endfor %}"
    "{% if add_generation_prompt %}<start_of_turn>model\n{% endif %}"
)


def test_a_chatml_template_renders_like_the_builtin_format() -> None:
    prompt = TaskPrompt(system="당신은 도우미입니다.", content="보고서를 요약해 주세요.")
    ours = render_task_prompt(CHATML_TEMPLATE, prompt, bos_token="<s>", eos_token="<|im_end|>")
    builtin = render(PromptFormat.CHATML, prompt)
    assert ours.text == builtin.text  # the engine adds BOS itself, so the template's is dropped
    assert "<|im_end|>" in ours.stop


def test_a_template_that_refuses_system_turns_gets_it_in_the_user_turn() -> None:
    prompt = TaskPrompt(system="규칙", content="질문")
    rendered = render_task_prompt(GEMMA2_STYLE, prompt, bos_token="<bos>")
    assert rendered.text == "<start_of_turn>user\n규칙\n\n질문<end_of_turn>\n<start_of_turn>model\n"


HOSTILE = {
    "endless nested loops": "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
    "huge repetition": "{{ 'a' * 100000000 }}",
    "huge power": "{{ 10 ** 100000000 }}",
    "doubling a namespace string": (
        "{% set ns = namespace(x='ab') %}{% for i in range(64) %}{% set ns.x = ns.x ~ ns.x %}{% endfor %}{{ ns.x }}"
    ),
    "doubling plain variables": "{% set a = 'x' * 100000 %}"
    + "".join(
        f"{{% set v{i} = {'a' if i == 0 else f'v{i - 1}'} ~ {'a' if i == 0 else f'v{i - 1}'} %}}" for i in range(40)
    )
    + "{{ v39 | length }}",
    "python internals": "{{ ().__class__.__base__.__subclasses__() }}",
    "mutating the messages": "{{ messages.append({'role': 'user'}) }}",
    "endless recursion": "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    "a syntax error": "{% for m in messages %}",
    "template raises": "{{ raise_exception('nope') }}",
    "too much output": "{% for a in range(100000) %}{% for b in range(100) %}xxxxxxxxxx{% endfor %}{% endfor %}",
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_templates_are_stopped_with_a_clear_error(case: str) -> None:
    with pytest.raises(ChatTemplateError) as err:
        render_chat_template(HOSTILE[case], [{"role": "user", "content": "x"}], time_budget=0.5)
    assert "대화 템플릿" in err.value.user_message
    assert "기본 형식" in err.value.user_message


def test_the_time_budget_is_what_stops_a_slow_template() -> None:
    with pytest.raises(ChatTemplateError, match="초 안에"):
        render_chat_template(HOSTILE["endless nested loops"], [], time_budget=0.2)


def test_the_trace_function_is_restored() -> None:
    import sys

    before = sys.gettrace()
    with pytest.raises(ChatTemplateError):
        render_chat_template(HOSTILE["huge power"], [])
    render_chat_template(CHATML_TEMPLATE, [{"role": "user", "content": "안녕"}])
    assert sys.gettrace() is before
