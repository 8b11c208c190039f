"""Named clusters, parks and zones in running text: grammar matches in windows around kind words.

`find_mentions` returns one `Mention` per named match ("Технопарк «Факел»", "Калужский
фармкластер", "… кластер на базе АО «КЭАЗ»"); generic kind phrases ("инновационный кластер") are
not mentions. The attributes around each mention are read by `context`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline import lexicon
from pipeline.extract.clusters.fields import field_of_name
from pipeline.extract.clusters.lists import listed_clusters
from pipeline.extract.clusters.names import (
    QUOTE_CHARS,
    capitalized,
    clean_text,
    display_name,
    genitive,
    normalize_quotes,
)
from pipeline.extract.clusters.places import CITY_AT, canonical_city, region_named, set_city
from pipeline.extract.facts import ClusterFact
from pipeline.extract.grammars.clusters import (
    CLUSTER,
    GENERIC_WORDS,
    KIND_WORD_FAMILIES,
    TOKENIZER,
    is_region_adjective,
    kind_of,
)
from pipeline.extract.grammars.earley import LookaheadParser
from pipeline.extract.skeleton import Rule, first_rejecting, windows
from pipeline.extract.territories import TerritorySpan, find_territories
from pipeline.nlp.morph import lemma

# Kind words (any case) and abbreviations (upper case, whole words: "тор" is inside "который").
TRIGGER = re.compile(r"(?i:кластер|парк|зон[аеуыо]|опережающего)|\b(?:ОЭЗ|ТОР|ТОСЭР|СЭЗ)\b")
FIELD_WORDS = re.compile(r"[А-Яа-яЁё]+")
MID_SENTENCE = re.compile(r"[а-яё,]$")  # what precedes a word that is not a sentence's first
MID_SENTENCE_REACH = 5
KIND_ENDING = 2  # letters of a case ending after a kind word ("Кластера", "Парком")
WINDOW_REACH = 100  # characters parsed on each side of a kind word
LOCATED_BEFORE = re.compile(r"\b(?:[Вв]о?|[Нн]а|территории|[Вв]\s+составе)\s+$")  # "В составе кластера …"
LOCATED_REACH = 20
FIRST_WORD = re.compile(r"[\w-]+")
BASE_BEFORE = re.compile(
    rf"\b[Нн]а базе\s+(?P<org>(?:(?:{lexicon.organization_form_pattern()})\s+)?"
    rf"[{re.escape(lexicon.OPENING_QUOTES)}][^{re.escape(lexicon.CLOSING_QUOTES)}]{{1,60}}"
    rf"[{re.escape(lexicon.CLOSING_QUOTES)}])"
    r"\s+(?:был\w*\s+)?(?:создан|сформирован|организован|действует)\w*\s+$"
)


@dataclass
class Mention:
    """A named cluster in the text; `located` marks an adverbial place ("в Парке …"), not a subject;
    `listed` a name of a list after one plural kind phrase ("парки «Северный» и «Южный»")."""

    fact: ClusterFact
    start: int
    end: int
    located: bool = False
    listed: bool = False  # one of several names after a plural kind phrase


@cache
def _parser() -> LookaheadParser:
    """The cluster parser (yargy's matches, predicted with lookahead), built once per process."""
    return LookaheadParser(CLUSTER, tokenizer=TOKENIZER)


def find_mentions(text: str, sentences: list[tuple[int, int]]) -> list[Mention]:
    """Named mentions of a text in order of their offsets."""
    matches = _matches(text)
    mentions = _named_mentions(matches) + _based_mentions(sentences, matches)
    mentions += _region_mentions(text, sentences, matches, mentions)
    mentions += [
        Mention(f, f.char_start, f.char_end, _is_located(text, f.char_start), listed=True)
        for f in listed_clusters(text)
        if not any(m.start <= f.char_start < m.end for m in mentions)
    ]
    return sorted(mentions, key=lambda m: m.start)


@dataclass(frozen=True)
class Match:
    """One match of the cluster grammar: its span and the parts the grammar found."""

    text: str
    start: int
    end: int
    kind: str | None
    name: str | None
    region: str | None
    base: str | None
    place: str | None

    @property
    def named(self) -> bool:
        """Something names it: a name, a region, a base organization, a place, a region adjective,
        or quotes around the whole phrase (Ассоциация «Камский … кластер»)."""
        first = FIRST_WORD.match(self.text, self.start)
        leading = first is not None and (is_region_adjective(first.group()) or self._proper(first.group()))
        return bool(self.name or self.region or self.base or self.place or leading or self.quoted)

    def _proper(self, word: str) -> bool:
        """A capitalized first word that is not capitalized as a sentence start: "Северо-Западный",
        "… и Камский инновационный кластер"; an acronym ("IT-кластер") is no proper name."""
        if not word[:1].isupper() or word.split("-")[0].isupper():
            return False
        parts = word.split("-")
        if len(parts) > 1 and all(p[:1].isupper() for p in parts):
            return True
        before = self.text[max(0, self.start - MID_SENTENCE_REACH) : self.start].rstrip()
        return bool(before) and MID_SENTENCE.search(before) is not None

    @property
    def is_kind_word_alone(self) -> bool:
        """One word that is a kind word ("… (далее — Кластер)", "В состав Кластера входят …")."""
        words = FIELD_WORDS.findall(self.text[self.start : self.end])
        low = words[0].lower() if len(words) == 1 else ""
        return any(low.startswith(k) and len(low) - len(k) <= KIND_ENDING for k in KIND_WORD_FAMILIES)

    @property
    def quoted(self) -> bool:
        """The phrase is a quoted name on its own: «Камский инновационный … кластер» (generic words
        alone are a term: Термин «кластер», понятие «инновационный кластер»)."""
        before, after = self.text[max(0, self.start - 1) : self.start], self.text[self.end : self.end + 1]
        words = FIELD_WORDS.findall(self.text[self.start : self.end])
        distinct = len(words) > 1 and any(lemma(w) not in GENERIC_WORDS for w in words)
        return (
            distinct and bool(before) and before in lexicon.OPENING_QUOTES and after in lexicon.CLOSING_QUOTES
        )


def _matches(text: str) -> list[Match]:
    """The grammar's matches in windows around kind words (the chart parser is slow on whole pages)."""
    out = []
    for lo, hi in windows(text, TRIGGER, left=WINDOW_REACH, right=WINDOW_REACH):
        for m in _parser().findall(text[lo:hi]):
            f = m.fact
            start = _word_start(text, lo + m.span.start)
            out.append(Match(text, start, lo + m.span.stop, f.kind, f.name, f.region, f.base, f.place))
    return out


WORD_BEFORE_HYPHEN = re.compile(r"[A-Za-zА-Яа-яЁё]+-$")
WORD_AFTER_HYPHEN = re.compile(r"-[A-Za-zА-Яа-яЁё]")


def _word_start(text: str, start: int) -> int:
    """A match never starts inside a hyphenated word: "Санкт-|Петербургский кластер"."""
    before = WORD_BEFORE_HYPHEN.search(text, max(0, start - WINDOW_REACH), start)
    return before.start() if before else start


# "Not a named cluster" rules; the candidate of each example is in {braces}.
RULES: tuple[Rule[Match], ...] = (
    Rule(
        "generic kind phrase",
        lambda m: not m.named,
        positive="{Инновационный кластер} создаётся на локальном уровне.",
        negative="{Калужский фармкластер} объединяет 40 участников.",
    ),
    Rule(
        "name is a heading on the next line",
        lambda m: bool(m.name) and not QUOTE_CHARS.search(m.name or "") and "\n" in m.text[m.start : m.end],
        positive="Участники: {индустриальный парк\nРазвитие} региона.",
        negative="Участники: {индустриальный парк «Развитие»} региона.",
    ),
    Rule(
        "a kind word alone, capitalized as a defined term",
        lambda m: m.is_kind_word_alone,
        positive="Кластер «Дон» (далее — Кластер) создан в 2015 году. В состав {Кластера} входят 22 фирмы.",
        negative="В регион пришёл {Калужский кластер}.",
    ),
    Rule(
        "ends inside a hyphenated word",
        lambda m: WORD_AFTER_HYPHEN.match(m.text, m.end) is not None,
        positive="В регионе сформирован {кластер ИТ}-компаний.",
        negative="В регионе сформирован {ИТ-кластер «Алмаз»}.",
    ),
    Rule(
        "park or zone of no economic kind",
        lambda m: kind_of(m.kind or "") is None and m.region is None,
        positive="{Парк «Сокольники»} открыт ежедневно.",
        negative="{Индустриальный парк «Сокольники»} открыт для резидентов.",
    ),
)


def example_context(text: str, start: int, end: int) -> Match:
    """The grammar match at a marked span of a rule example (for tests generated from RULES)."""
    return next(m for m in _matches(text) if (m.start, m.end) == (start, end))


def _named_mentions(matches: list[Match]) -> list[Mention]:
    out = []
    for m in matches:
        if first_rejecting(RULES, m) is not None:
            continue
        cluster = ClusterFact(
            name=display_name(m.text[m.start : m.end]),
            kind=kind_of(m.kind or "") or "cluster",
            source="text",
            char_start=m.start,
            char_end=m.end,
        )
        first = FIRST_WORD.match(m.text, m.start)
        cluster.region = region_named(m.region or (first.group() if first else None))
        if m.place:  # the grammar takes one word: "в г. Нижний" of "в г. Нижний Новгород"
            place = CITY_AT.match(m.text, m.end - len(m.place))
            set_city(cluster, canonical_city(place.group() if place else m.place, nominative_case=True))
        out.append(Mention(cluster, m.start, m.end, _is_located(m.text, m.start)))
    return out


def _based_mentions(sentences: list[tuple[int, int]], matches: list[Match]) -> list[Mention]:
    """ "На базе АО "КЭАЗ" создан научно-производственный … кластер" → "… кластер на базе АО «КЭАЗ»"."""
    out = []
    for m in matches:
        kind = kind_of(m.kind or "")
        if m.named or kind is None:
            continue
        lo = sentence_of(sentences, m.start)[0]
        base = BASE_BEFORE.search(m.text[lo : m.start])
        if base is None:
            continue
        organization = normalize_quotes(clean_text(base.group("org")))
        phrase = display_name(m.text[m.start : m.end])
        fact = ClusterFact(name=capitalized(f"{phrase} на базе {organization}"), kind=kind, source="text")
        fact.aliases.append(phrase)  # the name as printed
        fact.char_start, fact.char_end = lo + base.start(), m.end
        out.append(Mention(fact, lo + base.start(), m.end))
    return out


def _is_located(text: str, start: int) -> bool:
    return bool(LOCATED_BEFORE.search(text[max(0, start - LOCATED_REACH) : start]))


SENTENCE_REACH = 300  # context on each side when an offset is in no sentence


def sentence_of(sentences: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The sentence span holding an offset."""
    fallback = (max(0, offset - SENTENCE_REACH), offset + SENTENCE_REACH)
    return next((s for s in sentences if s[0] <= offset < s[1]), fallback)


REGION_REACH = 80  # "В Ярославской области создан фармацевтический кластер": region this close
REGION_PREPOSITION = re.compile(r"\b[Вв]о?\s+$")


def _region_mentions(
    text: str, sentences: list[tuple[int, int]], matches: list[Match], named: list[Mention]
) -> list[Mention]:
    """A kind phrase with a field ("фармацевтический кластер") next to the one region "в …" of its
    sentence → "Фармацевтический кластер Ярославской области"."""
    out = []
    for m in matches:
        kind = kind_of(m.kind or "")
        phrase = display_name(m.text[m.start : m.end])
        if m.named or kind is None or field_of_name(phrase) is None:
            continue
        if any(n.start <= m.start < n.end for n in named):
            continue
        place = _region_in_sentence(text, sentence_of(sentences, m.start), m)
        if place is None:
            continue
        fact = ClusterFact(name=f"{phrase} {genitive(place.text)}", kind=kind, source="text")
        fact.char_start, fact.char_end, fact.region = m.start, m.end, region_named(place.text)
        out.append(Mention(fact, m.start, m.end))
    return out


def _region_in_sentence(text: str, sentence: tuple[int, int], m: Match) -> TerritorySpan | None:
    """The only federal subject "в …" of the sentence, within `REGION_REACH` of the phrase."""
    lo, hi = sentence
    found = [t for t in find_territories(text[lo:hi]) if t.territory.type == "region"]
    if len(found) != 1 or not REGION_PREPOSITION.search(
        text[max(lo, lo + found[0].start - 4) : lo + found[0].start]
    ):
        return None
    place = found[0]
    near = max(m.start - (lo + place.end), (lo + place.start) - m.end) <= REGION_REACH
    return place if near else None
