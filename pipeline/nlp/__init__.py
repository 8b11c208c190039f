"""Russian NLP layer: natasha for sentences, morphology, syntax and NER; spaCy `Doc` as container.

Models load once per process (`models()`); `analyze(text)` is cheap to call per page: it
segments the text and runs NER where an entity can be (`pipeline.nlp.ner`), `analyze_pages` does
that for several pages with one NER call; morphology and syntax (the slow part, ~8k chars/s) run
only on the sentences a caller asks for (`Analysis.parse`), batched in one pass.
"""

from __future__ import annotations

import bisect
import gc
import re
import sys
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

import natasha  # noqa: F401  (import first: natasha/yargy patch pymorphy2 for Python 3.11)
from natasha.data import NEWS_EMBEDDING
from navec import Navec
from navec.meta import Meta
from navec.navec import META, PQ_
from navec.pq import PQ
from navec.tar import Tar
from slovnet.conll import parse_conll_tag

from pipeline.nlp import ner
from pipeline.nlp.infer import morph_tags, syntax_heads
from pipeline.nlp.morph import nominative
from pipeline.nlp.sentences import rejoin
from pipeline.nlp.tokens import tokenize

LEMMA_CACHE_SIZE = 100_000  # (word, tag) pairs whose lemma is kept


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    feats: dict[str, str]
    id: str  # natasha token id "sent_tok", unique in a parsed batch
    head_id: str
    rel: str


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    type: str  # ORG | LOC | PER
    text: str
    normal: str


@dataclass(frozen=True)
class Models:
    segmenter: natasha.Segmenter
    morph_vocab: natasha.MorphVocab
    morph_tagger: natasha.NewsMorphTagger
    syntax_parser: natasha.NewsSyntaxParser
    ner_tagger: natasha.NewsNERTagger


class _TaggerPQ(PQ):
    """navec's product-quantised vectors as slovnet's taggers read them: only `indexes` and
    `codes` (injected into their embedding layer); the similarity tables (`precompute`: norms and
    centroid products, ~60 % of the models' load time) are never built."""

    def precompute(self) -> None:
        """Nothing: similarity look-ups are not used."""


def tagger_embedding() -> Navec:
    """natasha's news embedding (`natasha.NewsEmbedding`) without what the taggers never read: the
    PQ's similarity tables and the word vocabulary (the taggers have their own)."""
    with Tar(NEWS_EMBEDDING) as tar:
        meta = Meta.from_file(tar.load(META))
        Meta.check_protocol(meta.protocol)
        return Navec(meta, None, _TaggerPQ.from_file(tar.load(PQ_)))


@cache
def models() -> Models:
    """natasha's models, loaded once per process (its embeddings ship inside the wheel)."""
    emb = tagger_embedding()
    return Models(
        segmenter=natasha.Segmenter(),
        morph_vocab=natasha.MorphVocab(),
        morph_tagger=natasha.NewsMorphTagger(emb),
        syntax_parser=natasha.NewsSyntaxParser(emb),
        ner_tagger=natasha.NewsNERTagger(emb),
    )


WORKER_GC_THRESHOLD = 10_000  # allocations between young collections in a worker (Python's: 700)


@cache
def warm() -> None:
    """Load the models in a long-lived worker process, then move everything loaded so far out of
    the collector's reach: full collections no longer walk the models and modules, which live as
    long as the worker (3-10 % less CPU over the corpus, the same results). Young collections come
    every `WORKER_GC_THRESHOLD` allocations: over the corpus the collector's time falls from
    0.7-0.8 to 0.35 CPU-s with the same peak memory (5,000-20,000 alike). A model that will not
    load is said here and shows up per document."""
    try:
        models()
    except Exception as exc:  # noqa: BLE001 - a broken model shows up per document instead
        print(f"indikator worker: model warm-up failed: {exc}", file=sys.stderr)
    gc.freeze()
    gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])


@cache
def spacy_blank():
    """`spacy.blank("ru")` with the pymorphy3 lemmatizer, built once per process."""
    import spacy

    nlp = spacy.blank("ru")
    nlp.add_pipe("lemmatizer", config={"mode": "pymorphy3"})
    nlp.initialize()
    return nlp


@dataclass
class Analysis:
    """One text (a page) segmented into sentences, with named entities and lazy syntax."""

    text: str
    sentences: list[Sentence]
    entities: list[Entity]
    _parsed: dict[int, list[Token]] = field(default_factory=dict, repr=False)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence that contains (or precedes) a character offset."""
        starts = [s.start for s in self.sentences]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def sentence_at(self, offset: int) -> Sentence | None:
        if not self.sentences:
            return None
        return self.sentences[self.sentence_index(offset)]

    def sentence_around(self, start: int, end: int) -> str | None:
        """Text of the sentences a span touches: always contains the span's own text."""
        if not self.sentences:
            return None
        first = self.sentences[self.sentence_index(start)]
        last = self.sentences[self.sentence_index(max(start, end - 1))]
        return self.text[min(first.start, start) : max(last.end, end)]

    def parse(self, indices: list[int]) -> dict[int, list[Token]]:
        """Morphology, lemmas and dependency syntax for the given sentences (cached, batched)."""
        todo = sorted({i for i in indices if i not in self._parsed and 0 <= i < len(self.sentences)})
        if todo:
            self._parsed.update(_parse_sentences([self.sentences[i] for i in todo], todo))
        return {i: self._parsed[i] for i in indices if i in self._parsed}

    def tokens(self, index: int) -> list[Token]:
        return self.parse([index]).get(index, [])

    @cached_property
    def persons(self) -> tuple[tuple[int, int], ...]:
        """Character spans of the people named (natasha's PER entities)."""
        return tuple((e.start, e.end) for e in self.entities if e.type == "PER")

    @cached_property
    def doc(self):
        """The whole text as a spaCy `Doc` (blank ru + pymorphy3 lemmas), entities as `doc.ents`."""
        return to_spacy(self)


def analyze(text: str) -> Analysis:
    """Segment a text into sentences and tag its ORG/LOC/PER entities (offsets index `text`)."""
    return analyze_pages([text])[0]


def analyze_pages(texts: list[str]) -> list[Analysis]:
    """`analyze` for several texts (a document's pages) with one batched NER call over them all.

    NER runs only on the windows of text that can hold an entity (`pipeline.nlp.ner`)."""
    sentences = [_sentences(text) for text in texts]
    spans = ner.tag(
        [text if s else "" for text, s in zip(texts, sentences, strict=True)], models().ner_tagger
    )
    return [
        Analysis(text=text, sentences=s, entities=[_entity(text, *span) for span in found])
        for text, s, found in zip(texts, sentences, spans, strict=True)
    ]


def _entity(text: str, start: int, end: int, type_: str) -> Entity:
    return Entity(start, end, type_, text[start:end], nominative(text[start:end]))


def segment(text: str) -> list[Sentence]:
    """Sentences of a text (natasha's segmenter, also split at paragraph breaks); cheap, no models."""
    return _sentences(text)


def _sentences(text: str) -> list[Sentence]:
    """natasha's sentences split at paragraph breaks, with abbreviation splits re-joined (razdel's
    sentence splitter only: the page's tokens are not needed)."""
    parts = [
        part for s in models().segmenter.sentenize(text) for part in _split_paragraphs(text, s.start, s.stop)
    ]
    return [Sentence(a, b, text[a:b]) for a, b in rejoin(text, [(p.start, p.end) for p in parts])]


def _split_paragraphs(text: str, start: int, end: int) -> list[Sentence]:
    """Split a sentence at paragraph breaks ("\n" in cleaned page text ends a paragraph)."""
    out = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        a, b = start + line.start(), start + line.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Sentence(a, b, text[a:b]))
    return out


def _parse_sentences(sentences: list[Sentence], indices: list[int]) -> dict[int, list[Token]]:
    """Run morphology + syntax over several sentences in one pass, as natasha's `Doc` does (one
    line per sentence, razdel's sentences and tokens of the joined text; `pipeline.nlp.infer`)."""
    m = models()
    joined = "\n".join(s.text.replace("\n", " ") for s in sentences)
    tokens = tokenize(joined)
    groups = _envelop(tokens, [(s.start, s.stop) for s in m.segmenter.sentenize(joined)])
    words = [[tokens[k][2] for k in group] for group in groups]
    tags = morph_tags(m.morph_tagger, words)
    heads = syntax_heads(m.syntax_parser, words)
    analysed: dict[int, tuple] = {}
    for sent, (group, sent_tags, sent_heads) in enumerate(zip(groups, tags, heads, strict=True), 1):
        for word, (k, tag, (head, rel)) in enumerate(zip(group, sent_tags, sent_heads, strict=True), 1):
            analysed[k] = (*_tag(tag), f"{sent}_{word}", f"{sent}_{head}", rel)
    line_starts, pos = [], 0
    for s in sentences:
        line_starts.append(pos)
        pos += len(s.text) + 1
    out: dict[int, list[Token]] = {i: [] for i in indices}
    for k, (start, stop, text) in enumerate(tokens):
        tag, feats, id_, head_id, rel = analysed.get(k, (None, None, None, None, None))
        lemma = _lemma(text, tag, None if feats is None else tuple(sorted(feats)))
        line = bisect.bisect_right(line_starts, start) - 1
        shift = sentences[line].start - line_starts[line]
        out[indices[line]].append(
            Token(
                start=start + shift,
                end=stop + shift,
                text=text,
                lemma=lemma or text.lower(),
                pos=tag or "X",
                feats=dict(feats or ()),
                id=f"{indices[line]}:{id_}",
                head_id=f"{indices[line]}:{head_id}",
                rel=rel or "",
            )
        )
    return out


def _envelop(tokens: list[tuple[int, int, str]], sents: list[tuple[int, int]]) -> list[list[int]]:
    """The tokens (indices) of each sentence, as natasha's `envelop_spans` groups them."""
    groups, index = [], 0
    for start, stop in sents:
        group = []
        while index < len(tokens):
            index += 1
            if tokens[index - 1][0] < start:
                continue
            if tokens[index - 1][1] > stop:
                index -= 1
                break
            group.append(index - 1)
        groups.append(group)
    return groups


@lru_cache(maxsize=1_000)
def _tag(tag: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """POS and features of a morphology tag (`slovnet.conll.parse_conll_tag`)."""
    pos, feats = parse_conll_tag(tag)
    return pos, tuple(feats.items())


@lru_cache(maxsize=LEMMA_CACHE_SIZE)
def _lemma(word: str, pos: str | None, feats: tuple[tuple[str, str], ...] | None) -> str | None:
    """natasha's lemma of a tagged word (`DocToken.lemmatize`), cached: the look-up is pymorphy's."""
    return models().morph_vocab.lemmatize(word, pos, None if feats is None else dict(feats))


def to_spacy(analysis: Analysis):
    """Build a spaCy `Doc` over the text with sentence starts and natasha entities as `doc.ents`."""
    from spacy.tokens import Doc as SpacyDoc

    nlp = spacy_blank()
    doc = nlp.make_doc(analysis.text)
    starts = {s.start for s in analysis.sentences}
    for tok in doc:
        tok.is_sent_start = tok.idx in starts or tok.i == 0
    ents = []
    for e in analysis.entities:
        span = doc.char_span(e.start, e.end, label=e.type, alignment_mode="expand")
        if span is not None and not any(span.start < x.end and x.start < span.end for x in ents):
            ents.append(span)
    doc.ents = ents
    doc = nlp.get_pipe("lemmatizer")(doc)
    assert isinstance(doc, SpacyDoc)
    return doc
