/* eventwire explorer: a small vanilla-JS app over the read-only JSON API.
   The URL's query string is the whole state (view, filters, page), so any view can be shared.
   Article text is only ever inserted as text nodes, never as HTML. */
"use strict";

const FILTER_KEYS = ["actor", "country", "sector", "plover", "cameo_root", "quad_class", "date_from", "date_to", "q"];
const QUAD = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
const QUAD_COLOR = {1: "#7fb6ef", 2: "#2f7dd1", 3: "#f0a07c", 4: "#d2492a"};
const main = document.getElementById("main");
let meta = null;
let active = null; // the URLSearchParams of the newest render; older renders drop their results

function stale(p) { return p !== active; }

// -- small helpers ---------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function params() { return new URLSearchParams(location.search); }

function go(next, replace) {
  const url = "/?" + next.toString();
  if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
  render();
}

function link(view, extra, text, cls) {
  const p = new URLSearchParams({view, ...extra});
  return el("a", {href: "/?" + p.toString(), class: cls, onclick: (e) => { e.preventDefault(); go(p); }}, text);
}

async function api(path, query) {
  const url = query && query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}});
  const body = await response.json().catch(() => ({error: response.statusText}));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

function filterQuery(p, extra) {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (p.get(k)) q.set(k, p.get(k));
  for (const [k, v] of Object.entries(extra || {})) q.set(k, v);
  return q;
}

function fmt(x, digits) { return x === null || x === undefined ? "–" : Number(x).toFixed(digits ?? 1); }
function party(p) { return p && p.name ? `${p.name}${p.country ? " (" + p.country + ")" : ""}` : "–"; }
function showError(where, err) { where.replaceChildren(el("div", {class: "error", role: "alert"}, String(err.message || err))); }

// Event types keep one colour across views (domain fixed from /api/meta); sectors get their own scale.
const typeColor = d3.scaleOrdinal([...d3.schemeTableau10, ...d3.schemePaired, ...d3.schemeDark2]);
const sectorColor = d3.scaleOrdinal(d3.schemeSet2);
const goldColor = d3.scaleDiverging([-10, 0, 10], (t) => d3.interpolateRdBu(t));

// -- routing -----------------------------------------------------------------------

const VIEWS = {dashboard, article, actors, actor, storylines, storyline, story, articles, search};

async function render() {
  const p = params();
  active = p;
  const view = VIEWS[p.get("view")] ? p.get("view") : "dashboard";
  document.querySelectorAll("header nav a").forEach((a) => a.classList.toggle("active", a.dataset.view === view));
  document.getElementById("search-input").value = view === "search" ? p.get("q") || "" : "";
  main.replaceChildren(el("p", {class: "muted"}, "Loading…"));
  try {
    if (!meta) {
      meta = await api("/api/meta");
      typeColor.domain((meta.plover || []).map((t) => t.plover).sort());
    }
    await VIEWS[view](p);
  } catch (err) {
    if (!stale(p)) showError(main, err);
  }
}

window.addEventListener("popstate", render);
document.querySelectorAll("header nav a").forEach((a) => a.addEventListener("click", (e) => {
  e.preventDefault(); go(new URLSearchParams({view: a.dataset.view}));
}));
document.getElementById("search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const q = document.getElementById("search-input").value.trim();
  if (q) go(new URLSearchParams({view: "search", q}));
});

// -- dashboard ---------------------------------------------------------------------

function filterForm(p) {
  const input = (name, label, attrs) => el("label", {}, label,
    el("input", {name, value: p.get(name) || "", ...attrs}));
  const plover = el("select", {name: "plover"}, el("option", {value: ""}, "any"),
    (meta.plover || []).map((t) => el("option", {value: t.plover, selected: p.get("plover") === t.plover},
      `${t.plover} (${t.count})`)));
  const quad = el("select", {name: "quad_class"}, el("option", {value: ""}, "any"),
    Object.entries(QUAD).map(([k, v]) => el("option", {value: k, selected: p.get("quad_class") === k}, v)));
  const by = el("select", {name: "by"}, ["day", "week", "month", "year"].map((b) =>
    el("option", {value: b, selected: (p.get("by") || "month") === b}, b)));
  const form = el("form", {class: "filters", id: "filters"},
    input("q", "text", {type: "search", maxlength: 200, placeholder: "words in the evidence"}),
    input("actor", "actor", {maxlength: 200, placeholder: "name"}),
    input("country", "country", {maxlength: 3, size: 4, placeholder: "ISO3"}),
    input("sector", "sector", {maxlength: 10, size: 5, placeholder: "GOV"}),
    el("label", {}, "PLOVER type", plover),
    input("cameo_root", "CAMEO root", {maxlength: 2, size: 3, placeholder: "14"}),
    el("label", {}, "quad class", quad),
    input("date_from", "from", {type: "date"}), input("date_to", "to", {type: "date"}),
    el("label", {}, "timeline by", by),
    el("button", {type: "submit"}, "Apply"),
    el("button", {type: "button", class: "plain", onclick: () => go(new URLSearchParams({view: "dashboard"}))}, "Reset"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = new URLSearchParams({view: "dashboard"});
    for (const [k, v] of new FormData(form)) if (String(v).trim()) next.set(k, String(v).trim());
    go(next);
  });
  form.addEventListener("change", (e) => { if (e.target.tagName === "SELECT") form.requestSubmit(); });
  return form;
}

async function dashboard(p) {
  const by = p.get("by") || "month";
  const page = Number(p.get("page") || 1);
  const sort = p.get("sort") || "-date";
  const [byType, byQuad, points, net, list] = await Promise.all([
    api("/api/counts", filterQuery(p, {by, group: "plover"})),
    api("/api/counts", filterQuery(p, {by, group: "quad_class"})),
    api("/api/map", filterQuery(p)),
    api("/api/network", filterQuery(p, {limit: 60})),
    api("/api/events", filterQuery(p, {page, page_size: 25, sort})),
  ]);
  if (stale(p)) return;
  const c = meta.counts || {};
  main.replaceChildren(
    el("h1", {}, "Events ", el("span", {class: "muted", id: "event-total"},
      `${list.total} of ${c.events ?? 0} events · ${c.articles ?? 0} articles`)),
    filterForm(p),
    el("div", {class: "grid"},
      el("section", {class: "card wide"}, el("h2", {}, `Timeline by event type (per ${by})`),
        el("div", {id: "timeline"})),
      el("section", {class: "card"}, el("h2", {}, "Cooperation and conflict: QuadClass counts and mean Goldstein"),
        el("div", {id: "balance"})),
      el("section", {class: "card"}, el("h2", {}, "Where: event locations"), el("div", {id: "map"})),
      el("section", {class: "card wide"}, el("h2", {}, "Who acts on whom"), el("div", {id: "network"})),
      el("section", {class: "card wide"}, el("h2", {}, "Events"), eventTable(list, p))));
  drawTimeline(document.getElementById("timeline"), byType.items, by, byType.undated || 0);
  drawBalance(document.getElementById("balance"), byQuad.items);
  await drawMap(document.getElementById("map"), points.items, points.unplaced);
  if (stale(p)) return;
  drawNetwork(document.getElementById("network"), net);
}

function eventTable(list, p) {
  if (!list.items.length) return el("p", {class: "empty"}, "No events match these filters.");
  const sortLink = (key, label) => {
    const cur = p.get("sort") || "-date";
    const next = cur === "-" + key ? key : "-" + key;
    const q = new URLSearchParams(p); q.set("sort", next); q.delete("page");
    return el("a", {href: "/?" + q, onclick: (e) => { e.preventDefault(); go(q); }}, label);
  };
  const rows = list.items.map((ev) => el("tr", {
    class: "clickable event-row", "data-event": ev.id, tabindex: 0,
    onclick: () => go(new URLSearchParams({view: "article", id: ev.doc_id, event: ev.idx})),
    onkeydown: (e) => { if (e.key === "Enter") go(new URLSearchParams({view: "article", id: ev.doc_id, event: ev.idx})); },
  }, el("td", {}, ev.date || "–"),
    el("td", {}, el("span", {class: `pill q${ev.quad_class || ""}`, title: QUAD[ev.quad_class] || ""}, ev.plover)),
    el("td", {}, party(ev.source), " → ", party(ev.target)),
    el("td", {}, fmt(ev.goldstein)),
    el("td", {class: "muted"}, ev.sentence.length > 180 ? ev.sentence.slice(0, 180) + "…" : ev.sentence)));
  const pages = Math.max(1, Math.ceil(list.total / list.page_size));
  const pageLink = (n, label) => {
    const q = new URLSearchParams(p); q.set("page", n);
    return el("button", {class: "plain", type: "button", disabled: n < 1 || n > pages, onclick: () => go(q)}, label);
  };
  return el("div", {},
    el("table", {id: "events"}, el("thead", {}, el("tr", {},
      el("th", {}, sortLink("date", "date")), el("th", {}, sortLink("plover", "type")), el("th", {}, "source → target"),
      el("th", {}, sortLink("goldstein", "Goldstein")), el("th", {}, "evidence"))), el("tbody", {}, rows)),
    el("div", {class: "pager"}, pageLink(list.page - 1, "‹ prev"),
      el("span", {class: "muted"}, `page ${list.page} of ${pages}`), pageLink(list.page + 1, "next ›")));
}

function periods(items) { return [...new Set(items.map((d) => d.period))].sort(); }

/* Undated events (most local corpora carry no dates) cannot sit on a time axis; they are counted
   under it, never hidden, and the table lists them. */
function undatedNote(n) {
  return el("p", {class: "muted", id: "timeline-undated"},
    `${n} event${n === 1 ? " has" : "s have"} no date: not on the timeline, listed in the table below.`);
}

function drawTimeline(node, items, by, undated = 0) {
  if (!items.length) {
    node.replaceChildren(el("p", {class: "empty"}, "No dated events."), ...(undated ? [undatedNote(undated)] : []));
    return;
  }
  const keys = [...new Set(items.map((d) => d.key))].sort();
  const xs = periods(items);
  const table = xs.map((period) => {
    const row = {period};
    for (const k of keys) row[k] = 0;
    for (const d of items) if (d.period === period) row[d.key] = d.count;
    return row;
  });
  const width = node.clientWidth || 900, height = 220, m = {t: 10, r: 10, b: 26, l: 34};
  const x = d3.scaleBand(xs, [m.l, width - m.r]).padding(0.2);
  const stacked = d3.stack().keys(keys)(table);
  const y = d3.scaleLinear([0, d3.max(stacked.at(-1), (d) => d[1]) || 1], [height - m.b, m.t]).nice();
  const svg = d3.create("svg").attr("width", width).attr("height", height).attr("role", "img")
    .attr("aria-label", `events per ${by} by type`);
  svg.append("g").selectAll("g").data(stacked).join("g").attr("fill", (s) => typeColor(s.key))
    .selectAll("rect").data((s) => s.map((d) => ({...d, key: s.key}))).join("rect")
    .attr("class", "bar").attr("data-key", (d) => d.key).attr("data-period", (d) => d.data.period)
    .attr("x", (d) => x(d.data.period)).attr("width", x.bandwidth())
    .attr("y", (d) => y(d[1])).attr("height", (d) => y(d[0]) - y(d[1])).style("cursor", "pointer")
    .on("click", (_, d) => drillDown(d.data.period, by, d.key))
    .filter((d) => d[1] - d[0] > 0).append("title").text((d) => `${d.data.period} ${d.key}: ${d[1] - d[0]} (click to filter)`);
  const every = Math.ceil(xs.length / 12);
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - m.b})`)
    .call(d3.axisBottom(x).tickValues(xs.filter((_, i) => i % every === 0)));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(4));
  node.replaceChildren(svg.node(), el("div", {class: "legend"},
    keys.map((k) => el("span", {}, el("i", {style: `background:${typeColor(k)}`}), k))),
    ...(undated ? [undatedNote(undated)] : []));
}

/* Clicking a bar narrows the dashboard to that period and event type. */
function drillDown(period, by, key) {
  const start = new Date(period + "T00:00:00Z");
  const step = {day: d3.utcDay, week: d3.utcWeek, month: d3.utcMonth, year: d3.utcYear}[by] || d3.utcMonth;
  const last = d3.utcDay.offset(step.offset(start, 1), -1);
  const next = new URLSearchParams(params());
  next.set("view", "dashboard");
  next.set("date_from", period);
  next.set("date_to", last.toISOString().slice(0, 10));
  if (key) next.set("plover", key);
  next.delete("page");
  go(next);
}

function drawBalance(node, items) {
  if (!items.length) { node.replaceChildren(el("p", {class: "empty"}, "No dated events.")); return; }
  const xs = periods(items);
  const rows = xs.map((period) => {
    const at = items.filter((d) => d.period === period);
    const n = (q) => d3.sum(at.filter((d) => d.key === String(q)), (d) => d.count);
    const total = d3.sum(at, (d) => d.count);
    const gold = total ? d3.sum(at, (d) => (d.goldstein ?? 0) * d.count) / total : null;
    return {period, q1: n(1), q2: n(2), q3: n(3), q4: n(4), gold};
  });
  const width = node.clientWidth || 600, height = 220, m = {t: 10, r: 34, b: 26, l: 34};
  const x = d3.scaleBand(xs, [m.l, width - m.r]).padding(0.25);
  const top = d3.max(rows, (r) => Math.max(r.q1 + r.q2, r.q3 + r.q4)) || 1;
  const y = d3.scaleLinear([-top, top], [height - m.b, m.t]).nice();
  const g10 = d3.scaleLinear([-10, 10], [height - m.b, m.t]);
  const svg = d3.create("svg").attr("width", width).attr("height", height).attr("role", "img")
    .attr("aria-label", "cooperation above, conflict below, mean Goldstein line");
  const segs = [];
  for (const r of rows) {
    segs.push({r, q: 1, y0: 0, y1: r.q1}, {r, q: 2, y0: r.q1, y1: r.q1 + r.q2},
      {r, q: 3, y0: 0, y1: -r.q3}, {r, q: 4, y0: -r.q3, y1: -r.q3 - r.q4});
  }
  svg.append("g").selectAll("rect").data(segs.filter((s) => s.y0 !== s.y1)).join("rect")
    .attr("class", (s) => `quad q${s.q}`).attr("fill", (s) => QUAD_COLOR[s.q])
    .attr("x", (s) => x(s.r.period)).attr("width", x.bandwidth())
    .attr("y", (s) => y(Math.max(s.y0, s.y1))).attr("height", (s) => Math.abs(y(s.y0) - y(s.y1)))
    .append("title").text((s) => `${s.r.period} ${QUAD[s.q]}: ${Math.abs(s.y1 - s.y0)}`);
  svg.append("line").attr("x1", m.l).attr("x2", width - m.r).attr("y1", y(0)).attr("y2", y(0)).attr("stroke", "#888");
  const line = d3.line().defined((r) => r.gold !== null).x((r) => x(r.period) + x.bandwidth() / 2).y((r) => g10(r.gold));
  svg.append("path").datum(rows).attr("class", "goldstein-line").attr("d", line)
    .attr("fill", "none").attr("stroke", "#222").attr("stroke-width", 1.5);
  svg.append("g").selectAll("circle").data(rows.filter((r) => r.gold !== null)).join("circle")
    .attr("cx", (r) => x(r.period) + x.bandwidth() / 2).attr("cy", (r) => g10(r.gold)).attr("r", 3).attr("fill", "#222")
    .append("title").text((r) => `${r.period} mean Goldstein ${fmt(r.gold)}`);
  const every = Math.ceil(xs.length / 8);
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - m.b})`)
    .call(d3.axisBottom(x).tickValues(xs.filter((_, i) => i % every === 0)));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(4).tickFormat(Math.abs));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${width - m.r},0)`).call(d3.axisRight(g10).ticks(4));
  node.replaceChildren(svg.node(), el("div", {class: "legend"},
    Object.entries(QUAD).map(([k, v]) => el("span", {}, el("i", {style: `background:${QUAD_COLOR[k]}`}), v)),
    el("span", {}, "— mean Goldstein (right axis, −10…10)")));
}

let worldPromise = null;
function world() {
  worldPromise ||= fetch("/static/vendor/countries-110m.json").then((r) => r.json());
  return worldPromise;
}

async function drawMap(node, items, unplaced) {
  const topo = await world();
  if (!node.isConnected) return;
  const width = node.clientWidth || 600, height = Math.round(width * 0.52);
  const projection = d3.geoNaturalEarth1().fitSize([width, height], {type: "Sphere"});
  const path = d3.geoPath(projection);
  const svg = d3.create("svg").attr("width", width).attr("height", height).attr("role", "img")
    .attr("aria-label", "map of event locations");
  svg.append("path").datum({type: "Sphere"}).attr("class", "sphere").attr("d", path);
  svg.append("g").selectAll("path").data(topojson.feature(topo, topo.objects.countries).features).join("path")
    .attr("class", "land").attr("d", path);
  const r = d3.scaleSqrt([0, d3.max(items, (d) => d.count) || 1], [0, 14]);
  svg.append("g").selectAll("circle").data(items).join("circle").attr("class", "point")
    .attr("data-name", (d) => d.name)
    .attr("transform", (d) => `translate(${projection([d.lon, d.lat])})`)
    .attr("r", (d) => Math.max(3, r(d.count))).attr("fill", (d) => goldColor(d.goldstein ?? 0))
    .append("title").text((d) => `${d.name || "?"}${d.country ? " (" + d.country + ")" : ""}: ${d.count} events, mean Goldstein ${fmt(d.goldstein)}`);
  node.replaceChildren(svg.node(), el("p", {class: "muted"},
    `${items.length} places; ${unplaced} events without coordinates. Colour: mean Goldstein (red conflict, blue cooperation).`));
}

function drawNetwork(node, net) {
  if (!net.edges.length) { node.replaceChildren(el("p", {class: "empty"}, "No source→target pairs.")); return; }
  const width = node.clientWidth || 600, height = Math.max(320, Math.min(560, 40 + net.nodes.length * 9));
  const nodes = net.nodes.map((n) => ({...n, id: n.name}));
  const links = net.edges.map((e) => ({...e}));
  const size = d3.scaleSqrt([1, d3.max(nodes, (n) => n.events) || 1], [5, 16]);
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((d) => d.id).distance(110).strength(0.4))
    .force("charge", d3.forceManyBody().strength(-200))
    .force("x", d3.forceX(width / 2).strength(0.07))
    .force("y", d3.forceY(height / 2).strength(0.12))
    .force("collide", d3.forceCollide((d) => size(d.events) + 18))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  const pad = 24;
  const [x0, x1] = d3.extent(nodes, (n) => n.x), [y0, y1] = d3.extent(nodes, (n) => n.y);
  const fitX = d3.scaleLinear([x0, x1 === x0 ? x0 + 1 : x1], [pad + 10, width - pad - 120]);
  const fitY = d3.scaleLinear([y0, y1 === y0 ? y0 + 1 : y1], [pad, height - pad]);
  for (const n of nodes) { n.x = fitX(n.x); n.y = fitY(n.y); }
  const svg = d3.create("svg").attr("width", width).attr("height", height).attr("role", "img")
    .attr("aria-label", "actor network");
  svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 -4 8 8").attr("refX", 8)
    .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 9).attr("markerHeight", 9).attr("orient", "auto")
    .append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", "#667");
  const w = d3.scaleLinear([1, d3.max(links, (l) => l.count) || 1], [1.2, 6]);
  const end = (l) => {  // stop the arrow at the rim of the target's circle
    const dx = l.target.x - l.source.x, dy = l.target.y - l.source.y, len = Math.hypot(dx, dy) || 1;
    const back = size(l.target.events) + 2;
    return [l.target.x - (dx / len) * back, l.target.y - (dy / len) * back];
  };
  svg.append("g").selectAll("line").data(links).join("line").attr("class", "link")
    .attr("x1", (l) => l.source.x).attr("y1", (l) => l.source.y).attr("x2", (l) => end(l)[0]).attr("y2", (l) => end(l)[1])
    .attr("stroke", (l) => goldColor(l.goldstein ?? 0)).attr("stroke-width", (l) => w(l.count))
    .attr("marker-end", "url(#arrow)")
    .append("title").text((l) => `${l.source.id} → ${l.target.id}: ${l.count} events, mean Goldstein ${fmt(l.goldstein)}`);
  const g = svg.append("g").selectAll("g").data(nodes).join("g").attr("class", "node")
    .attr("transform", (n) => `translate(${n.x},${n.y})`).style("cursor", "pointer")
    .on("click", (_, n) => go(new URLSearchParams({view: "dashboard", actor: n.id})));
  g.append("circle").attr("r", (n) => size(n.events)).attr("fill", (n) => sectorColor(n.sector || "?"));
  g.append("text").attr("x", (n) => size(n.events) + 3).attr("y", 4).attr("paint-order", "stroke")
    .attr("stroke", "#fff").attr("stroke-width", 3).text((n) => n.id);
  g.append("title").text((n) => `${n.id} · ${n.country || "?"} ${n.sector || ""} · ${n.events} events (click to filter)`);
  const sectors = [...new Set(nodes.map((n) => n.sector || "?"))].sort();
  node.replaceChildren(svg.node(), el("div", {class: "legend"},
    sectors.map((s) => el("span", {}, el("i", {style: `background:${sectorColor(s)};border-radius:50%`}), s === "?" ? "no sector" : s))),
  el("p", {class: "muted"},
    "Arrows run from source to target; width: number of events; colour: mean Goldstein (red conflict, blue cooperation). Click an actor to filter."));
}

// -- article reader ----------------------------------------------------------------

function spansOf(doc) {
  const spans = [];
  for (const a of doc.actors) {
    for (const m of (a.mentions && a.mentions.length ? a.mentions : [{start: a.start, end: a.end}])) {
      if (m.start !== null && m.end !== null) spans.push({start: m.start, end: m.end, cls: "actor", title: `actor: ${a.name}${a.country ? " (" + a.country + ", " + (a.sector || "?") + ")" : ""}`});
    }
  }
  for (const l of doc.locations) spans.push({start: l.start, end: l.end, cls: "location", title: `place: ${l.name}${l.country ? " (" + l.country + ")" : ""}`});
  for (const q of doc.quotes) spans.push({start: q.start, end: q.end, cls: "quote", title: `quote${q.speaker ? " by " + q.speaker : ""}`});
  for (const q of doc.quantities) spans.push({start: q.start, end: q.end, cls: "quantity", title: `${q.kind}: ${q.value}${q.object ? " " + q.object : ""}`});
  for (const e of doc.events) spans.push({start: e.start, end: e.end, cls: "evidence", event: e.idx, title: `${e.plover}: ${party(e.source)} → ${party(e.target)}`});
  return spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start && s.end <= doc.text.length);
}

/* Cuts the text at every span boundary, so overlapping spans (an actor inside an event's
   evidence) each get their class on the pieces they cover. */
function highlighted(text, spans) {
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out = el("div", {id: "article-text"});
  for (let i = 0; i < cuts.length - 1; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const on = spans.filter((s) => s.start <= a && s.end >= b);
    if (!on.length) { out.append(document.createTextNode(text.slice(a, b))); continue; }
    const events = on.filter((s) => s.event !== undefined).map((s) => s.event);
    out.append(el("span", {
      class: [...new Set(on.map((s) => s.cls))].join(" "),
      "data-events": events.length ? events.join(" ") : null,
      title: on.map((s) => s.title).join("\n"),
    }, text.slice(a, b)));
  }
  return out;
}

function selectEvent(idx, scroll) {
  document.querySelectorAll("#article-text .evidence").forEach((s) =>
    s.classList.toggle("selected", idx !== null && s.dataset.events.split(" ").includes(String(idx))));
  document.querySelectorAll(".event-item").forEach((n) => n.classList.toggle("selected", n.dataset.idx === String(idx)));
  const first = document.querySelector("#article-text .evidence.selected");
  if (first && scroll) first.scrollIntoView({block: "center"});
}

async function article(p) {
  const id = p.get("id");
  if (!id) throw new Error("no article id in the URL");
  const doc = await api(`/api/articles/${encodeURIComponent(id)}`);
  if (stale(p)) return;
  const selected = p.has("event") ? Number(p.get("event")) : null;
  const eventItems = doc.events.map((e) => el("div", {
    class: "event-item", "data-idx": e.idx,
    onclick: () => { const q = new URLSearchParams(p); q.set("event", e.idx); history.replaceState(null, "", "/?" + q); selectEvent(e.idx, true); },
  }, el("span", {class: `pill q${e.quad_class || ""}`}, e.plover), " ", e.cameo ? `CAMEO ${e.cameo} ` : "",
    el("span", {class: "muted"}, `Goldstein ${fmt(e.goldstein)}`), el("br"),
    party(e.source), " → ", party(e.target),
    e.location && e.location.name ? el("div", {class: "muted"}, `at ${e.location.name}`) : null,
    e.negated ? el("div", {class: "muted"}, "negated") : null));
  main.replaceChildren(
    el("h1", {id: "article-title"}, doc.title || doc.id),
    el("p", {class: "muted"}, [doc.date, doc.site, (doc.authors || []).join(", ")].filter(Boolean).join(" · "), " ",
      doc.url ? el("a", {href: doc.url, rel: "noreferrer noopener", target: "_blank"}, "source") : null),
    el("div", {class: "legend"},
      el("span", {}, el("i", {style: "background:var(--actor)"}), "actor"),
      el("span", {}, el("i", {style: "background:var(--quote)"}), "quote"),
      el("span", {}, el("i", {style: "background:var(--qty)"}), "count"),
      el("span", {}, el("i", {style: "background:var(--place)"}), "place"),
      el("span", {}, el("i", {style: "background:var(--evidence)"}), "evidence of the selected event")),
    el("div", {class: "reader"},
      el("section", {class: "card"}, highlighted(doc.text, spansOf(doc))),
      el("aside", {class: "card"},
        el("h2", {}, `Events (${doc.events.length})`),
        doc.events.length ? el("div", {id: "article-events"}, eventItems) : el("p", {class: "empty"}, "No events coded."),
        el("h2", {}, `Quotes (${doc.quotes.length})`),
        el("ul", {}, doc.quotes.map((q) => el("li", {}, q.speaker || "unattributed", ": ", el("span", {class: "muted"}, `“${q.text.slice(0, 90)}${q.text.length > 90 ? "…" : ""}”`)))),
        el("h2", {}, `Counts (${doc.quantities.length})`),
        el("ul", {}, doc.quantities.map((q) => el("li", {}, `${q.kind}: ${q.value}${q.value_max ? "–" + q.value_max : ""} ${q.object || q.unit || ""}`))),
        el("h2", {}, `Actors (${doc.actors.length})`),
        el("ul", {}, doc.actors.map((a) => el("li", {}, link("actor", {name: a.name}, a.name),
          el("span", {class: "muted"}, ` ${a.country || ""} ${a.sector || ""}`)))))));
  if (selected !== null) selectEvent(selected, true);
}

// -- lists ---------------------------------------------------------------------------

function pager(list, p) {
  const pages = Math.max(1, Math.ceil(list.total / list.page_size));
  const to = (n) => { const q = new URLSearchParams(p); q.set("page", n); go(q); };
  return el("div", {class: "pager"},
    el("button", {class: "plain", type: "button", disabled: list.page <= 1, onclick: () => to(list.page - 1)}, "‹ prev"),
    el("span", {class: "muted"}, `page ${list.page} of ${pages} (${list.total})`),
    el("button", {class: "plain", type: "button", disabled: list.page >= pages, onclick: () => to(list.page + 1)}, "next ›"));
}

async function actors(p) {
  const q = new URLSearchParams({page: p.get("page") || 1, page_size: 50, sort: p.get("sort") || "documents"});
  if (p.get("q")) q.set("q", p.get("q"));
  const [list, pairs] = await Promise.all([api("/api/actors", q), api("/api/actors/cooccurrences", new URLSearchParams({limit: 15}))]);
  if (stale(p)) return;
  const form = el("form", {class: "filters"}, el("label", {}, "name", el("input", {name: "q", value: p.get("q") || "", maxlength: 200})),
    el("button", {type: "submit"}, "Find"));
  form.addEventListener("submit", (e) => { e.preventDefault(); const v = new FormData(form).get("q"); go(new URLSearchParams(v ? {view: "actors", q: v} : {view: "actors"})); });
  const table = el("table", {id: "actors"},
    el("thead", {}, el("tr", {}, ["actor", "country", "sector", "articles", "as source", "as target"].map((h) => el("th", {}, h)))),
    el("tbody", {}, list.items.map((a) => el("tr", {},
      el("td", {}, link("actor", {name: a.name}, a.name)), el("td", {}, a.country || ""), el("td", {}, a.sector || ""),
      el("td", {}, a.documents), el("td", {}, a.as_source), el("td", {}, a.as_target)))));
  const together = el("table", {}, el("tbody", {}, pairs.items.map((r) =>
    el("tr", {}, el("td", {}, r.actor), el("td", {}, r.other), el("td", {}, `${r.documents} articles`)))));
  main.replaceChildren(el("h1", {}, "Actors"), form, el("div", {class: "grid"},
    el("section", {class: "card"}, table, pager(list, p)),
    el("section", {class: "card"}, el("h2", {}, "Named in the same articles"), together)));
}

async function actor(p) {
  const name = p.get("name") || "";
  const a = await api(`/api/actors/${encodeURIComponent(name)}`);
  if (stale(p)) return;
  main.replaceChildren(
    el("h1", {id: "actor-name"}, a.name, " ", el("span", {class: "muted"}, [a.kind, a.country, a.sector].filter(Boolean).join(" · "))),
    el("p", {}, `${a.documents} articles, ${a.mentions} mentions; source of ${a.as_source} events, target of ${a.as_target}. `,
      link("dashboard", {actor: a.name}, "Show its events on the dashboard")),
    el("div", {class: "grid"},
      el("section", {class: "card"}, el("h2", {}, "Named in the same articles as"),
        a.cooccurrences.length ? el("table", {}, el("tbody", {}, a.cooccurrences.map((r) => el("tr", {},
          el("td", {}, link("actor", {name: r.other}, r.other)), el("td", {}, `${r.documents} articles`))))) : el("p", {class: "empty"}, "Nobody.")),
      el("section", {class: "card"}, el("h2", {}, "Articles"),
        el("ul", {}, a.documents_list.map((d) => el("li", {}, el("span", {class: "muted"}, (d.date || "") + " "), link("article", {id: d.id}, d.title || d.id)))))));
}

async function articles(p) {
  const q = new URLSearchParams({page: p.get("page") || 1, page_size: 50});
  const list = await api("/api/articles", q);
  if (stale(p)) return;
  main.replaceChildren(el("h1", {}, "Articles"), el("section", {class: "card"}, el("table", {},
    el("thead", {}, el("tr", {}, ["date", "headline", "site", "events"].map((h) => el("th", {}, h)))),
    el("tbody", {}, list.items.map((a) => el("tr", {}, el("td", {}, a.date || "–"),
      el("td", {}, link("article", {id: a.id}, a.title || a.id)), el("td", {}, a.site || ""), el("td", {}, a.events))))), pager(list, p)));
}

async function search(p) {
  const text = p.get("q") || "";
  const list = await api("/api/search", new URLSearchParams({q: text, page: p.get("page") || 1}));
  if (stale(p)) return;
  main.replaceChildren(el("h1", {}, `Search: “${text}”`), el("section", {class: "card", id: "search-results"},
    list.items.length ? list.items.map((a) => el("div", {class: "event-item"},
      link("article", {id: a.id}, a.title || a.id), el("span", {class: "muted"}, ` ${a.date || ""} · ${a.events} matching events`),
      el("div", {class: "muted"}, "…" + (a.snippet || "") + "…"))) : el("p", {class: "empty"}, "Nothing found."),
    pager(list, p)));
}

// -- stories and storylines ----------------------------------------------------------

async function storylines(p) {
  const [lines, stories] = await Promise.all([api("/api/storylines", new URLSearchParams({page_size: 100})),
    api("/api/stories", new URLSearchParams({page: p.get("page") || 1, page_size: 50}))]);
  if (stale(p)) return;
  const title = (r) => r.title || r.id;
  main.replaceChildren(el("h1", {}, "Storylines and stories"),
    !lines.available && !stories.available ? el("p", {class: "empty"}, "This database has no stories yet (run `eventwire stories --db FILE`).") : null,
    el("div", {class: "grid"},
      el("section", {class: "card"}, el("h2", {}, `Storylines (${lines.total})`),
        lines.items.length ? el("ul", {id: "storyline-list"}, lines.items.map((r) => el("li", {}, link("storyline", {id: r.id}, title(r)),
          el("span", {class: "muted"}, ` ${r.first_date || ""}${r.last_date ? " – " + r.last_date : ""}`)))) : el("p", {class: "empty"}, "None.")),
      el("section", {class: "card"}, el("h2", {}, `Stories (${stories.total})`),
        stories.items.length ? el("ul", {}, stories.items.map((r) => el("li", {}, link("story", {id: r.id}, title(r)),
          el("span", {class: "muted"}, r.num_articles ? ` ${r.num_articles} articles` : "")))) : el("p", {class: "empty"}, "None."),
        pager(stories, p))));
}

async function story(p) { await storyPage(p, "stories", "story"); }
async function storyline(p) { await storyPage(p, "storylines", "storyline"); }

async function storyPage(p, kind, key) {
  const data = await api(`/api/${kind}/${encodeURIComponent(p.get("id") || "")}`);
  if (stale(p)) return;
  const row = data[key];
  main.replaceChildren(
    el("h1", {}, row.title || row.id, " ", el("span", {class: "muted"}, key)),
    data.stories.length ? el("p", {}, "Stories: ", data.stories.map((s, i) => [i ? ", " : "", link("story", {id: s.id}, s.title || s.id)])) : null,
    el("div", {class: "grid"},
      el("section", {class: "card wide"}, el("h2", {}, "Timeline of events"), el("div", {id: "story-timeline"})),
      el("section", {class: "card"}, el("h2", {}, "How the figures changed"), el("div", {id: "story-figures"})),
      el("section", {class: "card"}, el("h2", {}, `Articles (${data.articles.length})`),
        el("ul", {}, data.articles.map((a) => el("li", {}, el("span", {class: "muted"}, (a.date || "") + " "), link("article", {id: a.id}, a.title || a.id),
          a.copy_of ? el("span", {class: "muted", title: `copy of ${a.copy_of}; its events are not counted again`}, " (copy)") : null)))),
      el("section", {class: "card wide"}, el("h2", {}, "Events"), el("table", {}, el("tbody", {},
        data.timeline.map((e) => el("tr", {class: "clickable", onclick: () => go(new URLSearchParams({view: "article", id: e.doc_id, event: e.idx}))},
          el("td", {}, e.day || "–"), el("td", {}, el("span", {class: `pill q${e.quad_class || ""}`}, e.plover)),
          el("td", {}, `${e.source_name || "–"} → ${e.target_name || "–"}`), el("td", {class: "muted"}, e.sentence))))))));
  drawStoryTimeline(document.getElementById("story-timeline"), data.timeline);
  drawFigures(document.getElementById("story-figures"), storedFigures(row) || data.quantities);
  if (data.merged_events.length) {
    main.append(el("section", {class: "card", id: "merged-events", style: "margin-top:14px"},
      el("h2", {}, `One event per happening (${data.merged_events.length}, merged across reports)`),
      el("table", {}, el("thead", {}, el("tr", {}, ["date", "type", "source → target", "articles", "sources", "first report"].map((h) => el("th", {}, h)))),
        el("tbody", {}, data.merged_events.map((m) => el("tr", {},
          el("td", {}, m.date || "–"), el("td", {}, el("span", {class: "pill"}, m.plover)),
          el("td", {}, `${party(m.source)} → ${party(m.target)}`), el("td", {}, m.num_articles ?? ""), el("td", {}, m.num_sources ?? ""),
          el("td", {}, m.earliest_doc_id ? link("article", {id: m.earliest_doc_id}, m.earliest_date || "article") : "–")))))));
  }
}

/* A storyline's own figure series ({label, points: [{date, value, doc_id, text}]}) when the stories
   stage stored them; they are already matched across articles, so they beat raw quantities. */
function storedFigures(row) {
  if (!Array.isArray(row.figures) || !row.figures.length || !row.figures.every((f) => Array.isArray(f.points))) return null;
  return row.figures.flatMap((f) => f.points.map((pt) => ({
    kind: f.label || f.kind || "figure", object: null, value: pt.value, day: pt.date ? String(pt.date).slice(0, 10) : null,
    text: pt.text || String(pt.value), doc_id: pt.doc_id, title: pt.doc_id})));
}

function drawStoryTimeline(node, events) {
  const dated = events.filter((e) => e.day).map((e) => ({...e, t: new Date(e.day)}));
  if (!dated.length) { node.replaceChildren(el("p", {class: "empty"}, "No dated events.")); return; }
  const width = node.clientWidth || 900, height = 140, m = {t: 16, r: 20, b: 26, l: 20};
  const ext = d3.extent(dated, (e) => e.t);
  if (+ext[0] === +ext[1]) { ext[0] = d3.timeDay.offset(ext[0], -15); ext[1] = d3.timeDay.offset(ext[1], 15); }
  const x = d3.scaleTime(ext, [m.l, width - m.r]).nice();
  const svg = d3.create("svg").attr("width", width).attr("height", height);
  const lane = d3.scalePoint([1, 2, 3, 4], [m.t + 10, height - m.b - 10]);
  svg.append("g").selectAll("circle").data(dated).join("circle").attr("class", "story-event")
    .attr("cx", (e) => x(e.t)).attr("cy", (e) => lane(e.quad_class) ?? height / 2).attr("r", 6)
    .attr("fill", (e) => typeColor(e.plover)).style("cursor", "pointer")
    .on("click", (_, e) => go(new URLSearchParams({view: "article", id: e.doc_id, event: e.idx})))
    .append("title").text((e) => `${e.day} ${e.plover}: ${e.source_name || "?"} → ${e.target_name || "?"}`);
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - m.b})`).call(d3.axisBottom(x).ticks(6));
  node.replaceChildren(svg.node(), el("p", {class: "muted"}, "Rows: quad class 1 (top, verbal cooperation) to 4 (material conflict); click a dot for its evidence."));
}

function drawFigures(node, quantities) {
  const dated = quantities.filter((q) => q.day && q.value !== null).map((q) => ({...q, t: new Date(q.day)}));
  if (!dated.length) { node.replaceChildren(el("p", {class: "empty"}, "No dated figures.")); return; }
  const series = d3.groups(dated, (q) => `${q.kind}${q.object ? " " + q.object : ""}`);
  const width = node.clientWidth || 600, height = 220, m = {t: 10, r: 14, b: 26, l: 48};
  const ext = d3.extent(dated, (q) => q.t);
  if (+ext[0] === +ext[1]) { ext[0] = d3.timeDay.offset(ext[0], -15); ext[1] = d3.timeDay.offset(ext[1], 15); }
  const x = d3.scaleTime(ext, [m.l, width - m.r]).nice();
  const y = d3.scaleSymlog([0, d3.max(dated, (q) => q.value)], [height - m.b, m.t]).nice();
  const color = d3.scaleOrdinal(series.map((s) => s[0]), d3.schemeTableau10);
  const svg = d3.create("svg").attr("width", width).attr("height", height);
  for (const [name, points] of series) {
    points.sort((a, b) => a.t - b.t);
    svg.append("path").datum(points).attr("fill", "none").attr("stroke", color(name)).attr("stroke-width", 1.5)
      .attr("d", d3.line().x((q) => x(q.t)).y((q) => y(q.value)));
    svg.append("g").selectAll("circle").data(points).join("circle").attr("class", "figure")
      .attr("cx", (q) => x(q.t)).attr("cy", (q) => y(q.value)).attr("r", 4).attr("fill", color(name))
      .append("title").text((q) => `${q.day}: ${q.text} (${q.title || q.doc_id})`);
  }
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - m.b})`).call(d3.axisBottom(x).ticks(5));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(4).tickFormat(d3.format("~s")));
  node.replaceChildren(svg.node(), el("div", {class: "legend"},
    series.map(([name]) => el("span", {}, el("i", {style: `background:${color(name)}`}), name))));
}

// A ?token= link has already set the session cookie; drop the secret from the address bar and history.
if (params().has("token")) {
  const clean = params();
  clean.delete("token");
  history.replaceState(null, "", "/?" + clean);
}
render();
