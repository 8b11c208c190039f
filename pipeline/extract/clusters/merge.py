"""One record per cluster of a document: table rows and text mentions merged, variants as aliases.

Records merge when they share the normal name, the distinctive core of the name or an alias, or
when one name abbreviates the other ("Волгоградский химфармкластер" / "Волгоградский
химико-фармацевтический кластер"); the merged record lists the other names in `aliases`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pipeline.extract.clusters.fields import field_of_name, fields_of_words
from pipeline.extract.clusters.names import (
    ORPHAN,
    QUOTE_CHARS,
    QUOTED,
    core_key,
    normal_name,
    normalize_quotes,
)
from pipeline.extract.clusters.places import apply_region, document_region, name_region
from pipeline.extract.clusters.references import ALIAS_KEY, PRONOUN_KEY
from pipeline.extract.facts import ClusterFact
from pipeline.extract.grammars.clusters import GENERIC_WORDS, KIND_HEADS, KIND_WORD_FAMILIES, kind_of
from pipeline.extract.territories import find_territories
from pipeline.nlp.morph import lemma

FILLED = ("country", "region", "city", "founded_year", "field", "participants", "employees", "url")
ORPHAN_PAGE_REACH = 1  # an orphan refers to a cluster named on its page or the page before
MIN_SYLLABLE = 2  # "хим" + "фарм": each abbreviated word keeps at least this many letters


def merge_keys(fact: ClusterFact) -> set[str]:
    """Keys that identify one cluster within a document."""
    keys = {"n:" + normal_name(fact.name), core_key(fact.name, fact.kind)}
    return keys | {core_key(a, fact.kind) for a in fact.aliases if _core_words(a)}


def resolve_clusters(
    records: list[tuple[ClusterFact, int]], document_texts: Sequence[str] = ()
) -> list[tuple[ClusterFact, list[int]]]:
    """One record per cluster of a document from its table rows and text mentions (with pages).

    `ORPHAN` records (sentences that refer to a cluster named on an earlier page) fill the gaps of
    that cluster; `document_texts` (title, then pages) give the document's region to Russian
    records without one.
    """
    named = [(f, page) for f, page in records if f.source != ORPHAN]
    out = []
    for members in _group([fact for fact, _ in named]):
        pages = sorted({named[i][1] for i in members})
        out.append((_merge([named[i][0] for i in members]), pages))
    out = _absorb_shorthands(out)
    for orphan, page in ((f, page) for f, page in records if f.source == ORPHAN):
        target = _referent(out, orphan, page)
        if target is not None:
            _fill(target[0], orphan)
            target[1][:] = sorted({*target[1], page})
    region = document_region(document_texts) if document_texts else None
    for fact, _ in out:
        apply_region(fact, region)
    return out


def _absorb_shorthands(resolved: list[tuple[ClusterFact, list[int]]]) -> list[tuple[ClusterFact, list[int]]]:
    """A name that is only a region and a kind ("Волгоградский кластер") is the document's one
    fuller record of that kind and region, when there is exactly one."""
    out = list(resolved)
    for short in [r for r in resolved if _is_shorthand(r[0].name)]:
        region = name_region(short[0].name)
        same = [r for r in out if r is not short and r[0].kind == short[0].kind]
        fuller = [r for r in same if name_region(r[0].name) == region]
        if len(fuller) == 1 and not _is_shorthand(fuller[0][0].name):
            _fill(fuller[0][0], short[0])
            fuller[0][0].aliases = _aliases(fuller[0][0].name, [*fuller[0][0].aliases, short[0].name])
            fuller[0][1][:] = sorted({*fuller[0][1], *short[1]})
            out.remove(short)
    return out


def _is_shorthand(name: str) -> bool:
    """A kind word and a region only ("Волгоградский кластер", "Кластер Волгоградской области")."""
    if name_region(name) is None or QUOTE_CHARS.search(name):
        return False
    text = name
    for found in reversed(find_territories(name)):
        text = text[: found.start] + " " + text[found.end :]
    return all(lemma(w) in KIND_WORD_FAMILIES for w in text.lower().split())


def _referent(
    resolved: list[tuple[ClusterFact, list[int]]], orphan: ClusterFact, page: int
) -> tuple[ClusterFact, list[int]] | None:
    """The cluster an orphan refers to: the latest of its kind named at most `ORPHAN_PAGE_REACH`
    pages before, else the document's only cluster of its kind named before it. A pronoun orphan
    refers to the one cluster of any kind named on the page before, an acronym orphan to the one
    cluster with that alias."""
    if orphan.name.startswith(ALIAS_KEY):
        named = [r for r in resolved if orphan.name[len(ALIAS_KEY) :] in r[0].aliases]
        return named[0] if len(named) == 1 else None
    if orphan.name == PRONOUN_KEY:
        previous = [r for r in resolved if page - 1 in r[1]]
        return previous[0] if len(previous) == 1 else None
    family = KIND_WORD_FAMILIES.get(orphan.name, set())
    before = [
        (r, max(p for p in r[1] if p < page)) for r in resolved if r[0].kind in family and r[1][0] < page
    ]
    near = [(r, p) for r, p in before if page - p <= ORPHAN_PAGE_REACH]
    if near:
        return max(near, key=lambda rp: rp[1])[0]
    same_kind = [r for r in resolved if r[0].kind in family]
    return before[0][0] if len(same_kind) == 1 and before else None


def _group(facts: list[ClusterFact]) -> list[list[int]]:
    """Indices of facts that name the same cluster (union-find over shared keys and variants)."""
    parent = list(range(len(facts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    keys = [merge_keys(f) for f in facts]
    for i, fact in enumerate(facts):
        for j in range(i):
            same = keys[i] & keys[j] or is_variant(facts[j], fact) or is_same_place_and_field(facts[j], fact)
            if _compatible(facts[j], fact) and same:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(facts)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _compatible(a: ClusterFact, b: ClusterFact) -> bool:
    return a.country is None or b.country is None or a.country == b.country


def is_variant(a: ClusterFact, b: ClusterFact) -> bool:
    """Same kind, and a compound of one name abbreviates words of the other ("химфармкластер" ~
    "химико-фармацевтический кластер")."""
    if a.kind != b.kind:
        return False
    one, two = _parts(a.name), _parts(b.name)
    return one != two and (_abbreviates(one, two) or _abbreviates(two, one))


def is_same_place_and_field(a: ClusterFact, b: ClusterFact) -> bool:
    """Same kind, the same region in both names and the fields of one name among the other's
    ("Волгоградский фармацевтический кластер" ~ "Фармацевтический кластер Волгоградской области" ~
    "Кластер «Волгоградский химфармкластер»"); two different quoted names stay apart."""
    if a.kind != b.kind or _distinct_quoted(a.name, b.name):
        return False
    region = name_region(a.name)
    if region is None or region != name_region(b.name):
        return False
    one, two = _name_fields(a.name), _name_fields(b.name)
    return bool(one and two) and (one <= two or two <= one)


def _name_fields(name: str) -> set[str]:
    return set((fields_of_words(name) or "").split(", ")) - {""}


def _distinct_quoted(one: str, two: str) -> bool:
    """Both names quote a proper name (not a kind phrase) and the quoted names differ."""
    quoted = [QUOTED.search(normalize_quotes(n)) for n in (one, two)]
    names = [q.group(1).lower() for q in quoted if q and kind_of(q.group(1)) is None]
    return len(names) == 2 and names[0] != names[1]


def _parts(name: str) -> list[str]:
    """Words of a normal name split at hyphens; a compound kind word leaves its prefix ("хим фарм" of
    "химфармкластер" → "химфарм") marked with a leading "~"; kind words themselves are dropped."""
    out = []
    for word in normal_name(name).replace("-", " ").split():
        head = next((h for h in KIND_HEADS if word.endswith(h) and len(word) > len(h)), None)
        if head:
            out.append("~" + word[: -len(head)])
        elif word not in KIND_HEADS:
            out.append(word)
    return out


def _abbreviates(short: list[str], full: list[str]) -> bool:
    """`short` equals `full` with each "~prefix" standing for a run of words it abbreviates."""
    if not short or not full:
        return not short and not full
    head, rest = short[0], short[1:]
    if not head.startswith("~"):
        return lemma(head) == lemma(full[0]) and _abbreviates(rest, full[1:])
    return any(_spells(head[1:], full[:n]) and _abbreviates(rest, full[n:]) for n in range(1, len(full) + 1))


def _spells(abbreviation: str, words: list[str]) -> bool:
    """ "химфарм" is spelled by the starts of "химико", "фармацевтический"."""
    if not words:
        return not abbreviation
    first = words[0]
    return any(
        abbreviation.startswith(first[:k]) and _spells(abbreviation[k:], words[1:])
        for k in range(MIN_SYLLABLE, len(first) + 1)
    )


def _core_words(name: str) -> list[str]:
    return [w for w in normal_name(name).split() if lemma(w) not in GENERIC_WORDS]


def _merge(facts: list[ClusterFact]) -> ClusterFact:
    """The first table row (else the first full-form mention) with gaps filled from the others."""
    ordered = sorted(facts, key=lambda f: (f.source != "table", _abbreviated(f.name)))
    base = replace(ordered[0], attributes=dict(ordered[0].attributes), aliases=list(ordered[0].aliases))
    for other in ordered[1:]:
        _fill(base, other)
    base.aliases = _aliases(base.name, [n for f in ordered for n in (f.name, *f.aliases)])
    if base.field is None:  # no field stated: the most its names say ("химико-фармацевтический")
        base.field = max(map(field_of_name, [base.name, *base.aliases]), key=lambda f: len(f or ""))
    base.source = "table" if any(f.source == "table" for f in facts) else "text"
    return base


def _aliases(name: str, names: list[str]) -> list[str]:
    """Distinct other names of a cluster, in order, one per normal form."""
    seen, out = {normal_name(name)}, []
    for other in names:
        if normal_name(other) not in seen:
            seen.add(normal_name(other))
            out.append(other)
    return out


def _fill(base: ClusterFact, other: ClusterFact) -> None:
    for name in FILLED:
        if getattr(base, name) is None and getattr(other, name) is not None:
            setattr(base, name, getattr(other, name))
            if name == "participants":
                base.participants_qualifier = other.participants_qualifier
    if base.char_start is None:
        base.char_start, base.char_end = other.char_start, other.char_end
    for key, value in other.attributes.items():
        base.attributes.setdefault(key, value)


def _abbreviated(name: str) -> bool:
    return any(p.startswith("~") for p in _parts(name))
