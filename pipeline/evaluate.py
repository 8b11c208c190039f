"""Score output tables against hand-checked gold: precision, recall and F1 per document and table.

Gold lives in `GOLD_DIR/<document file stem>/<table>.csv`; an optional `pages.txt` there limits
scoring to the pages the gold covers, an optional `lines.txt` ("71-105", "25-47 57-69") of a plain-text
document to the facts quoted in those lines of its source file. Facts match on page + normalized value:
dates on (page, start, end), figures on (page, value_scaled, unit), table observations (the
`observations` rows of source "table") on (page, value_scaled), clusters on the normalized
name (plus attribute accuracy over matched clusters). Matching counts multiplicities.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from rich.console import Group
from rich.table import Table

from pipeline.schema import cell_id
from pipeline.store import read_tables

CLUSTER_ATTRIBUTES = ("region", "founded_year", "field", "participants", "employees")
GOLD_PART = "@"  # "<document stem>@<part>": another gold folder for the same document


@dataclass
class Score:
    document: str
    table: str
    tp: int
    n_pred: int
    n_gold: int
    attribute_accuracy: float | None = None
    fields: dict[str, tuple[int, int]] = field(default_factory=dict)  # name → (right, scored)

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _num(v) -> str:
    return "" if pd.isna(v) or v == "" else f"{float(v):.6g}"


def _str(v) -> str:
    return "" if pd.isna(v) else str(v).strip()


def date_key(row) -> tuple:
    return (int(row["page"]), _str(row["start"]), _str(row["end"]))


def figure_key(row) -> tuple:
    return (int(row["page"]), _num(row["value_scaled"]), _str(row["unit"]))


def cluster_key(row) -> tuple:
    from pipeline.extract.clusters import normal_name

    return (normal_name(str(row["name"])),)


def observation_key(row) -> tuple:
    """A table cell's observation: its page and scaled value (its unit is a scored field, as a
    count's unit is often implied by the label)."""
    return (int(row["page"]), _num(row["value_scaled"]))


KEYS: dict[str, Callable] = {
    "dates": date_key, "figures": figure_key, "observations": observation_key, "clusters": cluster_key,
}  # fmt: skip


def score_frame(document: str, table: str, pred: pd.DataFrame, gold: pd.DataFrame) -> Score:
    """Multiset match of predicted against gold keys (clusters: by name or alias, one to one)."""
    if table == "clusters":
        return cluster_score(document, pred, gold)
    key = KEYS[table]
    pred_keys = Counter(key(r) for _, r in pred.iterrows())
    gold_keys = Counter(key(r) for _, r in gold.iterrows())
    tp = sum((pred_keys & gold_keys).values())
    score = Score(document, table, tp, sum(pred_keys.values()), sum(gold_keys.values()))
    if table in SCORED_FIELDS:
        score.fields = field_accuracy(pred, gold, key, SCORED_FIELDS[table])
    return score


# Fields scored over matched figures when the gold file has the column; an empty gold cell means
# "none stated", so an empty prediction is right there and a filled one wrong.
FIGURE_FIELDS = (
    "kind", "qualifier", "period", "measure", "indicator", "subject_code", "period_start",
    "period_end", "base_period",
)  # fmt: skip


OBSERVATION_FIELDS = (
    "indicator", "measure", "unit", "subject_code", "period_start", "period_end", "kind", "base_period",
)  # fmt: skip
SCORED_FIELDS = {"figures": FIGURE_FIELDS, "observations": OBSERVATION_FIELDS}


def field_accuracy(
    pred: pd.DataFrame, gold: pd.DataFrame, key: Callable, fields: tuple[str, ...]
) -> dict[str, tuple[int, int]]:
    """(right, scored) per field over gold rows matched to a prediction (see `matched_rows`)."""
    out: dict[str, tuple[int, int]] = {}
    for g, p in matched_rows(pred, gold, key):
        if g is None or p is None:
            continue
        for name in fields:
            if name in gold.columns and name in p.index:
                right, total = out.get(name, (0, 0))
                out[name] = (right + same_field(name, g[name], p[name]), total + 1)
    return out


def matched_rows(
    pred: pd.DataFrame, gold: pd.DataFrame, key: Callable
) -> Iterator[tuple[pd.Series | None, pd.Series | None]]:
    """(gold row, its prediction) in gold order — the prediction is the first unmatched one of the
    same key with the gold row's quote, else the first of that key in reading order (gold rows are in
    the order of the page too; table cells in the order they are stored, row by row), or None — then
    (None, prediction) for every prediction left over."""
    if "char_start" in pred.columns:  # table cells: as stored, row by row
        pred = pred.sort_values("char_start", kind="stable")
    by_key: dict[tuple, list] = {}
    for _, r in pred.iterrows():
        by_key.setdefault(key(r), []).append(r)
    for _, g in gold.iterrows():
        candidates = by_key.get(key(g))
        yield g, (candidates.pop(_same_quote(candidates, g)) if candidates else None)
    for rows in by_key.values():
        for r in rows:
            yield None, r


def _same_quote(candidates: list[pd.Series], gold: pd.Series) -> int:
    """Index of the first candidate quoting what the gold row quotes (whitespace collapsed), else 0:
    "6 автобусов" is not paired with an unannotated "6 трендов" printed before it."""
    quote = _collapsed(gold.get("quote", ""))
    same = (k for k, r in enumerate(candidates) if quote and _collapsed(r.get("quote", "")) == quote)
    return next(same, 0)


def _collapsed(text) -> str:
    return " ".join(str(text).split())


def same_field(name: str, gold, pred) -> bool:
    """Field equality; codes compare as sets ("RU;CN"), measures by `same_measure`."""
    g, p = _str(gold), _str(pred)
    if name == "measure":
        return same_measure(g, p)
    if name == "subject_code":
        return set(g.split(";")) - {""} == set(p.split(";")) - {""}
    return g == p


def same_measure(gold: str, pred: str) -> bool:
    """Same head (the first noun's lemma), and the shorter phrase's content words all occur in the
    longer one: "товарооборот между РФ и КНР" matches "товарооборот", not "доля" or "рост экспорта".
    Heads compare in the measures' one spelling (`lexicon.COUNT_HEADS`: "количество свиней" is the
    pipeline's "число свиней")."""
    if not gold or not pred:
        return gold == pred
    g, p = _content_lemmas(gold), _content_lemmas(pred)
    if not g or not p or g[0] != p[0]:
        return False
    short, long = sorted((g, p), key=len)
    return set(short) <= set(long)


def _content_lemmas(phrase: str) -> list[str]:
    """Lemmas of a phrase's nouns and adjectives (abbreviations as written), head first."""
    from pipeline import lexicon
    from pipeline.nlp.morph import parses

    count_head = lexicon.COUNT_MEASURE_HEADS[0]  # the spelling `measures.normal_measure` gives
    out = []
    for word in re.findall(r"[А-Яа-яЁёA-Za-z-]+", phrase):
        if word.isupper() and len(word) > 1:
            out.append(word)
            continue
        top = parses(word)[0]
        if top.tag.POS in {"NOUN", "ADJF", "PRTF"}:
            out.append(top.normal_form)
    out = [count_head if w in lexicon.COUNT_HEADS else w for w in out]
    nouns = [w for w in out if w.isupper() or parses(w)[0].tag.POS == "NOUN"]
    return ([nouns[0]] + [w for w in out if w != nouns[0]]) if nouns else out


def cluster_score(document: str, pred: pd.DataFrame, gold: pd.DataFrame) -> Score:
    """Clusters matched by normalized name, a predicted record also answering to its `aliases`;
    attribute accuracy over the matches."""
    matches = match_cluster_names(pred, gold)
    score = Score(document, "clusters", len(matches), len(pred), len(gold))
    score.attribute_accuracy = cluster_attribute_accuracy(matches)
    return score


def match_cluster_names(pred: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[pd.Series, pd.Series]]:
    """(gold row, predicted row) pairs, one to one: first by the records' own names, then the gold
    rows left over by the records' aliases."""
    from pipeline.extract.clusters import normal_name

    rows = [r for _, r in pred.iterrows()]
    golds = [g for _, g in gold.iterrows()]
    own = [{normal_name(str(r["name"]))} for r in rows]
    aliases = [{normal_name(a) for a in _aliases(r)} for r in rows]
    pairs: dict[int, int] = {}
    for names in (own, aliases):
        for gi, g in enumerate(golds):
            name = cluster_key(g)[0]
            hit = next((i for i in range(len(rows)) if i not in pairs.values() and name in names[i]), None)
            if gi not in pairs and hit is not None:
                pairs[gi] = hit
    return [(golds[gi], rows[pi]) for gi, pi in sorted(pairs.items())]


def _aliases(row: pd.Series) -> list[str]:
    value = row.get("aliases")
    return [a for a in str(value).split("; ") if a] if isinstance(value, str) else []


def cluster_attribute_accuracy(matches: list[tuple[pd.Series, pd.Series]]) -> float | None:
    """Share of gold attributes (non-empty) that the matched predicted cluster has right."""
    right = total = 0
    for g, p in matches:
        for attr in CLUSTER_ATTRIBUTES:
            if attr in g and not pd.isna(g[attr]) and _str(g[attr]):
                total += 1
                right += _same(g[attr], p.get(attr))
    return right / total if total else None


def _same(gold, pred) -> bool:
    if pd.isna(pred):
        return False
    try:
        return float(gold) == float(pred)
    except (TypeError, ValueError):
        return " ".join(str(gold).lower().split()) == " ".join(str(pred).lower().split())


def evaluate_dir(gold_dir: Path | str, out: Path | str) -> list[Score]:
    """Scores for every document folder and table file in `gold_dir` found among the outputs.

    A folder is named after its document's file stem; "<stem>@<part>" holds a separately made
    gold for other pages of the same document (scored on its own `pages.txt`)."""
    return [
        score_frame(document, table, pred, gold) for document, table, pred, gold in gold_pairs(gold_dir, out)
    ]


def gold_pairs(
    gold_dir: Path | str, out: Path | str
) -> Iterator[tuple[str, str, pd.DataFrame, pd.DataFrame]]:
    """(gold folder name, table, predicted rows in the gold's scope, gold rows) for every table file
    of every gold folder whose document was ingested into `out`."""
    frames = read_tables(out, ["documents", "pages", *KEYS])  # once, from one commit
    docs = frames["documents"]
    stems = {Path(name).stem: doc_id for name, doc_id in zip(docs["file_name"], docs["doc_id"], strict=True)}
    for folder in sorted(p for p in Path(gold_dir).iterdir() if p.is_dir()):
        doc_id = stems.get(folder.name.split(GOLD_PART)[0])
        if doc_id is None:
            continue  # gold for a document that was not ingested into `out`
        for table in KEYS:
            gold_file = folder / f"{table}.csv"
            if not gold_file.exists():
                continue
            gold = pd.read_csv(gold_file, dtype=str)
            pred = frames[table]
            pred = pred[pred["doc_id"] == doc_id]
            if table == "observations":  # table cells that name a catalog indicator (text: figures)
                pred = pred[pred["source"] == "table"]
                gold = gold[gold["indicator"].fillna("").str.strip() != ""]
            pages = scored_pages(folder)
            if pages and "page" in pred.columns:
                pred = pred[pred["page"].isin(pages)]
            lines = scored_lines(folder)
            if lines and "char_start" in pred.columns:
                pred = pred[_in_spans(pred, _line_spans(frames, doc_id, lines))]
            yield folder.name, table, pred, gold


DIFFERENCE_COLUMNS = (
    "document",
    "table",
    "page",
    "quote",
    "value_scaled",
    "status",
    "field",
    "gold",
    "predicted",
    "context",
)


def differences(gold_dir: Path | str, out: Path | str) -> pd.DataFrame:
    """Every disagreement with the gold, one row each: a gold fact not found (`missed`), a
    prediction the gold does not have (`extra`), a scored field of a matched fact (`wrong`, with the
    gold and predicted values) — with the prediction's sentence or cell labels as context."""
    rows = []
    for document, table, pred, gold in gold_pairs(gold_dir, out):
        if table not in SCORED_FIELDS:
            continue
        for g, p in matched_rows(pred, gold, KEYS[table]):
            rows.extend(_row_differences(document, table, g, p, gold.columns))
    return pd.DataFrame(rows, columns=list(DIFFERENCE_COLUMNS))


def _row_differences(document: str, table: str, g, p, gold_columns) -> list[dict]:
    fact = g if g is not None else p
    base = {"document": document, "table": table, "page": int(fact["page"]), "quote": _str(fact.get("quote")),
            "value_scaled": fact["value_scaled"], "context": _context(g, p)}  # fmt: skip
    if p is None:
        return [base | {"status": "missed"}]
    if g is None:
        return [base | {"status": "extra"}]
    return [
        base | {"status": "wrong", "field": name, "gold": _str(g[name]), "predicted": _str(p[name])}
        for name in SCORED_FIELDS[table]
        if name in gold_columns and name in p.index and not same_field(name, g[name], p[name])
    ]


def _context(gold, pred) -> str:
    """The prediction's sentence (figures) or cell (`table_id:row:col`), else the gold's labels."""
    if pred is not None and "sentence" in pred.index:
        return _str(pred["sentence"])
    if pred is not None and "table_id" in pred.index and _str(pred["table_id"]):
        return cell_id(pred["table_id"], pred["row"], pred["col"])
    labels = ("row_label", "col_label")
    return " | ".join(_str(gold[n]) for n in labels if gold is not None and n in gold.index and _str(gold[n]))


def scored_pages(folder: Path) -> set[int] | None:
    """Pages the gold covers when it annotates only part of a document (`pages.txt`: "10,11,12")."""
    scope = folder / "pages.txt"
    if not scope.exists():
        return None
    return {int(p) for p in scope.read_text().replace(",", " ").split()}


def scored_lines(folder: Path) -> list[tuple[int, int]] | None:
    """Line ranges (1-based, inclusive) of a plain-text source the gold covers (`lines.txt`:
    "71-105" or "25-47 57-69"), when it annotates blocks of one long text."""
    scope = folder / "lines.txt"
    if not scope.exists():
        return None
    return [(int(a), int(b)) for a, b in re.findall(r"(\d+)\s*-\s*(\d+)", scope.read_text())]


def _line_spans(
    frames: dict[str, pd.DataFrame], doc_id: str, lines: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Character spans of page 1's text holding those lines of the document's source file: each
    block's first and last line located by their words (the text reader drops blank lines and
    joins wrapped ones, so offsets into the file do not index the page)."""
    docs, pages = frames["documents"], frames["pages"]
    source = Path(str(docs.loc[docs["doc_id"] == doc_id, "source_path"].iloc[0]))
    page = str(pages.loc[(pages["doc_id"] == doc_id) & (pages["page"] == 1), "text"].iloc[0])
    try:
        file_lines = source.read_text(encoding="utf-8").split("\n")
    except OSError as exc:
        raise ValueError(f"gold lines.txt needs the source text {source}: {exc.strerror}") from exc
    flat, at = _collapsed_with_offsets(page)
    spans = []
    for first, last in lines:
        block = _collapsed("\n".join(file_lines[first - 1 : last]))
        head, tail = block[:_ANCHOR_CHARS], block[-_ANCHOR_CHARS:]
        start = flat.find(head)
        end = flat.find(tail, max(start, 0))
        if start < 0 or end < 0:
            raise ValueError(f"{source.name}: lines {first}-{last} not found in its page text")
        spans.append((at[start], at[end + len(tail) - 1] + 1))
    return spans


_ANCHOR_CHARS = 60  # characters of a block's start and end looked up in the page text


def _collapsed_with_offsets(text: str) -> tuple[str, list[int]]:
    """`text` with whitespace runs as one space, and each kept character's offset in `text`."""
    out, at = [], []
    for m in re.finditer(r"\S+", text):
        if out:
            out.append(" ")
            at.append(m.start() - 1)
        out.append(m.group())
        at.extend(range(m.start(), m.end()))
    return "".join(out), at


def _in_spans(pred: pd.DataFrame, spans: list[tuple[int, int]]) -> pd.Series:
    start, end = pred["char_start"].astype(int), pred["char_end"].astype(int)
    inside = pd.Series(False, index=pred.index)
    for lo, hi in spans:
        inside |= (start >= lo) & (end <= hi)
    return inside


FIELD_TITLES = {
    "figures": "Figure fields over matched figures: right/scored (accuracy)",
    "observations": "Table-cell observation fields over matched cells: right/scored (accuracy)",
}


def score_table(scores: list[Score], splits: dict[str, str] | None = None) -> Group:
    """Scores as rich tables: per document and table, then field accuracy over matched figures
    and over matched table cells (when the gold has table observations), then the sums per split
    of the gold (`splits.csv`) when there is one."""
    tables = [field_table(scores, name) for name in SCORED_FIELDS if any(s.table == name for s in scores)]
    if splits:
        tables.append(split_table(scores, splits))
    return Group(_score_rows(scores), *tables)


SPLITS_FILE = "splits.csv"
DEFAULT_SPLIT = "tuned"  # a gold folder splits.csv does not list: the rules were built on it


def read_splits(gold_dir: Path | str) -> dict[str, str]:
    """Gold folder → split ("held_out", "held_out_quoted", "dev", "tuned") from `GOLD_DIR/splits.csv`,
    if present."""
    path = Path(gold_dir) / SPLITS_FILE
    if not path.exists():
        return {}
    frame = pd.read_csv(path, dtype=str, comment="#")
    if not {"folder", "split"} <= set(frame.columns.str.strip()):
        raise ValueError(
            f"{path}: the first line after the comments must name the columns folder,split[,note]"
        )
    frame.columns = frame.columns.str.strip()
    return dict(zip(frame["folder"].str.strip(), frame["split"].str.strip(), strict=True))


def split_sums(scores: list[Score], splits: dict[str, str]) -> dict[tuple[str, str], Score]:
    """Scores summed per (table, split) over figures and table observations; every gold folder
    that `splits` does not name is in `DEFAULT_SPLIT`."""
    sums: dict[tuple[str, str], Score] = {}
    for s in (s for s in scores if s.table in SCORED_FIELDS):
        split = splits.get(s.document, DEFAULT_SPLIT)
        total = sums.setdefault((s.table, split), Score(split, s.table, 0, 0, 0))
        total.tp += s.tp
        total.n_pred += s.n_pred
        total.n_gold += s.n_gold
        for name, (right, scored) in s.fields.items():
            old = total.fields.get(name, (0, 0))
            total.fields[name] = (old[0] + right, old[1] + scored)
    return sums


def split_table(scores: list[Score], splits: dict[str, str]) -> Table:
    """One row per table and split: precision, recall and every field's accuracy summed."""
    t = Table(
        title="Per split of the gold (splits.csv): held_out = never tuned on "
        "(held_out_quoted: quoted by tests), dev = open gold"
    )
    for col in ("table", "split", "tp/gold", "precision", "recall", "fields right/scored"):
        t.add_column(col)
    for (table, split), s in sorted(split_sums(scores, splits).items()):
        fields = ", ".join(f"{n} {_ratio(*s.fields[n])}" for n in SCORED_FIELDS[table] if n in s.fields)
        t.add_row(table, split, f"{s.tp}/{s.n_gold}", f"{s.precision:.3f}", f"{s.recall:.3f}", fields)
    return t


def field_table(scores: list[Score], table: str = "figures") -> Table:
    """Per-document and overall accuracy of each field of `table` over its matched rows."""
    fields = SCORED_FIELDS[table]
    t = Table(title=FIELD_TITLES[table])
    t.add_column("document")
    for name in fields:
        t.add_column(name)
    totals: dict[str, list[int]] = {name: [0, 0] for name in fields}
    for s in (s for s in scores if s.fields and s.table == table):
        t.add_row(s.document, *(_ratio(*s.fields[n]) if n in s.fields else "" for n in fields))
        for n, (right, total) in s.fields.items():
            totals[n][0] += right
            totals[n][1] += total
    t.add_row("all", *(_ratio(*totals[n]) if totals[n][1] else "" for n in fields))
    return t


def _ratio(right: int, total: int) -> str:
    return f"{right}/{total} ({right / total:.2f})" if total else ""


def _score_rows(scores: list[Score]) -> Table:
    t = Table(title="Accuracy against gold")
    for col in ("document", "table", "gold", "pred", "tp", "precision", "recall", "F1", "attr. acc."):
        t.add_column(col)
    for s in scores:
        acc = "" if s.attribute_accuracy is None else f"{s.attribute_accuracy:.3f}"
        t.add_row(
            s.document, s.table, str(s.n_gold), str(s.n_pred), str(s.tp),
            f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", acc,
        )  # fmt: skip
    return t


# --- clusters: name matching with variants and per-attribute accuracy ----------------------------


def score_clusters(pred: pd.DataFrame, gold: pd.DataFrame) -> dict:
    """Recall/precision of cluster records matched by name (normal name or distinctive core) and
    the accuracy of each scored attribute over matches where either side has a value."""
    pred_rows, gold_rows = pred.to_dict("records"), gold.to_dict("records")
    matches = _match_clusters(pred_rows, gold_rows)
    accuracy = {}
    for attr in CLUSTER_ATTRIBUTES:
        pairs = [(pred_rows[p].get(attr), gold_rows[g].get(attr)) for g, p in matches.items()]
        pairs = [(a, b) for a, b in pairs if not (_blank(a) and _blank(b))]
        accuracy[attr] = sum(_same_value(a, b) for a, b in pairs) / len(pairs) if pairs else None
    recall = len(matches) / len(gold_rows) if gold_rows else 0.0
    precision = len(matches) / len(pred_rows) if pred_rows else 0.0
    return {
        "recall": recall,
        "precision": precision,
        "f1": 2 * recall * precision / (recall + precision) if recall + precision else 0.0,
        "n_gold": len(gold_rows),
        "n_pred": len(pred_rows),
        "n_matched": len(matches),
        "accuracy": accuracy,
        "missed": [gold_rows[g]["name"] for g in range(len(gold_rows)) if g not in matches],
        "spurious": [pred_rows[p]["name"] for p in range(len(pred_rows)) if p not in matches.values()],
    }


def _match_clusters(pred: list[dict], gold: list[dict]) -> dict[int, int]:
    """gold index → pred index, one-to-one, by shared merge keys."""
    keys = [_cluster_keys(r) for r in pred]
    used: set[int] = set()
    out = {}
    for g, row in enumerate(gold):
        wanted = _cluster_keys(row)
        hit = next((p for p, k in enumerate(keys) if p not in used and k & wanted), None)
        if hit is not None:
            used.add(hit)
            out[g] = hit
    return out


def _cluster_keys(row: dict) -> set[str]:
    from pipeline.extract.clusters.merge import merge_keys
    from pipeline.extract.facts import ClusterFact

    kind = row.get("kind") if isinstance(row.get("kind"), str) else None
    return merge_keys(ClusterFact(name=str(row["name"]), kind=kind or "cluster", source="text"))


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or value == ""


def _same_value(a: object, b: object) -> bool:
    if _blank(a) or _blank(b):
        return False
    if isinstance(a, int | float) or isinstance(b, int | float):
        try:
            return int(float(a)) == int(float(b))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False
    return _folded(str(a)) == _folded(str(b))


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[«»\"“”„]", " ", text).lower().replace("ё", "е").split())
