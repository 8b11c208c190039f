"""slovnet's inference (natasha's NER, morphology and syntax) without its per-token objects.

natasha's taggers build a record per token, word, tag and span. Here the models run on arrays
and the results come back as plain tuples:

- NER (`ner_spans`): slovnet pads batches of 8 items to the longest and runs its CRF's Viterbi
  with a dozen numpy calls per position (`np.indices`, three reshapes, fancy indexing). The model
  runs on each item (a page's windows) alone instead: no padding (the pad's embedding is zero and
  the encoder zeroes pad positions after each layer, so a token sees what it sees in a batch),
  its first convolution taken once per distinct token of the call (`_first_layer`), the other
  layers slovnet's own; only the last bits of the scores' sums differ (as they do between two
  batchings in slovnet), and a page's entities no longer depend on the pages batched with it.
  Then one Viterbi over all items with slovnet's arithmetic (`score + transitions + emissions`,
  the first best previous tag on a tie) back-tracked over plain lists; slovnet's BIO reading of
  razdel's tokens (`pipeline.nlp.tokens`).
- Morphology and syntax (`morph_tags`, `syntax_heads`): slovnet's very batches (`_batches`) and
  the same matrix products (`_conv` builds each convolution's windows matrix with row copies
  instead of slovnet's strided reshape), so the same floats; only the records are gone.

tests/test_nlp_windows.py compares each with natasha's own on real text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

import numpy as np
from slovnet.const import B, I, O
from slovnet.exec.pad import pad_sequence
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
    """The model's tag scores of each item's tokens (tokens x tags), each item alone (no padding).

    The first convolution (two thirds of the model's work) is a sum of three products, one per
    kernel position, of its weights with each token's embedding; a page batch holds each (word,
    shape) about three times, so the products are taken once per distinct token (`_first_layer`)."""
    empty = np.zeros((0, model.head.proj.out_dim), dtype=np.float32)
    products, inverse = _first_layer(model, [token for item in items for token in item])
    out, pos = [], 0
    for item in items:
        if not item:
            out.append(empty)
            continue
        idx, pos = inverse[pos : pos + len(item)], pos + len(item)
        first = model.encoder.layers[0]
        x = products[idx, 1]  # the token's own position in each window, then its neighbours
        x[1:] += products[idx[:-1], 0]
        x[:-1] += products[idx[1:], 2]
        x = first.norm(first.relu((x + first.conv.bias.array).T[None]))  # 1 x filters x tokens
        for layer in model.encoder.layers[1:]:
            x = _layer(layer, x)
        out.append(model.head(np.swapaxes(x, 2, 1))[0])
    return out


def _first_layer(model, tokens: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """The first convolution's weights times the embedding of each distinct (word, shape) of
    `tokens` (distinct x kernel position x filters), and each token's row in it."""
    conv = model.encoder.layers[0].conv
    filters, dim, width = conv.weight.array.shape
    if not tokens:
        return np.zeros((0, width, filters), dtype=np.float32), np.zeros(0, dtype=np.intp)
    shapes = len(model.emb.shape.weight.array)
    distinct, inverse = np.unique(np.array([w * shapes + s for w, s in tokens]), return_inverse=True)
    embedded = model.emb(distinct[None, :] // shapes, distinct[None, :] % shapes)[0]  # distinct x dim
    weights = conv.weight.array.transpose(1, 2, 0).reshape(dim, width * filters)
    return np.matmul(embedded, weights).reshape(len(distinct), width, filters), inverse


def morph_tags(tagger, items: list[list[str]]) -> list[list[str]]:
    """Each item's (a sentence's words) morphology tags ("NOUN|Case=Gen|…"), as natasha's
    `NewsMorphTagger.map(items)` gives them (slovnet's batches: see `_batches`)."""
    infer, out = tagger.infer, []
    tags = infer.decoder.tags_vocab.items
    model = infer.model
    for sizes, word_id, shape_id, pad in _batches(tagger, items):
        scores = model.head(_encode(model.encoder, model.emb(word_id, shape_id), pad))  # slovnet's `Tag`
        best = model.head.decode(scores).tolist()
        out += [[tags[t] for t in row[:size]] for row, size in zip(best, sizes, strict=True)]
    return out


def syntax_heads(parser, items: list[list[str]]) -> list[list[tuple[str, str]]]:
    """Each item's (a sentence's words) (head id, relation) per word, as natasha's
    `NewsSyntaxParser.map(items)` gives them (word ids count from "1", the root is "0";
    slovnet's batches: see `_batches`)."""
    infer, out = parser.infer, []
    rels = infer.decoder.rels_vocab.items
    model = infer.model
    for sizes, word_id, shape_id, pad in _batches(parser, items):
        x = _encode(model.encoder, model.emb(word_id, shape_id), pad)  # slovnet's `Syntax`
        head_ids = model.head.decode(model.head(x), ~pad)  # the heads its relations are scored for
        heads = head_ids.tolist()
        rel_ids = model.rel.decode(model.rel(x, head_ids), ~pad).tolist()
        for size, head, rel in zip(sizes, heads, rel_ids, strict=True):
            out.append([(str(h), rels[r]) for h, r in zip(head[:size], rel[:size], strict=True)])
    return out


def _encode(encoder, x: np.ndarray, pad: np.ndarray) -> np.ndarray:
    """slovnet's `CNNEncoder` (batch x positions x dim in and out; padded positions zeroed after
    each layer) with its layers' convolutions by `_conv`."""
    x, mask = np.swapaxes(x, 2, 1), np.expand_dims(pad, axis=1)
    for layer in encoder.layers:
        x = _layer(layer, x)
        x[mask.repeat(x.shape[1], axis=1)] = 0
    return np.swapaxes(x, 2, 1)


def _layer(layer, x: np.ndarray) -> np.ndarray:
    """slovnet's `CNNEncoderLayer` (convolution, ReLU, batch norm) with the convolution by `_conv`."""
    return layer.norm(layer.relu(_conv(layer.conv, x)))


def _conv(conv, x: np.ndarray) -> np.ndarray:
    """slovnet's `Conv1d` (batch x channels x positions in, batch x filters x windows out) bit for
    bit: the same windows matrix (batch·windows x channels·kernel, C order, each row a window's
    channels, each with its `kernel` positions) times the same weights, one matrix product.

    slovnet builds the windows as a strided view of the zero-padded input and copies it in the
    reshape, `kernel` floats at a time (the input's channels lie a row apart); here the padded
    input is laid out positions x channels, so each of the `kernel` copies moves whole rows of
    channels (the windows' copy and padding were a fifth to a half of a layer's time)."""
    batch, channels, size = x.shape
    filters, _, kernel = conv.weight.array.shape
    count = size + 2 * conv.padding - kernel + 1
    padded = np.zeros((batch, size + 2 * conv.padding, channels), dtype=x.dtype)
    padded[:, conv.padding : conv.padding + size] = x.swapaxes(2, 1)
    windows = np.empty((batch, count, channels, kernel), dtype=x.dtype)
    for k in range(kernel):
        windows[..., k] = padded[:, k : k + count]
    weight = conv.weight.array.reshape(filters, channels * kernel)
    output = np.matmul(windows.reshape(batch * count, channels * kernel), weight.T) + conv.bias.array
    return output.reshape(batch, count, filters).swapaxes(2, 1)


def _batches(api, items: list[list[str]]) -> Iterator[tuple[list[int], np.ndarray, np.ndarray, np.ndarray]]:
    """slovnet's batches of `items` exactly (`API.map`, `WordShapeEncoder.input`): `batch_size`
    items in order, word and shape ids padded to the longest; with each item's length.

    The dependency parser must see these very batches: the same word twice in the same context
    gets two head scores equal up to rounding, so the last bits of a differently blocked matrix
    product (a batch padded otherwise, a sentence alone) pick the other head of such a tie."""
    encode, vocab = _encoder(api.infer.encoder), api.infer.encoder
    for first in range(0, len(items), api.batch_size):
        chunk = [[encode(w) for w in words] for words in items[first : first + api.batch_size]]
        word_id = pad_sequence([np.array([w for w, _ in item]) for item in chunk], vocab.words_vocab.pad_id)
        shape_id = pad_sequence([np.array([s for _, s in item]) for item in chunk], vocab.shapes_vocab.pad_id)
        yield [len(item) for item in chunk], word_id, shape_id, word_id == vocab.words_vocab.pad_id


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
