// indikator review page: a grid of one document's rows, keyboard decisions, evidence on the page.
"use strict";
const $ = (id) => document.getElementById(id);
const S = { rows: [], view: [], sel: -1, columns: [], fields: [], zoom: 1.5, table: null, doc: null, evidence: null };
const STATUS = "review_status";

async function api(path, body) {
  const init = body === undefined ? {} : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  const res = await fetch(path, init);
  const data = await res.json();
  if (!res.ok) throw new Error(data.error || res.statusText);
  return data;
}

function flash(text, kind) { const f = $("flash"); f.textContent = text; f.className = kind || "ok"; }

function fill(select, values, keep) {
  const old = select.value;
  select.innerHTML = "";
  for (const [value, label] of values) { const o = document.createElement("option"); o.value = value; o.textContent = label; select.append(o); }
  if (keep && [...select.options].some((o) => o.value === old)) select.value = old;
}

async function init() {
  const meta = await api("/api/meta");
  $("reviewer").value = localStorage.getItem("reviewer") || meta.reviewer;
  fill($("doc"), meta.documents.map((d) => [d.doc_id, `${d.file_name} (${d.doc_id.slice(0, 8)})${d.status === "ok" ? "" : " [" + d.status + "]"}`]));
  fill($("table"), meta.tables.map((t) => [t, t]));
  if (meta.tables.includes("figures")) $("table").value = "figures";
  $("finish").hidden = !meta.gate;
  await load();
}

async function load(keepId) {
  S.doc = $("doc").value; S.table = $("table").value;
  const data = await api(`/api/rows?table=${encodeURIComponent(S.table)}&doc=${encodeURIComponent(S.doc)}`);
  S.rows = data.rows; S.columns = data.columns; S.fields = data.fields;
  fill($("field"), S.fields.map((f) => [f, f]), true);
  for (const [id, col] of [["f-unit", "unit"], ["f-kind", "kind"], ["f-page", "page"]]) {
    const values = [...new Set(S.rows.map((r) => r[col]).filter((v) => v !== null && v !== undefined))].sort((a, b) => (a > b ? 1 : -1));
    fill($(id), [["", "any"], ...values.map((v) => [String(v), String(v)])], true);
    $(id).parentElement.hidden = !S.columns.includes(col);
  }
  $("f-lowconf").parentElement.hidden = !S.columns.includes("confidence");
  applyFilters(keepId);
  progress(); orphans();
}

function applyFilters(keepId) {
  const st = $("f-status").value, unit = $("f-unit").value, kind = $("f-kind").value, page = $("f-page").value;
  const text = $("f-text").value.trim().toLowerCase();
  let view = S.rows.filter((r) => (!st || r[STATUS] === st) && (!unit || String(r.unit) === unit) && (!kind || String(r.kind) === kind)
    && (!page || String(r.page) === page) && (!text || JSON.stringify(r).toLowerCase().includes(text)));
  if ($("f-lowconf").checked) view = [...view].sort((a, b) => (a.confidence ?? 2) - (b.confidence ?? 2));
  S.view = view;
  const at = keepId ? view.findIndex((r) => r._id === keepId) : -1;
  renderGrid();
  select(at >= 0 ? at : view.findIndex((r) => r[STATUS] === "unreviewed") >= 0 ? view.findIndex((r) => r[STATUS] === "unreviewed") : 0);
}

function renderGrid() {
  const cols = [STATUS, ...S.columns.filter((c) => c !== STATUS)];
  $("grid").tHead.innerHTML = "<tr>" + cols.map((c) => `<th>${c}</th>`).join("") + "</tr>";
  const body = $("grid").tBodies[0];
  body.innerHTML = "";
  S.view.forEach((r, i) => {
    const tr = document.createElement("tr");
    tr.dataset.index = i; tr.dataset.id = r._id;
    for (const c of cols) {
      const td = document.createElement("td");
      td.textContent = r[c] === null || r[c] === undefined ? "" : String(r[c]);
      if (c === STATUS) td.className = "st-" + r[c];
      td.title = td.textContent;
      tr.append(td);
    }
    tr.addEventListener("click", (ev) => {
      // clicking a cell of a correctable column makes it the field `e` edits
      const column = cols[ev.target.cellIndex];
      if (S.fields.includes(column)) $("field").value = column;
      select(i);
    });
    body.append(tr);
  });
  $("count").textContent = `${S.view.length} of ${S.rows.length} ${S.table} rows`;
}

function updateRow(i) {
  const tr = $("grid").tBodies[0].rows[i];
  if (!tr) return;
  const cols = [STATUS, ...S.columns.filter((c) => c !== STATUS)];
  cols.forEach((c, k) => { const td = tr.cells[k]; const r = S.view[i]; td.textContent = r[c] === null || r[c] === undefined ? "" : String(r[c]); if (c === STATUS) td.className = "st-" + r[c]; });
}

function select(i) {
  if (!S.view.length) { S.sel = -1; $("context").innerHTML = "No rows match."; $("page").removeAttribute("src"); return; }
  i = Math.max(0, Math.min(i, S.view.length - 1));
  const rows = $("grid").tBodies[0].rows;
  if (rows[S.sel]) rows[S.sel].classList.remove("sel");
  S.sel = i;
  rows[i].classList.add("sel");
  rows[i].scrollIntoView({ block: "nearest" });
  showEvidence(S.view[i]);
}

async function showEvidence(row) {
  const q = `table=${encodeURIComponent(S.table)}&row_id=${encodeURIComponent(row._id)}&doc=${encodeURIComponent(row.doc_id || "")}`;
  const ev = await api(`/api/evidence?${q}`);
  if (S.view[S.sel] !== row) return; // another row was selected meanwhile
  S.evidence = ev;
  $("context").innerHTML = ev.html; // displaCy markup: PDF text escaped on the server
  showPage();
}

function showPage() {
  const ev = S.evidence;
  if (!ev || !ev.page || !ev.has_pdf) { $("page").removeAttribute("src"); $("pageinfo").textContent = ev && ev.page ? `page ${ev.page} (no PDF)` : ""; $("open-pdf").hidden = true; return; }
  const boxes = ev.boxes.map((b) => b.map((v) => v.toFixed(1)).join(",")).join(";");
  $("page").src = `/api/page.png?doc=${encodeURIComponent(S.doc)}&page=${ev.page}&zoom=${S.zoom}&boxes=${boxes}`;
  $("page").alt = `page ${ev.page}`;
  $("pageinfo").textContent = `page ${ev.page} · ${ev.boxes.length} box(es) · zoom ${S.zoom}×`;
  $("open-pdf").hidden = false;
  $("open-pdf").href = `/pdf/${encodeURIComponent(S.doc)}#page=${ev.page}`;
  $("page").onload = () => {
    if (!ev.boxes.length || !ev.width) return;
    const scale = $("page").naturalWidth / ev.width;
    $("page-wrap").scrollTop = Math.max(0, ev.boxes[0][1] * scale - 120);
    const right = Math.max(...ev.boxes.map((b) => b[2])) * scale, wrap = $("page-wrap");
    wrap.scrollLeft = right + 20 <= wrap.clientWidth ? 0 : right + 20 - wrap.clientWidth; // box in view
  };
}

function nextUnreviewed(from) {
  for (let k = 1; k <= S.view.length; k++) { const i = (from + k) % S.view.length; if (S.view[i][STATUS] === "unreviewed") return i; }
  return -1;
}

function statusAfter(decision) { return decision === "reject" ? "rejected" : decision === "accept" ? "accepted" : "corrected"; }

async function decide(decision, extra) {
  if (S.sel < 0) return;
  const row = S.view[S.sel], at = S.sel;
  const item = Object.assign({ row_id: row._id, doc_id: row.doc_id, decision }, extra || {});
  try {
    await api("/api/decide", { table: S.table, reviewer: reviewer(), note: $("note").value, items: [item] });
  } catch (e) { flash(e.message, "error"); return; }
  $("note").value = "";
  document.body.dataset.saved = String(Number(document.body.dataset.saved || 0) + 1);
  if (decision === "correct") { await load(row._id); flash(`corrected ${extra.field} of ${row._id}`); }
  else {
    row[STATUS] = row[STATUS] === "corrected" && decision === "accept" ? "corrected" : statusAfter(decision);
    updateRow(at); flash(`${statusAfter(decision)}: ${row._id}`);
    localProgress();
  }
  const next = nextUnreviewed(S.view.findIndex((r) => r._id === row._id));
  if (next >= 0) select(next);
}

async function bulk(decision) {
  const items = S.view.filter((r) => r[STATUS] === "unreviewed" || decision === "reject").map((r) => ({ row_id: r._id, doc_id: r.doc_id, decision }));
  if (!items.length || !confirm(`${decision} all ${items.length} shown row(s)?`)) return;
  try { await api("/api/decide", { table: S.table, reviewer: reviewer(), items }); } catch (e) { flash(e.message, "error"); return; }
  flash(`${decision}: ${items.length} row(s)`);
  await load(S.view[S.sel] && S.view[S.sel]._id);
}

async function undo() {
  const res = await api("/api/undo", { reviewer: reviewer() });
  if (!res.undone) { flash("nothing to undo", "error"); return; }
  flash(`undone: ${res.undone.decision} ${res.undone.row_id}`);
  if (res.undone.table === S.table) await load(res.undone.row_id); else progress();
  // counted once the view shows the undone row again (a key pressed after it sees the reloaded view)
  document.body.dataset.undone = String(Number(document.body.dataset.undone || 0) + 1);
}

function edit() {
  const field = $("field").value;
  if (!field || S.sel < 0) return;
  const v = S.view[S.sel][field];
  $("value").value = v === null || v === undefined ? "" : String(v);
  $("value").focus(); $("value").select();
}

function saveEdit() { const field = $("field").value; decide("correct", { field, new_value: $("value").value }).then(() => $("value").blur()); }

function reviewer() { localStorage.setItem("reviewer", $("reviewer").value); return $("reviewer").value; }

async function progress() {
  const all = await api("/api/progress");
  const mine = all[S.doc] || {};
  for (const option of $("doc").options) {
    // every document's overall progress in the picker: "file (id) · reviewed/total"
    const counts = Object.values(all[option.value] || {});
    const done = counts.reduce((n, c) => n + c[0], 0), total = counts.reduce((n, c) => n + c[1], 0);
    option.textContent = option.textContent.replace(/ · \d+\/\d+$/, "") + ` · ${done}/${total}`;
  }
  $("progress").innerHTML = "";
  for (const [table, [done, total]] of Object.entries(mine)) {
    const span = document.createElement("span"); span.className = "bar"; span.dataset.table = table;
    span.innerHTML = `${table} <progress max="${total}" value="${done}"></progress> ${done}/${total}`;
    $("progress").append(span);
  }
}

function localProgress() {
  // the current table's bar from the grid's rows (the server's counts come with the next load)
  const bar = document.querySelector(`#progress .bar[data-table="${S.table}"]`);
  if (!bar) return;
  const done = S.rows.filter((r) => r[STATUS] !== "unreviewed").length;
  bar.innerHTML = `${S.table} <progress max="${S.rows.length}" value="${done}"></progress> ${done}/${S.rows.length}`;
}

async function orphans() {
  const data = await api("/api/orphans");
  $("orphans-title").textContent = `Orphaned decisions (${data.orphans.length})`;
  const cols = data.orphans.length ? Object.keys(data.orphans[0]) : [];
  $("orphans").innerHTML = "";
  const head = document.createElement("tr"); cols.forEach((c) => { const th = document.createElement("th"); th.textContent = c; head.append(th); });
  $("orphans").append(head);
  for (const o of data.orphans) { const tr = document.createElement("tr"); cols.forEach((c) => { const td = document.createElement("td"); td.textContent = o[c] ?? ""; tr.append(td); }); $("orphans").append(tr); }
}

function onKey(ev) {
  const typing = ["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName);
  if (document.activeElement === $("value")) {
    if (ev.key === "Enter") { ev.preventDefault(); saveEdit(); } else if (ev.key === "Escape") $("value").blur();
    return;
  }
  if (typing) { if (ev.key === "Escape") document.activeElement.blur(); return; }
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const keys = {
    a: () => decide("accept"), r: () => decide("reject"), e: edit, u: undo,
    j: () => select(S.sel + 1), k: () => select(S.sel - 1), ArrowDown: () => select(S.sel + 1), ArrowUp: () => select(S.sel - 1),
    n: () => { const i = nextUnreviewed(S.sel); if (i >= 0) select(i); else flash("every shown row is reviewed"); },
    A: () => bulk("accept"), R: () => bulk("reject"),
    "+": () => { S.zoom = Math.min(4, S.zoom + 0.5); showPage(); }, "-": () => { S.zoom = Math.max(0.5, S.zoom - 0.5); showPage(); },
  };
  const act = keys[ev.key];
  if (act) { ev.preventDefault(); act(); }
}

document.addEventListener("keydown", onKey);
$("doc").addEventListener("change", () => load());
$("table").addEventListener("change", () => load());
for (const id of ["f-status", "f-unit", "f-kind", "f-page", "f-lowconf"]) $(id).addEventListener("change", () => applyFilters());
$("f-text").addEventListener("input", () => applyFilters());
$("accept").addEventListener("click", () => decide("accept"));
$("reject").addEventListener("click", () => decide("reject"));
$("correct").addEventListener("click", saveEdit);
$("bulk-accept").addEventListener("click", () => bulk("accept"));
$("bulk-reject").addEventListener("click", () => bulk("reject"));
$("zoom-in").addEventListener("click", () => { S.zoom = Math.min(4, S.zoom + 0.5); showPage(); });
$("zoom-out").addEventListener("click", () => { S.zoom = Math.max(0.5, S.zoom - 0.5); showPage(); });
$("finish").addEventListener("click", async () => { await api("/api/finish", { reviewer: reviewer(), note: $("note").value }); flash("flow resumed; you may close this tab"); });
init().catch((e) => flash(e.message, "error"));
