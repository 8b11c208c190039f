"""Measure from the dependency parse: the subject of the governing verb or the noun the figure
quantifies (one batched parse call per page)."""

from __future__ import annotations

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)

from pipeline import lexicon
from pipeline.extract.facts import FigureFact
from pipeline.extract.figures.properties import is_shaped
from pipeline.extract.figures.words import DASHES, _Word
from pipeline.extract.measures import is_bare
from pipeline.nlp.morph import nominative

_NOUNS = {"NOUN", "PROPN"}


_FRAME = set(lexicon.FRAME_NOUNS)
_BRACKETS = {"(", ")"}


_TIME_NOUNS = set(lexicon.PERIOD_NOUNS)


_GENERIC = {None, *lexicon.GENERIC_COUNTED}


_CLIMB_RELS = {"conj", "xcomp", "csubj", "csubj:pass", "advcl", "acl", "ccomp", "parataxis"}


_NOUN_RELS = {"nmod", "appos", "nummod", "nummod:gov"}


def _syntax_measures(facts: list[FigureFact], analysis) -> None:
    """Measure = the subject of the governing verb, or the noun the figure depends on (one parse call).

    Syntax is the slow part of the NLP layer, so it runs only on prose sentences (not number-dense
    chart labels or table remnants) holding a figure with a unit that is not a count of a noun."""
    wanted = [f for f in facts if f.unit and not (f.unit == "COUNT" and f.counted not in _GENERIC)]
    index = {id(f): analysis.sentence_index(f.char_start) for f in wanted}
    index = {k: i for k, i in index.items() if _is_prose(analysis.sentences[i].text)}
    parsed = analysis.parse(sorted(set(index.values())))
    spans = [(f.char_start, f.char_end) for f in facts]
    for f in wanted:
        if id(f) not in index:
            continue
        tokens = parsed.get(index[id(f)], [])
        found = _syntax_measure(f, tokens, spans) if tokens else None
        kept = f.measure and found and (is_bare(found) or f.measure.lower().startswith(found.lower()))
        kept = kept or is_shaped(f.measure)  # "мощность цеха", "расстояние до аэропорта"
        f.measure = f.measure if not found or kept else found  # the longer of the same phrase
        if f.measure and _Word(0, 0, f.measure.split()[0]).lemma in _TIME_NOUNS:
            f.measure = None  # "до 2014 года (около 25 - 30%)": a date is not what is measured


_SYNTAX_MAX_CHARS = 500
MAX_DIGIT_SHARE = 0.15  # above this share of digits a "sentence" is a chart label or table remnant
MAX_CLIMB = 4  # dependency heads climbed from a figure to its verb or noun
GENITIVE_WORDS = 4  # genitive words kept after a measure's head noun


def _is_prose(sentence: str) -> bool:
    """Short enough to parse, and mostly words rather than numbers."""
    digits = sum(ch.isdigit() for ch in sentence)
    return len(sentence) <= _SYNTAX_MAX_CHARS and digits <= MAX_DIGIT_SHARE * len(sentence)


def _syntax_measure(f: FigureFact, tokens: list, spans: list[tuple[int, int]]) -> str | None:
    by_id = {t.id: t for t in tokens}
    inside = [t for t in tokens if f.char_start <= t.start < f.char_end]
    ids = {t.id for t in inside}
    node = next((t for t in inside if t.head_id not in ids), None)
    for _ in range(MAX_CLIMB):
        head = by_id.get(node.head_id) if node is not None else None
        if head is None or node.rel.startswith("nsubj") or any(a <= head.start < b for a, b in spans):
            return None  # a figure that is itself the subject is measured by its genitive (morphology)
        in_pp = any(t.head_id == head.id and t.rel == "case" for t in tokens)
        if head.pos in _NOUNS and node.rel in _NOUN_RELS and head.start < node.start and not in_pp:
            return None if head.lemma in _FRAME | _TIME_NOUNS else _noun_phrase(head, tokens)
        if head.pos == "VERB" and head.lemma in lexicon.ACTION_NOUNS:
            return None  # "компания поставила 5 тыс. тонн": the subject is who acted (clause.py)
        if head.pos in {"VERB", "AUX"} or head.lemma in _FRAME:
            subject = _subject_of(head, tokens, spans, f.char_start)
            if subject is not None and _not_its_subject(subject, f, tokens):
                return None
            if subject is not None:
                return _noun_phrase(subject, tokens)
        if head.rel not in _CLIMB_RELS and head.lemma not in _FRAME and not in_pp:
            return None
        node = head
    return None


def _across_colon(subject, f: FigureFact, tokens: list) -> bool:
    """A colon stands between the subject and the figure, which follows a dash: an item of a list."""
    before = [t for t in tokens if t.start < f.char_start]
    dashed = bool(before) and before[-1].text in DASHES
    return dashed and any(t.text == ":" and subject.start < t.start for t in before)


def _not_its_subject(subject, f: FigureFact, tokens: list) -> bool:
    """ "показатели дали рост: индекс ... – 109%" (the list item is the measure, clause.py), or a
    subject of the next clause."""
    return _across_colon(subject, f, tokens) or _next_clause(subject, f, tokens)


def _next_clause(subject, f: FigureFact, tokens: list) -> bool:
    """The subject follows the figure after a comma: it opens a clause of its own ("поступило
    налогов 20,7 млн. рублей, темпы роста составляют 121,0 %")."""
    return subject.start > f.char_end and any(
        t.text == "," and f.char_end <= t.start < subject.start for t in tokens
    )


def _subject_of(verb, tokens: list, spans: list[tuple[int, int]], at: int):
    """The nominal subject of a verb, outside figures: the last one before the figure at `at` ("индекс
    цен составил 99,5%, изменение курса - 98,6%"), else the one nearest to the verb."""
    subjects = [t for t in tokens if t.head_id == verb.id and t.rel.startswith("nsubj") and t.pos in _NOUNS]
    subjects = [
        t for t in subjects if t.lemma not in _TIME_NOUNS and not any(a <= t.start < b for a, b in spans)
    ]
    before = [t for t in subjects if t.start < at]
    if before:
        return before[-1]
    return min(subjects, key=lambda t: abs(t.start - verb.start), default=None)


def _genitive_word(token) -> bool:
    """A noun, adjective or participle ("замещенных рабочих мест") in the genitive."""
    return token.feats.get("Case") == "Gen" and token.pos in {"NOUN", "ADJ", "PROPN", "VERB"}


def _join(tokens: list) -> str:
    """Token texts joined by spaces, with no space inside brackets."""
    return " ".join(t.text for t in tokens).replace("( ", "(").replace(" )", ")")


def _object_end(tokens: list, i: int) -> int:
    """End of a "в/на + accusative" complement at `i` ("инвестиции в основной капитал", "цены на
    капусту"), else `i`; never a place or a time (those are locative or named)."""
    if i >= len(tokens) or tokens[i].text.lower() not in lexicon.OBJECT_PREPOSITIONS:
        return i
    j = i + 1
    while j < len(tokens) and tokens[j].pos == "ADJ" and tokens[j].feats.get("Case") == "Acc":
        j += 1
    if j >= len(tokens) or tokens[j].pos != "NOUN" or tokens[j].feats.get("Case") != "Acc":
        return i
    if tokens[j].lemma in _TIME_NOUNS or tokens[j].lemma in lexicon.TIME_NOUNS:
        return i
    j += 1
    while j < len(tokens) and j - i <= GENITIVE_WORDS and _genitive_word(tokens[j]):
        j += 1
    return j


def _noun_phrase(noun, tokens: list) -> str:
    """The noun with its adjectives before it, up to four genitive words and a "в/на" object after
    it, nominative."""
    i = tokens.index(noun)
    lo = i
    while lo > 0 and tokens[lo - 1].rel == "amod" and tokens[lo - 1].head_id == noun.id:
        lo -= 1
    hi, n, end = i + 1, 0, i + 1
    while (
        hi < len(tokens)
        and n < GENITIVE_WORDS
        and (_genitive_word(tokens[hi]) or tokens[hi].text in _BRACKETS)
    ):
        n += tokens[hi].text not in _BRACKETS
        hi += 1
        end = hi if _genitive_word(tokens[hi - 1]) else end  # "условного (минимального) набора"
    phrase = _join(tokens[lo : _object_end(tokens, end)])
    if noun.feats.get("Case") not in {None, "Nom"}:
        phrase = nominative(phrase)
    return phrase if phrase[:2].isupper() or noun.pos == "PROPN" else phrase[:1].lower() + phrase[1:]
