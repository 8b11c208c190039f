"""The NLP layer: sentences, entities as spaCy ents, syntax on demand, mentions and their noise."""

from __future__ import annotations

import pytest

from pipeline.extract.mentions import extract_mentions
from pipeline.nlp import analyze, models, spacy_blank
from pipeline.nlp.language import language
from pipeline.nlp.morph import nominative

SEED_START = (
    "Аннотация. В работе приводится обзор существующих подходов к внедрению инноваций в России и Китае.\n"
    "Yuri G. Gertsik, Ph.D in Economics, Associate Professor, Bauman Moscow State Technical University\n"
    "По итогам 2019 г. товарооборот между РФ и КНР, по данным Главного таможенного управления (ГТУ) КНР, "
    "вырос на 3,4%. Об этом сказал президент Владимир Путин на встрече в Санкт-Петербурге."
)


@pytest.fixture(scope="module")
def analysis():
    return analyze(SEED_START)


def test_models_load_once() -> None:
    assert models() is models()


def test_tagger_embedding_is_natashas_without_similarity_tables() -> None:
    """The taggers read only the PQ's indexes and codes: those equal natasha's own embedding's,
    and the tables only similarity look-ups need are not built."""
    import natasha
    import numpy as np

    from pipeline.nlp import tagger_embedding

    ours, full = tagger_embedding(), natasha.NewsEmbedding()
    assert ours.meta.id == full.meta.id
    assert np.array_equal(ours.pq.indexes, full.pq.indexes)
    assert np.array_equal(ours.pq.codes, full.pq.codes)
    assert not hasattr(ours.pq, "ab") and hasattr(full.pq, "ab")


def test_ner_through_the_light_embedding(analysis) -> None:
    """The entities of the seed's start (tagged with `models()`, i.e. the light embedding)."""
    found = {(e.text, e.type) for e in analysis.entities}
    assert {("РФ", "LOC"), ("КНР", "LOC"), ("Владимир Путин", "PER"), ("Санкт-Петербурге", "LOC")} <= found


def test_sentences_index_the_text(analysis) -> None:
    assert len(analysis.sentences) >= 4
    for s in analysis.sentences:
        assert SEED_START[s.start : s.end] == s.text
    assert analysis.sentence_at(SEED_START.index("3,4%")).text.startswith("По итогам 2019 г.")


def test_mentions_are_normalized_and_noise_filtered(analysis) -> None:
    mentions = extract_mentions(analysis)
    by_text = {m.text: m for m in mentions}
    assert by_text["России"].type == "LOC" and by_text["России"].normal == "Россия"
    assert by_text["Санкт-Петербурге"].normal == "Санкт-Петербург"
    assert any(m.type == "PER" and m.normal == "Владимир Путин" for m in mentions)
    org = next(m for m in mentions if m.text.startswith("Главного таможенного"))
    assert org.normal.startswith("Главное таможенное управление")
    texts = {m.text for m in mentions}
    assert "Аннотация" not in texts  # a heading tagged as a person
    assert not any("Bauman" in t or "Professor" in t for t in texts)  # English affiliation line
    for m in mentions:
        assert SEED_START[m.char_start : m.char_end] == m.text


def test_spacy_doc_carries_entities_and_lemmas(analysis) -> None:
    doc = analysis.doc
    assert doc.text == SEED_START
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("России", "LOC") in labels
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["подходов"] == "подход"
    assert sum(1 for t in doc if t.is_sent_start) >= 4
    assert spacy_blank() is spacy_blank()  # the blank pipeline is built once per process


def test_syntax_on_demand_finds_the_subject(analysis) -> None:
    index = analysis.sentence_index(SEED_START.index("товарооборот"))
    tokens = analysis.tokens(index)
    subject = next(t for t in tokens if t.text == "товарооборот")
    head = next(t for t in tokens if t.id == subject.head_id)
    assert subject.rel.startswith("nsubj") and head.lemma == "вырасти"
    assert SEED_START[subject.start : subject.end] == "товарооборот"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Калужского фармкластера", "Калужский фармкластер"),
        ("Калужском фармкластере", "Калужский фармкластер"),
        ("Министерства экономического развития", "Министерство экономического развития"),
        ("Московской области", "Московская область"),
        ("Волгоградского химико-фармацевтического кластера", "Волгоградский химико-фармацевтический кластер"),
        ("АО «КЭАЗ»", "АО «КЭАЗ»"),
        ("цен и тарифов", "цены и тарифы"),  # a noun joined to the head in its case
        ("экспорта и импорта", "экспорт и импорт"),
    ],
)
def test_nominative(phrase: str, expected: str) -> None:
    assert nominative(phrase) == expected


def test_sentence_always_contains_its_quote():
    """One sentence layer: natasha's split before "США" is re-joined, so the row's sentence holds
    the whole quote; and on real text every figure and date row's sentence contains its quote."""
    from pathlib import Path

    from pipeline.extract import extract_text

    text = "Объем экспорта составил 692,9 млн. долл. США. Рост составил 5%."
    figures = extract_text(text).figures
    row = figures[figures["quote"] == "692,9 млн. долл. США"].iloc[0]
    assert row["sentence"] == "Объем экспорта составил 692,9 млн. долл. США."
    seed = Path(__file__).parents[1] / "fixtures" / "seed" / "seed_paper.txt"
    found = extract_text(seed.read_text(encoding="utf-8")[:20_000])
    for table in (found.figures, found.dates):
        squeezed = table["quote"].map(lambda q: " ".join(q.split()))
        assert all(q in s for q, s in zip(squeezed, table["sentence"], strict=True))


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a line wrapped mid-sentence: the small letter goes on with the sentence above it
        ("Индекс составил 99,3%.\nБазовый индекс цен, исключающий изменения\nцен на отдельные товары, "
         "составил 100,1%.\nВ августе цены выросли.",
         ["Индекс составил 99,3%.",
          "Базовый индекс цен, исключающий изменения\nцен на отдельные товары, составил 100,1%.",
          "В августе цены выросли."]),
        # a lead-in ends with a colon: its list is no continuation of it
        ("В 2015 году произведено:\nмолока – 32,1 тыс. тонн.",
         ["В 2015 году произведено:", "молока – 32,1 тыс. тонн."]),
    ],
)  # fmt: skip
def test_a_piece_starting_with_a_small_letter_continues_an_unfinished_sentence(text, sentences):
    from pipeline.nlp import analyze

    assert [s.text for s in analyze(text).sentences] == sentences


def test_dotted_word_looked_for_at_the_end_is_the_regexs() -> None:
    """`sentences._dotted_word` (the last characters first) finds what `_DOTTED_WORD` finds in the
    whole tail: words longer than the searched end, runs of dots, letters glued to digits."""
    import random

    from pipeline.nlp import sentences

    rng = random.Random(15)
    tails = ["а" * 60 + ".", "x" * 39 + ".", "y" * 40 + ".", " " + "z" * 41 + ".", "млн. руб.", ".", ""]
    tails += ["".join(rng.choice("аЖz1_ .,\n") for _ in range(rng.randint(0, 90))) for _ in range(20_000)]
    for tail in (t.rstrip() for t in tails):
        reference = sentences._DOTTED_WORD.search(tail)
        assert sentences._dotted_word(tail) == (reference.group(1) if reference else None), tail


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Объём переводов мигрантов (remittances) достиг 5 млрд долл.", "ru"),
        ("Migrants sent USD 5 bn home (по данным ЦБ РФ).", "en"),
        ("2018–2019: 25%", None),
        ("В VII–VIII вв.", "ru"),  # Roman numerals are not Latin words
        ("URL: https://www.economy.gov.ru/material/147-p.pdf (дата обращения: 27.04.2021).", "ru"),
    ],
)
def test_language_by_the_share_of_latin_letters(sentence, expected):
    assert language(sentence) == expected


def test_morphology_dictionaries_read_through_the_c_dawg() -> None:
    """With pymorphy3[fast] installed, both analyzers (pymorphy3 for the stages, natasha's
    pymorphy2) read their dictionaries through the C++ DAWG (`dawg`), not pure-Python
    dawg-python (7× faster look-ups, the same parses); `pymorphy3[fast]` is a dependency, so a
    missing `dawg` fails here."""
    import pymorphy2.dawg
    import pymorphy3.dawg

    assert pymorphy3.dawg.DAWG.__module__ == "dawg"
    assert pymorphy2.dawg.DAWG.__module__ == "dawg"
    word = models().morph_vocab("показателей")[0]
    assert word.normal_form == "показатель"


PAGE_BREAKS = [
    # (end of the page before, start of the page, the start's lead carried, its tail carried)
    ("Итоги.\nВ 2018 году объем экспорта Курской области в Казахстан", "составил 5,2 млн. долл. США.",
     "В 2018 году объем экспорта Курской области в Казахстан", ""),
    ("Экспорт вырос.", "составил 5,2 млн. долл. США.", "", ""),  # the page before ends its sentence
    ("Объем экспорта в 2018 году", "Составил 5,2 млн. долл. США.", "", ""),  # a capital: a new sentence
    ("- обрабатывающие производства (14,2%);", "образование (9,1%).", "", ""),  # a list item ends
    # a currency's tail on the next page ("… 17,5 млн. долл." ⏎ "США при общем …")
    ("Итоги.\nПрирост может дать около 17,5 млн. долл.", "США при общем приросте 277,2 млн. долл. США.",
     "Прирост может дать около 17,5 млн. долл.", ""),
    # an abbreviation's full stop ends no sentence the page break cut
    ("Итоги.\nПрирост может дать около 17,5 млн. долл. США при общем приросте по таким",
     "товарным группам в размере 277,2 млн. долл. США.",
     "Прирост может дать около 17,5 млн. долл. США при общем приросте по таким", ""),
]  # fmt: skip


@pytest.mark.parametrize(("before", "page", "lead", "tail"), PAGE_BREAKS)
def test_a_sentence_cut_by_a_page_break_is_joined_back(before, page, lead, tail):
    from pipeline.nlp.sentences import page_in_context

    joined, start = page_in_context(before, page, "Следующая страница.")
    assert joined[start : start + len(page)] == page
    assert joined[:start].strip() == lead
    assert joined[start + len(page) :].strip() == tail


def test_the_head_of_the_next_page_finishes_the_last_sentence():
    from pipeline.nlp.sentences import page_in_context

    page = "Объем отгруженной продукции составил 12 млрд. руб., что на 5%"
    joined, start = page_in_context("", page, "больше, чем в 2017 году. Новая мысль.\nЕще.")
    assert (start, joined) == (0, page + " больше, чем в 2017 году.")
    page = "Прирост составит около 17,5 млн. долл. США при общем приросте по таким"
    joined, _ = page_in_context("", page, "товарным группам в размере 277,2 млн. долл. США. Новая мысль.")
    assert joined == page + " товарным группам в размере 277,2 млн. долл. США."  # past "млн."
