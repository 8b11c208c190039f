"""Field of activity of a cluster: a cue phrase in the sentences about it ("в сфере электроники",
"специализация — приборостроение"), else the field words of its name ("Волгоградский
химико-фармацевтический кластер" → "химия, фармацевтика").

The name's field words are data: `pipeline/data/cluster_fields.csv` maps the lemma of an adjective
("фармацевтический"), a part of a hyphenated one ("химико") or the prefix of a compound kind word
("фарм" of "фармкластер") to a field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.extract.clusters.attributes import Span
from pipeline.extract.grammars.clusters import KIND_HEADS, name_fields
from pipeline.nlp.morph import inflect, lemma, nominative, parses

# A label of a field of activity ("Специализация — …", "Направления деятельности: …"); lowercase, for re.I.
FIELD_LABEL = r"(?:специализаци\w*|(?:направлени[ея]|сфера)\s+деятельности|профиль|направленность)"
# Cues of a field of activity, best first, and whether the field after them is in an oblique case
# ("в сфере электроники") rather than the nominative ("специализация — приборостроение").
FIELD_CUES = tuple(
    (re.compile(p, re.I), oblique)
    for p, oblique in (
        (
            FIELD_LABEL + r"(?:\s+[а-яё]+){0,2}?"
            r"\s*[-–—:]\s*(?P<field>[^.;()]+)",
            False,
        ),
        (r"\bспециализиру(?:ется|ются)\s+на\s+(?P<field>[^.;()]+)", True),
        (  # "Основными направлениями деятельности кластера являются …", "Специализацией … является …"
            r"(?:специализаци|направлени)\w*(?:\s+деятельности)?(?:\s+[\w«»-]+){0,3}?\s+являю?тся\s+"
            r"(?P<field>[^.;()]+)",
            False,
        ),
        (r"\bв\s+(?:сфер[еах]+|област[ия]х?|отрасл[ия]х?)\s+(?P<field>[^.;()]+)", True),
    )
)
FIELD_STOP_POS = {"PREP", "VERB", "INFN", "PRTS", "GRND", "NPRO"}
FIELD_WORD = re.compile(r"[«»\"\w-]+|,")
FIELD_ITEMS = re.compile(r"\s*,\s*|\s+и\s+")
NAME_WORD = re.compile(r"[A-Za-zА-Яа-яЁё]+")
CONJUNCTIONS = ("и",)
# "Кластер химической и фармацевтической промышленности Волгоградской области": lowercase words
# after the kind word, up to a capitalized word, a quote or the end.
KIND_GENITIVE = re.compile(
    r"(?i:кластер)\s+(?P<phrase>[а-яё-]+(?:,?\s+(?:и\s+)?[а-яё-]+)*)(?=\s*(?:$|«|[А-ЯЁ]))"
)


def field_of(text: str, spans: Iterable[Span], name: tuple[int, int] = (0, 0)) -> str | None:
    """The field of activity named by the best cue in the spans ("в сфере электроники" →
    "электроника"), not by words of the cluster's `name` span ("Технопарк в сфере высоких …")."""
    spans = list(spans)
    for cue, oblique in FIELD_CUES:
        for span in spans:
            found = cue.search(text, span.start, span.end)
            if found and name[0] <= found.start("field") < name[1]:
                found = cue.search(text, name[1], span.end) if span.start < name[1] <= span.end else None
            field = _field_phrase(found.group("field"), oblique) if found else None
            if field:
                return field
    return None


def _field_phrase(raw: str, oblique: bool) -> str | None:
    """The noun phrases of a cue's tail up to a preposition or verb, in the nominative."""
    kept: list[str] = []
    for word in FIELD_WORD.findall(raw):
        if word != "," and any(p.tag.POS in FIELD_STOP_POS for p in parses(word)[:1]):
            break
        kept.append(word)
    phrase = " ".join(kept).replace(" ,", ",").strip(" ,")
    items = [nominative(item) if oblique else item for item in FIELD_ITEMS.split(phrase) if item]
    return ", ".join(items) or None


def field_of_name(name: str) -> str | None:
    """The genitive phrase after its kind word ("Кластер биомедицинских технологий" → "биомедицинские
    технологии"), else the fields its words name, in order ("ИТ-кластер" → "информационные
    технологии")."""
    phrase = KIND_GENITIVE.search(name)
    nominal = _genitive_to_nominative(phrase.group("phrase")) if phrase else None
    return nominal or fields_of_words(name)


def _genitive_to_nominative(phrase: str) -> str | None:
    """ "химической и фармацевтической промышленности" → "химическая и фармацевтическая
    промышленность" (an adjective agrees with the next noun after it)."""
    out: list[str] = []
    noun = None
    for word in reversed(phrase.split()):
        bare = word.strip(",")
        if bare in CONJUNCTIONS:
            out.append(word)
            continue
        readings = [p for p in parses(bare) if p.tag.case == "gent"]
        pos = ("ADJF", "PRTF") if noun is not None and out and out[-1] not in CONJUNCTIONS else ("NOUN",)
        found = next((p for p in readings if p.tag.POS in pos), None)
        found = found or next((p for p in readings if p.tag.POS in ("NOUN", "ADJF", "PRTF")), None)
        noun = found if found is not None and found.tag.POS == "NOUN" else noun
        if found is None or noun is None:
            return None
        form = inflect(found, _nominative_of(found, noun))
        out.append((form.word if form else bare) + ("," if word.endswith(",") else ""))
    return " ".join(reversed(out))


def _nominative_of(word, noun) -> set[str]:
    """The grammemes of `word` in the nominative, agreeing with `noun` when it is an adjective."""
    if word is noun:
        return {"nomn"}
    return {"nomn", noun.tag.number} | ({noun.tag.gender} if noun.tag.number == "sing" else set())


def fields_of_words(name: str) -> str | None:
    """The fields the name's words name in the data file, in order, ", "-joined."""
    table = name_fields()
    found: list[str] = []
    for word in NAME_WORD.findall(name):
        low = word.lower().replace("ё", "е")
        head = next((h for h in KIND_HEADS if low.endswith(h) and len(low) > len(h)), None)
        key = low[: -len(head)] if head else lemma(word).replace("ё", "е")
        for field in table.get(key, table.get(low, "")).split(", "):
            if field and field not in found:
                found.append(field)
    return ", ".join(found) or None
