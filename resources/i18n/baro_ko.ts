<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/gui/dialogs/about_dialog.py" line="43"/>
        <source>About Baro</source>
        <translation>바로 정보</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/about_dialog.py" line="49"/>
        <location filename="../../app/gui/dialogs/about_dialog.py" line="63"/>
        <source>Baro</source>
        <translation>바로</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/about_dialog.py" line="51"/>
        <source>Gemma Terms of Use</source>
        <translation>Gemma 이용 약관</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/about_dialog.py" line="53"/>
        <source>Components</source>
        <translation>구성 요소</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/about_dialog.py" line="74"/>
        <source>An offline Korean work assistant. Documents, questions and answers stay on this computer; the network is used only when you choose to download a model.</source>
        <translation>내 컴퓨터 안에서만 도는 한국어 업무 도우미입니다. 문서와 질문, 답은 이 컴퓨터 밖으로 나가지 않으며, 네트워크는 모델을 내려받기로 직접 고를 때만 씁니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/about_dialog.py" line="79"/>
        <source>Baro is licensed under %1.</source>
        <translation>바로는 %1 라이선스로 배포됩니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/about_dialog.py" line="93"/>
        <source>Open %1</source>
        <translation>%1 열기</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/about_dialog.py" line="102"/>
        <source>Active model</source>
        <translation>사용 중인 모델</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/about_dialog.py" line="103"/>
        <source>Model license</source>
        <translation>모델 라이선스</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/about_dialog.py" line="104"/>
        <source>not recorded — see the page you got this model from</source>
        <translation>기록되지 않음 — 이 모델을 받은 곳의 안내를 확인하세요</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/about_dialog.py" line="112"/>
        <source>The built-in model is small. A larger Korean model gives far better answers; get one in the model manager.</source>
        <translation>내장 모델은 작습니다. 더 큰 한국어 모델이 훨씬 나은 답을 줍니다. 모델 관리에서 받을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/about_dialog.py" line="151"/>
        <source>%1 is licensed under %2; it ships no license file of its own.</source>
        <translation>%1의 라이선스는 %2입니다. 자체 라이선스 파일은 함께 배포되지 않습니다.</translation>
    </message>
</context>
<context>
    <name>AnswerView</name>
    <message>
        <location filename="../../app/gui/library/answer_view.py" line="53"/>
        <source>Not supported by the sources: {reasons}</source>
        <translation>출처에서 확인되지 않은 문장입니다: {reasons}</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/answer_view.py" line="55"/>
        <source>Only partly supported: {reasons}</source>
        <translation>일부만 확인된 문장입니다: {reasons}</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/answer_view.py" line="64"/>
        <source>Supported by source [{n}]</source>
        <translation>출처 [{n}]에서 확인됨</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/answer_view.py" line="66"/>
        <source>Supported by source [{n}] (linked by the check, not cited by the model)</source>
        <translation>출처 [{n}]에서 확인됨 (모델이 아니라 확인 과정에서 연결)</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/answer_view.py" line="91"/>
        <source>Source linked by the check; the model did not cite it.</source>
        <translation>모델이 단 출처가 아니라 확인 과정에서 연결한 출처입니다.</translation>
    </message>
</context>
<context>
    <name>AskPane</name>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="62"/>
        <source>Ask about the documents in your library. Answers cite their sources; nothing leaves this computer.</source>
        <translation>라이브러리의 문서에 대해 물어보세요. 답에는 출처가 붙고, 아무것도 이 PC 밖으로 나가지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="69"/>
        <source>New conversation</source>
        <translation>새 대화</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="72"/>
        <source>e.g. When is the deadline for the annual report?</source>
        <translation>예: 연간 보고서 제출 기한은 언제인가요?</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="74"/>
        <source>Ask</source>
        <translation>질문</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="79"/>
        <source>Sources</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="87"/>
        <source>Search in:</source>
        <translation>찾을 범위:</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="140"/>
        <source>Whole library</source>
        <translation>라이브러리 전체</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="142"/>
        <source>Folder: {name}</source>
        <translation>폴더: {name}</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="142"/>
        <location filename="../../app/gui/panes/ask_pane.py" line="145"/>
        <source>Document: {name}</source>
        <translation>문서: {name}</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="146"/>
        <source>One document…</source>
        <translation>문서 하나 고르기…</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="155"/>
        <source>Documents</source>
        <translation>문서</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="157"/>
        <source>Ask about one document</source>
        <translation>문서 하나에 대해 질문</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/ask_pane.py" line="216"/>
        <source>Done — {cached} of {total} prompt tokens reused from the previous question</source>
        <translation>완료 — 앞 질문의 프롬프트 토큰 {total}개 중 {cached}개를 다시 사용했습니다</translation>
    </message>
</context>
<context>
    <name>BaroTray</name>
    <message>
        <location filename="../../app/gui/tray.py" line="39"/>
        <source>Quick ask</source>
        <translation>빠른 질문</translation>
    </message>
    <message>
        <location filename="../../app/gui/tray.py" line="40"/>
        <source>Open window</source>
        <translation>창 열기</translation>
    </message>
    <message>
        <location filename="../../app/gui/tray.py" line="41"/>
        <source>Summarize clipboard</source>
        <translation>클립보드 요약</translation>
    </message>
    <message>
        <location filename="../../app/gui/tray.py" line="42"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../app/gui/tray.py" line="43"/>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <location filename="../../app/gui/tray.py" line="52"/>
        <source>Baro — click to ask</source>
        <translation>바로 — 눌러서 질문하기</translation>
    </message>
</context>
<context>
    <name>Disclosure</name>
    <message>
        <location filename="../../app/gui/dialogs/disclosure.py" line="20"/>
        <source>Answers from an organisation server</source>
        <translation>조직 서버에서 답 받기</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/disclosure.py" line="21"/>
        <source>Baro will send text to the server {host}.</source>
        <translation>바로가 조직 서버 {host}(으)로 글을 보냅니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/disclosure.py" line="24"/>
        <source>What Baro sends for one question (an example):</source>
        <translation>질문 하나에 Baro가 이 서버로 보내는 내용 (예시):</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/disclosure.py" line="30"/>
        <source>Send to this server</source>
        <translation>이 서버로 보내기</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/disclosure.py" line="32"/>
        <source>Answer on this PC</source>
        <translation>내 PC에서 답하기</translation>
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
        <location filename="../../app/gui/panes/draft_pane.py" line="109"/>
        <source>Regenerate</source>
        <translation>다시 쓰기</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="113"/>
        <source>Shorter</source>
        <translation>더 짧게</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="114"/>
        <source>More polite</source>
        <translation>더 공손하게</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="115"/>
        <source>As bullet points</source>
        <translation>개조식으로</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="118"/>
        <source>Rewrite the selected passage</source>
        <translation>선택한 부분을 고쳐 씁니다</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="121"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="123"/>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="209"/>
        <source>{name}: this file cannot be used as a reference.</source>
        <translation>{name}: 이 파일은 참고 문서로 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="221"/>
        <source>Choose reference documents</source>
        <translation>참고 문서 선택</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="265"/>
        <source>Select the passage to rewrite first.</source>
        <translation>고쳐 쓸 부분을 먼저 선택해 주세요.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="338"/>
        <source>Not backed by the references or your fields: check this fact.</source>
        <translation>참고 문서나 입력한 내용에 근거가 없습니다. 사실인지 확인해 주세요.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="340"/>
        <source>Only partly backed by the references or your fields.</source>
        <translation>참고 문서나 입력한 내용에 일부만 근거가 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="355"/>
        <source>{bad} sentence(s) underlined in red are not backed by your input or references; {partial} highlighted only partly.</source>
        <translation>빨간 물결 밑줄 {bad}문장은 입력 내용·참고 문서에 근거가 없고, 노란 배경 {partial}문장은 일부만 근거가 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="362"/>
        <source>Facts taken from: {names}</source>
        <translation>근거 문서: {names}</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="392"/>
        <source>Export draft</source>
        <translation>초안 내보내기</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="394"/>
        <source>Hangul document (*.hwpx);;Word document (*.docx);;Markdown (*.md);;Text (*.txt)</source>
        <translation>한글 문서 (*.hwpx);;Word 문서 (*.docx);;마크다운 (*.md);;텍스트 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="405"/>
        <source>Saved to {name}</source>
        <translation>{name}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/draft_pane.py" line="365"/>
        <source>⚠ Not factual:</source>
        <translation>⚠ 사실과 다름:</translation>
    </message>
</context>
<context>
    <name>EngineBox</name>
    <message>
        <location filename="../../app/gui/dialogs/engine_settings.py" line="41"/>
        <source>Engine: where answers are made</source>
        <translation>엔진: 답을 만드는 곳</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/engine_settings.py" line="43"/>
        <source>This PC (nothing leaves the computer)</source>
        <translation>내 PC (아무것도 밖으로 나가지 않음)</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/engine_settings.py" line="44"/>
        <source>Organisation server (OpenAI-compatible)</source>
        <translation>조직 서버 (OpenAI 호환)</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/engine_settings.py" line="51"/>
        <source>Load models</source>
        <translation>모델 목록 불러오기</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/engine_settings.py" line="54"/>
        <source>Allow unencrypted http to another computer (not recommended)</source>
        <translation>다른 컴퓨터의 서버에 암호화 없이(http) 연결 허용 (권장하지 않음)</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/engine_settings.py" line="64"/>
        <source>Server address</source>
        <translation>서버 주소</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/engine_settings.py" line="65"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/engine_settings.py" line="66"/>
        <source>API key</source>
        <translation>API 키</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/engine_settings.py" line="85"/>
        <source>Documents, questions and answers stay on this PC.</source>
        <translation>문서와 질문, 답은 모두 이 PC에 남습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/engine_settings.py" line="90"/>
        <source>Stored in the keyring</source>
        <translation>비밀 저장소(keyring)에 저장됨</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/engine_settings.py" line="90"/>
        <source>none (if the server needs none)</source>
        <translation>없음 (서버가 키를 요구하지 않으면)</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/engine_settings.py" line="104"/>
        <source>Unencrypted connection</source>
        <translation>암호화되지 않은 연결</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/engine_settings.py" line="106"/>
        <source>Without https, anyone on the network between this PC and the server can read the passages and answers. Use it only if your administrator says the network is protected.</source>
        <translation>https가 아니면 이 PC와 서버 사이의 네트워크에서 누구나 보내는 문단과 답을 읽을 수 있습니다. 관리자가 안전한 네트워크라고 한 경우에만 켜 주세요.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/engine_settings.py" line="129"/>
        <source>The server offers {count} model(s).</source>
        <translation>서버에 모델이 {count}개 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/engine_settings.py" line="137"/>
        <source>Choose the server&apos;s model (Load models lists them).</source>
        <translation>서버의 모델을 골라 주세요 (&apos;모델 목록 불러오기&apos;로 볼 수 있습니다).</translation>
    </message>
</context>
<context>
    <name>Hotkey</name>
    <message>
        <location filename="../../app/gui/hotkey.py" line="178"/>
        <source>The hotkey {keys} cannot be used: use a modifier (Ctrl, Alt, Shift) with a key.</source>
        <translation>단축키 {keys}는 쓸 수 없습니다. Ctrl, Alt, Shift 같은 보조 키와 함께 눌리는 키를 골라 주세요.</translation>
    </message>
    <message>
        <location filename="../../app/gui/hotkey.py" line="185"/>
        <source>This desktop (Wayland) does not let programs watch the keyboard, so the hotkey {keys} cannot work. Click the Baro icon in the tray instead.</source>
        <translation>이 데스크톱(Wayland)은 프로그램이 키보드를 지켜보지 못하게 해서 단축키 {keys}가 동작할 수 없습니다. 대신 알림 영역의 바로 아이콘을 눌러 주세요.</translation>
    </message>
    <message>
        <location filename="../../app/gui/hotkey.py" line="195"/>
        <source>Another program already uses {keys}. Baro did not take it: choose another hotkey in Settings, or use the tray icon.</source>
        <translation>다른 프로그램이 이미 {keys}를 쓰고 있어 바로는 이 단축키를 가져오지 않았습니다. 설정에서 다른 단축키를 고르거나 알림 영역 아이콘을 써 주세요.</translation>
    </message>
    <message>
        <location filename="../../app/gui/hotkey.py" line="204"/>
        <source>This keyboard has no key for the hotkey {keys}.</source>
        <translation>이 키보드에는 단축키 {keys}에 해당하는 키가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/hotkey.py" line="211"/>
        <source>The hotkey {keys} could not be registered ({reason}). Click the Baro icon in the tray instead.</source>
        <translation>단축키 {keys}를 등록하지 못했습니다 ({reason}). 대신 알림 영역의 바로 아이콘을 눌러 주세요.</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../app/gui/library/panel.py" line="56"/>
        <source>Library</source>
        <translation>라이브러리</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="60"/>
        <source>Add folder…</source>
        <translation>폴더 추가…</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="62"/>
        <source>Add files…</source>
        <translation>파일 추가…</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="64"/>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="73"/>
        <source>Stop indexing</source>
        <translation>색인 중지</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="76"/>
        <source>Files that could not be read</source>
        <translation>읽지 못한 파일</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="134"/>
        <source>{name} — {count} documents</source>
        <translation>{name} — 문서 {count}개</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="145"/>
        <source>{files} documents, {chunks} passages</source>
        <translation>문서 {files}개, 구절 {chunks}개</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="149"/>
        <source>Add a folder of documents to ask questions about them.</source>
        <translation>문서 폴더를 추가하면 그 문서에 대해 질문할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="171"/>
        <source>Add a folder to the library</source>
        <translation>라이브러리에 폴더 추가</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="177"/>
        <source>Documents</source>
        <translation>문서</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="178"/>
        <source>Add documents</source>
        <translation>문서 추가</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="236"/>
        <source>Looking for changes…</source>
        <translation>바뀐 파일을 찾는 중…</translation>
    </message>
    <message>
        <location filename="../../app/gui/library/panel.py" line="263"/>
        <source>Indexing stopped. What was read so far is kept.</source>
        <translation>색인을 중지했습니다. 지금까지 읽은 내용은 남아 있습니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/gui/main_window.py" line="51"/>
        <source>Baro — offline Korean assistant</source>
        <translation>바로 — 내 컴퓨터 속 한국어 업무 도우미</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="63"/>
        <source>Summarize</source>
        <translation>요약</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="64"/>
        <source>Draft</source>
        <translation>초안</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="65"/>
        <source>Ask</source>
        <translation>질문</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="138"/>
        <source>Loading the model…</source>
        <translation>모델 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="147"/>
        <source>Restarting the model engine…</source>
        <translation>모델 엔진 다시 시작하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="153"/>
        <source>Model: not loaded</source>
        <translation>모델: 불러오지 않음</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="154"/>
        <source>Model: loading {name}…</source>
        <translation>모델: {name} 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="155"/>
        <source>Model: {name} (ready)</source>
        <translation>모델: {name} (준비됨)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="156"/>
        <source>Model failed to load: {name}</source>
        <translation>모델을 불러오지 못했습니다: {name}</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="162"/>
        <source>The built-in model is small: answers may be wrong. A larger Korean model does far better.</source>
        <translation>내장 모델은 작아서 틀린 답을 할 수 있습니다. 더 큰 한국어 모델을 쓰면 훨씬 좋아집니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="168"/>
        <source>Not enough memory</source>
        <translation>메모리 부족</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="169"/>
        <source>Load the model anyway? The computer may become very slow.</source>
        <translation>그래도 모델을 불러올까요? 컴퓨터가 매우 느려질 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/menus.py" line="28"/>
        <source>&amp;Baro</source>
        <translation>바로(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/gui/menus.py" line="29"/>
        <source>Model manager…</source>
        <translation>모델 관리…</translation>
    </message>
    <message>
        <location filename="../../app/gui/menus.py" line="32"/>
        <source>Settings…</source>
        <translation>설정…</translation>
    </message>
    <message>
        <location filename="../../app/gui/menus.py" line="38"/>
        <source>About Baro…</source>
        <translation>바로 정보…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="118"/>
        <source>The new model is used from the next start.</source>
        <translation>새 모델은 다음에 시작할 때부터 씁니다.</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="53"/>
        <source>Not enough memory</source>
        <translation>메모리 부족</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="55"/>
        <source>Load anyway</source>
        <translation>그래도 불러오기</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="77"/>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="216"/>
        <source>Model manager</source>
        <translation>모델 관리</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="85"/>
        <source>The built-in model is small and makes every feature work offline. A 1.5-3B Korean instruct model gives far better answers. Files are checked before they are used; only a download you start here uses the network.</source>
        <translation>내장 모델은 작지만 모든 기능을 인터넷 없이 쓸 수 있게 해 줍니다. 1.5~3B 크기의 한국어 대화형 모델을 쓰면 답이 훨씬 좋아집니다. 모델 파일은 쓰기 전에 검사하며, 여기서 직접 시작한 내려받기만 네트워크를 씁니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="92"/>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="106"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="92"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="92"/>
        <source>Prompt format</source>
        <translation>프롬프트 형식</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="92"/>
        <source>Template</source>
        <translation>템플릿</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="93"/>
        <source>Use</source>
        <translation>사용</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="94"/>
        <source>Verify</source>
        <translation>검사</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="95"/>
        <source>Chat template…</source>
        <translation>대화 템플릿…</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="96"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="97"/>
        <source>Import GGUF…</source>
        <translation>GGUF 가져오기…</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="98"/>
        <source>Use built-in model</source>
        <translation>내장 모델 사용</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="100"/>
        <source>Installed models</source>
        <translation>설치된 모델</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="106"/>
        <source>RAM needed</source>
        <translation>필요한 메모리</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="106"/>
        <source>License</source>
        <translation>라이선스</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="106"/>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="109"/>
        <source>Download</source>
        <translation>내려받기</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="110"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="113"/>
        <source>Recommended Korean models</source>
        <translation>추천 한국어 모델</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="185"/>
        <source>(no verified source: download it yourself and import)</source>
        <translation>(확인된 출처 없음: 직접 받아서 가져오기)</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="201"/>
        <source>model&apos;s own</source>
        <translation>모델 자체</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="201"/>
        <source>built-in</source>
        <translation>기본</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="231"/>
        <source>Kept the current model.</source>
        <translation>지금 모델을 그대로 씁니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="237"/>
        <source>Baro will use {name}.</source>
        <translation>앞으로 {name}을(를) 씁니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="244"/>
        <source>Baro will use the built-in model.</source>
        <translation>앞으로 내장 모델을 씁니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="256"/>
        <source>OK: {detail}</source>
        <translation>정상: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="283"/>
        <source>Remove model</source>
        <translation>모델 삭제</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="283"/>
        <source>Remove {name}?</source>
        <translation>{name}을(를) 지울까요?</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="291"/>
        <source>Removed {name}.</source>
        <translation>{name}을(를) 지웠습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="297"/>
        <source>Import a GGUF model</source>
        <translation>GGUF 모델 가져오기</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="297"/>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 모델 (*.gguf)</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="302"/>
        <source>Checking {name}…</source>
        <translation>{name} 검사하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="310"/>
        <source>Downloading {name}…</source>
        <translation>{name} 내려받는 중…</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="323"/>
        <source>Installed {name}. Select it and press Use to switch.</source>
        <translation>{name}을(를) 설치했습니다. 선택한 뒤 [사용]을 누르면 바뀝니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/models_dialog.py" line="328"/>
        <source>Another model job is still running.</source>
        <translation>다른 모델 작업이 아직 진행 중입니다.</translation>
    </message>
</context>
<context>
    <name>QuickAskPopup</name>
    <message>
        <location filename="../../app/gui/quick_ask.py" line="73"/>
        <source>Quick ask</source>
        <translation>빠른 질문</translation>
    </message>
    <message>
        <location filename="../../app/gui/quick_ask.py" line="85"/>
        <source>Ask anything, or drop a file here to summarize it</source>
        <translation>무엇이든 물어보세요. 파일을 끌어다 놓으면 요약합니다</translation>
    </message>
    <message>
        <location filename="../../app/gui/quick_ask.py" line="87"/>
        <source>Library</source>
        <translation>라이브러리</translation>
    </message>
    <message>
        <location filename="../../app/gui/quick_ask.py" line="88"/>
        <source>Answer from the documents in your library, with sources</source>
        <translation>라이브러리의 문서로 답하고 출처를 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../app/gui/quick_ask.py" line="96"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <location filename="../../app/gui/quick_ask.py" line="98"/>
        <source>Open in main window</source>
        <translation>메인 창에서 열기</translation>
    </message>
    <message>
        <location filename="../../app/gui/quick_ask.py" line="201"/>
        <source>Answered by the model alone, without your documents: check it.</source>
        <translation>문서 없이 모델이 혼자 한 답입니다. 내용을 확인해 주세요.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="49"/>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="184"/>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="193"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="56"/>
        <source>Built-in model</source>
        <translation>내장 모델</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="63"/>
        <source>automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="64"/>
        <source>model&apos;s recommendation</source>
        <translation>모델 권장값</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="72"/>
        <source>How freely the model chooses its words, for every task: 0 always gives the same answer, higher values vary more. Applies from the next answer, without reloading the model.</source>
        <translation>모델이 낱말을 얼마나 자유롭게 고를지 정합니다. 모든 작업에 쓰입니다. 0이면 늘 같은 답을, 높을수록 다양한 답을 씁니다. 모델을 다시 불러오지 않고 다음 답부터 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="76"/>
        <source>Keep a history of my tasks on this computer</source>
        <translation>작업 기록을 이 컴퓨터에 남기기</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="79"/>
        <source>Open quick ask with this hotkey from any program</source>
        <translation>어느 프로그램에서든 이 단축키로 빠른 질문 열기</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="81"/>
        <source>Start Baro in the tray when I log in</source>
        <translation>로그인하면 바로를 알림 영역에서 시작</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="85"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="86"/>
        <source>CPU threads</source>
        <translation>CPU 스레드</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="87"/>
        <source>Context size (tokens)</source>
        <translation>컨텍스트 크기(토큰)</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="88"/>
        <source>GPU layers</source>
        <translation>GPU 층 수</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="89"/>
        <source>Temperature</source>
        <translation>온도(다양성)</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="91"/>
        <source>Hotkey</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="97"/>
        <source>Forget token</source>
        <translation>토큰 지우기</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="100"/>
        <source>Hugging Face token (only for gated model downloads)</source>
        <translation>Hugging Face 토큰 (동의가 필요한 모델을 내려받을 때만)</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="139"/>
        <source>No keyring on this computer</source>
        <translation>이 컴퓨터에 비밀 저장소 없음</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="142"/>
        <source>No system keyring was found, so Baro cannot store a token. It is never written to a file. Public models download without one.</source>
        <translation>시스템 비밀 저장소(keyring)를 찾지 못해 토큰을 저장할 수 없습니다. 토큰은 절대 파일에 쓰지 않습니다. 공개 모델은 토큰 없이 내려받을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="148"/>
        <source>Stored in the keyring</source>
        <translation>비밀 저장소에 저장됨</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="148"/>
        <source>hf_…</source>
        <translation>hf_…</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="151"/>
        <source>Kept in the system keyring ({name}), never in a file.</source>
        <translation>시스템 비밀 저장소({name})에만 보관하며 파일에는 쓰지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/settings_dialog.py" line="172"/>
        <source>This settings file was written by a newer Baro; it is left unchanged.</source>
        <translation>더 새 버전의 바로가 만든 설정 파일이라 바꾸지 않습니다.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../app/gui/shell.py" line="135"/>
        <source>The clipboard holds no text or file to summarize.</source>
        <translation>클립보드에 요약할 글이나 파일이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/shell.py" line="186"/>
        <source>Baro</source>
        <translation>바로</translation>
    </message>
    <message>
        <location filename="../../app/gui/shell.py" line="197"/>
        <source>Baro keeps running in the tray. To quit, choose Quit in the tray icon&apos;s menu.</source>
        <translation>바로는 알림 영역에서 계속 실행됩니다. 끝내려면 알림 영역 아이콘의 메뉴에서 종료를 고르세요.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/gui/application.py" line="90"/>
        <source>Baro cannot start</source>
        <translation>바로를 시작할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>StreamView</name>
    <message>
        <location filename="../../app/gui/panes/stream_view.py" line="77"/>
        <source>Baro&apos;s fixed answer</source>
        <translation>바로의 정해진 답</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/stream_view.py" line="79"/>
        <source>Source: {source}</source>
        <translation>출처: {source}</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/stream_view.py" line="80"/>
        <source>Baro always answers this topic so; the model&apos;s words below are checked as usual.</source>
        <translation>이 주제에는 바로가 항상 이렇게 답합니다. 아래 모델의 답은 평소처럼 확인됩니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/stream_view.py" line="112"/>
        <source>⚠ Not factual:</source>
        <translation>⚠ 사실과 다름:</translation>
    </message>
</context>
<context>
    <name>SummarizePane</name>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="62"/>
        <source>Drop one or more documents here, or choose one. HWP, HWPX, PDF, DOCX, TXT and more; scans and photos of documents too.</source>
        <translation>문서를 여기에 끌어다 놓거나(여러 개도 됩니다) 파일을 고르세요. HWP, HWPX, PDF, DOCX, TXT 등을 읽고, 스캔한 문서와 문서 사진은 글자 인식으로 읽습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="67"/>
        <source>No file chosen</source>
        <translation>선택한 파일 없음</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="69"/>
        <source>Choose file…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="72"/>
        <source>3-line gist</source>
        <translation>세 줄 요약</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="73"/>
        <source>Bullet points</source>
        <translation>글머리표 요약</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="74"/>
        <source>Section by section</source>
        <translation>부분별 요약</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="77"/>
        <source>Short</source>
        <translation>짧게</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="78"/>
        <source>Medium</source>
        <translation>보통</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="79"/>
        <source>Long</source>
        <translation>길게</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="81"/>
        <source>Summarize</source>
        <translation>요약</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="85"/>
        <source>Regenerate</source>
        <translation>다시 생성</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="90"/>
        <source>Mark unsupported sentences</source>
        <translation>근거 없는 문장 표시</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="91"/>
        <source>Strike them through</source>
        <translation>근거 없는 문장 취소선</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="92"/>
        <source>Hide them</source>
        <translation>근거 없는 문장 숨기기</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="97"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="99"/>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="123"/>
        <source>History:</source>
        <translation>기록:</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="143"/>
        <source>Documents</source>
        <translation>문서</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="144"/>
        <source>Choose documents</source>
        <translation>문서 선택</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="291"/>
        <location filename="../../app/gui/panes/summarize_pane.py" line="306"/>
        <source>Save summary</source>
        <translation>요약 저장</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="291"/>
        <source>Word document (*.docx);;Markdown (*.md)</source>
        <translation>Word 문서 (*.docx);;마크다운 (*.md)</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="308"/>
        <source>{count} sentences state something that is not factual (marked in red). The saved file will mark them too. Save anyway?</source>
        <translation>사실과 다른 문장이 {count}개 있습니다(빨간색 표시). 저장한 파일에도 표시됩니다. 그래도 저장할까요?</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="331"/>
        <source>(recent summaries)</source>
        <translation>(최근 요약)</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="354"/>
        <source>{name} is a folder. Drop a document file (HWP, PDF, DOCX …) instead.</source>
        <translation>{name}은(는) 폴더입니다. 문서 파일(HWP, PDF, DOCX …)을 끌어다 놓아 주세요.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="358"/>
        <source>{name} was not found.</source>
        <translation>{name} 파일을 찾을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="361"/>
        <source>{name}: this file type is not supported. Use HWP, HWPX, PDF, DOCX, TXT, MD or a scan (PNG, JPG, TIF).</source>
        <translation>{name}: 지원하지 않는 파일 형식입니다. HWP, HWPX, PDF, DOCX, TXT, MD 파일이나 스캔 그림(PNG, JPG, TIF)을 사용해 주세요.</translation>
    </message>
</context>
<context>
    <name>SummaryRender</name>
    <message>
        <location filename="../../app/gui/panes/summary_render.py" line="93"/>
        <source>[hidden: not supported by the source]</source>
        <translation>[숨김: 원문으로 확인되지 않은 문장]</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summary_render.py" line="97"/>
        <source>not in source</source>
        <translation>원문에 없음</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summary_render.py" line="107"/>
        <source>⚠ Not factual:</source>
        <translation>⚠ 사실과 다름:</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summary_render.py" line="165"/>
        <source>Key sentences (quoted from the document)</source>
        <translation>핵심 문장 (원문 그대로 인용)</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summary_render.py" line="169"/>
        <source>source</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summary_render.py" line="177"/>
        <source>AI summary — written by the model; check marked sentences</source>
        <translation>AI 요약 — 모델이 쓴 글입니다. 표시된 문장을 확인하세요</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summary_render.py" line="179"/>
        <source>AI summary — written by the small built-in model; check marked sentences</source>
        <translation>AI 요약 — 작은 내장 모델이 쓴 글입니다. 표시된 문장을 확인하세요</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summary_render.py" line="188"/>
        <source>{checked} sentences checked: {flagged} not fully supported by the document.</source>
        <translation>{checked}개 문장을 원문과 대조했습니다: {flagged}개는 원문으로 충분히 확인되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summary_render.py" line="213"/>
        <source>No reason recorded.</source>
        <translation>기록된 이유가 없습니다.</translation>
    </message>
</context>
<context>
    <name>TaskStatus</name>
    <message>
        <location filename="../../app/gui/panes/task_status.py" line="26"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/task_status.py" line="49"/>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/task_status.py" line="58"/>
        <source>Writing…</source>
        <translation>쓰는 중…</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/task_status.py" line="80"/>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/task_status.py" line="82"/>
        <source>Done · answered by {who}</source>
        <translation>완료 · 답한 곳: {who}</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/task_status.py" line="87"/>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/task_status.py" line="94"/>
        <source>Stopped</source>
        <translation>중지됨</translation>
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
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../app/gui/dialogs/welcome_dialog.py" line="17"/>
        <location filename="../../app/gui/dialogs/welcome_dialog.py" line="20"/>
        <source>Welcome to Baro</source>
        <translation>바로에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/welcome_dialog.py" line="34"/>
        <source>Everything runs on this computer. Your documents, questions and answers never leave it; Baro uses the network only when you choose to download a model.</source>
        <translation>모든 작업은 이 컴퓨터 안에서 처리됩니다. 문서와 질문, 답은 이 컴퓨터 밖으로 나가지 않으며, 바로는 모델을 내려받기로 직접 고를 때만 네트워크를 씁니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/welcome_dialog.py" line="39"/>
        <source>Active model: %1</source>
        <translation>사용 중인 모델: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/welcome_dialog.py" line="43"/>
        <source>The built-in model is small, so it works offline right away but its summaries and drafts are rough. A larger Korean model (for example EXAONE 3.5 2.4B or Kanana 1.5 2.1B) answers far better: open the model manager to download or import one.</source>
        <translation>내장 모델은 작아서 인터넷 없이 바로 쓸 수 있지만 요약과 초안의 품질은 거칩니다. 더 큰 한국어 모델(예: EXAONE 3.5 2.4B, Kanana 1.5 2.1B)이 훨씬 나은 답을 줍니다. 모델 관리에서 내려받거나 가져오세요.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/welcome_dialog.py" line="48"/>
        <source>You can change the model at any time in the model manager.</source>
        <translation>모델은 언제든 모델 관리에서 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/welcome_dialog.py" line="53"/>
        <source>Get a better model…</source>
        <translation>더 좋은 모델 받기…</translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/welcome_dialog.py" line="55"/>
        <source>Start</source>
        <translation>시작하기</translation>
    </message>
</context>
</TS>
