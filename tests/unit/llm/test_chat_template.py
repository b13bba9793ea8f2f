"""A GGUF's chat template runs sandboxed, within a time and size budget."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.llm.chat_template import ChatTemplateError, check_chat_template, render_chat_template, render_task_prompt
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
# Each asks Python for gigabytes in one step: refused from the sizes of its inputs, before anything is built.
BOMBS = {
    "center method": "{{ 'x'.center(3000000000) }}",
    "join filter": "{{ range(3000)|join('a' * 1000000) }}",
    "ljust": "{{ 'x'.ljust(3000000000) }}",
    "rjust": "{{ 'x'.rjust(3000000000, 'y') }}",
    "zfill": "{{ '1'.zfill(3000000000) }}",
    "expandtabs": "{{ ('\t' * 1000000).expandtabs(3000) }}",
    "replace method": "{{ ('a' * 1000000).replace('a', 'bbbbbbbbbb') }}",
    "replace filter": "{{ ('a' * 1000000)|replace('a', 'bbbbbbbbbb') }}",
    "join method": "{{ ('a' * 1000000).join(range(3000)|map('string')) }}",
    "format width": "{{ '{:>3000000000}'.format('x') }}",
    "format nested width": "{{ '{:>{w}}'.format('x', w=3000000000) }}",
    "format repeated field": "{% set a = 'x' * 1000000 %}{{ ('{0}' * 1000).format(a) }}",
    "percent width": "{{ '%3000000000s' % 'x' }}",
    "percent star width": "{{ '%*s' % (3000000000, 'x') }}",
    "format filter": "{{ '%3000000000s'|format('x') }}",
    "indent filter": "{{ ('a\n' * 100000)|indent(100000) }}",
    "center filter": "{{ 'x'|center(3000000000) }}",
    "wordwrap filter": "{{ ('a ' * 500000)|wordwrap(1, wrapstring='x' * 1000000) }}",
    "tojson indent": "{{ [1, [2, [3]]]|tojson(indent=1000000000) }}",
    "mapped filter": "{{ [1, 2]|map('center', 3000000000)|list }}",
    "many concatenations": "{% set a = 'x' * 1000000 %}{{ " + " ~ ".join(["a"] * 3000) + " }}",
    "printing a million aliases": "{% set a = 'x' * 1000000 %}{{ [a] * 1000000 }}",
    "printing aliases from a literal": "{% set a = 'x' * 1000000 %}{{ [" + ", ".join(["a"] * 3000) + "] }}",
    "joining aliases": "{{ (['a' * 1000000] * 1000000)|join }}",
    "dict items": "{% set a = 'x' * 1000000 %}{{ dict(a=a, b=a, c=a, d=a, e=a).items() }}",
    "block set buffer": (
        "{% set a = 'x' * 1000000 %}{% set b %}{% for i in range(100000) %}{{ a }}{% endfor %}{% endset %}"
        "{{ b|length }}"
    ),
    "doubling macro": (
        "{% macro f(n) %}{% if n > 0 %}{{ f(n - 1) }}{{ f(n - 1) }}{% else %}{{ 'x' * 1000000 }}{% endif %}"
        "{% endmacro %}{{ f(40)|length }}"
    ),
    "batch fill": "{{ [1]|batch(3000000000, 'x')|list|length }}",
    "slice count": "{{ [1]|slice(3000000000)|list|length }}",
    "squaring an integer": (
        "{% set ns = namespace(x=10 ** 60) %}{% for i in range(40) %}{% set ns.x = ns.x * ns.x %}{% endfor %}"
        "{{ ns.x > 1 }}"
    ),
    "power of a power": (
        "{% set ns = namespace(x=10) %}{% for i in range(10) %}{% set ns.x = ns.x ** 60 %}{% endfor %}{{ 1 }}"
    ),
    "translate": "{{ 'aaaa'.translate({97: 'x' * 1000000}) }}",
    "int to bytes": "{{ (1).to_bytes(3000000000, 'big') }}",
    "encoding to bytes": "{{ ('가' * 4000000).encode('utf-32')|length }}",
    "lipsum": "{{ lipsum(3000000000) }}",
    "doubling a list": (
        "{% set ns = namespace(l=[1]) %}{% for i in range(64) %}{% set ns.l = ns.l + ns.l %}{% endfor %}"
        "{{ ns.l|length }}"
    ),
    "a namespace holding itself": "{% set ns = namespace() %}{% set ns.x = ns %}{{ ns }}",
    "weighing big batches": "{% for i in range(2000) %}{{ [1]|batch(1000000, 'x')|first|length }}{% endfor %}",
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_templates_are_stopped_with_a_clear_error(case: str) -> None:
    with pytest.raises(ChatTemplateError) as err:
        render_chat_template(HOSTILE[case], [{"role": "user", "content": "x"}], time_budget=0.5)
    assert "대화 템플릿" in err.value.user_message
    assert "기본 형식" in err.value.user_message


@pytest.mark.parametrize("case", sorted(BOMBS))
def test_templates_that_would_take_gigabytes_are_refused(case: str) -> None:
    with pytest.raises(ChatTemplateError) as err:
        render_chat_template(BOMBS[case], [{"role": "user", "content": "x"}], time_budget=1.0)
    assert "대화 템플릿" in err.value.user_message


def test_a_bomb_is_refused_with_little_memory_in_a_fresh_process() -> None:
    """The issue's two templates, rendered in a child so its peak RSS is the render's own."""
    script = textwrap.dedent(
        """
        import json, resource, sys
        from app.llm.chat_template import ChatTemplateError, render_chat_template
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        refused = []
        for template in json.loads(sys.argv[1]):
            try:
                render_chat_template(template, [{"role": "user", "content": "요약해 주세요"}])
            except ChatTemplateError as err:
                refused.append(err.detail)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"refused": refused, "grew_kib": peak - base}))
        """
    )
    templates = [BOMBS["center method"], BOMBS["join filter"], BOMBS["printing a million aliases"]]
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(templates)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[3],
        timeout=120,
    )
    report = json.loads(done.stdout)
    assert len(report["refused"]) == len(templates), report
    assert report["grew_kib"] < 200 * 1024, report  # the bombs ask for 3 GB to 4 TB


REAL_STYLE = {
    "qwen2.5-like with tools": (
        "{%- if tools %}{{- '<|im_start|>system\\n' }}{%- if messages[0]['role'] == 'system' %}"
        "{{- messages[0]['content'] }}{%- endif %}{{- '\\n\\n# Tools\\n<tools>' }}"
        "{%- for tool in tools %}{{- '\\n' }}{{- tool | tojson }}{%- endfor %}{{- '\\n</tools><|im_end|>\\n' }}"
        "{%- elif messages[0]['role'] == 'system' %}{{- '<|im_start|>system\\n' + messages[0]['content'] + "
        "'<|im_end|>\\n' }}{%- endif %}"
        "{%- for message in messages %}{%- if message.role == 'user' or (message.role == 'system' and not loop.first) %}"
        "{{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>' + '\\n' }}{%- endif %}"
        "{%- endfor %}{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}"
    ),
    "llama3-like": (
        "{% set loop_messages = messages %}{% for message in loop_messages %}"
        "{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'"
        " + message['content'] | trim + '<|eot_id|>' %}{% if loop.index0 == 0 %}{% set content = bos_token + content %}"
        "{% endif %}{{ content }}{% endfor %}{% if add_generation_prompt %}"
        "{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}"
    ),
    "exaone-like with loop controls": (
        "{% for message in messages %}{% if loop.first and message['role'] != 'system' %}"
        "{{ '[|system|][|endofturn|]\\n' }}{% endif %}{% if message['role'] == 'tool' %}{% continue %}{% endif %}"
        "{{ '[|' + message['role'] + '|]' + message['content'] }}{% if message['role'] == 'user' %}{{ '\\n' }}"
        "{% else %}{{ '[|endofturn|]\\n' }}{% endif %}{% endfor %}"
        "{% if add_generation_prompt %}{{ '[|assistant|]' }}{% endif %}"
    ),
}


@pytest.mark.parametrize("case", sorted(REAL_STYLE))
def test_templates_in_the_style_of_real_models_still_render(case: str) -> None:
    prompt = TaskPrompt(system="당신은 도우미입니다.", content="보고서를 " + "길게 " * 5000 + "요약해 주세요.")
    rendered = render_task_prompt(REAL_STYLE[case], prompt, bos_token="<s>")
    assert "보고서를 길게" in rendered.text
    assert rendered.text.count("길게") == 5000
    check_chat_template(REAL_STYLE[case])


def test_tojson_keeps_korean_readable_like_hugging_face() -> None:
    out = render_chat_template("{{ messages|tojson }}", [{"role": "user", "content": "안녕"}])
    assert out == '[{"role": "user", "content": "안녕"}]'


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
