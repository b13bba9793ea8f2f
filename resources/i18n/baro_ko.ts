<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AskPane</name>
    <message>
        <location filename="../../app/gui/panes/prompt_pane.py" line="78"/>
        <source>Ask a question. Answers come from the local model; nothing leaves this computer.</source>
        <translation>궁금한 것을 물어보세요. 답은 이 컴퓨터의 모델이 만들며, 아무것도 밖으로 나가지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/prompt_pane.py" line="81"/>
        <source>e.g. What should a weekly report contain?</source>
        <translation>예: 주간 보고서에는 어떤 내용이 들어가야 하나요?</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="65"/>
        <source>Ask about the documents in your library. Answers cite their sources; nothing leaves this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="72"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="75"/>
        <source>e.g. When is the deadline for the annual report?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="77"/>
        <location filename="../../app/gui/panes/prompt_pane.py" line="82"/>
        <source>Ask</source>
        <translation>질문</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="82"/>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="90"/>
        <source>Search in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="138"/>
        <source>Whole library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="140"/>
        <source>Folder: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="140"/>
        <location filename="../../app/gui/panes/ask_pane.py" line="143"/>
        <source>Document: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="144"/>
        <source>One document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="153"/>
        <source>Documents</source>
        <translation type="unfinished">문서</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="155"/>
        <source>Ask about one document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="214"/>
        <source>Done — {cached} of {total} prompt tokens reused from the previous question</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftPane</name>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="75"/>
        <source>Documents the draft takes its facts from. Drop files here.</source>
        <translation>초안이 사실을 가져올 문서입니다. 파일을 여기에 끌어다 놓으세요.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="76"/>
        <source>Add reference…</source>
        <translation>참고 문서 추가…</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="78"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="80"/>
        <source>Write draft</source>
        <translation>초안 쓰기</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="87"/>
        <source>Template</source>
        <translation>서식</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="88"/>
        <source>Style</source>
        <translation>문체</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="92"/>
        <source>References</source>
        <translation>참고 문서</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="108"/>
        <source>The draft appears here. You can edit it directly.</source>
        <translation>초안이 여기에 나타납니다. 바로 고쳐 쓸 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="110"/>
        <source>Regenerate</source>
        <translation>다시 쓰기</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="114"/>
        <source>Shorter</source>
        <translation>더 짧게</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="115"/>
        <source>More polite</source>
        <translation>더 공손하게</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="116"/>
        <source>As bullet points</source>
        <translation>개조식으로</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="119"/>
        <source>Rewrite the selected passage</source>
        <translation>선택한 부분을 고쳐 씁니다</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="122"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="124"/>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="210"/>
        <source>{name}: this file cannot be used as a reference.</source>
        <translation>{name}: 이 파일은 참고 문서로 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="222"/>
        <source>Choose reference documents</source>
        <translation>참고 문서 선택</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="265"/>
        <source>Select the passage to rewrite first.</source>
        <translation>고쳐 쓸 부분을 먼저 선택해 주세요.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="344"/>
        <source>Not backed by the references or your fields: check this fact.</source>
        <translation>참고 문서나 입력한 내용에 근거가 없습니다. 사실인지 확인해 주세요.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="347"/>
        <source>Only partly backed by the references or your fields.</source>
        <translation>참고 문서나 입력한 내용에 일부만 근거가 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="361"/>
        <source>{bad} sentence(s) underlined in red are not backed by your input or references; {partial} highlighted only partly.</source>
        <translation>빨간 물결 밑줄 {bad}문장은 입력 내용·참고 문서에 근거가 없고, 노란 배경 {partial}문장은 일부만 근거가 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="368"/>
        <source>Facts taken from: {names}</source>
        <translation>근거 문서: {names}</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="391"/>
        <source>Export draft</source>
        <translation>초안 내보내기</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="393"/>
        <source>Hangul document (*.hwpx);;Word document (*.docx);;Markdown (*.md);;Text (*.txt)</source>
        <translation>한글 문서 (*.hwpx);;Word 문서 (*.docx);;마크다운 (*.md);;텍스트 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="404"/>
        <source>Saved to {name}</source>
        <translation>{name}에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../app/gui/library/panel.py" line="54"/>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="58"/>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="60"/>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="62"/>
        <source>Remove</source>
        <translation type="unfinished">삭제</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="71"/>
        <source>Stop indexing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="74"/>
        <source>Files that could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="126"/>
        <source>{name} — {count} documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="137"/>
        <source>{files} documents, {chunks} passages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="139"/>
        <source>Add a folder of documents to ask questions about them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="161"/>
        <source>Add a folder to the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="167"/>
        <source>Documents</source>
        <translation type="unfinished">문서</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="168"/>
        <source>Add documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="236"/>
        <source>Looking for changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="270"/>
        <source>Indexing stopped. What was read so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/gui/main_window.py" line="38"/>
        <source>Baro — offline Korean assistant</source>
        <translation>바로 — 내 컴퓨터 속 한국어 업무 도우미</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="50"/>
        <source>Summarize</source>
        <translation>요약</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="51"/>
        <source>Draft</source>
        <translation>초안</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="52"/>
        <source>Ask</source>
        <translation>질문</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="84"/>
        <source>Loading the model…</source>
        <translation>모델 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="93"/>
        <source>Restarting the model engine…</source>
        <translation>모델 엔진 다시 시작하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="99"/>
        <source>Model: not loaded</source>
        <translation>모델: 불러오지 않음</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="100"/>
        <source>Model: loading {name}…</source>
        <translation>모델: {name} 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="101"/>
        <source>Model: {name} (ready)</source>
        <translation>모델: {name} (준비됨)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="102"/>
        <source>Model failed to load: {name}</source>
        <translation>모델을 불러오지 못했습니다: {name}</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="108"/>
        <source>The built-in model is small: answers may be wrong. A larger Korean model does far better.</source>
        <translation>내장 모델은 작아서 틀린 답을 할 수 있습니다. 더 큰 한국어 모델을 쓰면 훨씬 좋아집니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/menus.py" line="15"/>
        <source>&amp;Baro</source>
        <translation>바로(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/gui/menus.py" line="16"/>
        <source>Model manager…</source>
        <translation>모델 관리…</translation>
    </message>
    <message>
        <location filename="../../app/gui/menus.py" line="19"/>
        <source>Settings…</source>
        <translation>설정…</translation>
    </message>
    <message>
        <location filename="../../app/gui/menus.py" line="36"/>
        <source>The new model is used from the next start.</source>
        <translation>새 모델은 다음에 시작할 때부터 씁니다.</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="46"/>
        <source>Not enough memory</source>
        <translation>메모리 부족</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="48"/>
        <source>Load anyway</source>
        <translation>그래도 불러오기</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="70"/>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="210"/>
        <source>Model manager</source>
        <translation>모델 관리</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="78"/>
        <source>The built-in model is small and makes every feature work offline. A 1.5-3B Korean instruct model gives far better answers. Files are checked before they are used; only a download you start here uses the network.</source>
        <translation>내장 모델은 작지만 모든 기능을 인터넷 없이 쓸 수 있게 해 줍니다. 1.5~3B 크기의 한국어 대화형 모델을 쓰면 답이 훨씬 좋아집니다. 모델 파일은 쓰기 전에 검사하며, 여기서 직접 시작한 내려받기만 네트워크를 씁니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="85"/>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="99"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="85"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="85"/>
        <source>Prompt format</source>
        <translation>프롬프트 형식</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="85"/>
        <source>Template</source>
        <translation>템플릿</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="86"/>
        <source>Use</source>
        <translation>사용</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="87"/>
        <source>Verify</source>
        <translation>검사</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="88"/>
        <source>Chat template…</source>
        <translation>대화 템플릿…</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="89"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="90"/>
        <source>Import GGUF…</source>
        <translation>GGUF 가져오기…</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="91"/>
        <source>Use built-in model</source>
        <translation>내장 모델 사용</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="93"/>
        <source>Installed models</source>
        <translation>설치된 모델</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="99"/>
        <source>RAM needed</source>
        <translation>필요한 메모리</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="99"/>
        <source>License</source>
        <translation>라이선스</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="99"/>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="102"/>
        <source>Download</source>
        <translation>내려받기</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="103"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="106"/>
        <source>Recommended Korean models</source>
        <translation>추천 한국어 모델</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="179"/>
        <source>(no verified source: download it yourself and import)</source>
        <translation>(확인된 출처 없음: 직접 받아서 가져오기)</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="195"/>
        <source>model&apos;s own</source>
        <translation>모델 자체</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="195"/>
        <source>built-in</source>
        <translation>기본</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="223"/>
        <source>Kept the current model.</source>
        <translation>지금 모델을 그대로 씁니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="229"/>
        <source>Baro will use {name}.</source>
        <translation>앞으로 {name}을(를) 씁니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="236"/>
        <source>Baro will use the built-in model.</source>
        <translation>앞으로 내장 모델을 씁니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="248"/>
        <source>OK: {detail}</source>
        <translation>정상: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="275"/>
        <source>Remove model</source>
        <translation>모델 삭제</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="275"/>
        <source>Remove {name}?</source>
        <translation>{name}을(를) 지울까요?</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="283"/>
        <source>Removed {name}.</source>
        <translation>{name}을(를) 지웠습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="289"/>
        <source>Import a GGUF model</source>
        <translation>GGUF 모델 가져오기</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="289"/>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 모델 (*.gguf)</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="294"/>
        <source>Checking {name}…</source>
        <translation>{name} 검사하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="303"/>
        <source>Downloading {name}…</source>
        <translation>{name} 내려받는 중…</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="316"/>
        <source>Installed {name}. Select it and press Use to switch.</source>
        <translation>{name}을(를) 설치했습니다. 선택한 뒤 [사용]을 누르면 바뀝니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="321"/>
        <source>Another model job is still running.</source>
        <translation>다른 모델 작업이 아직 진행 중입니다.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="40"/>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="158"/>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="167"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="47"/>
        <source>Built-in model</source>
        <translation>내장 모델</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="54"/>
        <source>automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="55"/>
        <source>model&apos;s recommendation</source>
        <translation>모델 권장값</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="61"/>
        <source>Keep a history of my tasks on this computer</source>
        <translation>작업 기록을 이 컴퓨터에 남기기</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="70"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="71"/>
        <source>CPU threads</source>
        <translation>CPU 스레드</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="72"/>
        <source>Context size (tokens)</source>
        <translation>컨텍스트 크기(토큰)</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="73"/>
        <source>GPU layers</source>
        <translation>GPU 층 수</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="74"/>
        <source>Temperature</source>
        <translation>온도(다양성)</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="76"/>
        <source>Language (after restart)</source>
        <translation>언어 (다시 시작한 뒤 적용)</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="77"/>
        <source>Hotkey</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="81"/>
        <source>Forget token</source>
        <translation>토큰 지우기</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="84"/>
        <source>Hugging Face token (only for gated model downloads)</source>
        <translation>Hugging Face 토큰 (동의가 필요한 모델을 내려받을 때만)</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="120"/>
        <source>No keyring on this computer</source>
        <translation>이 컴퓨터에 비밀 저장소 없음</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="123"/>
        <source>No system keyring was found, so Baro cannot store a token. It is never written to a file. Public models download without one.</source>
        <translation>시스템 비밀 저장소(keyring)를 찾지 못해 토큰을 저장할 수 없습니다. 토큰은 절대 파일에 쓰지 않습니다. 공개 모델은 토큰 없이 내려받을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="129"/>
        <source>Stored in the keyring</source>
        <translation>비밀 저장소에 저장됨</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="129"/>
        <source>hf_…</source>
        <translation>hf_…</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="132"/>
        <source>Kept in the system keyring ({name}), never in a file.</source>
        <translation>시스템 비밀 저장소({name})에만 보관하며 파일에는 쓰지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="151"/>
        <source>This settings file was written by a newer Baro; it is left unchanged.</source>
        <translation>더 새 버전의 바로가 만든 설정 파일이라 바꾸지 않습니다.</translation>
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
        <translation>대화 템플릿: {name}</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/template_dialog.py" line="22"/>
        <source>(This model file has no chat template.)</source>
        <translation>(이 모델 파일에는 대화 템플릿이 없습니다.)</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/template_dialog.py" line="27"/>
        <source>The model&apos;s own template runs in a sandbox with a time limit. Baro&apos;s built-in format is tested with Baro&apos;s tasks; choose it if answers look wrong.</source>
        <translation>모델 자체 템플릿은 시간 제한이 있는 격리 환경에서 실행됩니다. 바로의 기본 형식은 바로의 작업으로 검증되었으니, 답이 이상하면 기본 형식을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/template_dialog.py" line="32"/>
        <source>Use Baro&apos;s built-in prompt format</source>
        <translation>바로의 기본 프롬프트 형식 사용</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/template_dialog.py" line="33"/>
        <source>Use the model&apos;s own chat template</source>
        <translation>모델 자체의 대화 템플릿 사용</translation>
    </message>
</context>
</TS>
