"""The fixed parts of a minimal OWPML (KS X 6101) package: namespaces, header styles, page setup.

Only what a draft needs: two fonts (맑은 고딕 for Hangul and Latin), body and title character shapes,
left/center/right paragraph shapes plus one indented shape per item level (2타 = 1,100 HWPUNIT at 11 pt).
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
HS = "http://www.hancom.co.kr/hwpml/2011/section"
HH = "http://www.hancom.co.kr/hwpml/2011/head"
HC = "http://www.hancom.co.kr/hwpml/2011/core"
HA = "http://www.hancom.co.kr/hwpml/2011/app"
HPF = "http://www.hancom.co.kr/schema/2011/hpf"
OPF = "http://www.idpf.org/2007/opf/"
NAMESPACES = (
    f'xmlns:ha="{HA}" xmlns:hp="{HP}" xmlns:hs="{HS}" xmlns:hc="{HC}" xmlns:hh="{HH}" '
    f'xmlns:hpf="{HPF}" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="{OPF}"'
)
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
FONT = "맑은 고딕"
LANGS = ("HANGUL", "LATIN", "HANJA", "JAPANESE", "OTHER", "SYMBOL", "USER")
BODY_HEIGHT = 1100
TITLE_HEIGHT = 1600
INDENT_STEP = 1100
MAX_LEVELS = 8

CHAR_BODY, CHAR_TITLE, CHAR_HEADING = 0, 1, 2
PARA_LEFT, PARA_CENTER, PARA_RIGHT = 0, 1, 2
"""Paragraph shapes 3.. are item levels 2..MAX_LEVELS (level 1 uses PARA_LEFT)."""

MIMETYPE = "application/hwp+zip"
VERSION_XML = (
    f'{XML_DECL}<hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" tagetApplication="WORDPROCESSOR"'
    ' major="5" minor="1" micro="0" buildNumber="0" os="1" xmlVersion="1.4" application="Baro" appVersion="0.1"/>'
)
CONTAINER_XML = (
    f'{XML_DECL}<ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:hpf="{HPF}">'
    '<ocf:rootfiles><ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/>'
    "</ocf:rootfiles></ocf:container>"
)
MANIFEST_XML = f'{XML_DECL}<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'
SETTINGS_XML = (
    f'{XML_DECL}<ha:HWPApplicationSetting xmlns:ha="{HA}" '
    'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0">'
    '<ha:CaretPosition listIDRef="0" paraIDRef="0" pos="0"/></ha:HWPApplicationSetting>'
)


def content_hpf(title: str, created: str) -> str:
    return (
        f'{XML_DECL}<opf:package {NAMESPACES} version="" unique-identifier="" id="">'
        f"<opf:metadata><opf:title>{_text(title)}</opf:title><opf:language>ko</opf:language>"
        f'<opf:meta name="creator" content="text">Baro</opf:meta>'
        f'<opf:meta name="CreatedDate" content="text">{created}</opf:meta>'
        f'<opf:meta name="ModifiedDate" content="text">{created}</opf:meta></opf:metadata>'
        '<opf:manifest><opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>'
        '<opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/>'
        '<opf:item id="settings" href="settings.xml" media-type="application/xml"/></opf:manifest>'
        '<opf:spine><opf:itemref idref="header" linear="yes"/><opf:itemref idref="section0" linear="yes"/>'
        "</opf:spine></opf:package>"
    )


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fontfaces() -> str:
    faces = "".join(
        f'<hh:fontface lang="{lang}" fontCnt="1"><hh:font id="0" face={quoteattr(FONT)} type="TTF" isEmbedded="0">'
        '<hh:typeInfo familyType="FCAT_GOTHIC" weight="6" proportion="0" contrast="0" strokeVariation="1" '
        'armStyle="1" letterform="1" midline="1" xHeight="1"/></hh:font></hh:fontface>'
        for lang in LANGS
    )
    return f'<hh:fontfaces itemCnt="{len(LANGS)}">{faces}</hh:fontfaces>'


def _border_fills() -> str:
    sides = "".join(
        f'<hh:{side} type="NONE" width="0.1 mm" color="#000000"/>'
        for side in ("leftBorder", "rightBorder", "topBorder", "bottomBorder")
    )
    fill = (
        '<hh:borderFill id="{id}" threeD="0" shadow="0" centerLine="NONE" breakCellSeparateLine="0">'
        '<hh:slash type="NONE" Crooked="0" isCounter="0"/><hh:backSlash type="NONE" Crooked="0" isCounter="0"/>'
        f'{sides}<hh:diagonal type="SOLID" width="0.1 mm" color="#000000"/></hh:borderFill>'
    )
    return f'<hh:borderFills itemCnt="2">{fill.format(id=1)}{fill.format(id=2)}</hh:borderFills>'


def _per_lang(name: str, value: int) -> str:
    attrs = " ".join(f'{lang.lower()}="{value}"' for lang in LANGS)
    return f"<hh:{name} {attrs}/>"


def _char_pr(char_id: int, height: int, bold: bool) -> str:
    return (
        f'<hh:charPr id="{char_id}" height="{height}" textColor="#000000" shadeColor="none" useFontSpace="0" '
        f'useKerning="0" symMark="NONE" borderFillIDRef="2">{_per_lang("fontRef", 0)}{_per_lang("ratio", 100)}'
        f"{_per_lang('spacing', 0)}{_per_lang('relSz', 100)}{_per_lang('offset', 0)}"
        f"{'<hh:bold/>' if bold else ''}"
        '<hh:underline type="NONE" shape="SOLID" color="#000000"/><hh:strikeout shape="NONE" color="#000000"/>'
        '<hh:outline type="NONE"/><hh:shadow type="NONE" color="#B2B2B2" offsetX="10" offsetY="10"/></hh:charPr>'
    )


def _para_pr(para_id: int, align: str, left: int) -> str:
    margin = "".join(
        f'<hc:{name} value="{value}" unit="HWPUNIT"/>'
        for name, value in (("intent", 0), ("left", left), ("right", 0), ("prev", 0), ("next", 0))
    )
    return (
        f'<hh:paraPr id="{para_id}" tabPrIDRef="0" condense="0" fontLineHeight="0" snapToGrid="1" '
        f'suppressLineNumbers="0" checked="0"><hh:align horizontal="{align}" vertical="BASELINE"/>'
        '<hh:heading type="NONE" idRef="0" level="0"/><hh:breakSetting breakLatinWord="KEEP_WORD" '
        'breakNonLatinWord="KEEP_WORD" widowOrphan="0" keepWithNext="0" keepLines="0" pageBreakBefore="0" '
        f'lineWrap="BREAK"/><hh:margin>{margin}</hh:margin><hh:lineSpacing type="PERCENT" value="160" '
        'unit="HWPUNIT"/><hh:border borderFillIDRef="2" offsetLeft="0" offsetRight="0" offsetTop="0" '
        'offsetBottom="0" connect="0" ignoreMargin="0"/><hh:autoSpacing eAsianEng="0" eAsianNum="0"/></hh:paraPr>'
    )


def item_para_id(level: int) -> int:
    return PARA_LEFT if level <= 1 else PARA_RIGHT + min(level, MAX_LEVELS) - 1


def header_xml() -> str:
    chars = _char_pr(CHAR_BODY, BODY_HEIGHT, False) + _char_pr(CHAR_TITLE, TITLE_HEIGHT, True)
    chars += _char_pr(CHAR_HEADING, 1300, True)
    paras = [_para_pr(PARA_LEFT, "JUSTIFY", 0), _para_pr(PARA_CENTER, "CENTER", 0), _para_pr(PARA_RIGHT, "RIGHT", 0)]
    paras += [_para_pr(item_para_id(level), "JUSTIFY", (level - 1) * INDENT_STEP) for level in range(2, MAX_LEVELS + 1)]
    return (
        f'{XML_DECL}<hh:head {NAMESPACES} version="1.4" secCnt="1">'
        '<hh:beginNum page="1" footnote="1" endnote="1" pic="1" tbl="1" equation="1"/><hh:refList>'
        f"{_fontfaces()}{_border_fills()}"
        f'<hh:charProperties itemCnt="3">{chars}</hh:charProperties>'
        '<hh:tabProperties itemCnt="1"><hh:tabPr id="0" autoTabLeft="0" autoTabRight="0"/></hh:tabProperties>'
        f'<hh:paraProperties itemCnt="{len(paras)}">{"".join(paras)}</hh:paraProperties>'
        '<hh:styles itemCnt="1"><hh:style id="0" type="PARA" name="바탕글" engName="Normal" paraPrIDRef="0" '
        'charPrIDRef="0" nextStyleIDRef="0" langID="1042" lockForm="0"/></hh:styles></hh:refList>'
        '<hh:compatibleDocument targetProgram="HWP201X"><hh:layoutCompatibility/></hh:compatibleDocument>'
        '<hh:docOption><hh:linkinfo path="" pageInherit="0" footnoteInherit="0"/></hh:docOption></hh:head>'
    )


# A4 portrait, 공문 margins (top 20 mm … in HWPUNIT: 1 mm = 283.46).
SECTION_PROPERTIES = (
    '<hp:secPr id="" textDirection="HORIZONTAL" spaceColumns="1134" tabStop="8000" tabStopVal="4000" '
    'tabStopUnit="HWPUNIT" outlineShapeIDRef="0" memoShapeIDRef="0" textVerticalWidthHead="0" masterPageCnt="0">'
    '<hp:grid lineGrid="0" charGrid="0" wonggojiFormat="0"/>'
    '<hp:startNum pageStartsOn="BOTH" page="0" pic="0" tbl="0" equation="0"/>'
    '<hp:visibility hideFirstHeader="0" hideFirstFooter="0" hideFirstMasterPage="0" border="SHOW_ALL" '
    'fill="SHOW_ALL" hideFirstPageNum="0" hideFirstEmptyLine="0" showLineNumber="0"/>'
    '<hp:pagePr landscape="WIDELY" width="59528" height="84188" gutterType="LEFT_ONLY">'
    '<hp:margin header="4252" footer="4252" gutter="0" left="5669" right="5669" top="5669" bottom="4252"/>'
    "</hp:pagePr></hp:secPr>"
    '<hp:ctrl><hp:colPr id="" type="NEWSPAPER" layout="LEFT" colCount="1" sameSz="1" sameGap="0"/></hp:ctrl>'
)
