"""yargy's Earley parser with one token of lookahead, shared by the date and figure grammars.

A production is predicted only when the next token can begin it (its FIRST set): the same
matches as `yargy.Parser`, several times faster. `may_start` can veto match starts per token.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from yargy import Parser
from yargy.parser import Chart, State
from yargy.rule.bnf import is_rule
from yargy.tree import Node

_CACHE_LIMIT = 200_000


class LookaheadParser(Parser):
    """Earley parsing that predicts a production only when the next token is in its FIRST set.

    `chart(text, all=True)` starts matches at every token (where `may_start` allows);
    `all=False` only at the first token, as in yargy.
    """

    def __init__(self, rule: Any, tokenizer: Any, may_start: Callable[[Chart, int], bool] | None = None):
        super().__init__(rule, tokenizer=tokenizer)
        self.first = FirstSets(self.rule)
        self.may_start = may_start or (lambda chart, index: True)

    def chart(self, text: str, all: bool = True) -> Chart:
        chart = Chart(self.tagger(self.tokenizer(text)))
        for column, next_column in chart:
            if next_column and (column.first or all) and self.may_start(chart, column.index + 1):
                self.predict(column, next_column, self.rule)
            for state in column:
                if state.completed:
                    self.complete(column, state)
                elif is_rule(state.next_term):
                    self.predict(column, next_column, state.next_term)
                elif next_column:
                    self.scan(next_column, state.next_term, state)
        return chart

    def predict(self, column: Any, next_column: Any, rule: Any) -> None:
        token = next_column.token if next_column else None
        for index, production in enumerate(rule.productions):
            if self.first.allows(production, token):
                node = Node(rule, production, rank=index, children=[])
                column.append(State(rule, production, 0, column, column, node))


class FirstSets:
    """FIRST sets of a BNF grammar's productions, with per-token answers cached."""

    def __init__(self, start: Any) -> None:
        self.rules = _reachable(start)
        self.nullable = _nullable(self.rules)
        self.terms: dict[int, tuple[list[Any], bool]] = {}
        self.answers: dict[tuple[int, str, str], bool] = {}

    def allows(self, production: Any, token: Any) -> bool:
        terms, nullable = self._of(production)
        if nullable or token is None:
            return nullable
        key = (id(production), token.type, token.value)
        if key not in self.answers:
            if len(self.answers) > _CACHE_LIMIT:
                self.answers.clear()
            self.answers[key] = any(term(token) for term in terms)
        return self.answers[key]

    def _of(self, production: Any) -> tuple[list[Any], bool]:
        if id(production) not in self.terms:
            self.terms[id(production)] = self._sequence(production.terms)
        return self.terms[id(production)]

    def _sequence(self, terms: list[Any]) -> tuple[list[Any], bool]:
        out: list[Any] = []
        for term in terms:
            if not is_rule(term):
                return out + [term], False
            for production in term.productions:
                out += self._of(production)[0]
            if id(term) not in self.nullable:
                return out, False
        return out, True


def _reachable(start: Any) -> dict[int, Any]:
    rules, stack = {}, [start]
    while stack:
        rule = stack.pop()
        if id(rule) not in rules:
            rules[id(rule)] = rule
            stack.extend(t for p in rule.productions for t in p.terms if is_rule(t))
    return rules


def _nullable(rules: dict[int, Any]) -> set[int]:
    nullable: set[int] = set()
    while True:
        grown = {
            key
            for key, rule in rules.items()
            if any(all(id(t) in nullable for t in p.terms) for p in rule.productions)
        }
        if grown <= nullable:
            return nullable
        nullable |= grown
