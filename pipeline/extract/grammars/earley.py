"""yargy's Earley parser with one token of lookahead, shared by the date and figure grammars.

A production is predicted only when the next token can begin it (its FIRST set): the same
matches as `yargy.Parser`, several times faster. `may_start` can veto match starts per token.
A rule is predicted once per column (a second prediction would only add states the column
already holds), the allowed productions of a rule and the terminals' answers are cached per
token, a state that cannot go on with the next token is never added (`_viable`), and a state
carries its next term from its creation; yargy's check for a state a column already holds is
left out (none ever comes twice, see `_Column`). A match begins only where the grammar's first
two terminals take the next two tokens (FIRST sets of length two, computed from the rules), and
a chart is built as the parse reaches it: an `all=False` chart (a figure from one anchor) ends,
untokenized, where no state goes on. The chart's matches are yargy's, in the same order
(tests/test_earley.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from yargy import Parser
from yargy.parser import Chart, Column, Match, prepare_match
from yargy.rule.bnf import is_rule
from yargy.tree import Leaf, Node, Tree

_CACHE_LIMIT = 200_000

Step = tuple[Any, bool] | None  # (next term, is it a rule) at a dot position; None: completed


class LookaheadParser(Parser):
    """Earley parsing that predicts a production only when the next token is in its FIRST set.

    `chart(text, all=True)` starts matches at every token (where `may_start` allows);
    `all=False` only at the first token, as in yargy.
    `shortcuts`: matches begin only where the grammar's first two terminals take the first two
    tokens (`FirstSets.begins`), and an `all=False` chart ends where no state goes on; the same
    matches in the same order without them (off only to test that, tests/test_earley.py).
    """

    shortcuts = True

    def __init__(self, rule: Any, tokenizer: Any, may_start: Callable[[Chart, int], bool] | None = None):
        super().__init__(rule, tokenizer=tokenizer)
        self.first = FirstSets(self.rule)
        self.may_start = may_start or (lambda chart, index: True)
        self.related = any(rule.relation for rule in self.first.rules.values())

    def prepare(self, tree: Tree) -> Match | None:
        """yargy's `prepare_match`: the match of a parse tree, None when its relations (agreement)
        fail. A grammar without relations has none to check or apply: its match is the normalized
        tree's."""
        return prepare_match(tree) if self.related else Match(tree.normalized)

    def chart(self, text: str, all: bool = True) -> Chart:
        chart = _Chart(self.tagger(self.tokenizer(text)))
        for column, next_column in chart:
            predicted: set[int] = set()
            if next_column and (column.first or all) and self._may_begin(chart, next_column):
                self.predict(column, next_column, self.rule, predicted)
            for state in column.states:
                if state.step is None:
                    self.complete(column, state)
                elif state.step[1]:
                    self.predict(column, next_column, state.step[0], predicted)
                elif next_column:
                    self.scan(next_column, state.step[0], state)
            if self.shortcuts and not all and next_column and not next_column.states:
                chart.cut()  # no state goes on: the rest of the text is never tokenized
                break
        return chart

    def _may_begin(self, chart: Chart, column: Any) -> bool:
        """May a match begin with `column`'s token? Its first two tokens must begin a string of the
        grammar (`FirstSets.begins`), and `may_start` must allow it."""
        if self.shortcuts and not self.first.begins(self.rule, column.token, column.lookahead):
            return False
        return self.may_start(chart, column.index)

    def predict(self, column: Any, next_column: Any, rule: Any, predicted: set[int] | None = None) -> None:
        """States for the productions of `rule` the next token can begin (once per column)."""
        if predicted is not None:
            if id(rule) in predicted:
                return
            predicted.add(id(rule))
        token = next_column.token if next_column else None
        for index, production, steps in self.first.productions(rule, token):
            column.append(_State(rule, production, 0, column, column, index, (), steps))

    def scan(self, column: Any, predicate: Any, state: Any) -> None:
        """yargy's scan, with `_State`. The token is not tested again: a state waiting for a
        terminal is in its column only if the terminal takes the next token (see `_viable`)."""
        token = column.token
        self._advance(state, column, Leaf(predicate, predicate.constrain(token)))

    def complete(self, column: Any, completed: Any) -> None:
        """yargy's complete, with `_State`."""
        for state in completed.start_column.states_index[id(completed.rule)]:
            self._advance(state, column, completed.node)

    def _advance(self, state: Any, column: Any, child: Any) -> None:
        """Add `state` with its dot one term further (over `child`) to `column`, if it is viable."""
        dot = state.dot_index + 1
        steps = state.steps
        if steps[dot] is not None and not self._viable(steps[dot], column):
            return
        children = (*state.children, child)
        column.append(
            _State(state.rule, state.production, dot, state.start_column, column, state.rank, children, steps)
        )

    def _viable(self, step: Any, column: Any) -> bool:
        """Can a state waiting at `column` for this term go on? A terminal must take the next
        token; a rule must have a production the next token can begin (`predict` adds no other, so
        nothing else would ever complete it). Dead states would only be stored and skipped."""
        term, rule = step
        token = column.lookahead
        if rule:
            return bool(self.first.productions(term, token))
        return token is not None and self.first.takes(term, token)


class _State:
    """yargy's `State` (the attributes its matching reads) with the `Step`s of its production
    (`step`: the next term) and its node's rank and children, in slots: the parser makes hundreds
    of thousands per document. Its `node` is made when first read (only a completed state's ever
    is: as a child of the states it advances, or as a match)."""

    __slots__ = ("rule", "production", "dot_index", "start_column", "stop_column", "rank", "children")
    __slots__ += ("steps", "step", "_node")

    def __init__(
        self,
        rule: Any,
        production: Any,
        dot: int,
        start: Any,
        stop: Any,
        rank: int,
        children: tuple[Any, ...],
        steps: list[Step],
    ) -> None:
        self.rule, self.production, self.dot_index, self.rank = rule, production, dot, rank
        self.start_column, self.stop_column, self.children = start, stop, children
        self.steps, self.step, self._node = steps, steps[dot], None

    @property
    def node(self) -> Node:
        """yargy's node of the state (made once: its identity is part of its parents' nodes)."""
        if self._node is None:
            self._node = Node(self.rule, self.production, self.rank, list(self.children))
        return self._node

    @property
    def completed(self) -> bool:
        return self.step is None

    @property
    def range(self) -> tuple[int, int]:
        return self.start_column.index, self.stop_column.index


class _Column(Column):
    """yargy's `Column` that keeps every `_State` it is given and knows the next column's token
    (`lookahead`, None in the last column). yargy's column drops a state whose hash (rule,
    production, dot, start, stop, children) it holds; none ever comes twice: a rule is predicted
    once per column, and a state is advanced once over each child (a completed state or a token)."""

    lookahead: Any = None

    def append(self, state: _State) -> None:
        self.states.append(state)
        if state.step is not None and state.step[1]:
            self.states_index[id(state.step[0])].append(state)

    def matches(self, rule: Any) -> Iterator[_State]:
        """The column's completed states of `rule`, in order."""
        return (state for state in self.states if state.step is None and state.rule is rule)


class _Chart(Chart):
    """yargy's `Chart` made of `_Column`s, built as the parse reaches them: a column is made (its
    token read, tagged and analysed) two columns ahead of the one being parsed (the lookahead of
    the next column). A chart `cut` where no state goes on holds no column past that point (its
    `last_column` is then an empty one: no match spans the whole text)."""

    def __init__(self, tokens: Any) -> None:
        self.pending = iter(tokens)
        self.tokens: list[Any] = []
        self.columns = [_Column(0, None)]
        self.read = False  # every token has its column
        self.whole = True  # not cut

    def __iter__(self) -> Iterator[tuple[_Column, _Column | None]]:
        index = 0
        while index < self._fill(index + 2):
            following = self.columns[index + 1] if index + 1 < len(self.columns) else None
            yield self.columns[index], following
            index += 1

    def _fill(self, size: int) -> int:
        """Columns up to index `size` (as many as there are tokens); the number of columns."""
        while not self.read and len(self.columns) <= size:
            token = next(self.pending, None)
            if token is None:
                self.read = True
                break
            self.tokens.append(token)
            self.columns[-1].lookahead = token
            self.columns.append(_Column(len(self.columns), token))
        return len(self.columns)

    def cut(self) -> None:
        """End the chart here (the parse found no state that goes on)."""
        self.whole = False

    @property
    def last_column(self) -> _Column:
        return self.columns[-1] if self.whole and self.read else _Column(-1, None)


class FirstSets:
    """FIRST sets of a BNF grammar's productions, with per-token answers cached: which productions
    of a rule a token can begin, and which terminals take it (a terminal begins many productions,
    so each is tested once per token)."""

    def __init__(self, start: Any) -> None:
        self.rules = _reachable(start)
        self.nullable = _nullable(self.rules)
        self.terms: dict[int, tuple[list[Any], bool]] = {}
        self.answers: dict[tuple[int, str, str], bool] = {}
        self.allowed: dict[tuple[int, str | None, str | None], list[tuple[int, Any, list[Step]]]] = {}
        self.steps: dict[int, list[Step]] = {}
        self.pairs: dict[int, dict[int, tuple[Any, bool, list[Any]]]] = {}
        self.starts: dict[tuple[int, str, str], tuple[bool, list[Any]]] = {}

    def begins(self, rule: Any, token: Any, following: Any) -> bool:
        """Can `rule` derive a string that begins with `token`, then `following` (None: the text
        ends after `token`)? From the first two terminals of its strings (`_prefixes`)."""
        key = (id(rule), token.type, token.value)
        start = self.starts.get(key)
        if start is None:
            if len(self.starts) > _CACHE_LIMIT:
                self.starts.clear()
            start = self.starts[key] = self._start(rule, token)
        sure, seconds = start
        return sure or (following is not None and any(self.takes(t, following) for t in seconds))

    def _start(self, rule: Any, token: Any) -> tuple[bool, list[Any]]:
        """(`rule` derives nothing or `token` alone, the terminals that can follow `token` at the
        beginning of its strings)."""
        if id(rule) in self.nullable:
            return True, []
        seconds: list[Any] = []
        for first, alone, following in self._pairs(rule).values():
            if self.takes(first, token):
                if alone:
                    return True, []
                seconds += following
        return False, _unique(seconds)

    def _pairs(self, rule: Any) -> dict[int, tuple[Any, bool, list[Any]]]:
        """The strings `rule` derives by their first terminal: (terminal, a string is that terminal
        alone, the terminals that can follow it)."""
        if id(rule) not in self.pairs:
            prefixes, terminals = _prefixes(self.rules)
            out: dict[int, tuple[Any, bool, list[Any]]] = {}
            for prefix in prefixes[id(rule)]:
                if prefix:
                    first, alone, seconds = out.get(prefix[0], (terminals[prefix[0]], False, []))
                    if len(prefix) == 1:
                        alone = True
                    else:
                        seconds.append(terminals[prefix[1]])
                    out[prefix[0]] = (first, alone, seconds)
            self.pairs[id(rule)] = out
        return self.pairs[id(rule)]

    def productions(self, rule: Any, token: Any) -> list[tuple[int, Any, list[Step]]]:
        """(index, production, its steps) of the productions of `rule` that `token` can begin, cached."""
        key = (id(rule), None, None) if token is None else (id(rule), token.type, token.value)
        found = self.allowed.get(key)
        if found is None:
            if len(self.allowed) > _CACHE_LIMIT:
                self.allowed.clear()
            found = self.allowed[key] = [
                (i, p, self._steps(p)) for i, p in enumerate(rule.productions) if self.allows(p, token)
            ]
        return found

    def _steps(self, production: Any) -> list[Step]:
        """The `Step` at each dot position of `production`, cached."""
        steps = self.steps.get(id(production))
        if steps is None:
            steps = self.steps[id(production)] = [(t, is_rule(t)) for t in production.terms] + [None]
        return steps

    def allows(self, production: Any, token: Any) -> bool:
        terms, nullable = self._of(production)
        if nullable or token is None:
            return nullable
        return any(self.takes(term, token) for term in terms)

    def takes(self, term: Any, token: Any) -> bool:
        """Does the terminal `term` take `token`? (cached)"""
        key = (id(term), token.type, token.value)
        answer = self.answers.get(key)
        if answer is None:
            if len(self.answers) > _CACHE_LIMIT:
                self.answers.clear()
            answer = self.answers[key] = bool(term(token))
        return answer

    def _of(self, production: Any) -> tuple[list[Any], bool]:
        if id(production) not in self.terms:
            self.terms[id(production)] = self._sequence(production.terms)
        return self.terms[id(production)]

    def _sequence(self, terms: list[Any]) -> tuple[list[Any], bool]:
        out: list[Any] = []
        for term in terms:
            if not is_rule(term):
                return _unique(out + [term]), False
            for production in term.productions:
                out += self._of(production)[0]
            if id(term) not in self.nullable:
                return _unique(out), False
        return _unique(out), True


def _unique(terms: list[Any]) -> list[Any]:
    """`terms` without repeats (by identity), in order."""
    return list({id(t): t for t in terms}.values())


def _reachable(start: Any) -> dict[int, Any]:
    rules, stack = {}, [start]
    while stack:
        rule = stack.pop()
        if id(rule) not in rules:
            rules[id(rule)] = rule
            stack.extend(t for p in rule.productions for t in p.terms if is_rule(t))
    return rules


def _prefixes(rules: dict[int, Any]) -> tuple[dict[int, set[tuple[int, ...]]], dict[int, Any]]:
    """The first two terminals (by id) of every string each rule derives (a shorter string whole: one
    terminal, or the empty string), and the terminals by id: a least fixed point over the grammar."""
    terminals = {id(t): t for r in rules.values() for p in r.productions for t in p.terms if not is_rule(t)}
    found: dict[int, set[tuple[int, ...]]] = {key: set() for key in rules}
    grown = True
    while grown:
        grown = False
        for key, rule in rules.items():
            strings = set().union(*(_sequence_prefixes(p.terms, found) for p in rule.productions))
            if not strings <= found[key]:
                found[key] |= strings
                grown = True
    return found, terminals


def _sequence_prefixes(terms: list[Any], found: dict[int, set[tuple[int, ...]]]) -> set[tuple[int, ...]]:
    """The first two terminals of the strings a sequence of terms derives (with `found` per rule)."""
    strings: set[tuple[int, ...]] = {()}
    for term in terms:
        if all(len(s) == 2 for s in strings):
            break
        parts = found[id(term)] if is_rule(term) else {(id(term),)}
        strings = {(s + p)[:2] for s in strings for p in (parts if len(s) < 2 else [()])}
    return strings


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
