"""A document as the rules see it: normalized sentences (spaCy's sentencizer on a blank
English pipeline, no model), each with its mentions of states and organizations, dates
and quantities, and a way back to the original text's offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property

from ..ingest.normalize import Normalized, normalize
from .dates import DateMention, find_dates
from .gazetteer import gazetteer
from .numbers import Quantity, find_quantities


_HAS_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                          r"twelve|fifteen|twenty|thirty|forty|fifty|hundred)\b", re.I)


@dataclass(frozen=True)
class Mention:
    id: str
    kind: str          # state | org
    how: str           # name | metonym | demonym | leader
    start: int         # offsets within the sentence
    end: int
    surface: str


@dataclass
class Sentence:
    text: str
    start: int                       # offset of the sentence in the normalized text
    index: int
    paragraph: int
    mentions: list[Mention] = field(default_factory=list)
    doc_date: date | None = None

    @cached_property
    def dates(self) -> list[DateMention]:
        """Found when a rule first asks; a sentence without a digit can only hold a
        relative date ("last year")."""
        if not _HAS_DIGIT.search(self.text) and "year" not in self.text:
            return []
        return find_dates(self.text, self.doc_date)

    @cached_property
    def quantities(self) -> list[Quantity]:
        if not _HAS_DIGIT.search(self.text) and not _NUMBER_WORD.search(self.text):
            return []
        return find_quantities(self.text)

    @property
    def states(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "state"]

    @property
    def orgs(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "org"]


@dataclass
class Document:
    original: str
    norm: Normalized
    sentences: list[Sentence]
    doc_id: str
    doc_date: date | None

    def span(self, s: Sentence, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """Original offsets of sentence text[start:end], trimmed of surrounding spaces."""
        end = len(s.text) if end is None else end
        while start < end and s.text[start].isspace():
            start += 1
        while end > start and s.text[end - 1].isspace():
            end -= 1
        return self.norm.span(s.start + start, s.start + end)


@cache
def nlp():
    """spaCy's blank English pipeline with a sentence splitter: the rule of spaCy's
    `sentencizer` (a sentence starts at the first token after sentence-final punctuation),
    computed over the token arrays — the stock component walks Token objects, which costs
    more than tokenizing."""
    import spacy
    from spacy.language import Language

    if "blocs_sentencizer" not in Language.factories:
        Language.component("blocs_sentencizer", func=_split_sentences)
    pipeline = spacy.blank("en")
    pipeline.add_pipe("blocs_sentencizer")
    return pipeline


@cache
def _punct_ids(strings) -> "object":
    import numpy as np
    from spacy.pipeline import Sentencizer

    return np.array([strings.add(c) for c in Sentencizer.default_punct_chars], dtype="uint64")


def _split_sentences(doc):
    """A sentence starts at the first token after sentence-final punctuation that is not
    punctuation itself (so a closing quote or bracket stays with its sentence)."""
    import numpy as np
    from spacy.attrs import IS_PUNCT, ORTH, SENT_START

    n = len(doc)
    if n == 0:
        return doc
    arr = doc.to_array([ORTH, IS_PUNCT])
    final = np.isin(arr[:, 0], _punct_ids(doc.vocab.strings))
    punct = final | (arr[:, 1] == 1)
    idx = np.arange(n)
    last_word = np.maximum.accumulate(np.where(~punct, idx, -1))   # last non-punctuation
    before = np.concatenate(([-1], last_word[:-1]))                # ... before each token
    finals = np.cumsum(final)
    finals_since = np.concatenate(([0], finals[:-1])) - np.where(before >= 0, finals[before], 0)
    starts = np.where(~punct & (finals_since > 0), 1, -1)
    starts[0] = 1
    return doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for part in text.split("\n"):
        if part.strip():
            yield pos, part
        pos += len(part) + 1


def mentions_in(text: str, year: int | None = None) -> list[Mention]:
    """States and organizations named in `text`; a leader stands for a state only in the
    years the base knows them in office (when the document's year is known)."""
    g = gazetteer()
    out = []
    for m in g.pattern.finditer(text):
        name = g.names[m.group()]
        if name.years and year is not None and not name.years[0] <= year <= name.years[1]:
            continue
        out.append(Mention(name.id, name.kind, name.how, m.start(), m.end(), m.group()))
    return out


def _sentence_spans(doc, length: int) -> list[tuple[int, int]]:
    """Character spans of the sentencizer's sentences, read from its arrays (creating a
    Token object per word, as `doc.sents` does, costs more than the tokenizer itself)."""
    if len(doc) == 0:
        return []
    arr = doc.to_array(["SENT_START", "IDX"])
    starts = arr[arr[:, 0] == 1, 1].tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return list(zip(starts, starts[1:] + [length]))


def read(original: str, doc_id: str, doc_date: date | None) -> Document:
    norm = normalize(original)
    paras = list(_paragraphs(norm.text))
    sentences: list[Sentence] = []
    for p, ((offset, para), doc) in enumerate(zip(paras, nlp().pipe(t for _, t in paras))):
        for start, end in _sentence_spans(doc, len(para)):
            text = para[start:end]
            if not text.strip():
                continue
            s = Sentence(text, offset + start, len(sentences), p, doc_date=doc_date)
            s.mentions = mentions_in(text, doc_date.year if doc_date else None)
            sentences.append(s)
    return Document(original, norm, sentences, doc_id, doc_date)
