"""slovnet's NER inference (natasha's `NewsNERTagger`) without its per-token objects and padding.

`NERTagger.map` builds a record per token, word, tag and BIO span, runs its model on batches of 8
items padded to the longest, and its CRF's Viterbi with a dozen numpy calls per position
(`np.indices`, three reshapes, fancy indexing). `ner_spans` runs the same model on each item alone
(no padding: the pad's embedding is zero and the encoder zeroes pad positions after each layer,
so an item's tokens see what they see in a batch; only the last bits of the matrix products'
sums may differ, as they already do from one batch to another), one Viterbi over all items at
once with slovnet's arithmetic (`score + transitions + emissions`, the first best previous tag on
a tie) back-tracked over plain lists, and slovnet's BIO reading of razdel's tokens
(`pipeline.nlp.tokens`). tests/test_nlp_windows.py compares its spans with `map`'s on real text.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np
from slovnet.const import B, I, O
from slovnet.shape import word_shape

from pipeline.nlp.tokens import tokenize

Span = tuple[int, int, str]  # start, stop, type
ENCODED_WORDS = 200_000  # words whose ids are kept
_CACHE = "_indikator_encode"  # the encoder's attribute holding them


def ner_spans(tagger, texts: list[str]) -> list[list[Span]]:
    """The entity spans of each text (offsets index it), as `tagger.map(texts)` gives them."""
    infer = tagger.infer
    encode = _encoder(infer.encoder)
    tokens = [tokenize(text) for text in texts]
    emissions = _emissions(infer.model, [[encode(t[2]) for t in toks] for toks in tokens])
    tags = viterbi(infer.model.head.crf.transitions.array, emissions)
    parts = [_bio_part(tag) for tag in infer.decoder.tags_vocab.items]
    return [_spans(toks, [parts[t] for t in item]) for toks, item in zip(tokens, tags, strict=True)]


def _emissions(model, items: list[list[tuple[int, int]]]) -> list[np.ndarray]:
    """The model's tag scores of each item's tokens (tokens x tags), each item alone: no padding,
    and an item's scores do not depend on the items beside it (in a padded batch the matrix
    products' blocking changes their last bits with the batch)."""
    out = []
    for item in items:
        if not item:
            out.append(np.zeros((0, model.head.proj.out_dim), dtype=np.float32))
            continue
        word_id = np.array([[w for w, _ in item]])
        shape_id = np.array([[s for _, s in item]])
        out.append(model(word_id, shape_id, np.zeros(word_id.shape, dtype=bool))[0])
    return out


def _encoder(encoder) -> Callable[[str], tuple[int, int]]:
    """(word id, shape id) of a word as `encoder.item` gives them, cached per word on the encoder."""
    cached = encoder.__dict__.get(_CACHE)
    if cached is None:

        def encode(word: str) -> tuple[int, int]:
            return encoder.words_vocab.encode(word.lower()), encoder.shapes_vocab.encode(word_shape(word))

        cached = encoder.__dict__[_CACHE] = lru_cache(maxsize=ENCODED_WORDS)(encode)
    return cached


def viterbi(transitions: np.ndarray, emissions: list[np.ndarray]) -> list[list[int]]:
    """slovnet's `CRF.decode` of each item's emissions (tokens x tags): its best tag sequence.

    Each step is slovnet's arithmetic (`score + transitions + emissions`, the first best previous
    tag on a tie); items are independent, so all of them step together, each only over its tokens."""
    assert transitions.shape[0] <= np.iinfo(np.uint8).max  # the history keeps tags as bytes
    sizes = [len(e) for e in emissions]
    if not sizes or not max(sizes):
        return [[] for _ in emissions]
    steps = np.zeros((max(sizes), len(emissions), transitions.shape[0]), dtype=emissions[0].dtype)
    valid = np.zeros((max(sizes), len(emissions), 1), dtype=bool)
    for item, scores in enumerate(emissions):
        steps[: len(scores), item] = scores
        valid[: len(scores), item] = True
    history = np.empty((max(sizes) - 1, len(emissions), transitions.shape[0]), dtype=np.uint8)
    score = steps[0]
    for index in range(1, len(steps)):
        scores = score[:, :, None] + transitions + steps[index][:, None, :]  # item x previous x tag
        history[index - 1] = scores.argmax(-2)
        score = np.where(valid[index], scores.max(-2), score)
    out = []
    for item, (size, tag) in enumerate(zip(sizes, score.argmax(-1).tolist(), strict=True)):
        tags = [tag]
        for row in reversed(history[: size - 1, item].tolist()):
            tag = row[tag]
            tags.append(tag)
        tags.reverse()
        out.append(tags if size else [])
    return out


def _bio_part(tag: str) -> tuple[str, str | None]:
    part, _, type_ = tag.partition("-")
    return part, type_ or None


def _spans(tokens: list[tuple[int, int, str]], parts: list[tuple[str, str | None]]) -> list[Span]:
    """`slovnet.bio.bio_spans`: B opens a span (closing the open one), I extends it, O closes it."""
    out: list[Span] = []
    open_type, start, stop = None, 0, 0
    for (a, b, _), (part, type_) in zip(tokens, parts, strict=False):
        if part == O:
            if open_type:
                out.append((start, stop, open_type))
                open_type = None
        elif part == B:
            if open_type:
                out.append((start, stop, open_type))
            open_type, start, stop = type_, a, b
        elif part == I:
            stop = b
    if open_type:
        out.append((start, stop, open_type))
    return out
