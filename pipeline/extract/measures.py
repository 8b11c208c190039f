"""What a figure measures: the normalized measure phrase and the catalog indicator it names.

- `normal_measure`: one spelling per measure (the head noun group in the nominative, lower case,
  without a change word, places, periods); a single uninformative word ("число", "доля") or a
  time is no measure.
- Derived measures: "доля X" for a share followed by what it is a share of, "число X" for a count,
  "срок X" for a number of days.
- `figure_indicator`: the catalog id the measure (or the counted noun) names, a survey share, or,
  unless the figure counts something of its own, the indicator named earlier in its clause.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import takewhile
from typing import TYPE_CHECKING

from pipeline import lexicon
from pipeline.extract.facts import FigureFact
from pipeline.extract.periods import LIST_ITEM_LINES, lead_in_above

if TYPE_CHECKING:
    from pipeline.extract.indicators import IndicatorMatch

_COUNT_HEAD = lexicon.COUNT_MEASURE_HEADS[0]  # "число": the one spelling of a count
_SHARE_HEAD = lexicon.SHARE_NOUN
_RATE_HEAD = "темп"
_TRENDS = set(lexicon.TREND_NOUNS)
_PERIODIC = frozenset(lexicon.PERIODIC_ADJECTIVES)
_DEGREES = frozenset(lexicon.DEGREE_ADJECTIVES)
_EVALUATIVE = frozenset(lexicon.EVALUATIVE_ADJECTIVES)
_TOTAL = set(lexicon.TOTAL_ADJECTIVES)
_RANKING = frozenset(lexicon.RANKING_ADJECTIVES)
_FRAMES = lexicon.BARE_MEASURES | set(lexicon.FRAMING_HEADS)
_FRAME_HEADS = set(lexicon.FRAME_NOUNS)
_FRAMING = set(lexicon.FRAMING_HEADS)
_ESTIMATES = set(lexicon.ESTIMATE_HEADS)
_COUNT_SPELLINGS = set(lexicon.COUNT_HEADS)
_CHANGE_HEADS = (set(lexicon.CHANGE_NOUNS) | _TRENDS) - {_RATE_HEAD}
_SHARE_LEMMAS = lexicon.SHARE_HEADS
_INDEX_HEADS = set(lexicon.INDEX_NOUNS)
_SURVEY = set(lexicon.SURVEY_VERBS)
_EMPTY_HEADS = lexicon.BARE_MEASURES | set(lexicon.CHANGE_NOUNS) | set(lexicon.TREND_NOUNS)
_TIMES = lexicon.time_lemmas()
_SURVEY_INDICATOR = "survey_share"
_PLACE_LEAD = re.compile(r"(?:\s+(?:" + "|".join(lexicon.PLACE_PREPOSITIONS) + r"))?\s*$", re.I)
_SHARE_REACH = 120  # characters after a share searched for what it is a share of
_SHARE_WORDS = 4  # genitive words kept after a share
_OF_ALL = re.compile(r"\s+из\s+всех\s+(?=[а-яё])", re.I)
_NOMINAL = {"NOUN", "ADJF", "PRTF"}
_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_LEAD_WORDS = 12  # words before a figure searched for an indicator its measure does not name
_SCALE_WORDS = {w for s in lexicon.SCALES for w in (s.lemma, s.abbr)}
_NOT_COUNTED_WORDS = _SCALE_WORDS | set(lexicon.COUNTED_ABBRS)  # "560 тыс. работников", "тыс. чел."
_JOINING = {"и", "или"}
_LINKING = _JOINING | set(lexicon.PLACE_PREPOSITIONS) | set(lexicon.OBJECT_PREPOSITIONS) | {"к", "за", "до"}
_STEM_LETTERS = 6  # "экспорт"/"экспортный": one root
_BULLET = re.compile(r"^\s*[-–—•]\s")
_ITEM = re.compile(r"\s[-–—]\s")  # "- сельское хозяйство – 500,0 тыс. руб.": the dash after the name
_CLAUSE_END = re.compile(r";|\.\s+(?=[А-ЯЁA-Z])")  # not "тыс. рублей"
_ITEM_END = re.compile(
    r"\s[-–—]\s*(?:[А-Яа-яЁё]+\s+)?$"
)  # "… – 285,4 млн", "… – около 15 млн": the figure after the dash
_CHANGE_NOUNS = set(lexicon.CHANGE_NOUNS)
# "индекс физического объема" names no thing; a share ("доля в общем объеме") a whole of its own
_THINGLESS = (_EMPTY_HEADS | set(lexicon.INDEX_NOUNS)) - _SHARE_LEMMAS - {"вес"}
_CLAUSE_START = re.compile(r"[;:]")
_PREDICATES = {"VERB", "INFN", "PRTS"}  # a predicate between a noun group and a figure separates them
_LOCATIVES = set(lexicon.LOCATIVE_PREPOSITIONS)  # "занятых в …", "на крупных предприятиях"
_OTHER_ITEM = re.compile(r"[^,;:\d]*\s[-–—]\s*\d")  # "средства бюджетов всех уровней – 34,1%"


def figure_indicator(text: str, f: FigureFact, bounds: tuple[int, int]) -> str | None:
    """The catalog id of a figure whose measure is resolved (none for a deal's price or valuation,
    `names_deal`, nor a stake, `names_stake`); `bounds`: its sentence."""
    if names_deal(f.measure) or names_stake(f.measure):
        return None
    found = _indicator(f, text[bounds[0] : bounds[1]])
    if found is None or _is_generic(found):
        found = _spelled_out(text, f, bounds) or found
    words = (f.measure or "").split()
    share = names_share(f.measure)
    if not share and found is not None and _is_generic(found) and _bare_head(words, f.unit):
        # a bare production head takes the product or branch named before it ("произведено … 144,9 тонн
        # мяса (113 % к уровню 2015 г.)": the "производство" is of meat)
        lead = _lead_indicator(text, f, bounds, set())
        found = lead if lead and _is_breakdown(lead) else found  # not "скота и птицы" counted
    if not share and (found is None or _is_breakdown(found)):
        found = _list_whole(text, f, bounds, found) or found
    if found or share and "в" in words:
        return found  # a share of a stated whole has what the whole names, or nothing
    # a share's own words are not a neighbour ("собственные средства предприятий (45%)")
    return _lead_indicator(text, f, bounds, _lemmas(words) if share else set())


def _bare_head(words: list[str], unit: str | None) -> bool:
    """The measure is all a generic head a product specifies ("производство", "объем производства"), not
    "производство мясных полуфабрикатов" nor a price ("цены": no product's output)."""
    from pipeline.extract.indicators import find_indicator

    found = find_indicator(words, None if unit == "COUNT" else unit) if words else None
    return found is not None and found.indicator.of_products and (found.start, found.end) == (0, len(words))


def earlier_indicator(f: FigureFact, facts: list[FigureFact], previous: tuple[int, int]) -> str | None:
    """The indicator of the nearest earlier figure of the sentence or the one before (`previous`) for a
    figure whose measure names no thing ("оборот составил 44,1 млн рублей, … индекс физического
    объема составил 99%", "…3785,2 млн руб. Темп роста к уровню 2015 года составит 118,8%")."""
    if not thingless(f.measure):
        return None
    earlier = [g for g in facts if previous[0] <= g.char_start < f.char_start and g.indicator]
    return earlier[-1].indicator if earlier else None


def restated_indicator(f: FigureFact, facts: list[FigureFact], bounds: tuple[int, int]) -> str | None:
    """The indicator of the sentence's earlier figure with the same measure, whose unit fits the
    figure's ("Объем работ … по виду деятельности "Строительство" … составил 656,3 млрд.рублей, …, в
    январе-августе 2017г. - 3742,4 млрд. рублей": the same construction volume)."""
    from pipeline.extract.indicators import catalog, fits_unit

    if not f.measure:
        return None
    earlier = [
        g for g in facts
        if bounds[0] <= g.char_start < f.char_start and g.measure == f.measure and g.indicator
        and fits_unit(catalog()[g.indicator], f.unit)
    ]  # fmt: skip
    return earlier[-1].indicator if earlier else None


def thingless(measure: str | None) -> bool:
    """A measure of nothing named: frames, changes and indexes only ("индекс физического объема",
    "темп роста", "значение показателя")."""
    from pipeline.nlp.morph import parses

    words = (measure or "").split()
    nouns = [w for w in words if parses(w)[0].tag.POS == "NOUN" or w.isupper()]
    # a word after the last noun stands for a thing: "число трудоустроенных"
    return bool(nouns) and words[-1] == nouns[-1] and all(_lemma(w) in _THINGLESS for w in nouns)


def normal_measure(phrase: str | None) -> str | None:
    """One spelling per measure: a change noun at its head dropped ("рост экспорта" → "экспорт"),
    the head noun group in the nominative, one space, lower case unless it starts with a proper
    name or an abbreviation ("ВРП"), and without the places it names ("экспорт Курской области" →
    "экспорт": the territory is the subject); a place alone is no measure."""
    if not phrase:
        return phrase
    from pipeline.nlp.morph import nominative

    framed = _without_frame([w for w in phrase.split() if w != "."])  # "г ." of tokens
    phrase = _without_change_head(framed)
    if phrase != " ".join(framed):  # "рост оценки оборота": a frame after the change noun
        phrase = " ".join(_without_frame(phrase.split()))
    if not phrase or is_bare(phrase) or is_unit_word(phrase.split()[0]):
        return None  # "число", "доля" alone say nothing, nor does a unit ("тыс. руб.")
    if not phrase.split()[0][:2].isupper():  # an abbreviation heads it: "ВРП" stays as written
        phrase = nominative(phrase)
        first = phrase.split()[0]
        if not (first[:2].isupper() or _latin_name(first) or _proper_name(first)):
            phrase = phrase[:1].lower() + phrase[1:]
    return one_spelling(_without_places(phrase))


def _latin_name(word: str) -> bool:
    """A capitalized word in Latin letters: a name as written ("Microsoft")."""
    return word[:1].isupper() and bool(lexicon.LATIN_LETTER.match(word))


def _proper_name(word: str) -> bool:
    from pipeline.nlp.morph import parses

    return bool(lexicon.PROPER_NAME_GRAMMEMES & set(parses(word)[0].tag.grammemes))


def one_spelling(phrase: str | None) -> str | None:
    """ "объём" as "объем": a measure is spelled one way, whichever step built it."""
    return phrase.replace("ё", "е").replace("Ё", "Е") if phrase else phrase


def _leading_adjective(word: str) -> bool:
    """An adjective of the whole ("общий"), one that judges the level ("высокая доля",
    `lexicon.EVALUATIVE_ADJECTIVES`) or of a ranking (`lexicon.RANKING_ADJECTIVES`, whose lemma is the
    positive degree's: "наибольший" → "больший", so compared in the masculine nominative)."""
    from pipeline.nlp.morph import inflect, parses

    if _lemma(word) in _TOTAL or _lemma(word) in _EVALUATIVE:
        return True
    top = parses(word)[0]
    masculine = inflect(top, {"masc", "sing", "nomn"}) if "Supr" in top.tag else None
    return masculine is not None and masculine.word in _RANKING


def _without_frame(words: list[str]) -> list[str]:
    """Without leading pronouns, adjectives of the whole or of a ranking ("данный показатель", "общий
    объем платных услуг", "наибольший объем продукции"), a framing head before a genitive ("показатель
    расходов бюджета" → "расходов бюджета") or a frame of a change ("величина прироста фонда" →
    "прироста фонда"); "количество" as "число"."""
    from pipeline.nlp.morph import parses

    k = 0
    while k < len(words) - 1 and (_leading_adjective(words[k]) or "Apro" in parses(words[k])[0].tag):
        k += 1
    words = words[k:]
    while len(words) > 1 and _frames_genitive(words[0], words[1]):
        words = words[1:]  # "прогноз показателей среднемесячной заработной платы": frames in a row
    k = 0
    while k < len(words) - 2 and (_adjectives(words[k]) or parses(words[k])[0].tag.POS == "PRTF"):
        k += 1
    if k < len(words) - 2 and _lemma(words[k]) in _FRAME_HEADS and _lemma(words[k + 1]) in _CHANGE_HEADS:
        words = words[k + 1 :]  # "ожидаемая величина прироста фонда оплаты труда": the change of the fund
    if words and _lemma(words[0]) in _COUNT_SPELLINGS:
        words = [_COUNT_HEAD, *words[1:]]
    return words


def _frames_genitive(head: str, word: str) -> bool:
    """A framing or estimating head before the genitive it frames ("показатель расходов", "оценка
    оборота"), not a valuation ("оценка стоимости")."""
    from pipeline.nlp.morph import parses

    estimate = _lemma(head) in _ESTIMATES and _lemma(word) != lexicon.WORTH_NOUN
    return (_lemma(head) in _FRAMING or estimate) and _any_genitive(parses(word))


def is_unit_word(word: str) -> bool:
    """A scale or unit word ("тыс.", "руб.", "га"); a percentage may head a measure ("процент износа")."""
    from pipeline.extract.numbers import scale_of, unit_of

    abbreviation = lexicon.key(word) in lexicon.COUNTED_ABBRS  # "чел."
    return abbreviation or scale_of(word) is not None or unit_of(word) not in {None, "PERCENT"}


def _without_places(phrase: str) -> str | None:
    """ "экспорт Курской области" → "экспорт", "импорт России из Китая машин" → "импорт машин",
    "ВРП региона" → "ВРП"; None when a place heads the phrase."""
    from pipeline.extract.territories import find_territories
    from pipeline.nlp.morph import lemma

    original, spans = phrase, find_territories(phrase)
    heads = spans and not phrase[: spans[0].start].strip() and not _adjectives(spans[0].text)
    noun = next((w for w in phrase.split() if not _adjectives(w)), phrase.split()[0])
    if heads or lemma(noun) in lexicon.PLACE_NOUNS:
        return (
            None  # "Москва", "области", "томский район" (an adjective "российский экспорт" is only dropped)
        )
    for span in reversed(spans):
        lead = _PLACE_LEAD.sub("", phrase[: span.start])
        phrase = lead + phrase[span.end :]
    words = phrase.split()
    while len(words) > 1 and lemma(words[-1].strip(",;")) in lexicon.PLACE_NOUNS:
        words.pop()
        while len(words) > 1 and _adjectives(words[-1]):
            words.pop()  # "численность населения Солигаличского муниципального района"
    while len(words) > 1 and _lemma(words[-1]) in _LINKING:
        words.pop()  # "объем экспорта в": a preposition or conjunction cut from its noun
    words = _without_dangling(words)
    out = " ".join(words).strip(" ,;:–—-")
    return out if out and not is_bare(out) else _share_of_place(original, spans)


def names_agent(phrase: str | None) -> bool:
    """The phrase names only who acts: an organization noun or name or a person, with names after it
    ("правительство", "консорциум ААР", "Роснефть", "Путин"), no thing of its own. Such a measure is a
    step of the rules ("на его долю приходится 25%" → "доля комбината"), never a final one."""
    from pipeline.nlp.morph import parses

    words = _NAME_OR_WORD.findall(phrase or "")
    if not words:
        return False
    head = parses(words[0])[0]
    agent = head.normal_form in _AGENTS or "Orgn" in head.tag or bool(_PERSON & set(head.tag.grammemes))
    return (agent or _latin_name(words[0])) and all(w[:1].isupper() for w in words[1:])


_AGENTS = frozenset((*lexicon.AGENT_NOUNS, *lexicon.PERSON_ACTOR_NOUNS))
_NAME_OR_WORD = re.compile(r"[А-Яа-яЁёA-Za-z][А-Яа-яЁёA-Za-z0-9.!&-]*")  # "Mail.Ru", "Yahoo!"


def names_person(phrase: str | None, one: bool = False) -> bool:
    """The phrase's head (its first noun in the nominative) is a person or people ("экс-президент",
    "юный наследник", "житель"; not "призовые победителя"): who acts, never what money measures;
    `one`: a single person ("экс-министр"), never what a percentage is a part of either."""
    from pipeline.nlp.morph import parses

    for word in _NAME_OR_WORD.findall(phrase or ""):
        top = parses(word)[0]
        if top.tag.POS == "NOUN" and top.tag.case == "nomn":
            return "anim" in top.tag and (not one or top.tag.number == "sing")
    return False


def names_subject(measure: str | None, subject: str | None) -> bool:
    """The measure only names the place or organization the figure is about, a name ("Дальний Восток:
    23 и 27 процентов …" had the measure "дальний Восток"): no measure."""
    if not measure or not subject or measure.lower() != subject.lower():
        return False
    return any(w[:1].isupper() for w in measure.split())


def acts(phrase: str | None) -> bool:
    """Who acts: an agent's name (`names_agent`) or a group an agent noun heads ("руководство вуза")."""
    from pipeline.nlp.morph import parses

    words = _WORD.findall(phrase or "")
    return bool(words) and (names_agent(phrase) or parses(words[0])[0].normal_form in _AGENTS)


def _share_of_place(phrase: str, spans: list) -> str | None:
    """ "доля Украины" when nothing but a foreign country says whose share it is: the share of a
    partner country (in a region's exports) is a measure of its own; a Russian place's share ("на
    долю Курской области") is the share of the figure's subject."""
    part = _foreign_part(phrase, spans)
    return phrase[: part.end] if part else None


def partner_share(measure: str | None) -> bool:
    """A share whose part is a foreign country ("доля Украины в экспорте …"): a partner's share."""
    from pipeline.extract.territories import find_territories

    return bool(measure) and _foreign_part(measure, find_territories(measure)) is not None


def _foreign_part(phrase: str, spans: list):
    """The foreign country right after a share's head ("доля Украины …"), else None."""
    first = phrase.split(maxsplit=1)[0]
    if not spans or _lemma(first) != _SHARE_HEAD or phrase[len(first) : spans[0].start].strip():
        return None
    place = spans[0].territory
    return spans[0] if place.type == "country" and place.code != lexicon.HOME_COUNTRY else None


def _of_person(words: list[str]) -> bool:
    """A share a person or a company named in Latin letters holds ("доля Павла Дурова", "доля
    Mail.ru Group"): a stake, no indicator of the words around it."""
    from pipeline.nlp.morph import parses

    return any(
        w[:1].isupper() and (_PERSON & parses(w)[0].tag.grammemes or lexicon.LATIN_LETTER.match(w))
        for w in words[1:]
    )


_PERSON = lexicon.PERSON_NAME_GRAMMEMES


def _without_partitive(words: list[str]) -> list[str]:
    """Without a trailing "одной" ("акций одной" из крупнейших компаний): the word that opens a
    partitive "one of", not a modifier of the words before it."""
    return words[:-1] if len(words) > 1 and _lemma(words[-1]) == _ONE else words


_ONE = "один"
_OWNERSHIP = frozenset(lexicon.OWNERSHIP_NOUNS)


def _without_dangling(words: list[str]) -> list[str]:
    """Without adjectives cut from their noun at the end ("численность постоянного населения
    Солигаличского муниципального" → "численность постоянного населения"): two or more, or a
    name's; one alone may stand for people ("численность занятых") and stays."""
    k = len(words)
    while k > 1 and _adjectives(words[k - 1]):
        k -= 1
    run = words[k:]
    cut = len(run) > 1 or any(w[:1].isupper() for w in run)
    return words[:k] if run and cut and not is_bare(" ".join(words[:k])) else words


def _adjectives(words: str) -> bool:
    from pipeline.nlp.morph import parses

    return all(parses(w)[0].tag.POS == "ADJF" for w in words.split())


def abbreviation_only(measure: str | None) -> bool:
    """One lowercase abbreviation that does not decline ("пр." of "и пр.", "др.", "ул."): no measure."""
    from pipeline.nlp.morph import parses

    words = (measure or "").split()
    return (
        len(words) == 1
        and words[0].islower()
        and all({"Abbr", "Fixd"} <= set(p.tag.grammemes) for p in parses(words[0]))
    )


def is_bare(phrase: str | None) -> bool:
    """A measure that says nothing: one uninformative word ("число", "доля", "уровень", "объём",
    "прирост"), with adjectives only ("высокая доля"), or a time ("август", "число годов")."""
    from pipeline.nlp.morph import lemma

    words = (phrase or "").split()
    if len(words) == 1 and lemma(words[0]) in _EMPTY_HEADS:
        return True
    if len(words) > 1 and lemma(words[-1]) in _FRAMES and all(_adjectives(w) for w in words[:-1]):
        return True  # "высокая доля", "общероссийский показатель": a frame with adjectives only
    return bool(words) and lemma(words[-1]) in _TIMES and (len(words) == 1 or lemma(words[0]) == _COUNT_HEAD)


def share_measure(text: str, f: FigureFact) -> str | None:
    """A share followed by what it is a share of: "57% бизнесменов" → "доля бизнесменов",
    "около 20% отечественного сырья" → "доля отечественного сырья"."""
    if f.kind != "share" or f.unit != "PERCENT":
        return None
    from pipeline.extract.indicators import abbreviated_indicator
    from pipeline.nlp.morph import parses

    whole = _OF_ALL.match(text, f.char_end)  # "42% из всех опрошенных"
    words = _genitives(text, whole.end() if whole else f.char_end)
    words = [w for w in words if _lemma(w) not in _TOTAL]  # "80% всего экспорта": of the export
    words = _without_dangling(_without_partitive(words))  # "50 % акций одной из … компаний"
    nouns = [w for w in words if parses(w)[0].tag.POS == "NOUN" or abbreviated_indicator(w)]
    nouns = nouns or [w for w in words[-1:] if names_people(w)]
    if not nouns:
        return None
    return _share_in(f.measure, words) or " ".join([_SHARE_HEAD, *words])


def names_deal(measure: str | None) -> bool:
    """The measure is a deal's price, worth or valuation ("цена продажи", "стоимость сделки", "оценка
    стоимости": `figures.frames`)."""
    words = (measure or "").split()
    priced = len(words) > 1 and _lemma(words[0]) in _DEAL_WORTH and _lemma(words[1]) in _DEALS
    return priced or (measure or "").startswith(lexicon.VALUATION_MEASURE)  # "оценка стоимости сервиса"


_DEALS = frozenset((*lexicon.TRANSACTIONS.values(), *lexicon.VALUED_DEALS))
_DEAL_WORTH = frozenset((lexicon.PRICE_NOUN, lexicon.WORTH_NOUN))


def names_stake(measure: str | None) -> bool:
    """The measure is a stake: a share of stock or capital, or one a person or a company named in
    Latin letters holds ("доля акций", "доля в капитале", "доля Mail.ru Group"). It takes no indicator,
    not even its company's ("доля акционеров NYSE Euronext в объединенной компании")."""
    words = (measure or "").split()
    return names_share(measure) and bool(_first_noun(words[1:]) & _OWNERSHIP or _of_person(words))


def _first_noun(words: list[str]) -> set[str]:
    """The noun lemmas of the first noun of `words` ("в уставном капитале" → {"капитал", …})."""
    from pipeline.nlp.morph import parses

    for w in words:
        found = parses(w)
        if found[0].tag.POS == "NOUN":
            return {p.normal_form for p in found if p.tag.POS == "NOUN"}
    return set()


def names_share(measure: str | None) -> bool:
    """The measure is a share of something ("доля несырьевого экспорта", "удельный вес налога")."""
    return _headed_by(measure, _SHARE_LEMMAS)


def names_index(measure: str | None) -> bool:
    """The measure is an index number ("индекс потребительских цен", "индекс производства мебели")."""
    return _headed_by(measure, _INDEX_HEADS)


def _headed_by(measure: str | None, heads: set[str]) -> bool:
    """The measure has more than one word and its first word's lemma is one of `heads`."""
    words = (measure or "").split()
    return len(words) > 1 and _lemma(words[0]) in heads


def _share_in(measure: str | None, whole: list[str]) -> str | None:
    """A share named already keeps its part, in the whole after the figure: "на долю трех групп
    приходится 74,5% экспорта" → "доля трех групп в экспорте"."""
    if not measure or _lemma(measure.split()[0]) not in _SHARE_LEMMAS or " в " in measure:
        return None
    if _lemmas(whole) & _lemmas(measure.split()[1:]):
        return None  # "высокая доля лиц пожилого возраста (23,0% лиц старше …)": the part itself
    return f"{measure} в {locative(' '.join(whole))}"


def locative(phrase: str) -> str:
    """A genitive noun group in the locative, its head only ("экспорта услуг" → "экспорте услуг")."""
    from pipeline.nlp.morph import inflect, is_abbreviation, parses

    out, done = [], False
    words = phrase.split()
    for i, word in enumerate(words):
        tags = parses(word) if word[:1].isalpha() and not is_abbreviation(word) else ()  # "ВВП" stays
        adjective = [p for p in tags if p.tag.POS in {"ADJF", "PRTF"} and p.tag.case == "gent"]
        if i + 1 < len(words) and adjective:
            tags = adjective  # "посевных площадей": an adjective before its noun, not "посевная"
        form = None if done else next((inflect(p, {"loct"}) for p in tags if p.tag.case == "gent"), None)
        done = done or bool(tags and tags[0].tag.POS == "NOUN")
        out.append(form.word if form is not None else word)
    return " ".join(out)


def names_people(word: str) -> bool:
    """ "опрошенных", "занятых": a plural participle or adjective that stands for the people it names."""
    from pipeline.nlp.morph import parses

    tag = parses(word)[0].tag
    return tag.POS in {"PRTF", "ADJF"} and tag.number == "plur"


def count_measure(text: str, f: FigureFact) -> str | None:
    """A count measures the number of what it counts: "более 1300 индустриальных кластеров" →
    "число индустриальных кластеров", "в 35 субъектах" → "число субъектов"."""
    if f.unit != "COUNT" or not f.counted:
        return None
    from pipeline.nlp.morph import inflect, parses

    if f.counted in lexicon.GENERIC_COUNTED:
        return _done_to(text, f)  # "76,9 млн. человек" names nobody; "число людей" says nothing
    words = []
    quote = text[f.char_start : f.char_end]
    number = re.search(r"\d", quote)  # the words after it: a qualifier before it counts nothing ("порядка")
    for word in re.findall(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*", quote[number.start() if number else 0 :]):
        top = parses(word)[0]
        if words and word.lower() in _JOINING:
            words.append(word.lower())
        elif len(word) > 1 and word.isupper():
            words.append(word)  # an abbreviation: "27 пилотных ИТК"
        elif top.tag.POS in {"NOUN", "ADJF", "PRTF"} and top.normal_form not in _NOT_COUNTED_WORDS:
            plural = inflect(top, {"gent", "plur"})
            words.append(plural.word if plural else word.lower())
    phrase = " ".join([_COUNT_HEAD, *words]) if words else None
    if is_bare(phrase):
        return None
    tail = _genitives_after(text, f.char_end) or _abbreviation_after(text, f.char_end)
    return (_without_places(" ".join([phrase, *tail])) if tail else None) or phrase


_ABBREVIATION_AFTER = re.compile(r"[ \t]+([А-ЯЁ]{2,}(?:[ \t]+[А-ЯЁ]{2,})*)(?![А-Яа-яЁё])")  # "субъектов МСП"


def _abbreviation_after(text: str, end: int) -> list[str]:
    """An abbreviation right after a counted noun, its genitive ("2860 - 2870 субъектов МСП" →
    "число субъектов МСП"; a place's, "субъектов РФ", is left out as places are)."""
    found = _ABBREVIATION_AFTER.match(text, end)
    return [found.group(1)] if found else []


def _done_to(text: str, f: FigureFact) -> str | None:
    """ "трудоустроено 342 человека" → "число трудоустроенных": the people a short passive
    participle right before the count says were acted on."""
    from pipeline.nlp.morph import inflect, parses

    before = _WORD.findall(text[max(0, f.char_start - _SHARE_REACH) : f.char_start])
    done = [p for p in parses(before[-1]) if p.tag.POS == "PRTS" and "pssv" in p.tag] if before else []
    if not done:
        return None  # "занято" is as much a participle ("занять") as a short adjective
    form = inflect(done[0], {"PRTF", "plur", "gent"})
    return f"{_COUNT_HEAD} {form.word}" if form is not None else None


def _genitives_after(text: str, end: int) -> list[str]:
    """The genitive group right after a counted noun ("159 предприятий общественного питания",
    "2803 субъекта малого предпринимательства"), joined by "и"/"или", ending with a noun."""
    from pipeline.nlp.morph import parses

    words = _genitives(text, end, joined=True)
    while words and (words[-1] in _JOINING or parses(words[-1])[0].tag.POS != "NOUN"):
        words.pop()  # "бизнес-инкубаторов инновационных и высоких техноло-": no noun after them
    return words


def _genitives(text: str, end: int, joined: bool = False) -> list[str]:
    """The lower-case genitive words right after `end` (at most `_SHARE_WORDS`, within
    `_SHARE_REACH`): "57% бизнесменов", "20% отечественного сырья"; `joined`: also "и"/"или" between
    them. A noun by its best parse ("в 35 субъектах цены снизились": no genitive), never a time nor
    the relative pronoun ("100% акций которого находится …": a clause of its own); an abbreviated
    indicator alone ("43 % ВВП")."""
    from pipeline.extract.indicators import abbreviated_indicator
    from pipeline.nlp.morph import parses

    words: list[str] = []
    for m in _WORD.finditer(text, end, end + _SHARE_REACH):
        if not words and abbreviated_indicator(m.group()) and not text[end : m.start()].strip():
            return [m.group()]  # "43 % ВВП"
        if text[end : m.start()].strip() or len(words) == _SHARE_WORDS or m.group()[:1].isupper():
            break
        joins = joined and m.group().lower() in _JOINING and bool(words)
        if len(m.group()) == 1 and not joins:
            break  # an abbreviation: "(4,3 % г/г)"
        tags = parses(m.group())
        top = tags[0].tag
        genitive = top.case == "gent" if top.POS == "NOUN" else top.POS in _NOMINAL and _any_genitive(tags)
        if joins:
            words.append(m.group().lower())
        elif (
            genitive and tags[0].normal_form not in _TIMES and tags[0].normal_form != lexicon.RELATIVE_PRONOUN
        ):
            words.append(m.group())
        else:
            break
        end = m.end()
    return words


def lead_measure(text: str, f: FigureFact, bounds: tuple[int, int]) -> str | None:
    """A figure that names no measure, attached to a change noun of its clause: the noun group the
    change noun governs ("ускорение темпов экономического роста до 3,1%" → "темпы экономического
    роста", "рост заработной платы … темпами 105,0%" → "заработная плата", "увеличение количества
    тренеров до 26 человек" → "число тренеров"), or after the figure when it follows "<change noun>
    на" ("сокращение на 72,7 процента числа погибших" → "число погибших"). No predicate may stand
    between them ("рост цен замедлился, а тарифы выросли на 5%": the figure has a subject of its own)."""
    if f.measure:
        return f.measure
    from pipeline.nlp.morph import parses

    changed = _CHANGE_BY.search(text, max(bounds[0], f.char_start - _CHANGE_BY_REACH), f.char_start)
    if changed and is_change_noun(changed.group(1)) and (after := _genitives(text, f.char_end)):
        return normal_measure(" ".join(after))  # "сокращение на 72,7 процента числа погибших"
    start = max([bounds[0], *(m.end() for m in _CLAUSE_START.finditer(text, bounds[0], f.char_start))])
    words = [m.group() for m in _WORD.finditer(text, start, f.char_start)]
    ends = [m.end() for m in _WORD.finditer(text, start, f.char_start)]
    for k in range(len(words) - 1, -1, -1):
        if parses(words[k])[0].tag.POS in _PREDICATES:
            return None
        group = _genitives_after(text, ends[k]) if is_change_noun(words[k]) else []
        if not group:
            continue
        if _own_subject(words[k + 1 + len(group) :]):
            return None  # "На фоне снижения цен реальные доходы населения – 95%": the incomes
        head = k
        while head and is_change_noun(words[head - 1]) and _any_genitive(parses(words[head])):
            head -= 1  # "ускорение темпов роста производства": the chain from its first change noun
        chain = words[head : k + 1]
        rate = next((j for j, w in enumerate(chain) if _lemma(w) == _RATE_HEAD), len(chain))
        return normal_measure(" ".join([*chain[rate:], *group]))  # "темпы роста" stays a rate
    return None


_CHANGE_BY = re.compile(r"([А-Яа-яЁё]+)\s+на\s+$")  # "сокращение на" right before the figure
_CHANGE_BY_REACH = 40
_GROUP_POS = lexicon.NOUN_GROUP_POS
_IN = frozenset(lexicon.IN_PREPOSITIONS)


def branch_measure(text: str, f: FigureFact, bounds: tuple[int, int]) -> str | None:
    """A change that names no measure, in a clause opening with "в" and an activity the catalog names
    as a branch or a product's output ("в производстве прочих готовых изделий на 10,0%", "В
    обрабатывающих производствах ожидается рост на 3,2%", "в производстве бумаги … в 1,9 раза"): that
    activity's change (not a place's: "в Курской области рост на 3%" names none)."""
    if not (f.kind == "change" or f.unit == "TIMES") or f.measure and not thingless(f.measure):
        return f.measure
    from pipeline.extract.indicators import find_indicator, words_of
    from pipeline.nlp.morph import nominative, parses

    start = max([bounds[0], *(m.end() for m in _CLAUSE_START.finditer(text, bounds[0], f.char_start))])
    words = [m.group() for m in _WORD.finditer(text, start, f.char_start)]
    if not words or words[0].lower() not in _IN:
        return f.measure
    group = list(takewhile(lambda w: w == "и" or parses(w)[0].tag.POS in _GROUP_POS, words[1:]))
    while group and group[-1] == "и":
        group.pop()
    if not group or "loct" not in parses(group[0])[0].tag and "loct" not in parses(group[-1])[0].tag:
        return f.measure
    phrase = nominative(" ".join(group)).lower()
    found = find_indicator(words_of(phrase), f.unit)
    leading = len(list(takewhile(lambda w: parses(w)[0].tag.POS != "NOUN", group)))
    named = found is not None and found.start <= leading  # "металлургическом производстве"
    return phrase if named and (found.indicator.breakdown or found.indicator.of_products) else f.measure


def _own_subject(words: list[str]) -> bool:
    """A noun in the nominative outside a prepositional phrase ("цен на топливо расходы предприятий"):
    a subject of the figure's own, which the change noun before it does not govern."""
    from pipeline.nlp.morph import parses

    after_preposition = False
    for word in words:
        top = parses(word)[0].tag
        if top.POS == "PREP":
            after_preposition = True
        elif top.POS == "NOUN":
            if top.case == "nomn" and not after_preposition:
                return True
            after_preposition = False
    return False


def is_change_noun(word: str) -> bool:
    """A change noun by the word's first reading ("рост", "снижения": `lexicon.CHANGE_NOUNS`)."""
    from pipeline.nlp.morph import parses

    top = parses(word)[0]
    return top.tag.POS == "NOUN" and top.normal_form in _CHANGE_NOUNS


def repeated_head(
    f: FigureFact, facts: list[FigureFact], sentence: tuple[int, int], since: int
) -> str | None:
    """A measure that is a bare head (`lexicon.ELLIPTIC_HEADS`) opening its sentence's figures
    repeats the measure of the last figure of the sentence before (from `since`) when the same head
    opens it with its words: "внешнеторговый оборот области составил 293 млн долларов. … оборот
    превысил прошлогодний результат на 47,2%" → "внешнеторговый оборот" (the items of one list
    name different things: "обрабатывающие производства – …; производство … электроэнергии – …")."""
    from pipeline.nlp.morph import parses

    if not f.measure or " " in f.measure or _lemma(f.measure) not in lexicon.ELLIPTIC_HEADS:
        return f.measure
    earlier = [
        g for g in facts if since <= g.char_start < f.char_start and g.measure and g.measure != f.measure
    ]
    if not earlier or earlier[-1].char_start >= sentence[0]:
        return f.measure
    words = earlier[-1].measure.split()
    head = next((w for w in words if parses(w)[0].tag.POS == "NOUN"), None)
    repeated = len(words) > 1 and head is not None and _lemma(head) == _lemma(f.measure)
    return earlier[-1].measure if repeated else f.measure


def quantity_measure(f: FigureFact) -> str | None:
    """A number of days, an area or a power measures the time, the surface or the capacity of the
    thing its measure names (`lexicon.QUANTITY_HEADS`): "регистрация права собственности (7 дней)" →
    "срок регистрации права собственности", "Территория парка (103 Га)" → "площадь территории
    парка"; kept when its head noun already names a quantity, a rate, a change or an action
    ("посевные площади", "обеспеченность жильем", "ввод жилья")."""
    quantity = lexicon.QUANTITY_HEADS.get(lexicon.unit_kind(f.unit) or "")
    if not f.measure or quantity is None:
        return f.measure
    from pipeline.nlp.morph import inflect, parses

    words = f.measure.split()
    out = []
    for i, word in enumerate(words):
        form = next((inflect(p, {"gent"}) for p in parses(word) if p.tag.case == "nomn"), None)
        if form is None:
            break
        out.append(form.word)
        if parses(word)[0].tag.POS == "NOUN":
            head = words[: i + 2]  # "посевные площади": "посевные" may be read as a noun
            named = any(p.normal_form in _QUANTITY_NAMED for w in head for p in parses(w))
            return f.measure if named else " ".join([quantity, *out, *words[i + 1 :]])
    return f.measure


_QUANTITY_NAMED = frozenset(
    {
        *lexicon.QUANTITY_HEADS.values(), *lexicon.DURATION_HEADS, *lexicon.PROPERTY_NOUNS,
        *lexicon.BARE_MEASURES, *lexicon.RATE_NOUNS, *lexicon.CHANGE_NOUNS, *lexicon.INSTRUMENTAL_HEADS,
        *lexicon.ACTION_NOUNS.values(), *lexicon.STOCK_NOUNS,
    }
)  # fmt: skip


def _without_change_head(words: list[str]) -> str:
    """ "рост российского экспорта" → "российского экспорта", "положительная динамика индекса
    производства" → "индекса производства", "ежегодный прирост объемов производства" → "объемов
    производства", "значительное снижение цен" → "цен": the change or course is the figure's kind
    (`lexicon.DEGREE_ADJECTIVES` say its size); a rate ("темп роста экспорта") or an average change
    ("среднегодовой рост импорта") is a measure of its own and stays whole."""
    from pipeline.nlp.morph import lemma

    lemmas = [lemma(w) for w in words]
    k = 0
    while k < len(words) - 1 and _adjectives(words[k]):
        k += 1  # "положительная динамика": before a course; "ежегодный прирост": a recurring change
    recurring = (
        0 < k < len(words) - 1 and set(lemmas[:k]) <= _PERIODIC | _DEGREES and lemmas[k] in _CHANGE_HEADS
    )
    k = k if k < len(words) - 1 and (lemmas[k] in _TRENDS or recurring) else 0
    while k < len(words) - 1 and lemmas[k] in _CHANGE_HEADS:
        k += 1
    return " ".join(words[k:])


def _indicator(f: FigureFact, sentence: str = "") -> str | None:
    """The catalog id the measure (or the counted noun) names; a share of people or companies
    whose sentence reports what they said ("11% компаний положительно оценили ...") is a survey."""
    from pipeline.extract.indicators import match_indicator

    unit = None if f.unit == "COUNT" else f.unit
    words = (f.measure or "").split()
    share, found = _share_indicator(words, unit)
    counts = f.unit == "COUNT" and words[:1] == [_COUNT_HEAD]
    if counts:
        found = _count_indicator(words)
    elif not share:
        found = match_indicator(words, unit) if words else None
    if found is None and f.counted and not counts:
        found = match_indicator([*words, f.counted], unit)
    of_agents = (
        f.unit == "PERCENT" and words[:1] == [_SHARE_HEAD] and (found is None or found.units == {"count"})
    )
    if of_agents and _SURVEY & {_lemma(w) for w in _WORD.findall(sentence)}:
        return _SURVEY_INDICATOR
    return found.id if found is not None else None


def _count_indicator(words: list[str]):
    """The indicator of "число X ...": one whose catalog match starts at or before X, not in the
    genitives after it ("число основных направлений миграции" counts no migrants)."""
    from pipeline.extract.indicators import find_indicator

    found = find_indicator(words, None)
    head = next((k for k, w in enumerate(words) if k and _is_head_noun(w)), None)
    return None if found is None or head is not None and found.start > head else found.indicator


def _any_genitive(tags) -> bool:
    return any(p.tag.case == "gent" for p in tags if p.tag.POS in _NOMINAL)


def _spelled_out(text: str, f: FigureFact, bounds: tuple[int, int]) -> str | None:
    """A specific indicator the figure's sentence names, before it, in a longer spelling of the
    figure's measure ("Объем инвестиций в основной капитал … снизился на 32,4% и составил 1453,6 млн
    руб.": the second figure's "объем инвестиций" is the investment in fixed capital; "Ввод в
    эксплуатацию жилых домов составит … в 2020 году – 42,2 тыс. кв. метров": "ввод" is housing)."""
    from pipeline.extract.indicators import find_indicators
    from pipeline.extract.lemmas import words as lemma_words

    lead = text[bounds[0] : f.char_start]
    located = lemma_words(lead)
    words = [w.text for w in located]
    measure = (f.measure or "").split()
    head = next((k for k, w in enumerate(measure) if _is_head_noun(w)), None)
    unit = None if f.unit == "COUNT" else f.unit
    # a longer spelling has all the measure's words from its head on: "производства мяса" is not
    # "производство мясных полуфабрикатов"
    found = [
        m
        for m in find_indicators(words, unit)
        if not m.indicator.generic
        and head is not None
        and _lemmas(measure[head:]) <= _lemmas(words[m.start : m.end])
    ]
    # headed by the measure's own noun: "индекс промышленного производства" spells out no "производство";
    # then a branch or source is the measure's own ("производство в обрабатывающей промышленности"),
    # unless it names another item ("средства бюджетов – 34,1%, заемные средства – 4,7%")
    spelled = [
        m
        for m in found
        if _lemma(words[m.start]) == _lemma(measure[head])
        and not _OTHER_ITEM.match(lead[located[m.end - 1].end :])
    ]
    return spelled[-1].indicator.id if spelled else None


def _is_generic(indicator: str) -> bool:
    from pipeline.extract.indicators import catalog

    return catalog()[indicator].generic


def _is_breakdown(indicator: str) -> bool:
    from pipeline.extract.indicators import catalog

    return catalog()[indicator].breakdown


def _list_whole(text: str, f: FigureFact, bounds: tuple[int, int], own: str | None) -> str | None:
    """The indicator a list's head names ("По видам экономической деятельности объем инвестиций в
    основной капитал оценивается следующим образом:") for an item "NP – figure" whose own indicator
    (`own`) is none or a branch or product ("- сельское хозяйство – 500,0 тыс. руб.;"): the item is
    a part of the head's whole. Not a head naming a branch or product itself, nor production when
    the item names its product ("Производство продукции: зерна – 1150 тонн"), nor a count of
    something for a figure that counts nothing ("увеличение отгрузки у предприятий: - АО … - на 78,9 %")."""
    from pipeline.extract.indicators import find_indicator, words_of

    head = list_head(text, f, bounds)
    found = find_indicator(words_of(head), None if f.unit == "COUNT" else f.unit) if head else None
    if found is None or found.indicator.breakdown or own and found.indicator.of_products:
        return None
    counts_only = found.indicator.units == {"count"} and f.unit != "COUNT"
    return None if counts_only else found.indicator.id


def list_item_measure(text: str, f: FigureFact, bounds: tuple[int, int], lead: str | None) -> str | None:
    """An item "NP – figure" of a list whose head (its opening noun group `lead`) names the whole the
    item is a part of: the head's measure with the item ("Объем финансирования Программы составляет
    …, в том числе: средства областного бюджета – 238,9 млн рублей" → "объем финансирования
    Программы (средства областного бюджета)"); not an item naming a measure of its own ("индекс
    промышленного производства – 109%"), nor a share (a structure's parts: shares.py)."""
    item = text[max(text.rfind(c, 0, f.char_start) for c in "\n;:,") + 1 : f.char_start]
    if not f.measure or f.kind == "share" or not _ITEM_END.search(item):
        return f.measure
    own = _indicator(f)
    whole = _list_whole(text, f, bounds, own) if own is None or _is_breakdown(own) else None
    head = _whole_measure(f, lead) if whole else None
    if not head or _lemma(f.measure.split()[0]) not in _lemmas(_WORD.findall(_ITEM_END.sub("", item))):
        return f.measure  # the measure is no item's own noun group
    measure = f"{head} ({f.measure})"
    plain = f"{head} {f.measure}"
    # the head names the whole itself ("Инвестиции в основной капитал …" cut to "инвестиции" does not)
    return measure if _indicator(replace(f, measure=plain)) == whole else f.measure


def _whole_measure(f: FigureFact, lead: str | None) -> str | None:
    """The measure the head of the figure's list names (its opening noun group), unless it names all
    of the item already."""
    head = normal_measure(lead)
    return head if head and not _lemmas((f.measure or "").split()) <= _lemmas(head.split()) else None


def list_head(text: str, f: FigureFact, bounds: tuple[int, int]) -> str | None:
    """The last clause before the colon of the list whose item "NP – figure" the figure is: the
    colon in its sentence, or a line ending with ':' above item lines ending with ';'."""
    line = text.rfind("\n", 0, f.char_start) + 1
    if not _ITEM.search(_BULLET.sub("", text[max(line, bounds[0]) : f.char_start])):
        return None
    lead = text[bounds[0] : f.char_start]
    if ":" in lead:
        return _CLAUSE_END.split(lead.rsplit(":", 1)[0])[-1]
    above = lead_in_above(text, line, _ends_item, LIST_ITEM_LINES)
    return _CLAUSE_END.split(text[above[0] : above[1]].strip()[:-1])[-1] if above else None


def _ends_item(line: str) -> bool:
    """A line ending like an item of a list ("- сельское хозяйство – 500,0 тыс. руб.;")."""
    return line.strip().endswith(";")


def _share_indicator(words: list[str], unit: str | None) -> tuple[bool, object]:
    """ "доля X в Y" (whether the measure is a share, and its indicator): Y's indicator, unless X
    names a part of the same thing ("доля экспорта услуг в объеме экспорта" → services export);
    X's only when the catalog match starts at or before X's head noun ("доля привлеченных средств
    организаций" is no count of organizations)."""
    from pipeline.extract.indicators import find_indicator

    if not words or _lemma(words[0]) not in _SHARE_LEMMAS:
        return False, None
    named = find_indicator(words, unit)
    if named is not None and named.start == 0:
        return True, named.indicator  # the catalog names the share itself ("доля рынка")
    cut = next(
        (
            k
            for k in range(1, len(words) - 1)
            if words[k] == "в" and _of_place(words[k + 1 :]) and not doer_at(words, k - 1)
        ),
        None,
    )  # "доля занятых в частных предприятиях": where they work, no whole
    part_words = words[1:cut] if cut is not None else words[1:]
    part = find_indicator(part_words, unit)
    head = next(
        (k for k, w in enumerate(part_words) if _is_head_noun(w) or doer_at(part_words, k)),
        len(part_words) - 1 if part_words and names_people(part_words[-1]) else None,  # "доля занятых"
    )
    part = part if part is not None and head is not None and part.start <= head else None
    whole = find_indicator(words[cut + 1 :], unit) if cut is not None else None
    if whole is None and cut is not None and part is not None and part.indicator.units == {"count"}:
        return True, None  # "доля населения в полезном отпуске": people are no part of a volume
    of_part = _names_a_part(part, whole, part_words, words[cut + 1 :] if cut is not None else [])
    if whole is None or of_part:
        return True, part.indicator if part else None
    return True, whole.indicator


def doer_at(words: list[str], k: int) -> bool:
    """A participle standing for people, right before a "в"/"на" phrase of its own ("работающих в …",
    "занятых в …"), not one before its noun ("зарегистрированных компаний")."""
    from pipeline.nlp.morph import parses

    own = k + 1 < len(words) and words[k + 1].lower() in _LOCATIVES
    return own and any(p.tag.POS == "PRTF" and p.tag.number == "plur" for p in parses(words[k]))


def _names_a_part(
    part: IndicatorMatch | None, whole: IndicatorMatch | None, part_words: list[str], whole_words: list[str]
) -> bool:
    """X of "доля X в Y" names a part of Y's thing: the catalog makes X's indicator a part of Y's
    (`part_of`: "добычи полезных ископаемых в отгруженных товарах"), Y is what rates are per
    (`rate_base`: "рабочей силы в общей численности населения"), or they share a content word
    and X's catalog match is no shorter than Y's ("экономически активного населения" of "численности
    населения", "экспорта услуг" of "объеме экспорта"); a bare "производства пищевых продуктов" is no
    part of the more specific "обрабатывающих производствах", whose indicator the share keeps."""
    if part is not None and whole is not None and whole.indicator.id in part.indicator.part_of:
        return True
    if part is not None and whole is not None and whole.indicator.rate_base:
        return True
    if part is None or whole is None or not _whole_stems(whole_words, whole) & _stems(part_words):
        return False
    return part.end - part.start >= whole.end - whole.start


def _whole_stems(words: list[str], whole: IndicatorMatch) -> set[str]:
    """Stems of the words naming what a share's whole is of, bare measures left out: "численности
    населения" is of "населения", "общем объеме экспортных поставок" of "экспортных поставок"."""
    return _stems([w for w in words[whole.start : whole.end] if _lemma(w) not in lexicon.BARE_MEASURES])


def _is_head_noun(word: str) -> bool:
    from pipeline.nlp.morph import parses

    return parses(word)[0].tag.POS == "NOUN" and _lemma(word) not in lexicon.BARE_MEASURES


def _lemmas(words: list[str]) -> set[str]:
    return {_lemma(w) for w in words}


def _stem(word: str) -> str:
    """A lemma's first letters: "экспортных поставок" names the same thing as "экспорта"."""
    return _lemma(word)[:_STEM_LETTERS]


def _stems(words: list[str]) -> set[str]:
    return {_stem(w) for w in words}


def _of_place(words: list[str]) -> bool:
    """The words after "в" start a noun group in the locative ("в общем объеме", "в структуре") or
    an abbreviation, which has no case ("в ВРП")."""
    from pipeline.nlp.morph import is_abbreviation, parses

    for word in words:
        if is_abbreviation(word):
            return True
        top = parses(word)[0].tag
        if top.POS == "NOUN":
            return any(p.tag.POS == "NOUN" and p.tag.case == "loct" for p in parses(word))
        if top.POS not in {"ADJF", "PRTF"}:  # "в обрабатывающей промышленности"
            return False
    return False


def _lemma(word: str) -> str:
    from pipeline.nlp.morph import lemma

    return lemma(word)


def _lead_indicator(text: str, f: FigureFact, bounds: tuple[int, int], own: set[str]) -> str | None:
    """Unless the figure counts something of its own, the indicator named in the figure's clause
    before it ("Так, цены на капусту снизились на 42,6%" → price; "в структуре оборота розничной
    торговли доля непродовольственных товаров составила 51,6%" → retail turnover), specific catalog
    entries only, none of whose words are `own` (lemmas of a share's measure)."""
    from pipeline.extract.indicators import find_indicator, words_of

    lead = re.split(r"[;:]", text[bounds[0] : f.char_start])[-1]
    words = words_of(lead)[-_LEAD_WORDS:]
    if f.unit == "COUNT" and f.measure and len(f.measure.split()) > 1:
        # a count of something the catalog lacks ("число ярмарок") is not a neighbour's
        return _recounted(words, f.counted)
    found = find_indicator(words, None if f.unit == "COUNT" else f.unit)
    if found is None or found.indicator.generic or _lemmas(words[found.start : found.end]) & own:
        return None
    return None if _is_place(words, found) else found.indicator.id


def indicator_phrase(text: str, f: FigureFact, bounds: tuple[int, int]) -> str | None:
    """The measure of a figure left without one whose indicator the catalog phrase before it in its
    clause gave (`_lead_indicator`), when a change noun governs that phrase or follows it: the phrase
    in the nominative ("Наиболее стремительный рост среднемесячной заработной платы наблюдается в
    Камчатском крае — увеличение составило 38 тысяч рублей" → "среднемесячная заработная плата",
    "сокращение объемов импорта (более чем на 10%)" → "объемы импорта", "оборот ритейла показал
    рост на 18,3%" → "оборот ритейла")."""
    from pipeline.extract.indicators import find_indicator, words_of
    from pipeline.nlp.morph import is_modifier, nominative

    if f.measure or not f.indicator:
        return f.measure
    lead = re.split(r"[;:]", text[bounds[0] : f.char_start])[-1]
    words = words_of(lead)[-_LEAD_WORDS:]
    found = find_indicator(words, None if f.unit == "COUNT" else f.unit)
    if found is None or found.indicator.id != f.indicator or _is_place(words, found):
        return None
    start = found.start
    while start > 0 and (_lemma(words[start - 1]) in lexicon.FRAME_NOUNS or is_modifier(words[start - 1])):
        start -= 1  # "сокращение объемов китайского импорта"
    governed = start > 0 and _lemma(words[start - 1]) in lexicon.CHANGE_NOUNS
    shown = any(_lemma(w) in lexicon.CHANGE_NOUNS for w in words[found.end :])  # "X показал рост на"
    return normal_measure(nominative(" ".join(words[start : found.end]))) if governed or shown else None


def _recounted(words: list[str], counted: str | None) -> str | None:
    """The indicator of the last catalog phrase of `words` that names the counted noun again: a count
    repeats the things named before it ("реестр инвестиционных проектов … насчитывает 33 проекта",
    "расположено 14 торговых объектов, из них в 2016 году открыто 3 объекта")."""
    from pipeline.extract.indicators import find_indicators

    again = [
        m
        for m in find_indicators(words, None)
        if counted and not m.indicator.generic and _lemma(counted) in _lemmas(words[m.start : m.end])
    ]
    return again[-1].indicator.id if again else None


def _is_place(words: list[str], found: IndicatorMatch) -> bool:
    """A count of units after a locative preposition says where the figure is, not what it counts
    ("В организациях государственной формы собственности работает 5,8% от численности занятых",
    "на крупных предприятиях района трудится 24% работающих")."""
    from pipeline.nlp.morph import parses

    if found.indicator.units != {"count"}:
        return False
    k = found.start - 1
    while k >= 0 and (words[k].lower() in _JOINING or parses(words[k])[0].tag.POS in {"ADJF", "PRTF"}):
        k -= 1  # "в крупных и средних организациях"
    return k >= 0 and words[k].lower() in _LOCATIVES
