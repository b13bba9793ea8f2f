from __future__ import annotations

from app.index.terms import analyse_text, analyse_texts, bigram_query, char_bigrams, morpheme_query


def test_bigrams_cover_hangul_runs_and_keep_other_words_whole() -> None:
    assert char_bigrams("서울에서 만났다") == ["서울", "울에", "에서", "만났", "났다"]
    assert char_bigrams("LG전자 2016년, Python!") == ["lg", "전자", "2016", "년", "python"]
    assert char_bigrams("…") == []


def test_morphemes_drop_particles_so_a_word_matches_with_or_without_them() -> None:
    bare = analyse_text("서울")
    glued = analyse_text("서울에서 회의를 했다")
    assert bare.morphemes == ("서울",)
    assert "서울" in glued.morphemes and "회의" in glued.morphemes
    assert "에서" not in glued.morphemes and "를" not in glued.morphemes


def test_touching_content_morphemes_become_phrases() -> None:
    terms = analyse_text("지명수배된 날")
    assert ("지명", "수배") in terms.adjacent_pairs
    assert '"지명 수배"' in morpheme_query(terms)


def test_queries_quote_terms_so_fts_syntax_in_user_text_is_harmless() -> None:
    terms = analyse_text('NEAR "AND" OR 서울')
    query = morpheme_query(terms)
    assert query.startswith('"')
    assert all(part.startswith('"') and part.endswith('"') for part in query.split(" OR "))
    assert bigram_query(analyse_text("?!")) == ""


def test_batch_analysis_matches_single_analysis() -> None:
    texts = ["서울에서 만났다", "부산 지사는 이전한다", ""]
    assert analyse_texts(texts) == [analyse_text(t) for t in texts]
