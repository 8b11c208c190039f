"""A figure that states a property of a named thing: "цех мощностью 130 тонн" → "мощность цеха",
"комплекс по производству комбикормов мощностью 230 тыс. тонн" → "мощность комплекса по
производству комбикормов" (the property noun in the instrumental right before the figure)."""

from __future__ import annotations

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)

from pipeline import lexicon
from pipeline.extract.figures.words import _Word

OWNER_REACH = 8  # words before the property noun searched for the thing it belongs to
_SKIP = {"PREP", "NUMR"}


def property_measure(left: list[_Word]) -> str | None:
    """ "мощность <owner in the genitive>" when the word before the figure is a property noun in the
    instrumental ("мощностью"); the property alone when no owner is found."""
    if not left or not left[-1].has("NOUN", "ablt") or left[-1].lemma not in lexicon.PROPERTY_NOUNS:
        return None
    owner = _owner(left[:-1])
    return f"{left[-1].lemma} {owner}" if owner else left[-1].lemma


def _owner(words: list[_Word]) -> str | None:
    """The nearest common noun before the property that is not inside a prepositional phrase, with
    its adjectives and its "по ..." complement, in the genitive."""
    for i in range(len(words) - 1, max(-1, len(words) - 1 - OWNER_REACH), -1):
        w = words[i]
        if not w.tags or w.text[:1].isupper() or w.tags[0].tag.POS != "NOUN":
            continue
        if w.tags[0].tag.case in {"nomn", "accs"} and not _after_preposition(words, i):
            return _genitive_group(words, i)
    return None


def _after_preposition(words: list[_Word], i: int) -> bool:
    j = i - 1
    while j >= 0 and words[j].has("ADJF"):
        j -= 1
    return j >= 0 and words[j].has("PREP")


def _genitive_group(words: list[_Word], i: int) -> str | None:
    """Adjectives + noun at `i` in the genitive, then its genitive words and a "по + dative" part."""
    lo = i
    while lo > 0 and words[lo - 1].has("ADJF") and not words[lo - 1].text[:1].isupper():
        lo -= 1
    out = []
    for w in words[lo : i + 1]:
        form = next((p.inflect({"gent"}) for p in w.tags if p.tag.case in {"nomn", "accs"}), None)
        if form is None:
            return None
        out.append(form.word)
    j = i + 1
    if j < len(words) and words[j].lemma == "по" and j + 1 < len(words) and words[j + 1].has("NOUN", "datv"):
        j += 2
    while j < len(words) and words[j].has("NOUN", "gent") and not words[j].text[:1].isupper():
        j += 1
    return " ".join(out + [w.text for w in words[i + 1 : j]])
