"""The summary pipeline's model-free parts: how many key sentences, grouping, streaming verdicts, export."""

from __future__ import annotations

from pathlib import Path

from app.core.document import Block, Document
from app.core.events import KeyPoints, Notice, SentenceVerdict
from app.core.locations import Location
from app.docs import read_document
from app.tasks.answer_watch import AnswerWatch
from app.tasks.results import SummaryResult
from app.tasks.summarize import key_quotes, key_sentence_count
from app.tasks.summary_export import save_summary, to_markdown
from app.tasks.verdicts import claim_judge

SOURCE = [
    "서울 지사의 상반기 매출은 120억 원으로 지난해보다 15% 늘었다.",
    "부산 지사는 신규 고객 40곳을 확보했지만 매출은 지난해와 비슷했다.",
    "인력 충원은 하지 않기로 했다.",
]


def test_longer_documents_get_more_key_sentences_within_bounds() -> None:
    counts = [key_sentence_count(n) for n in (0, 10, 100, 1000, 10_000, 10**7)]
    assert counts == sorted(counts)
    assert counts[0] == 8 and counts[-1] == 160


def test_key_quotes_are_exact_and_in_document_order() -> None:
    blocks = [Block(text, Location(page=i + 1)) for i, text in enumerate(SOURCE * 3)]
    doc = Document(Path("보고서.pdf"), "보고서", "pdf", blocks)
    quotes = key_quotes(doc, 4)
    assert [q.index for _, q in quotes] == list(range(len(quotes)))
    positions = [(k.block_index, k.start) for k, _ in quotes]
    assert positions == sorted(positions)
    for key, quote in quotes:
        assert quote.text == doc.blocks[key.block_index].text[key.start : key.end]
        assert quote.location.page == key.block_index + 1
        assert quote.source == "보고서.pdf"


def test_streaming_verdicts_judge_each_finished_sentence_once() -> None:
    watch = AnswerWatch(judge=claim_judge(SOURCE), acting=False)  # judges, withdraws nothing
    text = "1. 서울 지사 매출은 120억 원으로 15% 늘었다.\n2. 부산 지사는 신규 고객 400곳을 확보했다.\n- 인력을 충원하기로 했다."
    seen: list[SentenceVerdict] = []
    for char in text:
        seen.extend(e for e in watch.feed(char) if isinstance(e, SentenceVerdict))
    assert [v.index for v in seen] == [0, 1], "a sentence is judged once the next one has begun"
    seen.extend(e for e in watch.finish() if isinstance(e, SentenceVerdict))
    assert [v.label for v in seen] == ["supported", "unsupported", "unsupported"]
    assert seen[0].source == 1
    assert any("400" in r for r in seen[1].reasons)
    assert watch.finish() == []


def test_markdown_and_docx_exports_keep_sources_and_flags(tmp_path: Path) -> None:
    data = {
        "title": "상반기 보고서",
        "file": "/x/상반기 보고서.txt",
        "model": "Gemma 3 270M",
        "summary": "서울 매출이 늘었다. 부산 고객은 400곳이다.",
        "sentences": [
            {"text": "서울 매출이 늘었다.", "verdict": "supported", "source": 0, "reasons": [], "span": [0, 5]},
            {
                "text": "부산 고객은 400곳이다.",
                "verdict": "unsupported",
                "source": None,
                "reasons": ["수치"],
                "span": None,
            },
        ],
        "sources": [{"text": SOURCE[0], "label": "3행", "location": {"line": 3}}],
    }
    markdown = to_markdown(SummaryResult.from_json(data))
    assert "서울 매출이 늘었다. [1]" in markdown
    assert "⚠ 원문으로 확인되지 않음" in markdown
    assert f"1. “{SOURCE[0]}” — 3행" in markdown
    target = tmp_path / "요약.docx"
    save_summary(SummaryResult.from_json(data), target)
    text = read_document(target).text
    assert "부산 고객은 400곳이다." in text and "원문으로 확인되지 않음" in text and SOURCE[0] in text
    assert [p.name for p in tmp_path.iterdir()] == ["요약.docx"]  # no temporary file left beside it


def test_a_long_document_merges_what_the_model_wrote_for_each_part() -> None:
    from app.tasks.summarize import AVERAGE_SENTENCE_CHARS, SummaryRequest, _groups, _TokenEstimate, summarize_document
    from tests.unit.tasks.draft_fakes import scripted_assistant

    departments = ["총무팀", "재무팀", "물류팀", "영업팀", "인사팀", "연구소"]
    lines = [
        f"{departments[i % 6]}은 제{i + 1}차 점검에서 예산 {i + 3}억 원의 집행률이 {(i * 7) % 90 + 5}%라고 보고했으며 "
        f"{i % 12 + 1}월까지 후속 조치 {i % 5 + 2}건을 마련하기로 했다."
        for i in range(600)
    ]
    doc = Document(Path("점검.txt"), "점검 결과", "txt", [Block(t, Location(line=i + 1)) for i, t in enumerate(lines)])
    probe = scripted_assistant([])
    request = SummaryRequest()
    texts = [q.text for _, q in key_quotes(doc, key_sentence_count(len(doc.text) // AVERAGE_SENTENCE_CHARS))]
    groups = _groups(texts, probe.content_budget(request.max_new_tokens), _TokenEstimate(probe, doc.text))
    assert len(groups) > 1
    # Each partial copies its part's first sentence (supported); the merge must receive exactly that.
    assistant = scripted_assistant([group[0] for group in groups] + [groups[0][0]])
    list(summarize_document(assistant, doc, request))
    merge = assistant.engine.prompts[len(groups)]  # type: ignore[attr-defined]
    for group in groups:
        assert group[0] in merge and group[1] not in merge  # not the two-quote stand-in


def test_a_sampled_document_is_summarized_in_one_prompt_from_the_best_sentences_that_fit() -> None:
    from app.tasks.summarize import SummaryRequest, _TokenEstimate, summarize_document
    from app.text.keysentences import ANALYSIS_BUDGET_CHARS
    from tests.unit.tasks.draft_fakes import scripted_assistant

    departments = ["총무팀", "재무팀", "물류팀", "영업팀", "인사팀", "연구소"]
    lines = []
    while sum(map(len, lines)) <= 2 * ANALYSIS_BUDGET_CHARS:
        i = len(lines)
        lines.append(
            f"{departments[i % 6]}은 제{i + 1}차 점검에서 예산 {i + 3}억 원의 집행률이 {(i * 7) % 90 + 5}%라고 보고했다."
        )
    doc = Document(
        Path("긴 점검.txt"), "점검 결과", "txt", [Block(t, Location(line=i + 1)) for i, t in enumerate(lines)]
    )
    request = SummaryRequest()
    assistant = scripted_assistant([lines[0]])
    events = list(summarize_document(assistant, doc, request))
    prompts = assistant.engine.prompts  # type: ignore[attr-defined]
    assert len(prompts) == 1  # no partial summaries of a sample
    notices = [e.text for e in events if isinstance(e, Notice)]
    assert any("고르게 뽑은" in n for n in notices) and not any("부분으로 나누어" in n for n in notices)
    key_points = next(e for e in events if isinstance(e, KeyPoints))
    estimate = _TokenEstimate(assistant, doc.text)
    assert len(key_points.quotes) > 1
    assert sum(estimate(q.text) for q in key_points.quotes) <= assistant.content_budget(request.max_new_tokens)
    positions = [lines.index(q.text) for q in key_points.quotes]
    assert positions == sorted(positions)
