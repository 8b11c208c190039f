"""Every named "not a fact" rule rejects its positive example and lets its negative one through;
one test per example, generated from the rules' data."""

from __future__ import annotations

import importlib

import pytest

from pipeline.extract.skeleton import marked

# Modules exposing RULES and example_context(text, start, end) -> context.
RULE_MODULES = ["pipeline.extract.figures.rules", "pipeline.extract.clusters.mentions"]


def _cases():
    for name in RULE_MODULES:
        module = importlib.import_module(name)
        for rule in module.RULES:
            yield pytest.param(module, rule, rule.positive, True, id=f"{rule.name}+")
            yield pytest.param(module, rule, rule.negative, False, id=f"{rule.name}-")


@pytest.mark.parametrize(("module", "rule", "example", "rejected"), list(_cases()))
def test_rule_examples(module, rule, example, rejected):
    context = module.example_context(*marked(example))
    assert rule.rejects(context) is rejected


def test_rule_names_are_unique():
    for name in RULE_MODULES:
        names = [r.name for r in importlib.import_module(name).RULES]
        assert len(names) == len(set(names))


def test_a_date_after_a_count_is_no_rate_base():
    """ "на 1 000 человек" makes a figure a rate; "на 1 июля" dates it."""
    from pipeline.extract.figures.rules import rate_base_after

    for text, quote, rate in [
        ("Смертность составила 14,5 умерших на 1 000 человек.", "14,5 умерших", True),
        ("Обеспеченность составила 51,6 кв. м зеркала воды на 10 тыс. чел.", "51,6 кв. м", True),
        ("Поголовье коров составило 1198 голов на 1 июля 2016 года.", "1198 голов", False),
    ]:
        assert rate_base_after(text, text.index(quote) + len(quote)) is rate, text


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("Процессы очень динамичны – на 10 браков приходится 6-7 разводов.", ["6-7 разводов"]),
        ("На 1 жителя района приходится 25,3 кв. м жилья.", ["25,3 кв. м"]),
        ("За год численность жителей выросла на 1000 человек.", ["1000 человек"]),  # a change
    ],
)
def test_a_count_an_amount_falls_per_is_no_figure(text, quotes):
    """ "на N X приходится M Y": N X is what M Y is per (an unused RuREBus programme, session 29: "10
    браков" was a figure measuring "процессы в районе очень динамичны"); through `extract_page`."""
    from pipeline.extract import extract_page

    assert [text[f.char_start : f.char_end] for f in extract_page(text).figures] == quotes
