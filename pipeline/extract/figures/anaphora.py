"""Figures whose measure the text names elsewhere: a reference back ("данный показатель равен 49%",
"выше показателя в Орловской (6%)") and a measure set off by a dash ("соотношение объема экспорта
к ВРП - 9,4%")."""

from __future__ import annotations

import re
from itertools import dropwhile

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)

from pipeline import lexicon
from pipeline.extract.facts import CHANGE_KINDS, Confidence, FigureFact
from pipeline.extract.figures.clause import _leading_phrase
from pipeline.extract.figures.shares import SHARE_HEADS, lead_change_thing, whole_after, whole_of
from pipeline.extract.figures.words import _WORD, DASHES, _as_word, _is_verb, _Word, as_written, term_start
from pipeline.extract.measures import (
    count_measure,
    doer_at,
    is_bare,
    is_change_noun,
    list_head,
    list_item_measure,
    names_share,
    normal_measure,
    share_measure,
    thingless,
)
from pipeline.extract.territories import find_territories
from pipeline.nlp.morph import inflect

_COMPARATIVES = frozenset(lexicon.COMPARATIVES)
REFERENCE_NOUN = "показатель"  # "данный/этот/указанный показатель": the measure stated before
_DASH = re.compile(r"\s+[-–—]\s*(?:на\s*)?$")  # "цены на валидол - на 3,2%"
_COUNT = lexicon.COUNT_MEASURE_HEADS[0]
_JOIN_VERB = "входить"
_BOUNDARY = {",", ";", ":", "(", ")"}
_PLACE_GRAMMEMES = {"Geox", "Name", "Surn", "Orgn"}
_PLACE_NOUNS = frozenset(lexicon.PLACE_NOUNS)
_PERIOD_NOUNS = frozenset(lexicon.PERIOD_NOUNS)  # "году", "г." after a year
_WHICH = re.compile(r"[^,;:\d]{0,60},\s*что\s", re.I)  # "25,6 тыс. чел., что к уровню 2014 года – 98,1%"
_YEAR_ASIDE = re.compile(
    r"(?: +[а-яё]+){0,4} *\( *(?:в +)?\d{4} *(?:г\.|году?|года)? *[-–—] *"
)  # "(в 2014 г.- "
_LINKS = set(lexicon.LINK_VERBS)
_OPENED = re.compile(r" *\( *")
_GENITIVES_OPENED = re.compile(r"(?: +[а-яё]+){0,8} *\( *")  # the figure's own words, then "("
_RELATIVE_UNITS = {"PERCENT", "PP", "TIMES"}
_COUNT_BRACKET = re.compile(r"(?: +[а-яё]+){0,4} *\( *")  # "30 врачей пенсионного возраста ("
_TO_BASE = re.compile(r" *к +\S")  # "(86 % к 2015 году)": the same thing against a base
_SHARE = lexicon.SHARE_NOUN
_HEADCOUNTS = set(lexicon.COUNT_MEASURE_HEADS)  # "численность работников" → "доля работников"
_SUBSET_ITEM = re.compile(  # ", в том числе коров – "
    r"[,;]?\s*" + lexicon.subset_opener_pattern() + r"\s+([а-яё]+(?:\s+[а-яё]+){0,3})\s*[-–—]\s*$", re.I
)
_PARTITIVE = re.compile(lexicon.subset_opener_pattern("из"), re.I)  # "из них", "из которых"
_DATED = lexicon.time_lemmas() | {"в", "всего", "итого"}  # "в 2018 г. –"
# a name in quotes, nested ones too
_QUOTED = re.compile("|".join(f"{re.escape(a)}.*[{re.escape(b)}]" for a, b in lexicon.QUOTE_PAIRS.items()))
_NAME_AFTER = re.compile(  # a name in quotes right after a word: "показатель «Ввод жилья»"
    r"\s*("
    + "|".join(
        f"{re.escape(a)}[^{re.escape(a + b)}]+[{re.escape(b)}]" for a, b in lexicon.QUOTE_PAIRS.items()
    )
    + ")"
)
_TOTALS = frozenset(lexicon.TOTAL_ADJECTIVES)
_PREPOSITION_SCORE = 0.9  # "в", "на" are prepositions; "относительно" (0.63) may be an adverb


def refer_back(text: str, facts: list[FigureFact], sentences: list[tuple[int, int]]) -> None:
    """A figure without a measure whose lead (from the previous figure of its sentence, else the
    sentence start) says "показатель" takes the measure of the nearest earlier figure of its own or
    the previous sentence, and so does one in a "что" clause right after a figure ("составила 25,6
    тыс. чел., что к уровню 2014 года – 98,1%"); the first figure of a sentence after "<noun group>
    - " takes that noun group, unless the lead names a share (the group is then its part)."""
    for i, f in enumerate(facts):
        bounds = _sentence(f, sentences)
        if bounds is None:
            continue
        if f.unit == "COUNT":
            f.measure = (
                _membership([_as_word(m) for m in _WORD.finditer(text, bounds[0], f.char_start)]) or f.measure
            )
        prior = [g for g in facts[:i] if g.char_end <= f.char_start]
        lo = max([bounds[0], *(g.char_end for g in prior if g.char_start >= bounds[0])])
        if prior and (_aside(text, prior[-1], f) or lo > bounds[0] and which_is(text, lo, f)):
            # "(в 2014 г.- 404 человека)"; "579 объектами, что к уровню 2014 г. составляет 108,6%":
            # "что" is the subject, whatever the clause took for it
            g = _outside_brackets(text, prior, bounds[0])
            f.measure = share_of_amount(text, g, f, bounds) or _measure_of(text, g) or f.measure
            continue
        if prior and _bracketed_share(text, prior[-1], f):
            f.measure = _share_of_count(text, prior[-1]) or f.measure
        if prior and prior[-1].char_start >= bounds[0]:
            f.measure = _subset_item(text, prior[-1], f) or f.measure
        lead = [_as_word(m) for m in _WORD.finditer(text, lo, f.char_start)]
        if thingless(f.measure) and (named := _named_indicator(text, lead, f)):
            f.measure = named  # "Значение показателя «Уровень безработицы» составило 4,1%"
        if lo == bounds[0] and _opens_with_this(lead) and (f.kind in CHANGE_KINDS or _compares(lead)):
            # "Экспорт … составил 276,4 млн. Это выше аналогичного периода 2017 года на 27,6%": "Это"
            # is the subject, whatever the clause took for the measure
            _take_referent(f, _referent(prior, _previous_start(bounds, sentences)))
            continue
        if not _unnamed(f.measure):
            continue
        if _dated_item(text, f):
            f.measure = lead_in(text, f, bounds)
        elif doers := _share_of_doers(text, f, lo, bounds) or _doers_elsewhere(text, f, lo, bounds, prior):
            f.measure = doers
        elif named := _named_indicator(text, lead, f):
            f.measure = named
        elif any(w.lemma == REFERENCE_NOUN for w in lead):
            _take_referent(f, _referent(prior, _previous_start(bounds, sentences)))
        elif lo == bounds[0] and f.kind == "change" and _bare_change_opens(lead):
            # "Объем … экспорта … достиг 378,1 млн. долл. США. Прирост по сравнению с уровнем 2017 года
            # составил 13%": the change of what the sentence before measured
            _take_referent(f, _referent(prior, _previous_start(bounds, sentences)))
        elif lo == bounds[0] and _DASH.search(text[lo : f.char_start]) and not _shares(lead):
            f.measure = _dashed(lead)
        elif lo == bounds[0]:
            f.measure = _share_subject(lead)
        if f.measure is not None:
            f.confidence = min(f.confidence, Confidence.INFERRED)


def respective_asides(text: str, facts: list[FigureFact], sentences: list[tuple[int, int]]) -> None:
    """ "… 43,4% поголовья крупного рогатого скота, 15,0% свиней, 46,1% овец и коз (на конец августа
    2016г. - соответственно 44,1%, 16,6%, 46,2%)": the i-th figure of a bracket saying
    "соответственно" restates the i-th of as many figures of the same unit right before the bracket
    in its sentence (another period or place): it takes that figure's measure and indicator."""
    for aside in _RESPECTIVE_ASIDE.finditer(text):
        bounds = next(((s, e) for s, e in sentences if s <= aside.start() < e), None)
        if bounds is None:
            continue
        inner = [f for f in facts if aside.start() < f.char_start and f.char_end <= aside.end()]
        outer = [f for f in facts if bounds[0] <= f.char_start and f.char_end <= aside.start()]
        if len(inner) < 2 or len(outer) < len(inner):
            continue
        outer = outer[-len(inner) :]
        if any(g.unit != f.unit or not g.measure for g, f in zip(outer, inner, strict=True)):
            continue
        for g, f in zip(outer, inner, strict=True):
            f.measure, f.indicator = g.measure, g.indicator
            f.confidence = min(f.confidence, Confidence.INFERRED)


_RESPECTIVE_ASIDE = re.compile(rf"\([^()]*{lexicon.RESPECTIVELY.pattern}[^()]*\)", re.I)


def _changed_by_lead(text: str, f: FigureFact, bounds: tuple[int, int]) -> str | None:
    """ "наблюдается увеличение объемов отгруженной продукции у предприятий:" ⏎ "- АО «Заводмаш» - на
    48,2 %;": a change of an item that names only who (names, quotes: no measure of its own) in a
    list whose lead-in names the change measures the thing changed."""
    start = max(text.rfind(c, 0, f.char_start) for c in "\n;") + 1
    unquoted = _QUOTED.sub(" ", text[start : f.char_start])  # «Муромский ремонтно-механический завод»
    item = [_as_word(m) for m in _WORD.finditer(unquoted)]
    while item and (item[-1].lemma == "на" or item[-1].text in DASHES):
        item.pop()
    if not item or any(w.text[:1].isalpha() and not w.text[:1].isupper() for w in item):
        return None
    head = list_head(text, f, bounds)
    return lead_change_thing([_as_word(m) for m in _WORD.finditer(head)]) if head else None


def _dated_item(text: str, f: FigureFact) -> bool:
    """The figure's list item names only a time or the total ("2015 год – 20786,80 тыс. рублей;",
    "Всего – 43975,50 тыс. рублей.")."""
    start = max(text.rfind("\n", 0, f.char_start), text.rfind(";", 0, f.char_start)) + 1
    words = [_as_word(m) for m in _WORD.finditer(text, start, f.char_start)]
    if not words or words[-1].text not in DASHES:
        return False
    return all(w.text.isdigit() or w.text == "." or {w.lemma, w.text.lower()} & _DATED for w in words[:-1])


def list_items(text: str, facts: list[FigureFact], sentences: list[tuple[int, int]]) -> None:
    """Items "NP – figure" of a list whose head names their whole (`measures.list_item_measure`);
    a figure right after a label of its own takes it (`_label`)."""
    ends = {f.char_end for f in facts}
    for f in facts:
        bounds = _sentence(f, sentences)
        if bounds is None:
            continue
        f.measure = _label(text, f, bounds, ends) or _changed_by_lead(text, f, bounds) or f.measure
        if f.measure:
            f.measure = list_item_measure(text, f, bounds, lead_in(text, f, bounds))


def _label(text: str, f: FigureFact, bounds: tuple[int, int], ends: set[int]) -> str | None:
    """ "…, ориентировочная стоимость проекта – 120 млн. рублей)": a dash standing for the link verb
    after a nominative noun group that opens its clause makes that group the figure's subject,
    whatever an earlier item of the list measured. The clause opens at a bracket, semicolon, colon,
    line break or the sentence, or at a comma after a figure, a date or a name in quotes (not one
    inside a coordinated name: "производство электроэнергии, газа и воды –"). Only a singular head
    names a quantity; a plural one ("средства бюджета – 34%", "мальчики – 250") is a part or an
    item, a share's part too ("текстиль – 10% от …"), and a time ("2015 год –") no measure. A label
    that only lengthens the measure found keeps it."""
    start = max(bounds[0], *(text.rfind(c, 0, f.char_start) + 1 for c in ",;:()\n"))
    if not _opens_clause(text, start, bounds[0], ends):
        return None
    lead = [_as_word(m) for m in _WORD.finditer(text, start, f.char_start)]
    if not lead or lead[-1].text not in DASHES or _dated_item(text, f) or _shares(lead):
        return None
    if f.unit == "PERCENT" and _FROM.match(text, f.char_end):
        return None
    group = lead[:-1]
    if not group or not all(w.text[:1].isalpha() for w in group) or any(_is_verb(w) for w in group):
        return None
    head = next((k for k, w in enumerate(group) if w.has("NOUN")), None)
    if head is None or not _common_nominative(group[head]) or not _best(group[head], "nomn", "sing"):
        return None
    if any(not (w.has("ADJF", "nomn") or w.has("PRTF", "nomn")) for w in group[:head]):
        return None  # "в 2014 году –", "по району –": the group must open the clause
    if not _dependents(group[head + 1 :]):
        return None
    label = " ".join(w.text for w in group)
    known = normal_measure(f.measure) or ""
    return None if known and normal_measure(label).startswith(known) else label


_FROM = re.compile(r"\s*от\s")
_OBLIQUE = {"datv", "ablt"}  # "…, пара и кондиционированию воздуха –": another clause's object


def _opens_clause(text: str, start: int, sentence: int, ends: set[int]) -> bool:
    """The clause of a label opens at the sentence, a bracket, semicolon, colon or line break, or at a
    comma right after a figure, a date ("2017 - 2019 гг.,") or a quoted name ("ООО «Нива»,")."""
    if start <= sentence or text[start - 1] != ",":
        return True
    before = text[: start - 1].rstrip()
    return not before or before[-1] in '.)»"%' or before[-1].isdigit() or len(before) in ends


def _best(w: _Word, *grams: str) -> bool:
    tags = w.tags
    return bool(tags) and all(g in tags[0].tag for g in grams)


def _dependents(words: list[_Word]) -> bool:
    """The words after a label's head depend on it: genitives, "и" and prepositional phrases, no
    dative or instrumental without a preposition."""
    governed = False
    for w in words:
        governed = governed or _preposition(w)
        if not governed and w.tags and w.tags[0].tag.case in _OBLIQUE:
            return False
    return True


def lead_in(text: str, f: FigureFact, bounds: tuple[int, int]) -> str | None:
    """The noun group opening the clause before the colon of the figure's list ("Общий объем
    финансирования Программы … составляет …, в том числе по годам:")."""
    head = list_head(text, f, bounds)
    return _leading_phrase([_as_word(m) for m in _WORD.finditer(head)]) if head else None


def which_is(text: str, lo: int, f: FigureFact) -> bool:
    """ "579 объектами, что к уровню 2014 г. составляет 108,6%", "25,6 тыс. чел., что к уровню 2014
    года – 98,1%": "что" is the subject of a link verb or a dash before the figure (not of "что
    вызвано увеличением числа умерших на 25 человек")."""
    which = _WHICH.match(text, lo)
    if which is None:
        return False
    verbs = [w for w in map(_as_word, _WORD.finditer(text, which.end(), f.char_start)) if _is_verb(w)]
    return all(w.lemma in _LINKS for w in verbs)


def _aside(text: str, g: FigureFact, f: FigureFact) -> bool:
    """ "трудоустроено 342 человека (в 2014 г.- 404 человека)", "на 97% (2014 – 86%)": the same
    measure in another year, in brackets right after the figure, or against a base ("458 голов (86 %
    к 2015 году)")."""
    if g.unit == f.unit and _YEAR_ASIDE.fullmatch(text, g.char_end, f.char_start):
        return True
    if _OPENED.fullmatch(text, g.char_end, f.char_start) and _restated(text, g, f):
        return True  # "составит 104,2% (1260,3 млн. руб.)": the level the change reaches
    opened = _GENITIVES_OPENED.fullmatch(text, g.char_end, f.char_start)
    return (
        bool(opened) and f.unit == "PERCENT" and bool(_TO_BASE.match(text, f.char_end))
    )  # "(86 % к 2015 году)", "144,9 тонн мяса всех видов скота и птицы (113 % к уровню 2015 г.)"


def _restated(text: str, g: FigureFact, f: FigureFact) -> bool:
    """An amount alone in brackets after a percentage ("104,2% (1260,3 млн. руб.)"); a count names
    what it counts itself ("на 8,6% (265 СМП)")."""
    closed = text[f.char_end : f.char_end + 2].strip()[:1] == ")"
    counts = f.unit == "COUNT" and f.counted not in lexicon.GENERIC_COUNTED
    return closed and g.unit == "PERCENT" and f.unit not in _RELATIVE_UNITS and not counts


def _subset_item(text: str, g: FigureFact, f: FigureFact) -> str | None:
    """ "численность скота составила 1198 голов …, в том числе коров – 458 голов": a part named in
    the genitive after a subset opener takes the head of the whole's measure ("численность коров")."""
    subset = _SUBSET_ITEM.search(text, g.char_end, f.char_start)
    if subset is None or not g.measure or is_bare(g.measure):
        return None
    group = [_as_word(m) for m in _WORD.finditer(subset.group(1))]
    if not group or not all(w.has("NOUN", "gent") or w.has("ADJF", "gent") for w in group):
        return None
    whole = [_Word(0, 0, w) for w in g.measure.split()]
    noun = next((k for k, w in enumerate(whole) if w.has("NOUN")), None)
    if noun is None or not group[-1].has("NOUN"):
        return None
    head = [w.text for w in whole[term_start(whole, noun) : noun + 1]]
    return " ".join([*head, *(w.text for w in group)])


def _bracketed_share(text: str, g: FigureFact, f: FigureFact) -> bool:
    """ "30 врачей пенсионного возраста (30 %)": a percentage alone in brackets right after a count
    and its genitive words."""
    opened = _COUNT_BRACKET.fullmatch(text, g.char_end, f.char_start)
    closed = text[f.char_end : f.char_end + 1] == ")"
    return bool(opened) and closed and f.unit == "PERCENT" and g.unit == "COUNT"


def _share_of_count(text: str, g: FigureFact) -> str | None:
    """ "число врачей пенсионного возраста" → "доля врачей пенсионного возраста"."""
    phrase = count_measure(text, g)
    return " ".join([_SHARE, *phrase.split()[1:]]) if phrase and len(phrase.split()) > 1 else None


def share_of_amount(text: str, g: FigureFact, f: FigureFact, bounds: tuple[int, int]) -> str | None:
    """ "занято 1029 человек, что составляет 21,5% от числа занятых в экономике": a percentage "от"
    a whole after a count is the share of what it counts in that whole ("доля занятых в числе
    занятых")."""
    if f.unit != "PERCENT" or g.unit != "COUNT" or not _FROM.match(text, f.char_end):
        return None
    words = list(dropwhile(lambda w: _as_word(_WORD.match(w)).lemma in _TOTALS, (g.measure or "").split()))
    counted = len(words) > 1 and _as_word(_WORD.match(words[0])).lemma in _HEADCOUNTS  # "общая численность …"
    part = _share_of_count(text, g) or (" ".join([_SHARE, *words[1:]]) if counted else None)
    whole = whole_after(text, f, bounds[1])  # "от общей численности занятых": its total adjective kept
    whole = whole or whole_of([_as_word(m) for m in _WORD.finditer(text, f.char_end, bounds[1])])
    return f"{part} {whole}" if part and whole else part


def _share_of_doers(text: str, f: FigureFact, lo: int, bounds: tuple[int, int]) -> str | None:
    """ "В частном секторе работают 82% от численности занятых", "из них 65,6 % занято в частных
    предприятиях": a percentage "от" a whole that is the subject of an intransitive verb (or a short
    passive participle) is the share of those who do it where the clause says, in that whole ("доля
    работающих в частном секторе в численности занятых")."""
    before = _clause_words(text, lo, f.char_start, last=True)
    partitive = bool(before) and _PARTITIVE.match(text, before[0].start) is not None  # "из них 65,6 %"
    if f.unit != "PERCENT" or not (partitive or _FROM.match(text, f.char_end)):
        return None
    after = _clause_words(text, f.char_end, bounds[1], last=False)
    at = next((k for k in range(len(before) - 1, -1, -1) if _doing(before[k])), None)
    if at is not None and before[:at] and not _preposition(before[0]):
        return None  # "Томский район характеризуется … - 1,2% от …": the verb has a subject of its own
    if at is not None:
        place = _place_phrase(before[:at])
    else:
        at = next((k for k, w in enumerate(after) if _doing(w)), None)
        if at is None:
            return None
        place = _place_phrase(after[at + 1 :])
        before = after
    doers = _doers(before[at])
    whole = whole_of(after)
    return " ".join(filter(None, [_SHARE, doers, place, whole])) if doers else None


def _doers_elsewhere(
    text: str, f: FigureFact, lo: int, bounds: tuple[int, int], prior: list[FigureFact]
) -> str | None:
    """ "работает 5,8% от численности занятых, в организациях муниципальной формы собственности –
    11,4%", "…, 0,9 % - в КФХ": a list item naming only another place has the share of the same
    doers there."""
    if f.unit != "PERCENT":
        return None
    shares = [(g, _doers_share(g.measure)) for g in prior if g.char_start >= bounds[0] and g.measure]
    g, earlier = next(((g, m) for g, m in reversed(shares) if m), (None, None))
    if g is None or earlier is None:
        return None
    before = _clause_words(text, lo, f.char_start, last=True)
    after = _clause_words(text, f.char_end, bounds[1], last=False)
    if before and before[-1].text in DASHES and not after:
        item = before[:-1]
    elif not before and after and after[0].text in DASHES:
        item = after[1:]
    else:
        return None
    place = _place_phrase(item)
    if place is None or len(place.split()) != len(item):
        return None
    same = [h for h, m in reversed(shares) if m == earlier]  # the same doers
    wholes = (whole_of(_clause_words(text, h.char_end, bounds[1], last=False)) for h in same)
    whole = next((w for w in wholes if w), None)  # the whole the list's first share named
    return " ".join(filter(None, [earlier, place, whole]))


def _doers_share(measure: str) -> str | None:
    """ "доля работающих" of a share of doers where they are ("доля работающих в частном секторе …",
    `measures.doer_at`), else None."""
    words = measure.split()
    return " ".join(words[:2]) if len(words) > 2 and words[0] == _SHARE and doer_at(words, 1) else None


def _clause_words(text: str, start: int, end: int, last: bool) -> list[_Word]:
    """The words of the clause next to a figure: after the last boundary before it, or up to the
    first boundary after it."""
    words = [_as_word(m) for m in _WORD.finditer(text, start, end)]
    words = [w for w in words if w.text[:1].isalnum() or w.text in _BOUNDARY | DASHES]  # no "."
    cuts = [k for k, w in enumerate(words) if w.text in _BOUNDARY or w.text[:1].isdigit()]
    if last:
        return words[max(cuts) + 1 :] if cuts else words
    return words[: min(cuts)] if cuts else words


def _doing(w: _Word) -> bool:
    """An intransitive verb other than a link or a change ("работает"), or a short passive
    participle ("занято")."""
    tags = w.tags
    if not tags:
        return False
    if w.lemma in _LINKS or w.lemma in _CHANGES:
        return False
    verb = tags[0].tag.POS == "VERB" and "intr" in tags[0].tag
    return verb or any(p.tag.POS == "PRTS" and "pssv" in p.tag for p in tags)


def _doers(w: _Word) -> str | None:
    """Those who do it, as a plural genitive participle: "работает" → "работающих", "занято" →
    "занятых"."""
    for p in w.tags:
        if p.tag.POS == "VERB":
            form = inflect(p, {"PRTF", "actv", "pres", "plur", "gent"})
        elif p.tag.POS == "PRTS":
            form = inflect(p, {"PRTF", "plur", "gent"})
        else:
            continue
        if form is not None:
            return form.word
    return None


def _place_phrase(words: list[_Word]) -> str | None:
    """The prepositional phrase "в/на …" among the words of the clause (up to its verb)."""
    at = next((k for k, w in enumerate(words) if w.lemma in _WHERE and _preposition(w)), None)
    if at is None or at + 1 >= len(words):
        return None
    end = at + 1
    while end < len(words) and words[end].text[:1].isalpha() and not _is_verb(words[end]):
        end += 1
    if any(w.lemma == lexicon.RELATIVE_PRONOUN or w.has("NPRO") for w in words[at + 1 : end]):
        return None  # "на которых работает 33,6 %": the place is the antecedent's
    return " ".join(w.text.lower() if k == at else w.text for k, w in enumerate(words[at:end]))


_WHERE = set(lexicon.LOCATIVE_PREPOSITIONS)
_CHANGES = set(lexicon.CHANGE_VERBS)


def _shares(lead: list[_Word]) -> bool:
    """The lead names a share ("Наибольшую долю ... занимает продукция X - 37%"): X is a part."""
    return any(w.lemma in SHARE_HEADS for w in lead)


def _unnamed(measure: str | None) -> bool:
    """No measure, or one the normalization drops (a place: "регион", "области")."""
    return measure is None or normal_measure(measure) is None


def _sentence(f: FigureFact, sentences: list[tuple[int, int]]) -> tuple[int, int] | None:
    return next(((s, e) for s, e in sentences if s <= f.char_start < e), None)


def _previous_bounds(bounds: tuple[int, int], sentences: list[tuple[int, int]]) -> tuple[int, int]:
    """The sentence before `bounds` (`bounds` itself for the first one)."""
    return max(((s, e) for s, e in sentences if s < bounds[0]), default=bounds)


def _previous_start(bounds: tuple[int, int], sentences: list[tuple[int, int]]) -> int:
    """Where the sentence before `bounds` starts (its own start for the first one)."""
    return max((s for s, _ in sentences if s < bounds[0]), default=bounds[0])


def _measure_of(text: str, g: FigureFact) -> str | None:
    """The measure of a figure: the share of the group after it, its own, or the number of what it
    counts."""
    own = g.measure if g.measure and not is_bare(g.measure) else None
    return share_measure(text, g) or own or count_measure(text, g)


def _outside_brackets(text: str, prior: list[FigureFact], start: int) -> FigureFact:
    """The last figure before, passing over one in brackets after another ("19775 кв. метров жилья
    (116 квартир), что составляет 62,0 %": the aside is not what the clause refers to)."""
    for g in reversed(prior):
        opened, closed = text.rfind("(", start, g.char_start), text.rfind(")", start, g.char_start)
        if g.char_start >= start and opened <= closed:
            return g
    return prior[-1]


def _referent(prior: list[FigureFact], since: int) -> FigureFact | None:
    measured = [g for g in prior if g.char_start >= since and g.measure and not is_bare(g.measure)]
    return measured[-1] if measured else None


def _opens_with_this(lead: list[_Word]) -> bool:
    """The sentence opens with "Это" (`lexicon.THIS_PRONOUN`) as its subject: a comparison of what the
    sentence before stated."""
    words = [w for w in lead if w.text[:1].isalpha()]
    return bool(words) and words[0].text.lower() == lexicon.THIS_PRONOUN


def _compares(lead: list[_Word]) -> bool:
    """The words say "больше", "выше", "меньше" … (`lexicon.COMPARATIVES`)."""
    return any(w.text.lower() in _COMPARATIVES or w.lemma in _COMPARATIVES for w in lead)


def _bare_change_opens(lead: list[_Word]) -> bool:
    """The sentence opens with a change noun in the nominative that names no thing ("Прирост по
    сравнению с уровнем 2017 года составил": no genitive after it)."""
    words = [w for w in lead if w.text[:1].isalpha()]
    if len(words) < 2 or not is_change_noun(words[0].text) or not words[0].has("NOUN", "nomn"):
        return False
    return not (words[1].has("NOUN", "gent") or words[1].has("ADJF", "gent"))


def referred_shares(text: str, facts: list[FigureFact], sentences: list[tuple[int, int]]) -> None:
    """A share with no measure of its own whose lead says "эта доля" ("В Москве эта доля составляла
    27%") takes the measure and indicator of the last share of its sentence or the two before, once
    the measures are final (the share before may be built late: "42% жителей" → "доля жителей")."""
    for i, f in enumerate(facts):
        bounds = _sentence(f, sentences)
        if bounds is None or f.measure or f.kind != "share":
            continue
        lead = [_as_word(m) for m in _WORD.finditer(text, bounds[0], f.char_start)]
        if not _refers_to_share(lead):
            continue
        since = _previous_start(_previous_bounds(bounds, sentences), sentences)
        g = next((g for g in reversed(facts[:i]) if g.char_start >= since and names_share(g.measure)), None)
        if g is not None:
            f.measure, f.indicator = g.measure, f.indicator or g.indicator


def _refers_to_share(lead: list[_Word]) -> bool:
    """The lead says "эта доля", "данная доля": the share named before."""
    return any(a.lemma in _REFERRING and b.lemma == _SHARE for a, b in zip(lead, lead[1:], strict=False))


_REFERRING = frozenset(lexicon.REFERRING_WORDS)


def _named_indicator(text: str, lead: list[_Word], f: FigureFact) -> str | None:
    """ "К 2019 году показатель «Растениеводство» достигнет 3785,2 млн. руб." → "растениеводство": the
    name quoted right after the indicator noun of the lead names the figure's measure (it refers to
    nothing before)."""
    for w in reversed(lead):
        if w.lemma == REFERENCE_NOUN:
            name = _NAME_AFTER.match(text, w.end)
            return normal_measure(name.group(1)[1:-1]) if name and name.end() <= f.char_start else None
    return None


def _take_referent(f: FigureFact, g: FigureFact | None) -> None:
    """The measure of the figure referred back to, and a level its kind when that is a share in the
    same unit ("… доля несырьевого экспорта составляет 70%. В Белгородской области данный показатель
    равен 49%": a share too)."""
    f.measure = g.measure if g is not None else None
    if g is not None and g.kind == "share" and g.unit == f.unit and f.kind == "level":
        f.kind = "share"  # a plan's value stays a target ("показатель … составит 20,7%")


def _dashed(lead: list[_Word]) -> str | None:
    """The noun group after the last verb or punctuation before the dash, from its first common
    nominative noun: "регион демонстрирует невысокое соотношение объема экспорта к ВРП -" →
    "соотношение объема экспорта к ВРП", "В 2013 году ежедневная аудитория сайта —" → "аудитория
    сайта", "Томский район характеризуется низким уровнем безработицы -" → "уровень безработицы" (an
    instrumental noun right after the verb, in the nominative); none when a place comes first ("в
    Смоленской области -")."""
    words = lead[: max(k for k, w in enumerate(lead) if w.text in DASHES)]
    cut = max((k + 1 for k, w in enumerate(words) if w.text in _BOUNDARY or _is_verb(w)), default=0)
    group = _past_dates(words[cut:])
    head = next((k for k, w in enumerate(group) if w.has("NOUN")), None)
    if head is None or _governed(group, head):
        return None
    if cut and _is_verb(words[cut - 1]) and _instrumental(group[head]):  # "характеризуется … уровнем X -"
        return normal_measure(as_written(group[head:]))
    return as_written(group[head:]) or None if _common_nominative(group[head]) else None


def _instrumental(w: _Word) -> bool:
    """A common noun whose best parse is instrumental: what a verb before it says the subject has."""
    tag = w.tags[0].tag
    return tag.POS == "NOUN" and tag.case == "ablt" and not w.text[:1].isupper()


def _past_dates(group: list[_Word]) -> list[_Word]:
    """The group after an opening date phrase ("В 2013 году", "По данным на февраль 2013 года"): the
    words after the last year of the group's first words, when a common noun follows it."""
    years = [k for k, w in enumerate(group) if w.lemma in _PERIOD_NOUNS and k and group[k - 1].text.isdigit()]
    if not years or not any(w.has("NOUN") and w.text[:1].islower() for w in group[years[0] + 1 :]):
        return group
    return group[years[0] + 1 :]


def _governed(group: list[_Word], head: int) -> bool:
    """The noun at `head` is a preposition's object or follows a name ("в Смоленской области")."""
    k = head - 1
    while k >= 0 and (group[k].has("ADJF") or group[k].has("PRTF")) and not _named(group[k]):
        k -= 1
    return k >= 0 and (_preposition(group[k]) or _named(group[k]) or group[k].text[:1].isupper())


def _preposition(w: _Word) -> bool:
    tags = w.tags
    return bool(tags) and tags[0].tag.POS == "PREP" and tags[0].score >= _PREPOSITION_SCORE


def _membership(lead: list[_Word]) -> str | None:
    """ "В число основных предприятий-экспортеров Курской области входит 17 компаний": the count
    is of the set named ("число основных предприятий-экспортеров")."""
    at = next((k for k in range(len(lead) - 1) if lead[k].lemma == "в" and lead[k + 1].lemma == _COUNT), None)
    if at is None or not any(w.lemma == _JOIN_VERB for w in lead[at:]):
        return None
    end = at + 2
    while (
        end < len(lead) and lead[end].text[:1].islower() and (lead[end].has("NOUN") or lead[end].has("ADJF"))
    ):
        end += 1
    group = lead[at + 2 : end]
    return " ".join([_COUNT, *(w.text for w in group)]) if any(w.has("NOUN") for w in group) else None


def _share_subject(lead: list[_Word]) -> str | None:
    """A nominative share in the last clause before the sentence's first figure, up to its verb or
    the places it names: "доля несырьевого экспорта в общем объеме поставок в Орловской ...
    областях равны соответственно 99%" → "доля несырьевого экспорта в общем объеме поставок"."""
    cut = max((k + 1 for k, w in enumerate(lead) if w.text in DASHES | {";", ":"}), default=0)
    clause = lead[cut:]
    at = next((k for k, w in enumerate(clause) if w.lemma in SHARE_HEADS and w.has("NOUN", "nomn")), None)
    if at is None:
        return None
    start = _after_place(clause, at + 1)  # "доля России в мировом экспорте": the place is the subject
    end = start
    while end < len(clause) and _in_group(clause, end):
        end += 1
    return " ".join(w.text for w in [clause[at], *clause[start:end]]) if end > start else None


def _after_place(clause: list[_Word], k: int) -> int:
    """Past the place named at `k` ("Курской области", "России"), else `k`."""
    end = k
    while end < len(clause) and clause[end].text[:1].isupper() and clause[end].text[:1].isalpha():
        end += 1
    while end > k and end < len(clause) and clause[end].lemma in _PLACE_NOUNS:
        end += 1
    return end if end > k and find_territories(" ".join(w.text for w in clause[k:end])) else k


def _in_group(clause: list[_Word], k: int) -> bool:
    """The word at `k` continues a noun group: no verb, punctuation or name, nor a preposition
    before a name."""
    w = clause[k]
    if not w.text[:1].isalpha() or _is_verb(w) or w.has("ADJS") or w.text[:1].isupper():
        return False
    after = clause[k + 1] if k + 1 < len(clause) else None
    return not (_preposition(w) and after is not None and after.text[:1].isupper())


def _common_nominative(w: _Word) -> bool:
    place = w.lemma in lexicon.PLACE_NOUNS
    return w.has("NOUN", "nomn") and not w.text[:1].isupper() and not _named(w) and not place


def _named(w: _Word) -> bool:
    tags = w.tags
    return bool(tags) and bool(_PLACE_GRAMMEMES & set(tags[0].tag.grammemes))
