"""The date parser only runs on windows around a trigger (`dates._TRIGGER`): a year-less date far
from any digit ("в мае", "к декабрю", "26 января") must be found through its month word alone, in
every case form of every month the lexicon spells, through the production path."""

from __future__ import annotations

import pytest

from pipeline.extract.dates import _LEFT, _RIGHT, extract_dates
from pipeline.lexicon import month_forms

YEAR = "В 2019 году план выполнен. "
PAD = "Программа принята администрацией района, и её исполнение идёт по плану работ. "
TEMPLATES = {  # a case form in a context the date grammar reads without a year next to it
    "gent": "Отчёт от 26 {form} представлен.",
    "datv": "К {form} работы завершены.",
    "loct": "В {form} работы завершены.",
}
FORMS = [(case, form, n) for case in TEMPLATES for form, n in month_forms()[case].items()]


@pytest.mark.parametrize(("case", "form", "month"), FORMS, ids=[f for _, f, _ in FORMS])
def test_a_month_word_alone_opens_a_date_window(case: str, form: str, month: int) -> None:
    for word in (form, form.capitalize()):
        text = YEAR + PAD + TEMPLATES[case].format(form=word)
        at = text.index(word)
        assert at - len(YEAR) > _LEFT + _RIGHT  # the year's own window cannot reach the month word
        found = [d for d in extract_dates(text) if d.char_start <= at < d.char_end]
        assert len(found) == 1, (word, extract_dates(text))
        assert found[0].start[:7] == f"2019-{month:02d}", found[0]
