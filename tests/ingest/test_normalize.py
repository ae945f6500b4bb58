import random

from hypothesis import given, strategies as st

from blocs.ingest.normalize import normalize


def test_words_broken_across_lines_are_joined_and_map_back():
    original = "the mem-\nber-states of the Com-\n\nmonwealth"
    n = normalize(original)
    assert n.text == "the member-states of the Commonwealth"
    i = n.text.index("member-states")
    s, e = n.span(i, i + len("member-states"))
    assert original[s:e] == "mem-\nber-states"


def test_a_real_hyphen_before_a_capital_is_kept():
    assert normalize("the post-\nSoviet space").text == "the post-Soviet space"


def test_a_hyphen_the_document_writes_elsewhere_is_kept():
    text = "non-military means. Later, non-\nmilitary solutions."
    assert "non-military solutions" in normalize(text).text


def test_space_glyphs_ligatures_and_quotes_are_repaired():
    n = normalize("A■Web■of■Regional ﬁrms’ role")
    assert n.text == "A Web of Regional firms' role"


def test_single_newlines_become_spaces_and_blank_lines_stay_paragraphs():
    assert normalize("one\ntwo.\n\nThree").text == "one two.\nThree"


def test_a_sentence_running_over_a_page_break_is_not_split():
    assert normalize("which accompanied\n\n the founding").text == "which accompanied the founding"


@given(st.text(alphabet="ab -\n■ﬁ’.XY", max_size=80))
def test_every_normalized_span_maps_inside_the_original(text):
    n = normalize(text)
    assert len(n.offsets) == len(n.text) + 1
    rng = random.Random(0)
    for _ in range(20):
        if not n.text:
            break
        a = rng.randrange(len(n.text))
        b = rng.randrange(a, len(n.text)) + 1
        s, e = n.span(a, b)
        assert 0 <= s <= e <= len(text)
        # every letter of the normalized span comes from the original span, in order
        letters = [c for c in n.text[a:b] if c.isalpha() and c not in "fi"]
        assert all(c in text[s:e] for c in letters)
