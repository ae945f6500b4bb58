import io
from datetime import date

from blocs.extract import extract, extract_stream

PARA = ("Kazakhstan joined the Collective Security Treaty Organization in 2002.\n\n"
        "Georgia withdrew from the CIS in 2009.\n\n")


def test_streamed_blocks_give_the_same_claims_with_offsets_into_the_whole_text():
    text = PARA * 40
    streamed = list(extract_stream(io.StringIO(text), "d", date(2011, 1, 1), block_chars=300))
    whole = extract(text, "d", date(2011, 1, 1))
    assert len(streamed) == len(whole) == 80
    for c in streamed:
        s = c.data["source"]
        assert text[s["start"]:s["end"]] == c.data["quote"]
    assert sorted(c.span for c in streamed) == sorted(c.span for c in whole)
