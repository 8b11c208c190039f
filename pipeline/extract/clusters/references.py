"""Which sentences are about which cluster: aliases, back-references and heading sections.

A sentence without a mention is about an earlier mention when it names that mention's alias ("ОЭЗ
создана …"), starts (within its first words) with its kind word or "его" ("Парк создан …", "В его
состав …", "Численность работников предприятий кластера …"), or lies in the section under a heading
that is the mention's name. Kind-word sentences before a page's first mention are `orphans`: the
per-document merge gives them to a cluster named on an earlier page.
"""

from __future__ import annotations

import re

from pipeline import lexicon
from pipeline.extract.clusters.attributes import FOUNDING_CUE
from pipeline.extract.clusters.counts import COUNT_LABEL, COUNTED, label_attribute
from pipeline.extract.clusters.counts import MEMBERS as MEMBER_ATTRIBUTES
from pipeline.extract.clusters.fields import FIELD_LABEL
from pipeline.extract.clusters.mentions import Mention
from pipeline.extract.clusters.names import QUOTED, capitalized
from pipeline.extract.facts import ClusterFact
from pipeline.extract.grammars.clusters import KIND_WORD_FAMILIES
from pipeline.extract.territories import find_territories, resolve_territory
from pipeline.nlp.morph import parses

# "(далее — ОЭЗ)", "(далее по тексту — «Кластер»)", "(далее также — ИТК)", "(далее — кластер
# «ИнноКам»)", an acronym in brackets: "(БМТК-ТМ)", or a quoted name in brackets: "(«Кластер РС»)";
# after a quoted name's closing quote too.
ALIAS = re.compile(
    r"[»”]?\s*\(\s*далее\s*(?:(?:по\s+тексту|также|именуем\w+)\s*)?[-–—:]?\s*[«\"“]?"
    r"(?P<alias>[^()«»\"“”]{1,60}?(?:«[^()«»]{1,60}»)?)[»\"”]?\s*\)"
    r"|[»”]?\s*\((?P<acronym>[А-ЯЁA-Z][А-ЯЁA-Z0-9-]{1,15})\)"
    r"|[»”]?\s*\(\s*«(?P<quoted>[^()«»]{2,60})»\s*\)"  # "Кластер «Русский Север» («Кластер РС»)"
)
# A sentence that starts by naming a cluster by its kind word or a pronoun, within its first words:
# "Парк создан …", "В его состав входят …", "Она занимает …", "Численность работников предприятий
# кластера …".
ANAPHOR = re.compile(
    r"\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:[\w-]+\.?\s+){0,4}?(?:(?:этом|данном|этой|данной)\s+)?"
    r"(?P<word>(?:[Пп]арк|[Тт]ехнопарк|[Кк]ластер)(?:а|у|ом|е)?|ОЭЗ|ТОСЭР|ТОР|[Зз]он[аеуы]"
    r"|[Ее]го|[Ее]ё|[Ее]е|[Оо]н[а]?|[Нн]его|[Нн]её|[Нн]ее|[Нн]ём|[Нн]ем|[Нн]ей)\b"
)
# A kind word in the genitive anywhere in a sentence names what it is about: "Общая численность
# работников предприятий — участников кластера составляет …", "Площадь территории ОЭЗ …".
OF_KIND = re.compile(r"(?<!\w)(?P<word>(?:[Тт]ехнопарка|[Пп]арка|[Кк]ластера|ОЭЗ|ТОСЭР|ТОР))(?!\w)")
# A sentence that gives a web address by a label refers to the mention before it: "Официальный
# сайт: www.….ru", "Адрес в сети Интернет — …".
SITE_LABEL = re.compile(r"\W*(?:[\w-]+\s+){0,2}?(?:[Сс]айт|[Аа]дрес\s+в\s+(?:сети\s+)?[Ии]нтернет)")
SITE_REACH = 600  # a labelled address refers to a mention at most this far back
# A sentence whose subject is the members of a cluster, not named ("Резидентами являются 12
# компаний", "Количество резидентов — 12", "Участники создали …"), is about the mention just before
# it, unless a genitive noun says whose members they are ("Участники форума …").
MEMBER_STEMS = "|".join(
    f"[{w[:1].upper()}{w[:1]}]{w[1:]}" for c in COUNTED if c.attribute in MEMBER_ATTRIBUTES for w in c.lemmas
)  # "[Уу]частник|[Рр]езидент"
MEMBERS = re.compile(rf"\W*(?:[\w-]+\s+){{0,2}}?(?P<word>{MEMBER_STEMS})\w*(?:\s+(?P<next>[а-яё]+))?")
NOT_OWNER_POS = {"VERB", "INFN", "PRTS", "PRTF", "ADVB", "PREP", "CONJ", "PRCL", "NUMR"}
# A passport line that labels an attribute of a cluster ("Год создания: 2016", "Специализация —
# приборостроение", "Численность работников: 12 000 человек") continues the topic of the sentence
# before it: the cluster that sentence names or is about.
ATTRIBUTE_LABEL = re.compile(
    rf"\W*(?:{FOUNDING_CUE}|(?:[Оо]траслевая\s+)?(?i:{FIELD_LABEL})|[Пп]лощадь(?:\s+территории)?"
    rf"|[Оо]бъ[её]м\s+инвестиций|{COUNT_LABEL}\s+(?P<counted>[а-яё]+(?:\s+[а-яё]+)?))\s*[:—–-]"
)
PRONOUNS = ("его", "её", "ее", "он", "она", "него", "неё", "нее", "нём", "нем", "ней")
PRONOUN_KEY = "его"  # the orphan group of a page's first sentence that starts with a pronoun
PLURALS = ("кластеры", "кластеров", "парки", "технопарки", "технопарков", "зоны")
PRONOUN_REACH = 200  # "его" refers to a mention at most this far back
KIND_WORD_REACH = 1500  # "Парк …" refers to a mention of its kind at most this far back
HEADING_PREFIX = re.compile(r"\W*(?:\d+(?:\.\d+)*\.?\s+)?")
HEADING_TAIL = re.compile(r"^[\s.»\"”]*$")
HEADING_PLACE = re.compile(r"[\s»\"”]*(?:,|\()\s*(?P<place>[^.;()]{2,60})\)?[\s.]*$")  # ", Калужская область"


def alias_after(text: str, end: int) -> str | None:
    """The alias introduced right after a mention; an acronym that names a territory ("(КНР)") is not one."""
    found = ALIAS.match(text, end)
    if found is None:
        return None
    if found.group("acronym"):
        return None if resolve_territory(found.group("acronym")) else found.group("acronym")
    return capitalized((found.group("alias") or found.group("quoted")).strip())


WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


def alias_pattern(alias: str) -> re.Pattern[str]:
    """A "(далее — …)" term as written in later sentences: its first letter in either case and,
    when it ends in a Russian word, any word for that one (group `last`, for `_same_lexeme` to
    judge: "Кластер" → "кластере", "Зона" → "зоне"); an acronym or quoted term as it is."""
    first = f"[{re.escape(alias[:1].upper())}{re.escape(alias[:1].lower())}]" if alias else ""
    head, _, last = alias.rpartition(" ")
    if not (last[-1:].islower() and WORD.fullmatch(last)):
        return re.compile(rf"(?<!\w){first}{re.escape(alias[1:])}(?!\w)")
    lead, start = (f"{first}{re.escape(head[1:])} ", re.escape(last[:1])) if head else ("", first)
    return re.compile(rf"(?<!\w){lead}(?P<last>{start}[А-Яа-яЁё-]*)(?!\w)")


def quoted_pattern(name: str) -> re.Pattern[str]:
    """A quoted name as written: capitalised, in or out of its quotes ("«Север»", "Север"), not
    "северных"."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")


def _same_lexeme(word: str, alias: str) -> bool:
    """`word` is a form of the alias's last word in the alias's number ("Кластере" of "Кластер",
    not "кластеров")."""
    own = {(p.normal_form, p.tag.number) for p in parses(alias.rpartition(" ")[2]) if p.tag.case == "nomn"}
    return any((p.normal_form, p.tag.number) in own for p in parses(word))


def _names_cluster(text: str, lo: int, hi: int, fact: ClusterFact) -> bool:
    """The sentence names the cluster by an alias or its quoted name when that is no place ("В
    ИнноКам входят …" of "Камский кластер «ИнноКам»", not «Москва»)."""
    for alias in fact.aliases:
        for found in alias_pattern(alias).finditer(text, lo, hi):
            if "last" not in found.re.groupindex or _same_lexeme(found.group("last"), alias):
                return True
    quoted = QUOTED.search(fact.name)
    own = quoted.group(1) if quoted and not find_territories(quoted.group(1)) else None
    return own is not None and quoted_pattern(own).search(text, lo, hi) is not None


def referring_sentences(
    text: str, sentences: list[tuple[int, int]], mentions: list[Mention]
) -> list[tuple[int, int, int]]:
    """(start, end, mention index) of sentences without a mention that are about an earlier one."""
    out = []
    section: int | None = None  # the mention whose name is the heading of the current section
    topic: int | None = None  # the mention the sentence before was about
    for lo, hi in sentences:
        inside = [i for i, m in enumerate(mentions) if lo <= m.start < hi]
        if inside:
            section = (
                inside[0] if len(inside) == 1 and _is_heading(text, lo, hi, mentions[inside[0]]) else None
            )
            topic = inside[-1]
            continue
        if lexicon.NUMBERED_HEADING.match(text, lo):
            section = None
        target = _antecedent(text, lo, hi, mentions)
        target = section if target is None else target
        if target is None and is_attribute_label(text, lo, hi):
            target = topic
        topic = target
        if target is not None:
            out.append((lo, hi, target))
    return out


def _is_heading(text: str, lo: int, hi: int, m: Mention) -> bool:
    """The sentence is the mention alone, with a section number ("2.2.1.3. Индустриальный парк …")."""
    tail = text[m.end : hi]
    place = HEADING_PLACE.match(tail)
    named_place = place is not None and bool(find_territories(place.group("place")))
    return HEADING_PREFIX.fullmatch(text, lo, m.start) is not None and bool(
        HEADING_TAIL.match(tail) or named_place
    )


def _antecedent(text: str, lo: int, hi: int, mentions: list[Mention]) -> int | None:
    """The earlier mention a sentence refers to by its alias, its kind word or "его"."""
    previous = [i for i, m in enumerate(mentions) if m.end <= lo]
    for i in reversed(previous):
        if _names_cluster(text, lo, hi, mentions[i].fact):
            return i
    found = ANAPHOR.match(text[lo:hi]) or OF_KIND.search(text[lo:hi])
    if not previous:
        return None
    last = previous[-1]
    distance = lo - mentions[last].end
    if found is None:
        if _members_subject(text, lo, hi) and distance < PRONOUN_REACH:
            return last
        return last if SITE_LABEL.match(text, lo, hi) and distance < SITE_REACH else None
    word = found.group("word").lower()
    if word in PRONOUNS:
        return last if distance < PRONOUN_REACH else None
    if word.startswith(PLURALS):
        return None
    family = KIND_WORD_FAMILIES.get(kind_word(word), set())
    return last if mentions[last].fact.kind in family and distance < KIND_WORD_REACH else None


def _members_subject(text: str, lo: int, hi: int) -> bool:
    """The sentence opens on members of no named owner ("Резидентами являются …")."""
    found = MEMBERS.match(text, lo, hi)
    if found is None:
        return False
    after = found.group("next")
    return after is None or not _is_owner(after)


def _is_owner(word: str) -> bool:
    """A genitive noun that says whose members they are ("форума"), not a verb or adverb."""
    readings = parses(word)
    if any(p.tag.POS in NOT_OWNER_POS for p in readings):
        return False
    return any(p.tag.POS == "NOUN" and p.tag.case == "gent" for p in readings)


def kind_word(word: str) -> str:
    """The kind word a referring word is a form of ("кластера" → "кластер", "ОЭЗ" → "оэз")."""
    low = word.lower()
    return max((k for k in KIND_WORD_FAMILIES if low.startswith(k)), key=len, default=low)


def orphans(
    text: str, sentences: list[tuple[int, int]], mentions: list[Mention]
) -> dict[str, list[tuple[int, int]]]:
    """Kind-word sentences before the page's first mention (and before any numbered heading), and
    the label lines after them, grouped by kind word: {"кластер": [(start, end), …]}; a pronoun in
    the page's first sentence ("В его состав входят …") is grouped under `PRONOUN_KEY`."""
    first = mentions[0].start if mentions else len(text)
    out: dict[str, list[tuple[int, int]]] = {}
    topic: str | None = None  # the group of the sentence before
    for n, (lo, hi) in enumerate(sentences):
        if hi > first or lexicon.NUMBERED_HEADING.match(text, lo):
            break
        found = ANAPHOR.match(text[lo:hi]) or OF_KIND.search(text[lo:hi])
        word = found.group("word").lower() if found else None
        if word in PRONOUNS and n == 0:
            topic = PRONOUN_KEY
        elif word and word not in PRONOUNS and not word.startswith(PLURALS):
            topic = kind_word(word)
        elif not _continues(text, lo, hi):
            topic = None
        if topic is not None:
            out.setdefault(topic, []).append((lo, hi))
    return out


def _continues(text: str, lo: int, hi: int) -> bool:
    """A label line ("Год создания: 2016", "Официальный сайт: …") goes on about the topic before it."""
    return is_attribute_label(text, lo, hi) or bool(SITE_LABEL.match(text, lo, hi))


def is_attribute_label(text: str, lo: int, hi: int) -> bool:
    """The sentence opens on the label of a cluster attribute ("Год создания:", "Численность
    работников —"); a count label only when its noun is a counted attribute (`counts.label_attribute`)."""
    found = ATTRIBUTE_LABEL.match(text, lo, hi)
    counted = found.group("counted") if found else None
    return found is not None and (counted is None or label_attribute(counted.split()) is not None)


ACRONYM_START = re.compile(r"\W*(?:[\w-]+\s+){0,3}?(?P<acronym>[А-ЯЁ][А-ЯЁ-]{1,9})(?!\w)")
ALIAS_KEY = "alias:"  # orphan group of sentences that name a cluster by an acronym of another page


def acronym_orphans(
    text: str, sentences: list[tuple[int, int]], mentions: list[Mention]
) -> dict[str, list[tuple[int, int]]]:
    """Sentences without a mention that start by an acronym no mention of the page has as its alias
    ("ВХФК объединяет 19 организаций"), and the label lines after them, grouped under `ALIAS_KEY` +
    the acronym; the per-document merge gives them to the cluster with that alias."""
    local = {a for m in mentions for a in m.fact.aliases}
    out: dict[str, list[tuple[int, int]]] = {}
    topic: str | None = None  # the group of the sentence before
    for lo, hi in sentences:
        found = ACRONYM_START.match(text, lo, hi)
        if any(lo <= m.start < hi for m in mentions):
            topic = None
        elif found is not None and found.group("acronym") not in local:
            topic = ALIAS_KEY + found.group("acronym")
        elif not _continues(text, lo, hi):
            topic = None
        if topic is not None:
            out.setdefault(topic, []).append((lo, hi))
    return out
