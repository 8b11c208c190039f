"""A figure alone in brackets after a noun phrase measures that phrase: "черные металлы (7%)" →
"доля черных металлов в экспорте" (the whole taken from the sentence's "доля в ..." or "в
структуре ..."), "сокращается доля продукции верхних переделов (на 11 п.п.)" → that share; after
a place ("Египет (621%)") it repeats the measure of the list's earlier figure."""

from __future__ import annotations

import re

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)

from pipeline.extract.facts import Confidence, FigureFact
from pipeline.extract.figures.shares import SHARE_HEADS, thing_of, whole_of
from pipeline.extract.figures.words import _WORD, _as_word, _is_verb, _Word

_SEGMENT = re.compile(r"[,;:()]|\s[-–—]\s")
_INSIDE = re.compile(r"[\s,]*(?:на\s+)?(?:[\s,]*\bи\b[\s,]*)?", re.I)
_LEADING = {"и", "а", "также", "на", "в", "-", "–", "—", "•"}
_NOMINAL = {"NOUN", "ADJF", "PRTF"}
_SHARE_UNITS = {"PERCENT", "PP"}
_CLOSED = re.compile(r"\s*\)")
MAX_NP_WORDS = 8  # a longer run before the bracket is a clause, not a list item


def bracket_measures(text: str, facts: list[FigureFact], sentences: list[tuple[int, int]]) -> None:
    """Measures of percentages alone in brackets after a noun phrase (see module doc)."""
    for i, f in enumerate(facts):
        bounds = next(((s, e) for s, e in sentences if s <= f.char_start < e), None)
        if f.unit not in _SHARE_UNITS or bounds is None:
            continue
        opening = _opening(text, f, facts, bounds)
        if opening is None:
            continue
        words = _item(text, bounds[0], opening)
        if words:
            measure = _item_measure(text, f, words, facts[:i], bounds)
        else:
            measure = _share_of_figure(text, f, facts[:i], opening)
        if measure:
            f.measure, f.confidence = measure, min(f.confidence, Confidence.INFERRED)


def _share_of_figure(text: str, f: FigureFact, before: list[FigureFact], opening: int) -> str | None:
    """ "9,4 млн. долл. США (1,4%)": the share of what the amount before the bracket measures."""
    g = before[-1] if before else None
    if g is None or f.kind != "share" or not g.measure or text[g.char_end : opening].strip():
        return None
    if not _CLOSED.match(text, f.char_end):
        return None  # "(0,6% от России в целом)": a share of another whole; the amount's measure stays
    thing = thing_of(g.measure)
    return f"доля {thing}" if thing else None


def _opening(text: str, f: FigureFact, facts: list[FigureFact], bounds: tuple[int, int]) -> int | None:
    """Offset of the "(" the figure opens (alone, after "на", or after other figures joined by "и"
    or commas), when the bracket closes in the sentence."""
    at = text.rfind("(", bounds[0], f.char_start)
    if at < 0 or ")" in text[at : f.char_start] or text.find(")", f.char_end, bounds[1]) < 0:
        return None
    inside = list(text[at + 1 : f.char_start])
    for g in facts:
        if at < g.char_start and g.char_end <= f.char_start:
            inside[g.char_start - at - 1 : g.char_end - at - 1] = " " * (g.char_end - g.char_start)
    return at if _INSIDE.fullmatch("".join(inside)) else None


def _item(text: str, start: int, opening: int) -> list[_Word]:
    """The noun phrase right before the bracket: its list item, after the last verb."""
    cut = max((m.end() for m in _SEGMENT.finditer(text, start, opening)), default=start)
    segment = text[cut:opening]
    if any(ch.isdigit() for ch in segment):
        return []  # "9,4 млн. долл. США (1,4%)": a share of another figure
    words = [_as_word(m) for m in _WORD.finditer(text, cut, opening)]
    verb = max((k for k, w in enumerate(words) if _is_verb(w)), default=-1)
    words = words[verb + 1 :]
    while words and words[0].lemma in _LEADING:
        words = words[1:]
    nominal = bool(words) and words[0].tags and words[0].tags[0].tag.POS in _NOMINAL
    if not nominal or len(words) > MAX_NP_WORDS or not any(w.has("NOUN") for w in words):
        return []
    return words


def _item_measure(
    text: str, f: FigureFact, words: list[_Word], before: list[FigureFact], bounds: tuple[int, int]
) -> str | None:
    """The phrase itself when it names a share; "доля" + its genitive + the whole for a share;
    a place repeats the measure of the list's earlier figure with a measure."""
    if _is_place(words):
        earlier = [g for g in before if g.char_start >= bounds[0] and g.unit == f.unit and g.measure]
        return earlier[-1].measure if earlier else None
    if words[0].lemma in SHARE_HEADS or words[-1].lemma in SHARE_HEADS:
        return _nominative(words) if len(words) > 1 and words[0].lemma in SHARE_HEADS else None
    if f.kind != "share":
        return _nominative(words)
    whole = whole_of([_as_word(m) for m in _WORD.finditer(text, bounds[0], words[0].start)])
    return " ".join(filter(None, ["доля", _genitive(words), whole]))


def _is_place(words: list[_Word]) -> bool:
    """A proper place name ("Египет", "Республика Беларусь")."""
    from pipeline.extract.territories import find_territories

    phrase = " ".join(w.text for w in words)
    spans = find_territories(phrase)
    return bool(spans) and spans[0].start == 0 and spans[-1].end >= len(phrase) - 1


def _genitive(words: list[_Word]) -> str:
    """The phrase in the genitive up to its first preposition ("черные металлы" → "черных
    металлов", "пластмассы и изделия из них" → "пластмасс и изделий из них")."""
    out, inflecting = [], True
    for w in words:
        inflecting = inflecting and not w.has("PREP")
        form = None
        if inflecting:
            form = next((p.inflect({"gent"}) for p in w.tags if p.tag.case in {"nomn", "accs"}), None)
        out.append(form.word if form is not None else w.text.lower())
    return " ".join(out)


def _nominative(words: list[_Word]) -> str:
    from pipeline.nlp.morph import nominative

    phrase = nominative(" ".join(w.text for w in words))
    return phrase[:1].lower() + phrase[1:] if not phrase[:2].isupper() else phrase
