from app.llm.engine_api import ChatMessage
from app.llm.prompts import BARO_TUNED_END, PromptFormat, TaskPrompt, chat_messages, render, training_example

PROMPT = TaskPrompt(system="규칙", content="본문", instruction="요약하세요.", cue="[요약]", stop=("###",))


def test_every_format_renders_content_and_has_its_stop() -> None:
    expected_stop = {
        PromptFormat.GEMMA: "<end_of_turn>",
        PromptFormat.CHATML: "<|im_end|>",
        PromptFormat.LLAMA3: "<|eot_id|>",
        PromptFormat.EXAONE: "[|endofturn|]",
        PromptFormat.COMPLETION: "\n\n",
        PromptFormat.BARO_TUNED: "<end_of_turn>",
        PromptFormat.SERVER_CHAT: "###",  # the server's template knows its own end of turn
    }
    for fmt in PromptFormat:
        rendered = render(fmt, PROMPT)
        assert "본문" in rendered.text
        assert expected_stop[fmt] in rendered.stop
        assert "###" in rendered.stop


def test_chat_formats_carry_system_and_instruction_but_not_the_base_model_cue() -> None:
    for fmt in (
        PromptFormat.GEMMA,
        PromptFormat.CHATML,
        PromptFormat.LLAMA3,
        PromptFormat.EXAONE,
        PromptFormat.BARO_TUNED,
    ):
        text = render(fmt, PROMPT).text
        assert "규칙" in text and "요약하세요." in text
        assert "[요약]" not in text


def test_a_server_chat_gets_the_system_and_the_user_turn_as_messages() -> None:
    assert chat_messages(PROMPT) == (ChatMessage("system", "규칙"), ChatMessage("user", "본문\n\n요약하세요."))
    no_system = TaskPrompt(system="", content="본문")
    assert chat_messages(no_system) == (ChatMessage("user", "본문"),)
    assert "[요약]" not in render(PromptFormat.SERVER_CHAT, PROMPT).text


def test_gemma_turns() -> None:
    text = render(PromptFormat.GEMMA, PROMPT).text
    assert text.startswith("<start_of_turn>user\n규칙\n\n본문")
    assert text.endswith("<end_of_turn>\n<start_of_turn>model\n")


def test_completion_format_is_document_then_heading() -> None:
    text = render(PromptFormat.COMPLETION, PROMPT).text
    assert text == "본문\n\n[요약]\n"


def test_tuned_format_is_gemma_turns_with_the_system_text_first_and_no_cue() -> None:
    rendered = render(PromptFormat.BARO_TUNED, PROMPT)
    assert rendered.text == "<start_of_turn>user\n규칙\n\n본문\n\n요약하세요.<end_of_turn>\n<start_of_turn>model\n"
    assert rendered.stop == ("<end_of_turn>", "<start_of_turn>", "###")


def test_training_example_is_the_inference_prompt_plus_the_answer_and_its_end() -> None:
    prompt, answer = training_example(PROMPT, "요약문입니다.")
    assert prompt == render(PromptFormat.BARO_TUNED, PROMPT).text
    assert answer == f"요약문입니다.{BARO_TUNED_END}"
    assert BARO_TUNED_END in render(PromptFormat.BARO_TUNED, PROMPT).stop
