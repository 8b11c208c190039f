"""Several parks, clusters or zones named after one plural kind phrase.

"индустриальные парки «Северный» и «Южный»" → Индустриальный парк «Северный», Индустриальный парк
«Южный»; "индустриальные парки на площадках АПЗ-20 и завода "Счетмаш"" → Индустриальный парк на
площадке АПЗ-20, Индустриальный парк на площадке завода «Счетмаш». The kind phrase is put in the
nominative singular; each listed name becomes one record (a `Mention` over the item's span).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.extract.clusters.names import capitalized, clean_text, normalize_quotes
from pipeline.extract.facts import ClusterFact
from pipeline.extract.grammars.clusters import kind_of
from pipeline.nlp.morph import inflect, parses

ADJ = r"[а-яё]+(?:-[а-яё]+)?(?:ые|ие|ых|их|ыми|ими|ым|им)"
KIND_STEMS = r"(?:технопарк|парк|кластер|фармкластер|зон)"
PLURAL_KIND = re.compile(
    rf"(?i:(?P<phrase>(?:{ADJ}\s+(?:\({ADJ}\)\s+)?){{0,3}}{KIND_STEMS}(?:и|ы|ов|ах|ами|ам)?))\s+"
)
# A `PLURAL_KIND` match holds only letters, blanks, hyphens and brackets, so it lies inside one run
# of them, and only a run with a kind stem holds one: the regex is tried in those runs alone.
LETTER_RUN = re.compile(r"(?:[^\W\d_]|[\s()-])+")
KIND_STEM = re.compile(KIND_STEMS, re.IGNORECASE)
QUOTED_ITEM = r"(?:«[^«»]{1,60}»|\"[^\"]{1,60}\"|“[^”]{1,60}”)"
QUOTED_LIST = re.compile(rf"{QUOTED_ITEM}(?:\s*(?:,|\bи\b)\s*{QUOTED_ITEM})+")
SITE_LIST = re.compile(r"(?i:на\s+площадках)\s+(?P<items>[^.;:()]{1,160}?)(?=[.;:)]|$)")
ITEM_SPLIT = re.compile(r"\s*,\s*|\s+и\s+")
QUOTED_ONE = re.compile(QUOTED_ITEM)
SITE_WORDS = 4  # an item of "на площадках …" has at most this many words ("завода "Счетмаш"")
SINGULAR = {"sing", "nomn"}
INFLECTED = {"NOUN", "ADJF", "PRTF"}
KIND_NOUNS = {"парк", "технопарк", "кластер", "фармкластер", "зона"}  # "парки" is not "парка"


def listed_clusters(text: str) -> list[ClusterFact]:
    """One fact per name listed after a plural kind phrase, its offsets over the listed name."""
    out = []
    for kind_match in _plural_kinds(text):
        phrase = kind_match.group("phrase")
        if not _is_plural(phrase.split()[-1]):
            continue
        head = capitalized(_singular(clean_text(phrase)))
        kind = kind_of(head)
        if kind is None:
            continue
        rest = kind_match.end()
        for finder in (_quoted_items, _site_items):
            items = finder(text, rest)
            if items:
                out += [_fact(f"{head} {name}", kind, lo, hi) for name, lo, hi in items]
                break
    return out


def _plural_kinds(text: str) -> Iterator[re.Match[str]]:
    """`PLURAL_KIND.finditer(text)`, searched only in the letter runs that hold a kind stem."""
    if KIND_STEM.search(text) is None:
        return
    for run in LETTER_RUN.finditer(text):
        if KIND_STEM.search(text, run.start(), run.end()):
            yield from PLURAL_KIND.finditer(text, run.start(), run.end())


def _fact(name: str, kind: str, start: int, end: int) -> ClusterFact:
    return ClusterFact(name=name, kind=kind, source="text", char_start=start, char_end=end)


def _quoted_items(text: str, at: int) -> list[tuple[str, int, int]]:
    found = QUOTED_LIST.match(text, at)
    if found is None:
        return []
    items = QUOTED_ONE.finditer(text, at, found.end())
    return [(normalize_quotes(q.group()), q.start(), q.end()) for q in items]


def _site_items(text: str, at: int) -> list[tuple[str, int, int]]:
    found = SITE_LIST.match(text, at)
    if found is None:
        return []
    items, pos = [], found.start("items")
    for piece in ITEM_SPLIT.split(found.group("items")):
        lo = text.index(piece, pos)
        pos = lo + len(piece)
        if piece and len(piece.split()) <= SITE_WORDS:
            items.append((f"на площадке {normalize_quotes(clean_text(piece))}", lo, pos))
    return items if len(items) > 1 else []


def _is_plural(word: str) -> bool:
    return any(p.tag.POS == "NOUN" and p.tag.number == "plur" for p in parses(word))


def _singular(phrase: str) -> str:
    """ "индустриальные (промышленные) парки" → "индустриальный (промышленный) парк"."""
    words = re.split(r"(\W+)", phrase)
    nouns = [p for p in parses(words[-1]) if p.tag.POS == "NOUN"]
    noun = next((p for p in nouns if p.normal_form in KIND_NOUNS), nouns[0] if nouns else None)
    gender = noun.tag.gender if noun is not None else "masc"
    return "".join(_inflected(w, SINGULAR | ({gender} if w != words[-1] else set())) for w in words)


def _inflected(word: str, grammemes: set[str]) -> str:
    if not re.fullmatch(r"[а-яё-]+", word.lower()):
        return word
    found = [p for p in parses(word) if p.tag.POS in INFLECTED and p.tag.number == "plur"]
    found = next((p for p in found if p.normal_form in KIND_NOUNS), found[0] if found else None)
    form = inflect(found, grammemes) if found is not None else None
    return form.word if form is not None else word
