"""Cluster tables: one record per row of a table whose columns name clusters and their attributes."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from pipeline.extract.clusters.counts import fill_from_text
from pipeline.extract.clusters.names import clean_text, normalize_quotes
from pipeline.extract.clusters.places import parse_place
from pipeline.extract.facts import ClusterFact
from pipeline.extract.grammars.clusters import kind_of
from pipeline.extract.numbers import parse_number
from pipeline.model import ParsedTable

# Column roles by header wording, in order of precedence.
ROLES: list[tuple[str, re.Pattern]] = [
    ("url", re.compile(r"интернет|сайт|url|веб|web|адрес")),
    ("founded_year", re.compile(r"\bгод|основан|создан|дата")),
    ("employees", re.compile(r"сотрудник|работник|работающ|занят|персонал")),
    ("size", re.compile(r"размер|участник|количеств|числ|резидент|состав|член")),
    ("region", re.compile(r"регион|субъект|располож|местонахожд|город|локализац")),
    ("field", re.compile(r"област|специализац|направлен|отрасл|профил|сфер")),
    ("name", re.compile(r"кластер|наименование|название|технопарк|парк|зон[аы]")),
]
CLUSTER_HEADER = re.compile(r"кластер|парк|зон")
MIN_ROLES = 3  # a name column plus at least two attribute columns
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
URL_START = re.compile(r"(https?://|www\.)", re.I)
HOST = re.compile(r"\w\.\w")
REDIRECT_MARK = "redir"


def header_roles(header: list[str]) -> dict[str, int]:
    """Column index per role (name, region, founded_year, field, size, employees, url) from header
    wording; a bare number under "size" is the participants, under "employees" the employees."""
    roles: dict[str, int] = {}
    for col, text in enumerate(header):
        low = clean_text(text or "").lower()
        role = next((r for r, pattern in ROLES if pattern.search(low) and r not in roles), None)
        if role:
            roles[role] = col
    return roles


def is_cluster_table(table: ParsedTable) -> bool:
    """A name column plus at least two of region/year/field/size/url, naming clusters or parks."""
    roles = header_roles(table.header)
    if "name" not in roles or len(roles) < MIN_ROLES:
        return False
    if CLUSTER_HEADER.search(clean_text(table.header[roles["name"]]).lower()):
        return True
    names = [clean_text(row[roles["name"]]) for row in table.rows()]
    return sum(kind_of(n) is not None for n in names) * 2 >= max(len(names), 1)


def clusters_from_table(table: ParsedTable) -> list[ClusterFact]:
    """One `ClusterFact` per row of a cluster table (empty list for any other table)."""
    if not is_cluster_table(table):
        return []
    roles = header_roles(table.header)
    facts = (_row_fact(row, roles, table.header) for row in table.rows())
    return [fact for fact in facts if fact is not None]


def _row_fact(row: list[str], roles: dict[str, int], header: list[str]) -> ClusterFact | None:
    def cell(role: str) -> str:
        return clean_text(row[roles[role]]) if role in roles and roles[role] < len(row) else ""

    name = normalize_quotes(cell("name"))
    if not name:
        return None
    region, city, country = parse_place(cell("region"))
    year = YEAR.search(cell("founded_year"))
    fact = ClusterFact(
        name=name,
        kind=kind_of(name) or "cluster",
        source="table",
        country=country,
        region=region,
        city=city,
        founded_year=int(year.group(1)) if year else None,
        field=cell("field") or None,
        url=parse_urls(row[roles["url"]]) if "url" in roles else None,
    )
    for role in ("size", "employees"):  # the header says what a count counts ("Число участников")
        if cell(role):
            fill_from_text(fact, f"{clean_text(header[roles[role]] or '')}: {cell(role)}")
    fact.participants = fact.participants if fact.participants is not None else _bare(cell("size"))
    fact.employees = fact.employees if fact.employees is not None else _bare(cell("employees"))
    return fact


def _bare(cell: str) -> int | None:
    """A cell that is a number alone ("25", "1 200") under a count column's header."""
    value = parse_number(cell) if cell else None
    return round(value) if value is not None else None


def parse_urls(cell: str) -> str | None:
    """Web addresses of a cell, rejoined across line breaks and unwrapped from mail redirects."""
    urls: list[str] = []
    for piece in cell.split():
        if URL_START.match(piece) or not urls:
            urls.append(piece)
        else:
            urls[-1] += piece
    return " ".join(dict.fromkeys(_unwrap(u) for u in urls if HOST.search(u))) or None


def _unwrap(url: str) -> str:
    """ "https://mail2.hse.ru/owa/redir.aspx?SURL=…&URL=http%3A%2F%2Fwww.x.ru%2F" → "http://www.x.ru/"."""
    url = url.split("#_blank")[0]
    query = parse_qs(urlsplit(url).query)
    target = query.get("URL") or query.get("url")
    return target[0] if target and REDIRECT_MARK in url.lower() else url
