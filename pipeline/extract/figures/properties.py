"""Measures shaped by a word next to the figure: a property of a named thing ("цех мощностью 130
тонн" → "мощность цеха", the property noun in the instrumental right before the figure), the
extent of what a length or an area is of ("заменены 21,8 км водопроводных сетей" → "протяженность
водопроводных сетей"), and the price of what became dearer or cheaper ("подешевела крупа гречневая"
→ "цены на крупу гречневую")."""

from __future__ import annotations

import re

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)

from pipeline import lexicon
from pipeline.extract.facts import FigureFact
from pipeline.extract.figures.words import _Word
from pipeline.nlp.morph import inflect, parses

OWNER_REACH = 8  # words before the property noun searched for the thing it belongs to
_PRICE_WORDS = set(lexicon.PRICE_WORDS)
_PRICE_HEADS = {"цена", "стоимость", "тариф", "индекс"}
_PRICE = "цены"
_DISTANCE = "расстояние до"
_LETTERS = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_ACTIONS = set(lexicon.ACTION_NOUNS.values())
_EXTENT_REACH = 80  # characters after a length or an area searched for what it is of


def property_measure(left: list[_Word], right: list[_Word] = ()) -> str | None:
    """ "мощность <owner in the genitive>" when the word before the figure is a property noun in the
    instrumental ("мощностью") or after "на" ("на площади 25 км²"); the property alone when no
    owner is found. A length "от X" is the distance to X ("в 9 км от набережной")."""
    if right and right[0].lemma == "от" and left and left[-1].lemma == "в":
        target = _genitive_after(list(right[1:]))
        return f"{_DISTANCE} {target}" if target else None
    activity = _property_of_activity(left)
    if activity:
        return activity
    if not left or left[-1].lemma not in lexicon.PROPERTY_NOUNS:
        return None
    stated = (
        left[-1].has("NOUN", "ablt")
        or len(left) > 1
        and left[-2].lemma == "на"
        and left[-1].has("NOUN", "loct")
    )
    if not stated:
        return None
    owner = _owner(left[:-1])
    return f"{left[-1].lemma} {owner}" if owner else left[-1].lemma


def _property_of_activity(left: list[_Word]) -> str | None:
    """ "мощностью по производству кондитерских изделий 146 тыс. тонн": a property in the
    instrumental with its "по + dative" activity right before the figure ("мощность по производству
    кондитерских изделий")."""
    for k in range(len(left) - 3, max(-1, len(left) - 3 - ACTIVITY_WORDS), -1):
        w = left[k]
        if w.lemma not in lexicon.PROPERTY_NOUNS or not w.has("NOUN", "ablt") or left[k + 1].lemma != "по":
            continue
        activity = left[k + 2 :]
        if activity[0].has("NOUN", "datv") and all(_dative_or_genitive(x) for x in activity):
            return " ".join([w.lemma, "по", *(x.text for x in activity)])
    return None


ACTIVITY_WORDS = 5  # words of the "по + dative" activity of a property


def _dative_or_genitive(w: _Word) -> bool:
    return any(w.has(pos, case) for pos in ("NOUN", "ADJF", "PRTF") for case in ("datv", "gent"))


def is_shaped(measure: str | None) -> bool:
    """A measure a word next to the figure made ("мощность цеха", "расстояние до аэропорта"): the
    syntax tree does not override it."""
    return bool(measure) and (measure.split()[0] in lexicon.PROPERTY_NOUNS or measure.startswith(_DISTANCE))


def _owner(words: list[_Word]) -> str | None:
    """The nearest common noun before the property that is not inside a prepositional phrase (nor a
    genitive dependent of one), with its adjectives and its "по ..." complement, in the genitive."""
    for i in range(len(words) - 1, max(-1, len(words) - 1 - OWNER_REACH), -1):
        w = words[i]
        if not w.tags or w.text[:1].isupper() or w.tags[0].tag.POS != "NOUN":
            continue
        if w.tags[0].tag.case in {"nomn", "accs", "gent"} and not _in_pp(words, i):
            return genitive_group(words, _top_genitive(words, i))
    return None


def _top_genitive(words: list[_Word], i: int) -> int:
    """The first noun of the genitive chain that ends at `i` ("строительство нового корпуса центра
    коллективного пользования стоимостью …": "корпуса", whose cost it is, not "пользования")."""
    while words[i].tags[0].tag.case == "gent":
        k = i - 1
        while k >= 0 and (words[k].has("ADJF", "gent") or words[k].has("PRTF", "gent")):
            k -= 1
        ruling = words[k] if k >= 0 else None
        if ruling is None or not ruling.has("NOUN", "gent") or _names_place(words, k) or _in_pp(words, k):
            return i
        i = k
    return i


def _in_pp(words: list[_Word], i: int) -> bool:
    """The noun at `i` is inside a prepositional phrase, also as a genitive dependent of one ("по
    переработке молока": "молока" is)."""
    if after_preposition(words, i):
        return True
    j = i - 1
    while j >= 0 and words[j].has("ADJF"):
        j -= 1
    return j >= 0 and words[i].tags[0].tag.case == "gent" and words[j].has("NOUN") and _in_pp(words, j)


def _genitive_after(words: list[_Word]) -> str | None:
    """The genitive noun group at the start of `words` ("шанхайской набережной Банд")."""
    end = 0
    while end < len(words) and (words[end].has("ADJF", "gent") or words[end].has("NOUN", "gent")):
        end += 1
    return " ".join(w.text for w in words[:end]) if any(w.has("NOUN", "gent") for w in words[:end]) else None


def after_preposition(words: list[_Word], i: int) -> bool:
    """The word at `i` is a preposition's object, adjectives between ("с позитивной динамикой")."""
    j = i - 1
    while j >= 0 and words[j].has("ADJF") and words[j].lemma != lexicon.RELATIVE_PRONOUN:
        j -= 1  # not over "которому" ("согласно которому средний темп …": the clause's subject)
    return j >= 0 and words[j].has("PREP")


def genitive_group(words: list[_Word], i: int) -> str | None:
    """Adjectives + noun at `i` in the genitive, then its genitive words and a "по + dative" part."""
    span = genitive_span(words, i)
    return span[0] if span else None


def genitive_span(words: list[_Word], i: int) -> tuple[str, int] | None:
    """`genitive_group` and the index after the last word it spans ("свадьба принца Чарльза" →
    ("свадьбы принца", 2): a name ends it)."""
    lo = i
    while lo > 0 and words[lo - 1].has("ADJF") and not words[lo - 1].text[:1].isupper():
        lo -= 1
    out = []
    for w in words[lo : i + 1]:
        if w.tags and w.tags[0].tag.case == "gent":
            out.append(w.text)  # already the owner's case ("малых спутников весом до 10 кг")
            continue
        form = next((inflect(p, {"gent"}) for p in w.tags if p.tag.case in {"nomn", "accs"}), None)
        if form is None:
            return None
        out.append(form.word)
    j = i + 1
    if j < len(words) and words[j].lemma == "по":
        k = j + 1
        while k < len(words) and words[k].has("ADJF", "datv"):
            k += 1  # "по глубокой переработке"
        j = k + 1 if k < len(words) and words[k].has("NOUN", "datv") else j
    while j < len(words) and _genitive_on(words, j):
        j += 1
    while j > i + 1 and not (words[j - 1].has("NOUN") or _short_misread(words[j - 1])):
        j -= 1  # "центра коллективного пользования": adjectives only before their noun
    return " ".join(out + [w.text for w in words[i + 1 : j]]), j


def _names_place(words: list[_Word], k: int) -> bool:
    """words[k] is a name or a place noun, with a capitalized adjective of a name before it ("Курской
    области"): the owner's place, not the owner."""
    named = k > 0 and words[k - 1].text[:1].isupper() and words[k - 1].has("ADJF")
    return words[k].text[:1].isupper() or words[k].lemma in lexicon.PLACE_NOUNS or named


def _genitive_on(words: list[_Word], j: int) -> bool:
    """A genitive noun, or a genitive adjective of one, that goes on a genitive group; not a name."""
    w = words[j]
    return not w.text[:1].isupper() and (w.has("NOUN", "gent") or w.has("ADJF", "gent") or _short_misread(w))


def _short_misread(w: _Word) -> bool:
    """A genitive plural noun the dictionary reads first as a short possessive ("комбикормов")."""
    tags = w.tags
    noun = any(p.tag.POS == "NOUN" and "gent" in p.tag for p in tags)
    return bool(tags) and tags[0].tag.POS == "ADJS" and noun


def price_measures(text: str, facts: list[FigureFact], sentences: list[tuple[int, int]]) -> None:
    """What became dearer or cheaper is measured by its price: "подешевела крупа гречневая - на
    2,9%" → "цены на крупу гречневую", "на 1,5% стали дороже сыры" → "цены на сыры"; a length or an
    area by the extent of its thing (`extent_measure`)."""
    for f in facts:
        f.measure = extent_measure(text, f) or f.measure
    for i, f in enumerate(facts):
        if f.measure and _lemma(f.measure.split()[0]) in _PRICE_HEADS:
            continue
        bounds = next(((s, e) for s, e in sentences if s <= f.char_start < e), None)
        if bounds is None:
            continue
        lo = max([bounds[0], *(g.char_end for g in facts[:i] if g.char_end <= f.char_start)])
        hi = min([bounds[1], *(g.char_start for g in facts[i + 1 :] if g.char_start >= f.char_end)])
        words = _LETTERS.findall(text[lo:hi])
        cue = next((k for k, w in enumerate(words) if {w.lower(), _lemma(w)} & _PRICE_WORDS), None)
        thing = f.measure or (_subject_after(words[cue + 1 :]) if cue is not None else None)
        if cue is not None and thing:
            f.measure = f"{_PRICE} на {_accusative(thing)}"


def extent_measure(text: str, f: FigureFact) -> str | None:
    """ "21,8 км водопроводных сетей" → "протяженность водопроводных сетей", "38 600 м2 асфальтобетонных
    покрытий" → "площадь асфальтобетонных покрытий": a length or an area followed by the common
    genitive group it is of, when the measure is none, that group, an amount ("объем проложенных
    сетей") or when the figure follows the work done on the group: a short passive participle
    ("заменены", "отремонтировано:"), an infinitive ("планируется построить 550 км газораспределительных
    сетей") or a noun ("реконструкция 5 км сетей теплоснабжения")."""
    noun = lexicon.EXTENT_NOUNS.get(lexicon.unit_kind(f.unit) or "")
    head = _lemma(f.measure.split()[0]) if f.measure else None
    if noun is None or head in _ACTIONS:
        return None  # "введено 19775 кв. метров жилья": the amount of an action ("ввод жилья")
    group, end = [], f.char_end
    for m in _LETTERS.finditer(text, end, end + _EXTENT_REACH):
        if text[end : m.start()].strip() or len(group) == OWNER_REACH or not _genitive_word(m.group()):
            break
        group.append(m.group())
        end = m.end()
    if not any(parses(w)[0].tag.POS == "NOUN" for w in group):
        return None
    own = head is None or head in {_lemma(group[0]), *lexicon.FRAME_NOUNS}  # "объем проложенных сетей"
    return f"{noun} {' '.join(group)}" if own or _work_before(text, f) else None


_WORK_CASES = frozenset({"nomn", "accs"})


def _work_before(text: str, f: FigureFact) -> bool:
    """The word right before the figure names the work done: "заменены", "построить",
    "реконструкция", "планируется капитальный ремонт" (a common noun in the nominative or the
    accusative)."""
    done = re.search(r"([А-Яа-яЁё]+)[\s:]*$", text[max(0, f.char_start - _EXTENT_REACH) : f.char_start])
    if done is None or done.group(1)[:1].isupper():
        return False
    tags = parses(done.group(1))
    nominal = any(p.tag.POS == "NOUN" and p.tag.case in _WORK_CASES for p in tags)
    return tags[0].tag.POS in {"PRTS", "INFN"} or tags[0].tag.POS == "NOUN" and nominal


def _genitive_word(word: str) -> bool:
    """A lower-case noun, adjective or participle in the genitive."""
    top = parses(word)[0].tag
    return not word[:1].isupper() and top.case == "gent" and top.POS in {"NOUN", "ADJF", "PRTF"}


def _subject_after(words: list[str]) -> str | None:
    """The first noun in the nominative after a verb, with the adjectives after it ("крупа
    гречневая")."""
    for k, w in enumerate(words):
        top = parses(w)[0].tag
        nominative = any(p.tag.POS == "NOUN" and p.tag.case == "nomn" for p in parses(w))
        if top.POS == "NOUN" and nominative and not w[:1].isupper():
            end = k + 1
            while end < len(words) and parses(words[end])[0].tag.POS == "ADJF":
                end += 1
            return " ".join(words[k:end])
    return None


def _accusative(phrase: str) -> str:
    """The nominative words of a phrase in the accusative ("крупа гречневая" → "крупу гречневую")."""
    out = []
    for word in phrase.split():
        nominative = [p for p in parses(word) if p.tag.case == "nomn"]
        form = next((_inflect_accs(p) for p in nominative), None)
        out.append(_same_case(word, form.word) if form is not None else word)
    return " ".join(out)


def _inflect_accs(parse):
    """Accusative of a nominative parse; things, not beings ("национальные сыры", not "-ых")."""
    thing = (
        {"inan"}
        if parse.tag.POS == "ADJF" and (parse.tag.number == "plur" or parse.tag.gender == "masc")
        else set()
    )
    return inflect(parse, {"accs", *thing}) or inflect(parse, {"accs"})


def _same_case(original: str, new: str) -> str:
    return new[:1].upper() + new[1:] if original[:1].isupper() else new


def _lemma(word: str) -> str:
    return parses(word)[0].normal_form if word[:1].isalpha() else word
