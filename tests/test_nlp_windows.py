"""NER only where a mention can be: the text outside the windows holds no entity the whole-page
tagger finds, the windows give exactly its entities, and batching pages changes no fact."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import extract_pages
from pipeline.nlp import analyze, analyze_pages, models, ner

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PDFS = (
    "seed_gertsik_2020.pdf",
    "kaluga_note.pdf",
    "slide_deck.pdf",
    "two_column.pdf",
    "word_export_table.pdf",
)


@pytest.fixture(scope="module")
def pages() -> list[str]:
    """Page texts of fixture PDFs as ingest gives them to the NLP layer (prose, references,
    English lines, tables, slides)."""
    from pipeline.parse import parse_pdf

    texts = [p.text for name in PDFS for p in parse_pdf(FIXTURES / "pdf" / name).pages]
    return [t for t in texts if t.strip()]


def whole_page_entities(text: str) -> list[tuple[int, int, str]]:
    """The tagger over the whole page, as the NLP layer ran it before the windows."""
    return [(s.start, s.stop, s.type) for s in models().ner_tagger(text).spans]


def test_skipped_text_holds_no_entity_of_the_whole_page_tagger(pages) -> None:
    found = 0
    for text in pages:
        spans = ner.windows(text)
        for start, end, _ in whole_page_entities(text):
            found += 1
            assert any(a <= start and end <= b for a, b in spans), text[start:end]
    assert found > 100  # the fixtures hold real mentions (seed paper: countries, agencies, authors)


def test_windows_give_the_whole_page_entities(pages) -> None:
    assert ner.tag(pages, models().ner_tagger) == [whole_page_entities(t) for t in pages]


def test_windows_skip_number_lines_and_lowercase_prose() -> None:
    prose = " ".join(["рост"] * 30)
    text = f"{prose}\n2017 2018 2019\n105,3 102,1 99,8\n{prose} в Курской области {prose}"
    spans = ner.windows(text)
    assert [text[a:b].split().index("Курской") for a, b in spans] == [ner.REACH_BEFORE]
    kept = " ".join(text[a:b] for a, b in spans)
    assert len(kept.split()) == ner.REACH_BEFORE + 1 + ner.REACH_AFTER
    assert "2017" not in kept and "105,3" not in kept
    assert ner.windows("2017 2018 2019\n105,3 102,1") == []


def test_batched_pages_match_single_pages(pages) -> None:
    batched = analyze_pages(pages)
    for text, analysis in zip(pages, batched, strict=True):
        single = analyze(text)
        assert analysis.entities == single.entities
        assert analysis.sentences == single.sentences


def test_extract_pages_gives_extract_page_facts(pages) -> None:
    """Batching pages for the NLP layer changes no fact: each page extracted alone, with the same
    neighbours (whose sentences a page break cut are joined back), has the same facts."""
    sample = pages[:6]
    around = ["", *sample, ""]
    alone = [next(extract_pages([text], around[k], around[k + 2])) for k, text in enumerate(sample)]
    for one, many in zip(alone, extract_pages(sample), strict=True):
        for table in ("dates", "figures", "mentions", "clusters"):
            assert getattr(one, table) == getattr(many, table)


def test_tokens_are_razdels(pages) -> None:
    """`nlp.tokens.tokenize` asks razdel's rules only between touching atoms: razdel's tokens."""
    from razdel import tokenize as razdel_tokenize

    from pipeline.nlp.tokens import tokenize

    tricky = "кто-то 1,5 1/2 :) ... ?! ΔP yahoo! С.-Петербург 2019-2020 гг. №5 т.е. 10%-ный a_b --"
    for text in [*pages, tricky]:
        assert tokenize(text) == [(t.start, t.stop, t.text) for t in razdel_tokenize(text)]


def test_kept_token_decisions_are_razdels() -> None:
    """razdel's decisions kept by what its rules read (`tokens._decision`) give razdel's tokens on
    random strings of the characters its rules look at (dashes, dots, slashes, smileys, quotes,
    letters, digits, other symbols), in any order of first sight."""
    import random

    from razdel import tokenize as razdel_tokenize

    from pipeline.nlp import tokens

    alphabet = list("аб1 2.,/\\-—_:;)(!?*«»\"'") + ["yahoo", "Δ", "x", "т", "%", "№", "…", " "]
    rng = random.Random(17)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))
        assert tokens.tokenize(text) == [(t.start, t.stop, t.text) for t in razdel_tokenize(text)], text


def test_ner_spans_match_slovnets_map(pages) -> None:
    """The lean inference (each item alone, one Viterbi for all) gives slovnet's spans."""
    from pipeline.nlp.infer import ner_spans

    tagger = models().ner_tagger
    items = [*pages, "Москва", "в Курской области", "2017 2018"]
    assert ner_spans(tagger, items) == [
        [(s.start, s.stop, s.type) for s in m.spans] for m in tagger.map(items)
    ]


def natasha_parse(sentences, indices) -> dict:
    """Morphology and syntax of sentences through natasha's `Doc`, as the NLP layer ran them before
    `pipeline.nlp.infer` (the reference of `_parse_sentences`)."""
    import bisect

    import natasha

    from pipeline.nlp import Token, _lemma

    m = models()
    doc = natasha.Doc("\n".join(s.text.replace("\n", " ") for s in sentences))
    doc.segment(m.segmenter)
    doc.tag_morph(m.morph_tagger)
    doc.parse_syntax(m.syntax_parser)
    starts = [sum(len(s.text) + 1 for s in sentences[:k]) for k in range(len(sentences))]
    out: dict = {i: [] for i in indices}
    for tok in doc.tokens:
        line = bisect.bisect_right(starts, tok.start) - 1
        shift, i = sentences[line].start - starts[line], indices[line]
        feats = None if tok.feats is None else tuple(sorted(tok.feats.items()))
        lemma = _lemma(tok.text, tok.pos, feats)
        out[i].append(
            Token(tok.start + shift, tok.stop + shift, tok.text, lemma or tok.text.lower(), tok.pos or "X",
                  dict(tok.feats or {}), f"{i}:{tok.id}", f"{i}:{tok.head_id}", tok.rel or "")
        )  # fmt: skip
    return out


def test_parse_gives_natashas_morphology_and_syntax(pages) -> None:
    """The lean morphology + syntax (`nlp.infer`, slovnet's own batches) gives natasha's tokens,
    tags, features (in order), heads and relations, page by page as `Analysis.parse` asks.
    Batched otherwise (a sentence alone), the parser picks the other head of a near tie on the
    seed paper's page 2."""
    from pipeline.nlp import _parse_sentences

    for text in pages[:2]:  # the seed paper's first pages: prose, a reference list
        sentences = analyze(text).sentences
        indices = list(range(len(sentences)))
        ours, reference = _parse_sentences(sentences, indices), natasha_parse(sentences, indices)
        assert ours == reference
        assert [list(t.feats.items()) for t in ours.get(0, [])] == [
            list(t.feats.items()) for t in reference.get(0, [])
        ]


def test_first_layer_once_per_distinct_token_gives_the_models_scores(pages) -> None:
    """NER's scores with the first convolution taken once per distinct token equal slovnet's model
    run on each item up to the rounding of the sums (the spans: `test_ner_spans_match_slovnets_map`)."""
    import numpy as np

    from pipeline.nlp.infer import _emissions, _encoder
    from pipeline.nlp.tokens import tokenize

    infer = models().ner_tagger.infer
    encode = _encoder(infer.encoder)
    items = [[encode(t[2]) for t in tokenize(text)] for text in [*pages[:4], "Москва", ""]]
    for item, scores in zip(items, _emissions(infer.model, items), strict=True):
        words, shapes = np.array([[w for w, _ in item]]), np.array([[s for _, s in item]])
        reference = infer.model(words, shapes, np.zeros(words.shape, dtype=bool))[0] if item else scores
        assert scores.shape == (len(item), reference.shape[1])
        assert np.allclose(scores, reference, rtol=0, atol=1e-4)


def test_encoder_gives_slovnets_floats_bit_for_bit(pages) -> None:
    """`infer._encode` (slovnet's CNN encoder with the windows matrix built by row copies) gives
    slovnet's very floats on slovnet's batches: morphology scores, head and relation scores, and
    NER's later layers on a page item."""
    import numpy as np

    from pipeline.nlp import _sentences, infer
    from pipeline.nlp.tokens import tokenize

    items = [[t[2] for t in tokenize(s.text)] for text in pages[:6] for s in _sentences(text)]
    for api in (models().morph_tagger, models().syntax_parser):
        model = api.infer.model
        for _, word_id, shape_id, pad in infer._batches(api, items):
            x = infer._encode(model.encoder, model.emb(word_id, shape_id), pad)
            assert x.tobytes() == model.encoder(model.emb(word_id, shape_id), pad).tobytes()
            if api is models().syntax_parser:
                pred, head_ids = model(word_id, shape_id, pad), model.head.decode(model.head(x), ~pad)
                assert model.head(x).tobytes() == pred.head_id.tobytes()
                assert model.rel(x, head_ids).tobytes() == pred.rel_id.tobytes()
    x = np.random.default_rng(0).standard_normal((1, 256, 300)).astype(np.float32)
    for layer in models().ner_tagger.infer.model.encoder.layers[1:]:
        assert infer._layer(layer, x).tobytes() == layer(x).tobytes()
        x = layer(x)
