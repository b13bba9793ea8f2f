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
        <location filename="../../app/gui/panes/summarize_pane.py" line="29"/>
        <source>Drop a document here or choose one. HWP, HWPX, PDF, DOCX, TXT and more.</source>
        <translation>문서를 여기에 끌어다 놓거나 파일을 고르세요. HWP, HWPX, PDF, DOCX, TXT 등을 읽습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="32"/>
        <source>No file chosen</source>
        <translation>선택한 파일 없음</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="34"/>
        <source>Choose file…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="37"/>
        <source>3-line gist</source>
        <translation>세 줄 요약</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="38"/>
        <source>Bullet points</source>
        <translation>글머리표 요약</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="39"/>
        <source>Section by section</source>
        <translation>부분별 요약</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="41"/>
        <source>Summarize</source>
        <translation>요약</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="58"/>
        <source>Documents</source>
        <translation>문서</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="59"/>
        <source>Choose a document</source>
        <translation>문서 선택</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="104"/>
        <source>{name} is a folder. Drop a document file (HWP, PDF, DOCX …) instead.</source>
        <translation>{name}은(는) 폴더입니다. 문서 파일(HWP, PDF, DOCX …)을 끌어다 놓아 주세요.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="108"/>
        <source>{name} was not found.</source>
        <translation>{name} 파일을 찾을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/panes/summarize_pane.py" line="110"/>
        <source>{name}: this file type is not supported. Use HWP, HWPX, PDF, DOCX, TXT or MD.</source>
        <translation>{name}: 지원하지 않는 파일 형식입니다. HWP, HWPX, PDF, DOCX, TXT, MD 파일을 사용해 주세요.</translation>
    </message>
</context>
</TS>
