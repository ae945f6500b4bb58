import spacy

from blocs.extract.text import nlp
from blocs.ingest.normalize import normalize

from ..conftest import CORPUS


def test_the_sentence_splitter_agrees_with_spacys_sentencizer():
    text = normalize((CORPUS / "rad76.txt").read_text(encoding="utf-8")).text
    text += "\nWait... what?! Yes. (Really.) \"Quoted.\" End"
    paras = [p for p in text.split("\n") if p.strip()]
    reference = spacy.blank("en")
    reference.add_pipe("sentencizer")
    ours = [[(s.start_char, s.end_char) for s in d.sents] for d in nlp().pipe(paras)]
    theirs = [[(s.start_char, s.end_char) for s in d.sents] for d in reference.pipe(paras)]
    assert ours == theirs and sum(map(len, ours)) > 250
