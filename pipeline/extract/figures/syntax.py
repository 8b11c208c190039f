"""Measure from the dependency parse: the subject of the governing verb or the noun the figure
quantifies (one batched parse call per page)."""

from __future__ import annotations

import re
from collections import Counter

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)

from pipeline import lexicon
from pipeline.extract.facts import FigureFact
from pipeline.extract.figures.clause import opened_change
from pipeline.extract.figures.properties import is_shaped
from pipeline.extract.figures.rules import rate_base_after
from pipeline.extract.figures.shares import change_without_thing, thing_of
from pipeline.extract.figures.words import DASHES, _Word
from pipeline.extract.lemmas import phrase_lemmas
from pipeline.extract.measures import acts, is_bare, thingless
from pipeline.nlp.morph import is_known, nominative, parses

_NOUNS = {"NOUN", "PROPN"}


_FRAME = set(lexicon.FRAME_NOUNS)
_EVALUATIVE = frozenset(lexicon.EVALUATIVE_ADJECTIVES)
_BRACKETS = {"(", ")"}


_TIME_NOUNS = set(lexicon.PERIOD_NOUNS)
_ITEM_TIMES = lexicon.time_lemmas()  # "в 2018 г. –" names no item


_GENERIC = {None, *lexicon.GENERIC_COUNTED}


_CLIMB_RELS = {"conj", "xcomp", "csubj", "csubj:pass", "advcl", "acl", "ccomp", "parataxis"}


_NOUN_RELS = {"nmod", "appos", "nummod", "nummod:gov"}
_CHANGE_VERBS = frozenset(lexicon.CHANGE_VERBS)
_RELATIVE = lexicon.RELATIVE_PRONOUN


def _syntax_measures(facts: list[FigureFact], analysis) -> None:
    """Measure = the subject of the governing verb, or the noun the figure depends on (one parse call).

    Syntax is the slow part of the NLP layer, so it runs only on prose sentences (not number-dense
    chart labels or table remnants) holding a figure with a unit that is not a count of a noun, or
    a rate ("7,2 умерших детей на 1000 родившихся": what the sentence says the rate is of)."""
    rates = {id(f) for f in facts if f.unit and rate_base_after(analysis.text, f.char_end)}
    wanted = [f for f in facts if f.unit and (f.unit != "COUNT" or f.counted in _GENERIC or id(f) in rates)]
    index = {id(f): analysis.sentence_index(f.char_start) for f in wanted}
    index = {k: i for k, i in index.items() if _is_prose(analysis.sentences[i].text)}
    parsed = analysis.parse(sorted(set(index.values())))
    spans = [(f.char_start, f.char_end) for f in facts]
    for f in wanted:
        if id(f) not in index:
            continue
        tokens = parsed.get(index[id(f)], [])
        found = _syntax_measure(f, tokens, spans) if tokens else None
        if found is None and id(f) in rates:
            found = _root_subject(
                tokens, spans
            )  # "коэффициент … был самый низкий (7,2 умерших детей на 1000 …)"
        bare = is_bare(found) and not change_without_thing(found)  # "рост" is completed (shares.py)
        kept = f.measure and found and (bare or _narrower(found, f.measure))
        # "мощность цеха", "расстояние до аэропорта"; not a bare "объем" the parse extends ("объем ВРП")
        kept = kept or is_shaped(f.measure) and not _extends(found, f.measure)
        # "ювелирного производства – рост на 3,2%": the change's thing, named before it, is kept
        kept = kept or _keeps_changed_thing(analysis.text, f, found)
        # "Компания увеличила на 12% экспортные поставки": what changed, not who changed it
        kept = kept or f.kind == "change" and bool(f.measure) and acts(found)
        # "оборот … составит 1030,0 млн. руб. рост к 2017 г. 104,2 %": a level is no change noun alone
        alone = bool(found) and len(found.split()) == 1 and change_without_thing(found)  # "рост"
        kept = kept or f.kind in ("level", "target") and bool(f.measure) and alone
        f.measure = f.measure if not found or kept else found  # the longer of the same phrase
        f.measure = _action_object(f, tokens) or f.measure
        if f.measure and _Word(0, 0, f.measure.split()[0]).lemma in _TIME_NOUNS:
            f.measure = None  # "до 2014 года (около 25 - 30%)": a date is not what is measured


def _keeps_changed_thing(text: str, f: FigureFact, found: str | None) -> bool:
    """The parse found only the change noun of a change whose thing the clause named before a dash
    or a bracket ("ювелирного производства – рост на 3,2%")."""
    if not found or not f.measure or f.kind != "change" or not opened_change(text, f):
        return False
    return change_without_thing(found) and not thingless(f.measure)


_SYNTAX_MAX_CHARS = 500
MAX_DIGIT_SHARE = 0.15  # above this share of digits a "sentence" is a chart label or table remnant
MAX_CLIMB = 4  # dependency heads climbed from a figure to its verb or noun
GENITIVE_WORDS = 4  # genitive words kept after a measure's head noun


def _is_prose(sentence: str) -> bool:
    """Short enough to parse, and mostly words rather than numbers (years are words of a forecast:
    "составит: в 2018 г. – 104,3 %, в 2019 г. – 104,2 %")."""
    digits = sum(ch.isdigit() for ch in lexicon.YEAR_WORD.sub("", sentence))
    return len(sentence) <= _SYNTAX_MAX_CHARS and digits <= MAX_DIGIT_SHARE * len(sentence)


def _root_subject(tokens: list, spans: list[tuple[int, int]]) -> str | None:
    """The noun phrase of the sentence's main subject (its first nominal subject)."""
    heads = {t.head_id for t in tokens if t.rel.startswith("nsubj")}
    subjects = [t for head in tokens if head.id in heads for t in _subjects(head, tokens, spans)]
    first = min(subjects, key=lambda t: t.start, default=None)
    return _noun_phrase(first, tokens) if first is not None else None


def _action_object(f: FigureFact, tokens: list) -> str | None:
    """ "произведено яиц – 109,3 млн. шт." → "производство яиц": a bare action noun (clause.py) with
    the noun group between its verb and the figure, in the genitive."""
    actions = lexicon.ACTION_NOUNS
    if not f.measure or f.measure not in actions.values():
        return None
    before = [t for t in tokens if t.start < f.char_start]
    verb = next((k for k in range(len(before) - 1, -1, -1) if before[k].lemma in actions), None)
    if verb is None or actions[before[verb].lemma] != f.measure:
        return None
    group = [t for t in before[verb + 1 :] if t.text not in DASHES]
    if not group or group[0].pos not in _NOUNS | {"ADJ"} or not all(t.pos in _NOUNS | {"ADJ"} for t in group):
        return None
    thing = " ".join(t.text for t in group)
    if any(t.feats.get("Case") == "Nom" for t in group):
        thing = thing_of(thing) or ""
    return f"{f.measure} {thing}" if thing else None


def _syntax_measure(f: FigureFact, tokens: list, spans: list[tuple[int, int]]) -> str | None:
    """The parse's measure; for a named list item ("…: индекс промышленного производства – 109,0%,
    лесозаготовка – в 1,7 раз", clause.py) only one that extends the item's own."""
    found = _climbed(f, tokens, spans)
    if found and _own_item(f, tokens) and not _same_head(found, f.measure):
        return None
    return found


def _same_head(found: str, measure: str | None) -> bool:
    return bool(measure) and _Word(0, 0, found.split()[0]).lemma == _Word(0, 0, measure.split()[0]).lemma


def _climbed(f: FigureFact, tokens: list, spans: list[tuple[int, int]]) -> str | None:
    found = _climbed_noun(f, tokens, spans)
    return None if found is None or _quoted_apart(found, f, tokens) else _noun_phrase(found, tokens)


def _quoted_apart(noun, f: FigureFact, tokens: list) -> bool:
    """The noun stands in a quoted name closed before the figure ("в достижение национальной цели
    "Достойный, эффективный труд и успешное предпринимательство" по увеличению инвестиций … на 70
    процентов"): a title, not what the figure measures."""
    before = [t.text for t in tokens if t.text in lexicon.QUOTES and t.start < noun.start]
    after = [t.text for t in tokens if t.text in lexicon.QUOTES and noun.start < t.start < f.char_start]
    for opener, closers in lexicon.QUOTE_PAIRS.items():
        if opener in closers:  # a straight quote: inside after an odd number of them
            if before.count(opener) % 2 and opener in after:
                return True
        elif before.count(opener) > sum(map(before.count, closers)) and any(c in closers for c in after):
            return True
    return False


def _climbed_noun(f: FigureFact, tokens: list, spans: list[tuple[int, int]]):
    """The token whose noun phrase measures the figure: climbing from it to the noun it depends on
    or to the subject of its verb."""
    by_id = {t.id: t for t in tokens}
    inside = [t for t in tokens if f.char_start <= t.start < f.char_end]
    ids = {t.id for t in inside}
    # the dot of "тыс." may hang anywhere in the sentence: the figure's words say where it stands
    tops = [t for t in inside if t.head_id not in ids and t.pos != "PUNCT"]
    # a head in another figure is a parse slip ("– 106,6%, в 2019 г. – 99,7 %": "99,7" on "106,6%")
    node = next((t for t in tops if not _in_figure(by_id.get(t.head_id), spans)), tops[0] if tops else None)
    for _ in range(MAX_CLIMB):
        head = by_id.get(node.head_id) if node is not None else None
        if head is None or node.rel.startswith("nsubj") or any(a <= head.start < b for a, b in spans):
            return None  # a figure that is itself the subject is measured by its genitive (morphology)
        in_pp = _in_pp(head, tokens)
        if head.pos in _NOUNS and node.rel in _NOUN_RELS and head.start < node.start and not in_pp:
            if _modifies_pp(head, by_id, tokens):
                return None  # "к концу … в местах массового пребывания … до 96 единиц": a slip
            verb = _verb_between(head, f, tokens)
            if verb is not None:  # "учитывая рост …, общий объем услуг оценивается в размере 581,5 млн. руб."
                subject = _subject_of(verb, tokens, spans, f.char_start)
                return subject
            return None if head.lemma in _FRAME | _TIME_NOUNS else head
        if head.pos == "VERB" and _acts_on(head, f):
            return None  # "компания поставила 5 тыс. тонн": the subject is who acted (clause.py)
        changed = (
            (_changed_object(head, tokens, f) or _sized_object(head, node, tokens, f))
            if head.pos == "VERB"
            else None
        )
        if changed is not None:
            return changed  # "компания увеличила выпуск молока на 12%": what it changed, not who
        if head.pos in {"VERB", "AUX"} or head.lemma in _FRAME:
            subject = _subject_of(_nearest_verb(head, tokens, f, spans), tokens, spans, f.char_start)
            if subject is not None and _not_its_subject(subject, f, tokens):
                return None
            if subject is not None:
                return subject
        if head.rel not in _CLIMB_RELS and head.lemma not in _FRAME and not in_pp:
            return None
        node = head
    return None


def _modifies_pp(noun, by_id: dict, tokens: list) -> bool:
    """The noun is a genitive modifier, directly or down a chain, of a noun in a prepositional phrase
    ("в местах массового пребывания"): a circumstance of the clause, not what a figure measures."""
    for _ in range(MAX_CLIMB):
        owner = by_id.get(noun.head_id) if noun.rel == "nmod" else None
        if owner is None or owner.pos not in _NOUNS or owner.lemma in lexicon.AMOUNT_HEADS:
            return False  # "с объемом экспортных поставок 15 млн. долл.", "вследствие роста доли …"
        if _in_pp(owner, tokens):
            return True
        noun = owner
    return False


def _acts_on(verb, f: FigureFact) -> bool:
    """The verb does something to the figure's amount (`lexicon.ACTION_NOUNS`; to money also
    `lexicon.ALLOCATION_NOUNS`): its subject is who acts, not what the figure measures."""
    return verb.lemma in lexicon.ACTION_NOUNS or f.money and verb.lemma in lexicon.ALLOCATION_NOUNS


def _changed_object(verb, tokens: list, f: FigureFact):
    """The accusative object, before the figure, of a transitive change verb the figure hangs on."""
    if verb.lemma not in _CHANGE_VERBS or verb.feats.get("Voice") == "Pass":
        return None
    objects = [
        t
        for t in tokens
        if t.head_id == verb.id
        and t.rel == "obj"
        and t.pos == "NOUN"
        and t.start < f.char_start
        and t.feats.get("Case") == "Acc"
        and t.lemma not in _TIME_NOUNS
    ]
    return objects[-1] if objects else None


def _sized_object(verb, node, tokens: list, f: FigureFact):
    """The verb's accusative object right before the "в" of money the verb governs: the amount is
    the object's size ("издание понесло убытки в 31 млн евро" → "убытки")."""
    case = next((t for t in tokens if t.head_id == node.id and t.rel == "case"), None)
    if not f.money or case is None or case.text.lower() != "в" or tokens.index(case) == 0:
        return None
    thing = tokens[tokens.index(case) - 1]
    sized = thing.head_id == verb.id and thing.rel == "obj" and thing.pos == "NOUN"
    return thing if sized and thing.feats.get("Case") == "Acc" and thing.lemma not in _TIME_NOUNS else None


def _extends(found: str | None, measure: str) -> bool:
    """The parse's phrase is the measure with more words after it ("объем" → "объем ВРП")."""
    return bool(found) and found.lower().startswith(f"{measure.lower()} ")


def _narrower(found: str, measure: str) -> bool:
    """The parse's phrase is a run of the clause's, which keeps more modifiers ("заработная плата"
    in "среднемесячная начисленная заработная плата"), or the clause's without the frame noun the
    parse passed by ("защищённость населения" in "уровень защищённости населения")."""
    return f" {found.lower()} " in f" {measure.lower()} " or _unframed(found, measure)


def _unframed(found: str, measure: str) -> bool:
    head, *rest = phrase_lemmas(measure) or ("",)
    return head in _FRAME and f"{' '.join(rest)} ".startswith(f"{' '.join(phrase_lemmas(found))} ")


def _item_nouns(f: FigureFact, tokens: list) -> list:
    """The nouns of the list item before the dash right before the figure, from the last colon,
    comma or semicolon, without times ("в 2018 г. –" names no item); [] when there is no such item."""
    before = [t for t in tokens if t.start < f.char_start]
    if not before or before[-1].text not in DASHES:
        return []
    start = max((k + 1 for k, t in enumerate(before) if t.text in {":", ",", ";"}), default=0)
    return [t for t in before[start:-1] if start and t.pos in _NOUNS and t.lemma not in _ITEM_TIMES]


def _verb_between(noun, f: FigureFact, tokens: list):
    """The last finite verb between a noun and the figure the parse hung on it (a slip)."""
    return next((t for t in reversed(tokens) if _finite(t) and noun.start < t.start < f.char_start), None)


def _in_figure(token, spans: list[tuple[int, int]]) -> bool:
    return token is not None and any(a <= token.start < b for a, b in spans)


def _own_item(f: FigureFact, tokens: list) -> bool:
    """The item names something in the nominative ("…: индекс … – 109,0%, лесозаготовка – в 1,7 раз"),
    not a genitive remnant of a measure before it ("рост производства сыров …, масла сливочного -")."""
    nouns = _item_nouns(f, tokens)
    return bool(nouns) and nouns[0].feats.get("Case") == "Nom"


def _across_colon(subject, f: FigureFact, tokens: list) -> bool:
    """A colon stands between the subject and a list item that names something ("Производство …
    составит: зерна – 1150 тонн", clause.py)."""
    colon = any(t.text == ":" and subject.start < t.start < f.char_start for t in tokens)
    return colon and bool(_item_nouns(f, tokens))


def _not_its_subject(subject, f: FigureFact, tokens: list) -> bool:
    """The subject of a list's head, of the next clause, or of the clause before an elliptical one."""
    return (
        _across_colon(subject, f, tokens)
        or _next_clause(subject, f, tokens)
        or _elliptical_after(subject, f, tokens)
    )


def _elliptical_after(subject, f: FigureFact, tokens: list) -> bool:
    """After the subject's clause, a verbless one that names its own subject and a dash before the
    figure ("протяжённость границы составляет 535 км, а общая площадь страны — 17,363 тыс. кв. км")."""
    between = [t for t in tokens if subject.start < t.start < f.char_start]
    comma = max((k for k, t in enumerate(between) if t.text == ","), default=None)
    if comma is None or not between or between[-1].text not in DASHES:
        return False
    item = [t for t in between[comma + 1 : -1] if t.lemma not in lexicon.ITEM_LEAD_CONJUNCTIONS]
    nominative = any(t.pos == "NOUN" and t.feats.get("Case") == "Nom" for t in item)
    return nominative and not any(t.pos in {"VERB", "AUX"} for t in item)


def _next_clause(subject, f: FigureFact, tokens: list) -> bool:
    """The subject follows the figure after a comma: it opens a clause of its own ("поступило
    налогов 20,7 млн. рублей, темпы роста составляют 121,0 %")."""
    return subject.start > f.char_end and any(
        t.text == "," and f.char_end <= t.start < subject.start for t in tokens
    )


def _nearest_verb(head, tokens: list, f: FigureFact, spans: list[tuple[int, int]]):
    """The finite verb with a subject of its own nearest before the figure, when the parse hung the
    figure on an earlier one ("число лиц возросло на 20 %, а сумма средств составила более 200 тыс.
    руб.", "оборот увеличился на 111%, объем платных услуг увеличился на 104,9 %"), else `head`."""
    verbs = [t for t in tokens if _finite(t) and head.start < t.start < f.char_start]
    for verb in reversed(verbs):
        if _subject_of(verb, tokens, spans, f.char_start) is not None:
            return verb
    return head


def _subjects(verb, tokens: list, spans: list[tuple[int, int]]) -> list:
    """The nominal subjects of a verb outside figures and times, a relative "который" as the noun
    it stands for."""
    subjects = [t for t in tokens if t.head_id == verb.id and t.rel.startswith("nsubj")]
    nominal = [
        t
        for t in subjects
        if t.lemma != _RELATIVE and t.feats.get("Case", "Nom") == "Nom" and _agrees_with(verb, t, tokens)
    ]
    if any(t.lemma == _RELATIVE for t in subjects):
        nominal.append(_antecedent(verb, tokens))  # in the case of the noun group it ends
    return [t for t in nominal if t is not None and _nominal(t, spans)]


def _nominal(t, spans: list[tuple[int, int]]) -> bool:
    """A noun, neither a time nor inside a figure; a subject's case is checked by the caller (the
    parse's "nsubj" on "51,6 кв. м зеркала воды" or "работу" is no subject)."""
    return t.pos in _NOUNS and t.lemma not in _TIME_NOUNS and not any(a <= t.start < b for a, b in spans)


def _stray_subjects(verb, tokens: list, spans: list[tuple[int, int]]) -> list:
    """Subjects the parse hung on another verb, which has one of its own, that stand between the
    previous finite verb and this one ("оборот увеличился на 111%, объем платных услуг увеличился на
    104,9 %")."""
    after = max((t.start for t in tokens if _finite(t) and t.start < verb.start), default=-1)
    heads = Counter(t.head_id for t in tokens if t.rel.startswith("nsubj"))
    return [
        t
        for t in tokens
        if t.rel.startswith("nsubj")
        and heads[t.head_id] > 1
        and after < t.start < verb.start
        and t.feats.get("Case", "Nom") == "Nom"
        and _nominal(t, spans)
    ]


def _nominative_before(verb, tokens: list, spans: list[tuple[int, int]]) -> list:
    """With no subject in the parse, the nominative noun nearest before the verb outside a
    prepositional phrase ("В производстве электроэнергии, газа … индекс промышленного производства
    составит: в 2018 г. – 106,6%")."""
    after = max((t.start for t in tokens if _finite(t) and t.start < verb.start), default=-1)
    nouns = [
        t
        for t in tokens
        if after < t.start < verb.start
        and t.feats.get("Case") == "Nom"
        and _agrees_with(verb, t, tokens)
        and _nominal(t, spans)
        and not _in_pp(t, tokens)
    ]
    return nouns[-1:]


def _agrees_with(verb, noun, tokens: list) -> bool:
    """A subject agrees with its verb in number, and in the past singular in gender ("условия …
    составило 47,0 %" do not); coordinated nouns are plural ("сахар и соль стали дешевле")."""
    number, gender = verb.feats.get("Number"), verb.feats.get("Gender")
    coordinated = any(t.head_id == noun.id and t.rel == "conj" for t in tokens)
    if number and noun.feats.get("Number") and number != noun.feats["Number"]:
        return coordinated and number == "Plur"
    return not (gender and noun.feats.get("Gender") and gender != noun.feats["Gender"])


def _finite(token) -> bool:
    return token.pos in {"VERB", "AUX"} and bool(token.feats.get("Mood"))


def _antecedent(verb, tokens: list):
    """The noun a relative clause's "который" stands for: up the noun group the clause hangs on,
    the nearest noun that agrees with it outside a prepositional phrase, else the group's top
    ("снижение объема инвестиций в основной капитал, который составил 51,2%")."""
    by_id = {t.id: t for t in tokens}
    relative = next(t for t in tokens if t.head_id == verb.id and t.lemma == _RELATIVE)
    node, chain = by_id.get(verb.head_id), []
    while node is not None and node.pos in _NOUNS and len(chain) <= MAX_CLIMB:
        chain.append(node)
        node = by_id.get(node.head_id) if node.rel == "nmod" else None
    agreeing = [t for t in chain if _agrees(t, relative) and not _in_pp(t, tokens)]
    return agreeing[0] if agreeing else chain[-1] if chain else None


def _agrees(noun, relative) -> bool:
    return all(
        noun.feats.get(k) == relative.feats.get(k) for k in ("Gender", "Number") if relative.feats.get(k)
    )


def _in_pp(noun, tokens: list) -> bool:
    return any(t.head_id == noun.id and t.rel == "case" for t in tokens)


def _subject_of(verb, tokens: list, spans: list[tuple[int, int]], at: int):
    """The nominal subject of a verb, outside figures: the last one before the figure at `at` ("индекс
    цен составил 99,5%, изменение курса - 98,6%"), else the one nearest to the verb."""
    subjects = _subjects(verb, tokens, spans) or _stray_subjects(verb, tokens, spans)
    subjects = subjects or _nominative_before(verb, tokens, spans)
    before = [t for t in subjects if t.start < at]
    outside = [t for t in before if not _in_brackets(t, tokens, at)]
    if before:
        return (outside or before)[-1]
    return min(subjects, key=lambda t: abs(t.start - verb.start), default=None)


def _in_brackets(token, tokens: list, at: int) -> bool:
    """The token stands in brackets closed before `at`: an aside ("Реальные располагаемые денежные
    доходы (доходы за вычетом обязательных платежей, …), по оценке, … снизились на 0,3%")."""
    depth = 0
    for t in tokens:
        if t.start >= at:
            return False
        if t is token:
            break
        depth += (t.text == "(") - (t.text == ")")
    after = [t.text for t in tokens if token.start < t.start < at and t.text in _BRACKETS]
    return depth > 0 and after.count(")") > after.count("(")


def _genitive_word(token) -> bool:
    """A noun, adjective or participle ("замещенных рабочих мест") in the genitive; not a word the
    dictionary knows only as a predicate, which the tagger may take for a genitive noun ("Бюджет
    спрогнозирован с профицитом")."""
    genitive = token.feats.get("Case") == "Gen" and token.pos in {"NOUN", "ADJ", "PROPN", "VERB"}
    return genitive and not _predicate_only(token.text)


def _latin_name(tokens: list, i: int) -> bool:
    """A name in Latin letters right after a noun of the phrase ("цена нефти марки Brent")."""
    return bool(_LATIN_NAME.fullmatch(tokens[i].text)) and i > 0 and tokens[i - 1].pos in _NOUNS | {"X"}


_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&-]*")


def _predicate_only(word: str) -> bool:
    forms = parses(word)
    return bool(forms) and is_known(word) and all(p.tag.POS in _PREDICATE_POS for p in forms)


_PREDICATE_POS = frozenset({"PRTS", "VERB", "INFN", "GRND"})


def _join(tokens: list) -> str:
    """Token texts joined by spaces, with no space inside brackets."""
    return " ".join(t.text for t in tokens).replace("( ", "(").replace(" )", ")")


def _coordinated_end(tokens: list, head: int, end: int) -> int:
    """End of a genitive joined by "и" to a genitive of the phrase ("производства кокса и
    нефтепродуктов"; `clause._coordinated_end` on the morphology), else `end`."""
    if end + 1 >= len(tokens) or end - 1 <= head or tokens[end].text != "и":
        return end
    joined = tokens[end + 1 :]
    last = next(
        (k for k, t in enumerate(joined[:GENITIVE_WORDS]) if not _genitive_word(t)),
        len(joined[:GENITIVE_WORDS]),
    )
    words = joined[:last]
    phrase = {t.id for t in tokens[head:end]}
    noun = next((t for t in reversed(words) if t.pos == "NOUN"), None)
    if noun is None or noun.head_id not in phrase or noun.lemma in _TIME_NOUNS:
        return end
    return end + 1 + words.index(noun) + 1


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


def _instrumental_end(tokens: list, head: int, i: int) -> int:
    """End of the instrumental complement at `i` of a head that takes one ("обеспеченность
    населения спортивными сооружениями", "охват детей дошкольным образованием"), else `i`."""
    if not any(t.lemma in lexicon.INSTRUMENTAL_HEADS for t in tokens[head:i]):
        return i
    j = i
    while j < len(tokens) and j - i < GENITIVE_WORDS and tokens[j].feats.get("Case") == "Ins":
        if tokens[j].pos not in {"ADJ", "NOUN"}:
            break
        j += 1
    return j if j > i and tokens[j - 1].pos == "NOUN" else i


def _without_cut_adjectives(tokens: list, head: int, end: int) -> int:
    """`end` before adjectives that close the phrase while the noun they modify, right after them,
    was left out by the cap on genitive words ("населения муниципального образования
    муниципального [района]"); a noun-like adjective ("процент грамотных") stays."""
    ids = {t.id: k for k, t in enumerate(tokens)}
    while end - 1 > head and tokens[end - 1].pos == "ADJ":
        noun = ids.get(tokens[end - 1].head_id, -1)
        if noun < end or tokens[noun].pos != "NOUN" or any(t.pos != "ADJ" for t in tokens[end:noun]):
            break
        end -= 1
    return end


def _adverb_of_next(tokens: list, i: int) -> bool:
    """An adverb of the genitive word right after it ("числа официально зарегистрированных
    безработных")."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return tokens[i].pos == "ADV" and nxt is not None and tokens[i].head_id == nxt.id and _genitive_word(nxt)


def _noun_phrase(noun, tokens: list) -> str:
    """The noun with its adjectives before it (not one that judges it, "высокая"), up to four
    genitive words and a "в/на" object after it, nominative."""
    i = tokens.index(noun)
    lo = i
    while (
        lo > 0
        and tokens[lo - 1].rel == "amod"
        and tokens[lo - 1].head_id in {t.id for t in tokens[lo : i + 1]}
        and tokens[lo - 1].lemma not in _EVALUATIVE
    ):
        lo -= 1  # "среднемесячная начисленная заработная плата": each on the noun or the next adjective
    hi, n, end = i + 1, 0, i + 1
    while (
        hi < len(tokens)
        and n < GENITIVE_WORDS
        and (
            _genitive_word(tokens[hi])
            or _latin_name(tokens, hi)
            or tokens[hi].text in _BRACKETS
            or _adverb_of_next(tokens, hi)
        )
    ):
        n += tokens[hi].text not in _BRACKETS and tokens[hi].pos != "ADV"
        hi += 1
        end = hi if tokens[hi - 1].text not in _BRACKETS else end  # "условного (минимального) набора"
    end = _without_cut_adjectives(tokens, i, _coordinated_end(tokens, i, end))
    phrase = _join(tokens[lo : _object_end(tokens, _instrumental_end(tokens, i, end))])
    if noun.feats.get("Case") not in {None, "Nom"}:
        phrase = nominative(phrase)
    return phrase if phrase[:2].isupper() or noun.pos == "PROPN" else phrase[:1].lower() + phrase[1:]
