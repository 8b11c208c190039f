"""What an amount is, from the words that frame it in its clause (`lexicon` data):

- a rate named right before it after a preposition (`RATE_NOUNS`): "объявило аукцион на привлечение
  кредита под ставку 23,63%" → "ставка", "по льготной цене 45 рублей" → "льготная цена";
- a share whose phrase the percentage closes, after a preposition (`SHARE_FRAME_PREPOSITIONS`): "при
  средней доле в экспорте Российской Федерации 24,2%" → "средняя доля в экспорте Российской Федерации";
- money at a price: "за" right before the amount, after a sale or a purchase (`TRANSACTIONS`):
  "продает свою долю за 28 млрд долларов" → "цена продажи";
- a unit price: "за" and a noun after a verb of paying (`PAYMENT_VERBS`): "заплатит за каждую акцию
  NYSE Euronext 33,1 доллара" → "цена за акцию";
- a valuation: "в" right before the amount, after a valuing word (`VALUATION_LEMMAS`): "была оценена
  в 56 млрд долларов" → "оценка стоимости";
- a deal's worth: "на" right before the amount, after a deal (`VALUED_DEALS`): "в рамках сделки на
  9,5 млрд долларов" → "стоимость сделки";
- the amount of a noun group (`AMOUNT_FRAMES`): "обеспечить ежегодное производство концентрата в
  объеме не менее 17,0 млн. тонн" → "ежегодное производство концентрата", "с профицитом на 2020 год
  в размере 39,6 млн. рублей" → "профицит" (a time phrase between is skipped);
- a form of payment (`FORM_CUES`): "в виде дивидендов … получила 19 млрд" → "дивиденды".
- a facility's capacity: "на" right before an amount of output or livestock heads, after a facility
  (`FACILITY_NOUNS`): "строительство молочного комплекса на 1800 голов" → "мощность молочного комплекса".

A money frame replaces no measure of money a clause states ("рыночная стоимость оценивается в …"),
only none, a currency, a share's (a share is no amount of money), a deal's wording (`DEAL_NOUNS`:
"официальное предложение", "опцион") or who acts ("финансовая компания ICE").
"""

from __future__ import annotations

import re

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)

from pipeline import lexicon
from pipeline.extract.facts import FigureFact
from pipeline.extract.figures.properties import genitive_group, genitive_span
from pipeline.extract.figures.shares import _opening_whole
from pipeline.extract.figures.words import _WORD, _as_word, _is_verb, _Word
from pipeline.extract.indicators import match_indicator
from pipeline.extract.measures import is_bare, is_unit_word, names_agent
from pipeline.extract.periods import alone_in_brackets, bracketed, capacity_amount, opens_bracket
from pipeline.nlp.morph import inflect, nominative, parses

_CLAUSE_END = re.compile(r"[;:()]")
_REPLACEABLE_HEADS = frozenset(
    (
        *lexicon.DEAL_NOUNS,
        *lexicon.VALUED_DEALS,
        *lexicon.SHARE_HEADS,
        *lexicon.AGENT_NOUNS,
        *lexicon.PLACE_NOUNS,
    )
)
_RATES = frozenset(lexicon.RATE_NOUNS) - frozenset(lexicon.RATIO_HEADS)  # "ставка", not "уровень"
_RATE_PREPOSITIONS = frozenset(lexicon.RATE_PREPOSITIONS)
_SHARE_FRAME_PREPOSITIONS = frozenset(lexicon.SHARE_FRAME_PREPOSITIONS)
SHARE_FRAME_WORDS = 6  # words from a share's noun to its percentage ("доле в экспорте Российской Федерации")
_FORM_CUES = tuple(tuple(cue.split()) for cue in lexicon.FORM_CUES)
_AMOUNT_FRAMES = tuple(tuple(cue.split()) for cue in lexicon.AMOUNT_FRAMES)
_NAME_MARKS = frozenset(lexicon.NAME_JOINS)
_QUALIFIER_WORDS = lexicon.qualifier_words()
_TIME_NOUNS = frozenset(lexicon.TIME_NOUNS)
_KEEPING = frozenset((*lexicon.CHANGE_NOUNS, *lexicon.TREND_NOUNS, *lexicon.KEEPING_NOUNS))
_NOT_HEADS = frozenset((*lexicon.PLACE_NOUNS, *lexicon.TIME_NOUNS, *lexicon.FRAME_NOUNS))
_FRAME_HEADS = frozenset(lexicon.FRAME_NOUNS)  # no head alone, but one with its genitive
_FACILITIES = frozenset(lexicon.FACILITY_NOUNS)
_PROJECTS = frozenset(lexicon.PROJECT_NOUNS)

FORM_WORDS = 3  # genitive words kept after "в виде"
_FORM_HEADS = frozenset(
    _as_word(m).lemma for cue in lexicon.FORM_CUES for m in _WORD.finditer(cue.split()[-1])
)
_FRAME_REACH = 30  # characters before a figure searched for its amount frame
DEAL_REACH = 4  # words from a deal's noun to the "на" of its worth ("контракт на поставку оборудования на")


def frame_measures(text: str, facts: list[FigureFact], sentences: list[tuple[int, int]]) -> None:
    """Figures framed as the module doc says take the frame's measure; an amount in another currency
    alone in brackets right after another, or an approximate one opening them, takes its measure and
    its kind ("за 8,2 млрд долларов США (6,1 млрд евро)", "получит 237 млн (около 3,7 млн долларов)")."""
    for i, f in enumerate(facts):
        bounds = next(((s, e) for s, e in sentences if s <= f.char_start < e), None)
        g = facts[i - 1] if i else None
        if bounds is not None:
            f.measure = _repeated_frame(text, g, f) or frame_measure(text, f, bounds)
        if g is not None and (_equivalent(text, g, f) or _restated(text, g, f)):
            f.measure, f.kind = g.measure or f.measure, g.kind


def _repeated_frame(text: str, g: FigureFact | None, f: FigureFact) -> str | None:
    """ "… с профицитом на 2020 год в размере 39,6 млн. рублей, на 2021 год – в размере 59,4 млн.
    рублей": an amount frame with only a time phrase between it and the figure before repeats that
    figure's measure."""
    if g is None or not g.measure or f.unit != g.unit:
        return None
    words = [_as_word(m) for m in _WORD.finditer(text, g.char_end, f.char_start)]
    lowered = [w.text.lower() for w in words if w.text[:1].isalnum()]
    cue = next((c for c in _AMOUNT_FRAMES if tuple(lowered[-len(c) :]) == c), None)
    if cue is None:
        return None
    rest = [w for w in words if w.text[:1].isalpha()][: -len(cue)]
    time = len(rest) == 2 and rest[0].lemma in lexicon.TIME_PREPOSITIONS and rest[1].lemma in _TIME_NOUNS
    return g.measure if time and _framed(text, g) else None


def _framed(text: str, g: FigureFact) -> bool:
    """The figure follows an amount frame ("в размере 39,6 млн. рублей")."""
    before = text[max(0, g.char_start - _FRAME_REACH) : g.char_start].lower().split()
    return any(tuple(before[-len(c) :]) == c for c in _AMOUNT_FRAMES)


def _equivalent(text: str, g: FigureFact, f: FigureFact) -> bool:
    """`f` restates `g` in another currency, alone in brackets right after it."""
    other = f.money and g.money and f.unit != g.unit
    return other and bracketed(text, g, f) and alone_in_brackets(text, f)


def _restated(text: str, g: FigureFact, f: FigureFact) -> bool:
    """`f` restates `g` approximately in the same currency, opening the bracket right after it ("обошлась
    в 30 млн фунтов (около 116 млн фунтов по современному курсу)"); a part is stated exactly ("5 млрд
    рублей (2 млрд рублей — из федерального бюджета)")."""
    same = f.money and f.unit == g.unit and f.qualifier == "~"
    return same and opens_bracket(text, g, f)


def frame_measure(text: str, f: FigureFact, bounds: tuple[int, int]) -> str | None:
    """The frame's measure of a figure (module doc), else its own measure."""
    ends = [m.end() for m in _CLAUSE_END.finditer(text, bounds[0], f.char_start)]
    words = [_as_word(m) for m in _WORD.finditer(text, ends[-1] if ends else bounds[0], f.char_start)]
    share = _share_frame(words, f)
    if share is not None and is_bare(share):  # "(с долей 18% в экспорте Российской Федерации)"
        after = [_as_word(m) for m in _WORD.finditer(text, f.char_end, bounds[1])]
        whole = _opening_whole(after)
        share = f"{share} {whole}" if whole else share
    rate = _capacity(words, f) or _rate(words) or _framed_size(words) or share or _framed_amount(words, f)
    rate = rate or _valued_object(words, f) or _valued_thing(words, f) or _cost(words, f)
    rate = rate or _instrumental_amount(words, f) or _each_price(words, f) or _money_noun(words, f)
    if rate or not f.money:
        return rate or f.measure
    if not _replaceable(f.measure):
        return _deal_price(words) or f.measure
    framed = _price(words) or _unit_price(words) or _valuation(words) or _worth(words) or _form(words)
    framed = framed or _sized_noun(words)
    return framed or _form(_words_after(text, f, bounds), after=True) or f.measure


def _words_after(text: str, f: FigureFact, bounds: tuple[int, int]) -> list[_Word]:
    """The words after the figure up to its clause's end."""
    end = next((m.start() for m in _CLAUSE_END.finditer(text, f.char_end, bounds[1])), bounds[1])
    return [_as_word(m) for m in _WORD.finditer(text, f.char_end, end)]


def _capacity(words: list[_Word], f: FigureFact) -> str | None:
    """ "строительство фермы мясного направления на 1 500 голов", "элеватор на 150 тыс. тонн": an
    amount of output or of livestock heads after "на" right after a facility's noun group
    (`lexicon.FACILITY_NOUNS`; a project noun before it skipped) is the facility's capacity, "мощность
    фермы мясного направления"."""
    if len(words) < 2 or words[-1].text.lower() != "на" or not capacity_amount(f):
        return None
    group = _group_before(words, len(words) - 1)
    if group and group[0].lemma in _PROJECTS:
        group = group[1:]  # "строительство молочного комплекса": the complex is built
    heads = [k for k, w in enumerate(group) if w.has("NOUN")]
    if not heads or group[heads[0]].lemma not in _FACILITIES:
        return None
    head = heads[0]
    owner = genitive_group(group[: head + 1], head)  # its genitive dependents stay as they are
    rest = [w.text for w in group[head + 1 :]]
    return " ".join([lexicon.CAPACITY_NOUN, owner, *rest]).lower() if owner else None


def _replaceable(measure: str | None) -> bool:
    """No measure, who acts, a person ("кандидат правящей партии"), a place ("город"), a currency
    ("доллары США"), a share's or a deal's wording (its first noun)."""
    if not measure or names_agent(measure) or is_unit_word(measure.split()[0]):
        return True
    nouns = [w for w in (_Word(0, 0, t) for t in measure.split()) if w.has("NOUN")]
    return not nouns or nouns[0].lemma in _REPLACEABLE_HEADS or nouns[0].has("NOUN", "anim")


def _rate(words: list[_Word]) -> str | None:
    """ "под ставку", "по льготной цене" right before the figure, in the nominative."""
    if not words or words[-1].lemma not in _RATES or not words[-1].has("NOUN"):
        return None
    k = _adjectives_start(words, len(words) - 1)
    if k == 0 or words[k - 1].text.lower() not in _RATE_PREPOSITIONS:
        return None
    return nominative(" ".join(w.text for w in words[k:])).lower()


def _framed_size(words: list[_Word]) -> str | None:
    """ "на скорости 140 км/ч", "на расстоянии 5 км": a size (`lexicon.FRAMED_SIZES`) right before
    the figure after a preposition (`lexicon.SIZE_PREPOSITIONS`), in the nominative."""
    if len(words) < 2 or words[-1].lemma not in _SIZES or not words[-1].has("NOUN"):
        return None
    return words[-1].lemma if words[-2].text.lower() in _SIZE_PREPOSITIONS else None


_SIZES = frozenset(lexicon.FRAMED_SIZES)
_SIZE_PREPOSITIONS = frozenset(lexicon.SIZE_PREPOSITIONS)


def _share_frame(words: list[_Word], f: FigureFact) -> str | None:
    """ "при средней доле в экспорте Российской Федерации 24,2%": the share noun after a preposition
    whose phrase (no verb, number or mark between) the percentage closes, in the nominative."""
    if f.unit != "PERCENT":
        return None
    for k in range(len(words) - 1, max(-1, len(words) - 1 - SHARE_FRAME_WORDS), -1):
        w = words[k]
        if not w.text[:1].isalpha() or _is_verb(w):
            return None
        if w.lemma in lexicon.SHARE_HEADS and w.has("NOUN"):
            j = _adjectives_start(words, k)
            if not j or words[j - 1].text.lower() not in _SHARE_FRAME_PREPOSITIONS:
                return None
            end = len(words) - (words[-1].has("PREP") and k < len(words) - 1)  # "с долей в 19,75 %"
            phrase = nominative(" ".join(x.text for x in words[j:end]))
            return phrase[:1].lower() + phrase[1:]
    return None


def _framed_amount(words: list[_Word], f: FigureFact) -> str | None:
    """The noun group right before an amount frame that ends the words (qualifiers after it), in the
    nominative: its head (not a dative, a place or a time) with its adjectives and genitives; none when
    the figure's measure names that head already."""
    if f.unit in (None, "COUNT"):
        return None
    lowered = [w.text.lower() for w in words]
    end = len(words)
    while end and words[end - 1].lemma in _QUALIFIER_WORDS:
        end -= 1  # "в объеме не менее"
    cue = next((c for c in _AMOUNT_FRAMES if tuple(lowered[end - len(c) : end]) == c), None)
    if cue is None:
        return None
    k = _past_time(words, end - len(cue))
    group = _group_before(words, k)
    if len(group) > 1 and group[0].lemma in _FORM_HEADS and words[k - len(group) - 1].text.lower() == "в":
        group = group[1:]  # "наказание в виде штрафа в размере 100 тысяч рублей": the fine
    if not group or _names(f.measure, next(w for w in group if w.has("NOUN"))):
        return None  # "Продано товаров … на сумму": "объем проданных товаров …" says it already
    return nominative(" ".join(w.text for w in group)).lower()


def _cost(words: list[_Word], f: FigureFact) -> str | None:
    """ "Свадьба … обошлась в 30 млн фунтов", "платье стоило 1,2 млн долларов": money a verb of
    costing (`lexicon.COST_VERBS`, the nearest verb or infinitive before the figure) puts on its subject (the
    measure found so far) is the subject's cost, "стоимость свадьбы …"."""
    verb = next((w for w in reversed(words) if _is_verb(w) or w.has("INFN")), None)  # "могло обойтись"
    if not f.money or verb is None or verb.lemma not in _COSTING:
        return None
    if _replaceable(f.measure) and not _is_deal(f.measure):
        return None  # "Приобретение обошлось «СТС» в 150 млн рублей": a deal has a cost
    measure = [_as_word(m) for m in _WORD.finditer(f.measure)]
    head = next((k for k, w in enumerate(measure) if w.has("NOUN")), None)
    if head is None or measure[head].lemma in _OWN_AMOUNTS:
        return None  # "цена нефти обошлась …", "стоимость проекта"
    span = genitive_span(measure, head)
    if span is None:
        return None
    group, end = span
    return " ".join([lexicon.WORTH_NOUN, group, *(w.text for w in measure[end:])])  # "… Чарльза": a name


_COSTING = frozenset(lexicon.COST_VERBS)


def _instrumental_amount(words: list[_Word], f: FigureFact) -> str | None:
    """ "с избирательным барьером в 5 %", "с уставным капиталом в 10 млн рублей", "победил с
    результатом 57,5 %": the instrumental noun group after "с" right before the figure (or its "в")
    names it, in the nominative (without "в" only when the clause names nothing better); a change
    ("с ростом 5 %") is left to the change rules."""
    if len(words) < 2 or f.unit in (None, "COUNT"):
        return None
    end = len(words) - (words[-1].text.lower() == "в")
    if end == len(words) and not _replaceable(f.measure):
        return None  # "с удвоением мощности производства грибов до 10,0 тыс. тонн": the clause's measure
    group = _group_before(words, end)
    heads = [w for w in group if w.has("NOUN")]
    start = end - len(group)
    if not heads or not heads[0].has("NOUN", "ablt") or start < 1 or words[start - 1].lemma != "с":
        return None
    if heads[0].lemma in _KEEPING:
        return None
    return nominative(" ".join(w.text for w in group)).lower()


def _is_deal(measure: str | None) -> bool:
    """The measure's first noun names a deal ("приобретение", "сделка"), whose cost a verb may state."""
    nouns = [w for w in (_Word(0, 0, t) for t in (measure or "").split()) if w.has("NOUN")]
    return bool(nouns) and nouns[0].lemma in _DEAL_HEADS


_DEAL_HEADS = frozenset((*lexicon.DEAL_NOUNS, *lexicon.VALUED_DEALS))


def _names(measure: str | None, noun: _Word) -> bool:
    """The measure has the noun ("объем проданных товаров" has "товаров")."""
    return noun.lemma in {_Word(0, 0, w).lemma for w in _WORD.findall(measure or "")}


def _past_time(words: list[_Word], k: int) -> int:
    """Back past "на 2020 год", "в 2018 году" ending at `k`."""
    if k < 3 or words[k - 1].lemma not in _TIME_NOUNS:
        return k
    j = k - 1
    while j > 0 and words[j - 1].text.isdigit():
        j -= 1  # the year's digits, one word each
    return j - 1 if 0 < j < k - 1 and words[j - 1].lemma in lexicon.TIME_PREPOSITIONS else k


def _group_before(words: list[_Word], k: int) -> list[_Word]:
    """The noun group ending at `k`: genitive words back to its head, and the head's adjectives."""
    start = k
    while start > 0 and _genitive_word(words[start - 1]):
        start -= 1
    head = start - 1 if start > 0 and words[start - 1].has("NOUN") else start  # "профицитом", "экспорте"
    if head >= k or not words[head].has("NOUN") or words[head].has("NOUN", "datv"):
        return []
    if words[head].lemma in _FRAME_HEADS and head + 1 < k and not _named(words, head):
        return words[_adjectives_start(words, head) : k]  # "общий объем доходов в сумме …"
    if words[head].lemma in _NOT_HEADS or _named(words, head):
        return []
    if words[head].lemma in _KEEPING and head + 1 < k:
        return words[head + 1 : k]  # "при сохранении положительного торгового сальдо"
    return words[_adjectives_start(words, head) : k]


def _named(words: list[_Word], k: int) -> bool:
    """The word is a name: capitalized inside its clause, or opening it with a name's parse ("Премия
    в размере …" opens a sentence, "Газпром в размере …" is a name)."""
    w = words[k]
    if not w.text[:1].isupper():
        return False
    return k > 0 or w.text.isupper() or bool(lexicon.PROPER_NAME_GRAMMEMES & set(w.tags[0].tag.grammemes))


def _adjectives_start(words: list[_Word], k: int) -> int:
    """Where the adjectives right before word `k` begin ("льготного кредита", "избирательным барьером")."""
    while k > 0 and words[k - 1].has("ADJF"):
        k -= 1
    return k


def _sized_head(words: list[_Word], k: int) -> bool:
    """Word `k` is a noun that may name an amount right after it: no place, time or frame noun, no
    name and no circumstance in the locative ("в постоянных ценах на 429 млрд руб.")."""
    noun = words[k]
    return (
        noun.has("NOUN")
        and noun.lemma not in _NOT_HEADS
        and not _named(words, k)
        and not noun.has("NOUN", "loct")
    )


def money_noun_group(words: list[_Word], f: FigureFact) -> list[_Word]:
    """The noun right before the "на" that ends `words`, with its adjectives, when it alone names
    money (a catalog indicator of money only: "кредит", "субсидия", not "продукция") and the figure
    is money: the figure is that money's amount ("после получения кредита на 78 млрд евро"), not a
    change by it; not a noun of a noun's prepositional group, one after an amount's head or a
    circumstance in the locative."""
    if (
        not f.money
        or len(words) < 2
        or words[-1].text.lower() != "на"
        or not _sized_head(words, len(words) - 2)
    ):
        return []
    found = match_indicator([words[-2].lemma], f.unit)
    if found is None or found.units != _MONEY_ONLY:
        return []  # "импортировали продукции на 502 млн": goods are not money
    start = _adjectives_start(words, len(words) - 2)
    before = words[max(0, start - 2) : start]
    if before and before[-1].lemma in lexicon.AMOUNT_HEADS:
        return []  # "объема кредитов на …": the amount's head names it
    if len(before) == 2 and before[1].has("PREP") and before[0].has("NOUN"):
        return []  # "инвестиций в основной капитал на …": the noun of a larger group
    return words[start:-1]


_MONEY_ONLY = frozenset({"money"})


def _money_noun(words: list[_Word], f: FigureFact) -> str | None:
    """ "из кредитов на 17 млрд рублей" → "кредиты" (`money_noun_group`), in the nominative."""
    group = money_noun_group(words, f)
    return nominative(" ".join(w.text for w in group)).lower() if group else None


def _genitive_word(w: _Word) -> bool:
    return (w.has("NOUN", "gent") or w.has("ADJF", "gent")) and w.text[:1].islower()


def _deal_price(words: list[_Word]) -> str | None:
    """Money after "за" closing a clause of a deal is its price, not the amount of the clause's
    subject: the thing sold in the passive ("мессенджер WhatsApp был куплен Facebook за 19 млрд
    долларов"), any buyer of a finite verb ("Семья Обамы приобрела дом … за 8,1 млн долларов")."""
    deal = next((w for w in reversed(words) if w.lemma in lexicon.TRANSACTIONS), None)
    done = deal is not None and (deal.has("PRTS") or deal.has("VERB", "indc"))
    return _price(words) if done else None


def _price(words: list[_Word]) -> str | None:
    if len(words) < 2 or words[-1].lemma != "за":
        return None
    deals = [lexicon.TRANSACTIONS[w.lemma] for w in words if w.lemma in lexicon.TRANSACTIONS]
    return f"{lexicon.PRICE_NOUN} {_genitive(deals[-1])}" if deals else None


def _unit_price(words: list[_Word]) -> str | None:
    """ "заплатит за каждую акцию NYSE Euronext 33,1 доллара" → "цена за акцию": "за", a noun and only
    names before the amount, after a verb of paying."""
    at = next((k for k in range(len(words) - 1, -1, -1) if words[k].lemma == "за"), None)
    if at is None or not any(w.lemma in lexicon.PAYMENT_VERBS for w in words[:at]):
        return None
    k = at + 1 + (at + 1 < len(words) and words[at + 1].lemma in lexicon.EACH_WORDS)
    if k >= len(words) or not words[k].has("NOUN", "accs") or not words[k].text[:1].islower():
        return None
    names = words[k + 1 :]
    if not all(lexicon.LATIN_LETTER.match(w.text) or w.text in _NAME_MARKS for w in names):
        return None
    return f"{lexicon.PRICE_NOUN} за {words[k].text.lower()}"


def _each_price(words: list[_Word], f: FigureFact) -> str | None:
    """ "смогли купить билеты у перекупщиков по 3-4 тыс. рублей" → "цена билетов": money after "по"
    closing a clause of buying or selling (`lexicon.TRANSACTIONS`) is the price of each of the
    things bought, the first common noun in the accusative after the verb."""
    if not f.money or len(words) < 3 or words[-1].text.lower() != lexicon.EACH_PRICE_PREPOSITION:
        return None
    deal = next((k for k in range(len(words) - 2, -1, -1) if words[k].lemma in lexicon.TRANSACTIONS), None)
    if deal is None or not (words[deal].has("VERB") or words[deal].has("INFN")):
        return None
    thing = next((w for w in words[deal + 1 : -1] if w.has("NOUN", "accs") and w.text[:1].islower()), None)
    return f"{lexicon.PRICE_NOUN} {_genitive_as(thing)}" if thing is not None else None


def _genitive_as(noun: _Word) -> str:
    """The noun in the genitive, in its own number ("билеты" → "билетов")."""
    top = next((p for p in noun.tags if p.tag.case == "accs"), noun.tags[0])
    form = inflect(top, {"gent"})
    return form.word if form is not None else noun.text.lower()


def _valuation(words: list[_Word]) -> str | None:
    valued = any(w.lemma in lexicon.VALUATION_LEMMAS for w in words[:-1])
    return lexicon.VALUATION_MEASURE if valued and words and words[-1].lemma == "в" else None


def _valued_object(words: list[_Word], f: FigureFact) -> str | None:
    """ "Буров оценивал оборот музейного комплекса в 650 млн руб.": the accusative noun group between an
    active valuing verb and the "в" before the money is what is valued, never the verb's subject: an
    amount it names is the measure ("оборот музейного комплекса"), a thing's money its valuation
    ("Эксперты оценили компанию в 56 млрд рублей" → "оценка стоимости компании")."""
    if not f.money or len(words) < 3 or words[-1].lemma != "в":
        return None
    verbs = [k for k, w in enumerate(words[:-1]) if w.lemma in _VALUING and w.has("VERB", "tran")]
    group = words[verbs[-1] + 1 : -1] if verbs else []
    heads = [k for k, w in enumerate(group) if w.has("NOUN")]
    if not heads or not all(w.text[:1].isalpha() for w in group):  # the object right before "в"
        return None
    if not group[heads[0]].has("NOUN", "accs") or group[heads[0]].text[:1].isupper():
        return None
    phrase = nominative(" ".join(w.text for w in group)).lower()
    if group[heads[0]].lemma in _OWN_AMOUNTS or _names_money(phrase, f.unit):
        return phrase
    return f"{lexicon.VALUATION_MEASURE} {_genitive(group[heads[0]].lemma)}"


def _names_money(phrase: str, unit: str | None) -> bool:
    """The phrase names a catalog indicator stated in money ("оборот музейного комплекса")."""
    from pipeline.extract.indicators import match_indicator, words_of

    found = match_indicator(words_of(phrase), unit)
    return found is not None and "money" in found.units


def _valued_thing(words: list[_Word], f: FigureFact) -> str | None:
    """ "сервис целиком может быть оценён в 10—30 млн евро": money a thing (one noun, no amount's
    own word) is valued at is the valuation of that thing ("оценка стоимости сервиса")."""
    if not f.money or not f.measure or len(f.measure.split()) != 1 or not _valuation(words):
        return None
    thing = _Word(0, 0, f.measure)
    if not thing.has("NOUN") or thing.lemma in _OWN_AMOUNTS or _replaceable(f.measure):
        return None
    return f"{lexicon.VALUATION_MEASURE} {_genitive(thing.lemma)}"


_OWN_AMOUNTS = frozenset((*lexicon.PROPERTY_NOUNS, *lexicon.RATE_NOUNS, *lexicon.FRAME_NOUNS))
_VALUING = frozenset(lexicon.VALUATION_LEMMAS)


def _worth(words: list[_Word]) -> str | None:
    if len(words) < 2 or words[-1].lemma != "на":
        return None
    near = words[-2 - DEAL_REACH : -1]
    deals = [w.lemma for w in near if w.lemma in lexicon.VALUED_DEALS]
    return f"{lexicon.WORTH_NOUN} {_genitive(deals[-1])}" if deals else None


def _sized_noun(words: list[_Word]) -> str | None:
    """ "В борьбе за приз в 5 тысяч долларов", "ущерб в 3 млн рублей": money after "в" right after a
    noun (no time, place or name) is its size, the noun with its adjectives in the nominative; a
    deal's is its worth ("контракт в 5 млрд рублей" → "стоимость контракта")."""
    if len(words) < 2 or words[-1].text.lower() != "в" or not _sized_head(words, len(words) - 2):
        return None
    if words[-2].lemma in lexicon.VALUED_DEALS:
        return f"{lexicon.WORTH_NOUN} {_genitive(words[-2].lemma)}"
    start = _adjectives_start(words, len(words) - 2)
    return nominative(" ".join(w.text for w in words[start:-1])).lower()


def _form(words: list[_Word], after: bool = False) -> str | None:
    """The genitive noun group after "в виде" in the clause (`after` the figure: before a comma or
    another number), in the nominative: "в виде дивидендов … получила 19 млрд", "получал 50 млн
    рублей в виде налогов"."""
    lowered = [w.text.lower() for w in words]
    stop = next((k for k, w in enumerate(lowered) if w == "," or w[:1].isdigit()), len(words))
    for cue in _FORM_CUES:
        starts = range(stop if after else len(words))
        at = next((k for k in starts if tuple(lowered[k : k + len(cue)]) == cue), None)
        if at is None:
            continue
        group = []
        for w in words[at + len(cue) : at + len(cue) + FORM_WORDS]:
            if not (w.has("NOUN", "gent") or w.has("ADJF", "gent")):
                break
            group.append(w.text)
        if group and _Word(0, 0, group[-1]).has("NOUN"):
            return nominative(" ".join(group))
    return None


def _genitive(noun: str) -> str:
    """ "продажа" → "продажи" (the noun after "цена", "стоимость")."""
    form = inflect(parses(noun)[0], {"gent"})
    return form.word if form is not None else noun
