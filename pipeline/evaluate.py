"""Score output tables against hand-checked gold: precision, recall and F1 per document and table.

Gold lives in `GOLD_DIR/<document file stem>/<table>.csv`; an optional `pages.txt` there limits
scoring to the pages the gold covers. Facts match on page + normalized value:
dates on (page, start, end), figures on (page, value_scaled, unit), clusters on the normalized
name (plus attribute accuracy over matched clusters). Matching counts multiplicities.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from rich.table import Table

from pipeline.store import read_table

CLUSTER_ATTRIBUTES = ("region", "founded_year", "field", "participants", "employees")


@dataclass
class Score:
    document: str
    table: str
    tp: int
    n_pred: int
    n_gold: int
    attribute_accuracy: float | None = None

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
    return "" if pd.isna(v) else f"{float(v):.6g}"


def _str(v) -> str:
    return "" if pd.isna(v) else str(v).strip()


def date_key(row) -> tuple:
    return (int(row["page"]), _str(row["start"]), _str(row["end"]))


def figure_key(row) -> tuple:
    return (int(row["page"]), _num(row["value_scaled"]), _str(row["unit"]))


def cluster_key(row) -> tuple:
    from pipeline.extract.clusters import normal_name

    return (normal_name(str(row["name"])),)


KEYS: dict[str, Callable] = {"dates": date_key, "figures": figure_key, "clusters": cluster_key}


def score_frame(document: str, table: str, pred: pd.DataFrame, gold: pd.DataFrame) -> Score:
    """Multiset match of predicted against gold keys."""
    key = KEYS[table]
    pred_keys = Counter(key(r) for _, r in pred.iterrows())
    gold_keys = Counter(key(r) for _, r in gold.iterrows())
    tp = sum((pred_keys & gold_keys).values())
    score = Score(document, table, tp, sum(pred_keys.values()), sum(gold_keys.values()))
    if table == "clusters":
        score.attribute_accuracy = cluster_attribute_accuracy(pred, gold)
    return score


def cluster_attribute_accuracy(pred: pd.DataFrame, gold: pd.DataFrame) -> float | None:
    """Share of gold attributes (non-empty) that the matched predicted cluster has right."""
    by_name = {cluster_key(r): r for _, r in pred.iterrows()}
    right = total = 0
    for _, g in gold.iterrows():
        p = by_name.get(cluster_key(g))
        if p is None:
            continue
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
    """Scores for every document folder and table file in `gold_dir` found among the outputs."""
    docs = read_table(out, "documents")
    stems = {Path(name).stem: doc_id for name, doc_id in zip(docs["file_name"], docs["doc_id"], strict=True)}
    scores = []
    for folder in sorted(p for p in Path(gold_dir).iterdir() if p.is_dir()):
        doc_id = stems.get(folder.name)
        if doc_id is None:
            continue  # gold for a document that was not ingested into `out`
        for table in KEYS:
            gold_file = folder / f"{table}.csv"
            if not gold_file.exists():
                continue
            gold = pd.read_csv(gold_file, dtype={"start": str, "end": str})
            pred = read_table(out, table)
            pred = pred[pred["doc_id"] == doc_id]
            pages = scored_pages(folder)
            if pages and "page" in pred.columns:
                pred = pred[pred["page"].isin(pages)]
            scores.append(score_frame(folder.name, table, pred, gold))
    return scores


def scored_pages(folder: Path) -> set[int] | None:
    """Pages the gold covers when it annotates only part of a document (`pages.txt`: "10,11,12")."""
    scope = folder / "pages.txt"
    if not scope.exists():
        return None
    return {int(p) for p in scope.read_text().replace(",", " ").split()}


def score_table(scores: list[Score]) -> Table:
    """Scores as a rich table."""
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
