"""yargy's Earley parser with one token of lookahead, shared by the date and figure grammars.

A production is predicted only when the next token can begin it (its FIRST set): the same
matches as `yargy.Parser`, several times faster. `may_start` can veto match starts per token.
A rule is predicted once per column (a second prediction would only add states the column
already holds), the allowed productions of a rule are cached per token, and states hash
without a generator (the same hash as yargy's, so the same states are kept).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from yargy import Parser
from yargy.parser import Chart, State
from yargy.rule.bnf import is_rule
from yargy.tree import Leaf, Node

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
            predicted: set[int] = set()
            if next_column and (column.first or all) and self.may_start(chart, column.index + 1):
                self.predict(column, next_column, self.rule, predicted)
            for state in column:
                if state.completed:
                    self.complete(column, state)
                elif is_rule(state.next_term):
                    self.predict(column, next_column, state.next_term, predicted)
                elif next_column:
                    self.scan(next_column, state.next_term, state)
        return chart

    def predict(self, column: Any, next_column: Any, rule: Any, predicted: set[int] | None = None) -> None:
        """States for the productions of `rule` the next token can begin (once per column)."""
        if predicted is not None:
            if id(rule) in predicted:
                return
            predicted.add(id(rule))
        token = next_column.token if next_column else None
        for index, production in self.first.productions(rule, token):
            node = Node(rule, production, rank=index, children=[])
            column.append(_State(rule, production, 0, column, column, node))

    def scan(self, column: Any, predicate: Any, state: Any) -> None:
        """yargy's scan, with `_State`."""
        token = column.token
        if predicate(token):
            leaf = Leaf(predicate, predicate.constrain(token))
            column.append(_advanced(state, column, state.node.attached(leaf)))

    def complete(self, column: Any, completed: Any) -> None:
        """yargy's complete, with `_State`."""
        for state in completed.parents:
            column.append(_advanced(state, column, state.node.attached(completed.node)))


def _advanced(state: Any, column: Any, node: Node) -> State:
    """`state` with its dot one term further, ending at `column`."""
    return _State(state.rule, state.production, state.dot_index + 1, state.start_column, column, node)


class _State(State):
    """yargy's `State` with the same hash (the column keeps one state per hash), built faster."""

    def __hash__(self) -> int:
        return hash(
            (
                id(self.rule),
                id(self.production),
                self.dot_index,
                self.start_column.index,
                self.stop_column.index,
                tuple(map(id, self.node.children)),
            )
        )


class FirstSets:
    """FIRST sets of a BNF grammar's productions, with per-token answers cached."""

    def __init__(self, start: Any) -> None:
        self.rules = _reachable(start)
        self.nullable = _nullable(self.rules)
        self.terms: dict[int, tuple[list[Any], bool]] = {}
        self.answers: dict[tuple[int, str, str], bool] = {}
        self.allowed: dict[tuple[int, str | None, str | None], list[tuple[int, Any]]] = {}

    def productions(self, rule: Any, token: Any) -> list[tuple[int, Any]]:
        """(index, production) of the productions of `rule` that `token` can begin, cached."""
        key = (id(rule), None, None) if token is None else (id(rule), token.type, token.value)
        if key not in self.allowed:
            if len(self.allowed) > _CACHE_LIMIT:
                self.allowed.clear()
            self.allowed[key] = [(i, p) for i, p in enumerate(rule.productions) if self.allows(p, token)]
        return self.allowed[key]

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
