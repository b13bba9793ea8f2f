<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AskPane</name>
    <message>
        <location filename="../../app/gui/panes/prompt_pane.py" line="95"/>
        <source>Ask a question. Answers come from the local model; nothing leaves this computer.</source>
        <translation>궁금한 것을 물어보세요. 답은 이 컴퓨터의 모델이 만들며, 아무것도 밖으로 나가지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/prompt_pane.py" line="98"/>
        <source>e.g. What should a weekly report contain?</source>
        <translation>예: 주간 보고서에는 어떤 내용이 들어가야 하나요?</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/prompt_pane.py" line="99"/>
        <source>Ask</source>
        <translation>질문</translation>
    </message>
</context>
<context>
    <name>DraftPane</name>
    <message>
        <location filename="../../app/gui/panes/prompt_pane.py" line="78"/>
        <source>Describe what to write: a report, an official letter, an email, meeting minutes …</source>
        <translation>쓸 글을 설명해 주세요: 보고서, 공문, 이메일, 회의록 …</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/prompt_pane.py" line="82"/>
        <source>e.g. An email to a client moving Friday&apos;s meeting to Monday 10 a.m.</source>
        <translation>예: 금요일 회의를 월요일 오전 10시로 옮긴다고 고객사에 보내는 이메일</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/prompt_pane.py" line="85"/>
        <source>Write draft</source>
        <translation>초안 쓰기</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/gui/main_window.py" line="36"/>
        <source>Baro — offline Korean assistant</source>
        <translation>바로 — 내 컴퓨터 속 한국어 업무 도우미</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="48"/>
        <source>Summarize</source>
        <translation>요약</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="49"/>
        <source>Draft</source>
        <translation>초안</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="50"/>
        <source>Ask</source>
        <translation>질문</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="81"/>
        <source>Loading the model…</source>
        <translation>모델 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="90"/>
        <source>Restarting the model engine…</source>
        <translation>모델 엔진 다시 시작하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="96"/>
        <source>Model: not loaded</source>
        <translation>모델: 불러오지 않음</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="97"/>
        <source>Model: loading {name}…</source>
        <translation>모델: {name} 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="98"/>
        <source>Model: {name} (ready)</source>
        <translation>모델: {name} (준비됨)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="99"/>
        <source>Model failed to load: {name}</source>
        <translation>모델을 불러오지 못했습니다: {name}</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="105"/>
        <source>The built-in model is small: answers may be wrong. A larger Korean model does far better.</source>
        <translation>내장 모델은 작아서 틀린 답을 할 수 있습니다. 더 큰 한국어 모델을 쓰면 훨씬 좋아집니다.</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="46"/>
        <source>Not enough memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="48"/>
        <source>Load anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="70"/>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="201"/>
        <source>Model manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="78"/>
        <source>The built-in model is small and makes every feature work offline. A 1.5-3B Korean instruct model gives far better answers. Files are checked before they are used; only a download you start here uses the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="85"/>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="99"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="85"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="85"/>
        <source>Prompt format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="85"/>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="86"/>
        <source>Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="87"/>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="88"/>
        <source>Chat template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="89"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="90"/>
        <source>Import GGUF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="91"/>
        <source>Use built-in model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="93"/>
        <source>Installed models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="99"/>
        <source>RAM needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="99"/>
        <source>License</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="99"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="100"/>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="101"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="104"/>
        <source>Recommended Korean models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="177"/>
        <source>(no verified source: download it yourself and import)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="186"/>
        <source>model&apos;s own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="186"/>
        <source>built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="214"/>
        <source>Kept the current model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="220"/>
        <source>Baro will use {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="227"/>
        <source>Baro will use the built-in model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="239"/>
        <source>OK: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="266"/>
        <source>Remove model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="266"/>
        <source>Remove {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="274"/>
        <source>Removed {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="280"/>
        <source>Import a GGUF model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="280"/>
        <source>GGUF models (*.gguf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="285"/>
        <source>Checking {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="294"/>
        <source>Downloading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="307"/>
        <source>Installed {name}. Select it and press Use to switch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="312"/>
        <source>Another model job is still running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StreamView</name>
    <message>
        <location filename="../../app/gui/panes/stream_view.py" line="30"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/stream_view.py" line="55"/>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/stream_view.py" line="67"/>
        <source>Writing…</source>
        <translation>쓰는 중…</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/stream_view.py" line="82"/>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/stream_view.py" line="90"/>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/stream_view.py" line="98"/>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
</context>
<context>
    <name>SummarizePane</name>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="54"/>
        <source>Drop one or more documents here, or choose one. HWP, HWPX, PDF, DOCX, TXT and more.</source>
        <translation>문서를 여기에 끌어다 놓거나(여러 개도 됩니다) 파일을 고르세요. HWP, HWPX, PDF, DOCX, TXT 등을 읽습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="58"/>
        <source>No file chosen</source>
        <translation>선택한 파일 없음</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="60"/>
        <source>Choose file…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="63"/>
        <source>3-line gist</source>
        <translation>세 줄 요약</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="64"/>
        <source>Bullet points</source>
        <translation>글머리표 요약</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="65"/>
        <source>Section by section</source>
        <translation>부분별 요약</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="68"/>
        <source>Short</source>
        <translation>짧게</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="69"/>
        <source>Medium</source>
        <translation>보통</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="70"/>
        <source>Long</source>
        <translation>길게</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="72"/>
        <source>Summarize</source>
        <translation>요약</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="76"/>
        <source>Regenerate</source>
        <translation>다시 생성</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="81"/>
        <source>Mark unsupported sentences</source>
        <translation>근거 없는 문장 표시</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="82"/>
        <source>Strike them through</source>
        <translation>근거 없는 문장 취소선</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="83"/>
        <source>Hide them</source>
        <translation>근거 없는 문장 숨기기</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="88"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="90"/>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="115"/>
        <source>History:</source>
        <translation>기록:</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="135"/>
        <source>Documents</source>
        <translation>문서</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="136"/>
        <source>Choose documents</source>
        <translation>문서 선택</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="270"/>
        <source>Save summary</source>
        <translation>요약 저장</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="270"/>
        <source>Word document (*.docx);;Markdown (*.md)</source>
        <translation>Word 문서 (*.docx);;마크다운 (*.md)</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="297"/>
        <source>(recent summaries)</source>
        <translation>(최근 요약)</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="321"/>
        <source>{name} is a folder. Drop a document file (HWP, PDF, DOCX …) instead.</source>
        <translation>{name}은(는) 폴더입니다. 문서 파일(HWP, PDF, DOCX …)을 끌어다 놓아 주세요.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="325"/>
        <source>{name} was not found.</source>
        <translation>{name} 파일을 찾을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="327"/>
        <source>{name}: this file type is not supported. Use HWP, HWPX, PDF, DOCX, TXT or MD.</source>
        <translation>{name}: 지원하지 않는 파일 형식입니다. HWP, HWPX, PDF, DOCX, TXT, MD 파일을 사용해 주세요.</translation>
    </message>
</context>
<context>
    <name>SummaryRender</name>
    <message>
        <location filename="../../app/gui/panes/summary_render.py" line="83"/>
        <source>[hidden: not supported by the source]</source>
        <translation>[숨김: 원문으로 확인되지 않은 문장]</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summary_render.py" line="87"/>
        <source>not in source</source>
        <translation>원문에 없음</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summary_render.py" line="112"/>
        <source>Key sentences (quoted from the document)</source>
        <translation>핵심 문장 (원문 그대로 인용)</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summary_render.py" line="116"/>
        <source>source</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summary_render.py" line="123"/>
        <source>AI summary — written by the model; check marked sentences</source>
        <translation>AI 요약 — 모델이 쓴 글입니다. 표시된 문장을 확인하세요</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summary_render.py" line="125"/>
        <source>AI summary — written by the small built-in model; check marked sentences</source>
        <translation>AI 요약 — 작은 내장 모델이 쓴 글입니다. 표시된 문장을 확인하세요</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summary_render.py" line="133"/>
        <source>{checked} sentences checked: {flagged} not fully supported by the document.</source>
        <translation>{checked}개 문장을 원문과 대조했습니다: {flagged}개는 원문으로 충분히 확인되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summary_render.py" line="158"/>
        <source>No reason recorded.</source>
        <translation>기록된 이유가 없습니다.</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../app/gui/dialogs/template_dialog.py" line="20"/>
        <source>Chat template: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/template_dialog.py" line="22"/>
        <source>(This model file has no chat template.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/template_dialog.py" line="27"/>
        <source>The model&apos;s own template runs in a sandbox with a time limit. Baro&apos;s built-in format is tested with Baro&apos;s tasks; choose it if answers look wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/template_dialog.py" line="32"/>
        <source>Use Baro&apos;s built-in prompt format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/template_dialog.py" line="33"/>
        <source>Use the model&apos;s own chat template</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
