"""Re-attach decisions to (re-ingested) rows and apply them: status, corrections, carry-over.

A decision names its row by the row's content-derived id and keeps where it was made (`doc_id`,
`page`, `quote`, `char_start`, `sentence`, `file_name`). It re-attaches, in this order:
1. by id within its document (unchanged re-ingest, pipeline-version change);
2. by document, page and quote, nearest `char_start` (ids changed by a better pipeline);
3. by document and quote with the same sentence, any page (pages reordered);
4. when its document is gone (the file was edited or re-rendered: new doc_id), by quote and
   sentence in a document of the same file name, else in any document when unique.
What finds no row is *orphaned*: listed, never dropped. A row is claimed by one decision key only.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from pipeline.review.tables import (
    CARRY_FIELDS,
    LINKS,
    STATUS_COLUMN,
    coerce,
    contexts,
    expand_correction,
    joined,
    plain,
    quotes,
    reviewable,
    row_ids,
)

Key = tuple[str, str, str | None]  # table, row_id, doc_id
Target = tuple[int | None, str | None]  # position in the frame, how it was found


def attach(frames: Mapping[str, pd.DataFrame], reviews: pd.DataFrame, documents=None) -> pd.DataFrame:
    """Reviews with `target` (position of their row in its frame, or null), `matched_by`, `orphaned`."""
    reviews = reviews.reset_index(drop=True).copy()
    names = documents if documents is not None else _file_names(frames)
    targets: dict[Key, Target] = {}
    for table in reviews["table"].unique() if not reviews.empty else ():
        if table in frames and reviewable(table, frames[table]):
            frame = frames[table].reset_index(drop=True)
            targets |= _resolve(table, frame, reviews[reviews["table"] == table], names)
    found = [targets.get(_key(r), (None, None)) for r in reviews.to_dict("records")]
    reviews["target"] = pd.array([t for t, _ in found], dtype="Int64")
    reviews["matched_by"] = pd.array([m for _, m in found], dtype="string")
    known = reviews["table"].isin([t for t in frames if reviewable(t, frames[t])])
    reviews["orphaned"] = known & reviews["target"].isna()
    return reviews


def apply_reviews(
    frames: Mapping[str, pd.DataFrame], reviews: pd.DataFrame, undone: pd.DataFrame | None = None
) -> dict[str, pd.DataFrame]:
    """Frames with `review_status` on reviewable tables and corrections applied to their rows.
    `undone`: cancelled corrections, whose fields get their `old_value` back (when not corrected since)."""
    attached = attach(frames, reviews)
    reverted = attach(frames, undone) if undone is not None and not undone.empty else None
    result = dict(frames)
    for table, frame in frames.items():
        if reviewable(table, frame):
            mine = attached[attached["table"] == table]
            back = reverted[reverted["table"] == table] if reverted is not None else None
            result[table] = _apply_table(table, frame, mine, back)
    return carry_over(result)


def carry_over(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """An unreviewed row linked to a reviewed source row (an observation's figure or table cell)
    takes the source's status, and its corrected values where both tables have the column."""
    for table, links in LINKS.items():
        if table not in frames or frames[table].empty:
            continue
        frame = frames[table].copy()
        for source, columns in links.items():
            if source in frames and STATUS_COLUMN in frames[source]:
                frame = _inherit(frame, frames[source], source, columns)
        frames[table] = frame
    return frames


def _inherit(frame: pd.DataFrame, source: pd.DataFrame, name: str, columns: tuple) -> pd.DataFrame:
    if not set(columns) <= set(frame.columns):
        return frame
    done = (source[STATUS_COLUMN] != "unreviewed").fillna(False)
    if not done.any():
        return frame  # nothing reviewed to carry over
    reviewed = source[done].set_index(row_ids(name, source)[done])
    link = joined(frame, columns)
    open_rows = frame[STATUS_COLUMN].eq("unreviewed") & link.isin(reviewed.index)
    for pos in frame.index[open_rows]:
        src = reviewed.loc[link[pos]]
        src = src.iloc[0] if isinstance(src, pd.DataFrame) else src
        frame.loc[pos, STATUS_COLUMN] = src[STATUS_COLUMN]
        if src[STATUS_COLUMN] == "corrected":
            for column in CARRY_FIELDS.get(name, ()):
                if column in frame and column in src.index:
                    frame.loc[pos, column] = coerce(plain(src[column]), frame[column].dtype)
    return frame


def _resolve(table: str, frame: pd.DataFrame, reviews: pd.DataFrame, names: dict) -> dict[Key, Target]:
    by_id: dict[str, list[int]] = {}
    for pos, rid in enumerate(row_ids(table, frame)):
        by_id.setdefault(rid, []).append(pos)
    first = {_key(r): r for r in reversed(reviews.to_dict("records"))}
    found: dict[Key, Target] = {}
    text = quotes(table, frame).map(_norm, na_action="ignore")
    for key, review in first.items():
        pos = _by_id(frame, text, by_id.get(key[1], []), review)
        found[key] = (pos, "id") if pos is not None else (None, None)
    claimed = {pos for pos, _ in found.values() if pos is not None}
    around = contexts(table, frame).map(_norm, na_action="ignore")
    for step, how in ((_same_page, "quote"), (_same_doc, "sentence"), (_same_file, "moved")):
        for key, review in first.items():
            if found[key][0] is None:
                pos = step(frame, (text, around), review, claimed, names)
                if pos is not None:
                    claimed.add(pos)
                    found[key] = (pos, how)
    return found


def _by_id(frame: pd.DataFrame, text: pd.Series, positions: list[int], review: Mapping) -> int | None:
    """The row with the id in the decision's document (its quote decides between duplicate ids)."""
    doc_id = plain(review.get("doc_id"))
    here = [
        p for p in positions if doc_id is None or "doc_id" not in frame or frame["doc_id"].iat[p] == doc_id
    ]
    if len(here) > 1 and plain(review.get("quote")) is not None:
        same = [p for p in here if text.iat[p] == _norm(review["quote"])]
        return same[0] if len(same) == 1 else None
    return here[0] if here else None


def _candidates(frame, texts, review, claimed, mask) -> list[int]:
    """Unclaimed rows within `mask` with the decision's quote (and context, when that narrows)."""
    text, around = texts
    quote = plain(review.get("quote"))
    if quote is None or frame.empty:
        return []
    hit = mask & (text == _norm(quote)).fillna(False)
    found = [int(p) for p in frame.index[hit.to_numpy(dtype=bool)] if p not in claimed]
    context = plain(review.get("sentence"))
    if len(found) > 1 and context is not None:
        found = [p for p in found if around.iat[p] == _norm(context)] or found
    return found


def _same_page(frame, text, review, claimed, names) -> int | None:
    doc_id, page = plain(review.get("doc_id")), plain(review.get("page"))
    if doc_id is None or "doc_id" not in frame:
        return None
    mask = frame["doc_id"] == doc_id
    if page is not None and "page" in frame:
        mask &= frame["page"] == page
    return _nearest(frame, _candidates(frame, text, review, claimed, mask.fillna(False)), review)


def _same_doc(frame, text, review, claimed, names) -> int | None:
    doc_id = plain(review.get("doc_id"))
    if doc_id is None or "doc_id" not in frame:
        return None
    found = _candidates(frame, text, review, claimed, (frame["doc_id"] == doc_id).fillna(False))
    return _one_by_sentence(frame, text[1], found, review)


def _same_file(frame, text, review, claimed, names) -> int | None:
    """The decision's document is gone: a row of a document with its file name, else any one."""
    if "doc_id" not in frame or plain(review.get("doc_id")) in names:
        return None
    anywhere = _candidates(frame, text, review, claimed, pd.Series(True, index=frame.index))
    same_name = [p for p in anywhere if names.get(frame["doc_id"].iat[p]) == plain(review.get("file_name"))]
    pick = _one_by_sentence(frame, text[1], same_name, review)
    return pick if pick is not None else _one_by_sentence(frame, text[1], anywhere, review)


def _one_by_sentence(
    frame: pd.DataFrame, around: pd.Series, positions: list[int], review: Mapping
) -> int | None:
    """The one candidate in the decision's context; None when none or when it is ambiguous."""
    sentence = plain(review.get("sentence"))
    if sentence is not None:
        positions = [p for p in positions if around.iat[p] == _norm(sentence)]
    if len(set(_doc_page(frame, positions))) > 1:
        return None
    return _nearest(frame, positions, review)


def _doc_page(frame: pd.DataFrame, positions: list[int]) -> list[tuple]:
    return [(frame["doc_id"].iat[p], frame["page"].iat[p] if "page" in frame else None) for p in positions]


def _nearest(frame: pd.DataFrame, positions: list[int], review: Mapping) -> int | None:
    """The candidate nearest the decision's char_start; without offsets, only a single candidate."""
    if not positions:
        return None
    start = plain(review.get("char_start"))
    if start is None or "char_start" not in frame:
        return positions[0] if len(positions) == 1 else None
    return min(positions, key=lambda p: abs(int(frame["char_start"].iat[p]) - int(start)))


def _apply_table(table: str, frame: pd.DataFrame, reviews: pd.DataFrame, undone) -> pd.DataFrame:
    frame = frame.reset_index(drop=True).copy()
    status = ["unreviewed"] * len(frame)
    fixes: dict[int, dict[str, object]] = {}
    for r in reviews[reviews["target"].notna()].to_dict("records"):
        pos = int(r["target"])
        mine = fixes.setdefault(pos, {})
        if r["decision"] == "correct":
            mine.update(expand_correction(table, r["field"], plain(r["new_value"])))
        status[pos] = "rejected" if r["decision"] == "reject" else "corrected" if mine else "accepted"
    _revert(frame, undone, fixes)
    for pos, changes in fixes.items():
        for column, value in changes.items():
            if column in frame:
                frame.loc[pos, column] = coerce(value, frame[column].dtype)
        if {"value", "unit_mult"} & set(changes) and {"value_scaled", "unit_mult"} <= set(frame):
            frame.loc[pos, "value_scaled"] = _scaled(frame.loc[pos, "value"], frame.loc[pos, "unit_mult"])
    frame[STATUS_COLUMN] = pd.array(status, dtype="string")
    return frame


def _revert(frame: pd.DataFrame, undone, fixes: dict[int, dict]) -> None:
    """Give fields of undone corrections their original value back (not when corrected since)."""
    if undone is None:
        return
    for r in undone[undone["target"].notna() & (undone["decision"] == "correct")].to_dict("records"):
        pos, field = int(r["target"]), r["field"]
        if field in frame and field not in fixes.get(pos, {}):
            fixes.setdefault(pos, {})[field] = plain(r.get("old_value"))


def _file_names(frames: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    docs = frames.get("documents")
    if docs is None or docs.empty:
        return {}
    return dict(zip(docs["doc_id"], docs["file_name"], strict=True))


def _key(review: Mapping) -> Key:
    return (review["table"], str(review["row_id"]), plain(review.get("doc_id")))


def _norm(text: object) -> str:
    return " ".join(str(text).split())


def _scaled(value: object, mult: object) -> object:
    if plain(value) is None or plain(mult) is None:
        return pd.NA
    return float(value) * 10 ** int(mult)
