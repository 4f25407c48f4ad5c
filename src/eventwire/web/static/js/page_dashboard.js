/* The dashboard: filters, the charts over the filtered events, and their table. Every chart says
   how many of the matching events it can show, and links to the ones it cannot. */
import {QUAD, dashboardLink, el, fmt, go, party, plural, show, stale, api, filterQuery, params, main} from "./core.js";
import {drawBalance, drawTimeline} from "./charts_time.js";
import {drawMap, drawNetwork} from "./charts_places.js";
import {STEP, day} from "./timeaxis.js";

const CHOICES = {
  dated: [["", "any"], ["true", "with a date"], ["false", "without a date"]],
  placed: [["", "any"], ["true", "with coordinates"], ["false", "without coordinates"]],
};

function filterForm(p, meta) {
  const input = (name, label, attrs) => el("label", {}, label, el("input", {name, value: p.get(name) || "", ...attrs}));
  const select = (name, label, options) => el("label", {}, label, el("select", {name},
    options.map(([v, text]) => el("option", {value: v, selected: (p.get(name) || "") === v}, text))));
  const types = (meta.plover || []).map((t) => [t.plover, `${t.plover} (${t.count})`]);
  if (p.get("plover") && !types.some(([v]) => v === p.get("plover"))) types.push([p.get("plover"), `${p.get("plover")} (0)`]);
  const form = el("form", {class: "filters", id: "filters"},
    input("q", "text", {type: "search", maxlength: 200, placeholder: "words in the evidence"}),
    input("actor", "actor", {maxlength: 200, placeholder: "name"}),
    input("country", "country", {maxlength: 3, size: 4, placeholder: "ISO3"}),
    input("sector", "sector", {maxlength: 10, size: 5, placeholder: "GOV"}),
    select("plover", "PLOVER type", [["", "any"], ...types]),
    input("cameo_root", "CAMEO root", {maxlength: 2, size: 3, placeholder: "14"}),
    select("quad_class", "quad class", [["", "any"], ...Object.entries(QUAD)]),
    input("date_from", "from", {type: "date"}), input("date_to", "to", {type: "date"}),
    select("dated", "date", CHOICES.dated), select("placed", "map place", CHOICES.placed),
    select("by", "timeline by", ["day", "week", "month", "year"].map((b) => [b, b])),
    el("button", {type: "submit"}, "Apply"),
    el("button", {type: "button", class: "plain", onclick: () => go(new URLSearchParams({view: "dashboard"}))}, "Reset"));
  form.querySelector("select[name=by]").value = p.get("by") || "month";
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = new URLSearchParams({view: "dashboard"});
    for (const [k, v] of new FormData(form)) if (String(v).trim()) next.set(k, String(v).trim());
    go(next);
  });
  form.addEventListener("change", (e) => { if (e.target.tagName === "SELECT") form.requestSubmit(); });
  return form;
}

/* What the filters cannot do here, said before anything else. */
function filterNotes(p, meta) {
  const notes = [];
  const type = p.get("plover");
  if (type && !(meta.plover || []).some((t) => t.plover === type.toUpperCase())) {
    notes.push(`No event in this database has the type ${type}, so nothing can match.`);
  }
  if ((p.get("date_from") || p.get("date_to")) && meta.undated) {
    notes.push(`A date range leaves out every event without a date (${plural(meta.undated, "event")} in this database).`);
  }
  if (p.get("dated") === "false") notes.push("Only events without a date: the two charts over time have nothing to draw.");
  if (p.get("placed") === "false") notes.push("Only events without map coordinates: the map has nothing to draw.");
  return notes.length ? el("div", {id: "filter-notes", class: "notes", role: "note"}, notes.map((n) => el("p", {}, n))) : null;
}

function timeNotes(p, total, undated, id) {
  if (!total) return el("p", {class: "empty"}, "No events match these filters.");
  const dated = total - undated;
  if (!undated) return null;
  const have = undated === 1 ? "has" : "have";
  return el("p", {class: dated ? "muted" : "empty", id},
    dated ? `${plural(undated, "event")} ${have} no date and ${undated === 1 ? "is" : "are"} not drawn (${dated.toLocaleString("en")} of ${plural(total, "matching event")} are). `
      : `None of the ${plural(total, "matching event")} has a date, so there is nothing to draw over time. `,
    dashboardLink(p, {dated: "false"}, undated === 1 ? "List it" : `List the ${undated.toLocaleString("en")} undated events`));
}

function mapNotes(p, total, points) {
  const placed = d3.sum(points.items, (d) => d.count);
  const country = d3.sum(points.countries, (c) => c.count);
  const named = points.unplaced_places.filter((n) => n.name);
  return el("div", {class: "muted", id: "map-unplaced"},
    el("p", {}, `${placed.toLocaleString("en")} of ${plural(total, "matching event")} have map coordinates (dots, ${plural(points.items.length, "place")}).`),
    country ? el("p", {}, `${plural(country, "event")} ${country === 1 ? "is" : "are"} placed only at country level (shaded): `,
      points.countries.slice(0, 6).map((c) => `${c.name} ${c.count}`).join(", "), points.countries.length > 6 ? ", …" : "", ".") : null,
    named.length ? el("p", {}, "Places named without coordinates: ", named.slice(0, 8).map((n) => `${n.name} (${n.count})`).join(", "),
      named.length > 8 ? ", …" : "", ".") : null,
    points.no_place ? el("p", {}, `${plural(points.no_place, "event")} name${points.no_place === 1 ? "s" : ""} no place at all.`) : null,
    points.unplaced ? el("p", {}, dashboardLink(p, {placed: "false"}, `List the ${plural(points.unplaced, "event")} without coordinates`, "list-unplaced")) : null);
}

function drillDown(period, by, key) {
  const start = day(period);
  const last = d3.utcDay.offset((STEP[by] || d3.utcMonth).offset(start, 1), -1);
  const next = new URLSearchParams(params());
  next.set("view", "dashboard");
  next.set("date_from", period);
  next.set("date_to", last.toISOString().slice(0, 10));
  if (key) next.set("plover", key);
  next.delete("page");
  go(next);
}

export async function dashboard(p, meta) {
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
  const total = list.total;
  show(main,
    el("h1", {}, "Events ", el("span", {class: "muted", id: "event-total"},
      `${total.toLocaleString("en")} of ${plural(c.events, "event")} · ${plural(c.articles, "article")}`)),
    filterForm(p, meta), filterNotes(p, meta),
    el("div", {class: "grid"},
      el("section", {class: "card wide"}, el("h2", {}, `Timeline by event type (per ${by})`), el("div", {id: "timeline", class: "chart"})),
      el("section", {class: "card"}, el("h2", {}, "Cooperation and conflict: QuadClass counts and mean Goldstein"),
        el("div", {id: "balance", class: "chart"})),
      el("section", {class: "card"}, el("h2", {}, "Where: event locations"), el("div", {id: "map", class: "chart"})),
      el("section", {class: "card wide"}, el("h2", {}, "Who acts on whom"), el("div", {id: "network", class: "chart"})),
      el("section", {class: "card wide"}, el("h2", {}, "Events"), eventTable(list, p))));
  const undated = byType.undated || 0;
  drawTimeline(document.getElementById("timeline"), byType.items, by, timeNotes(p, total, undated, "timeline-undated"), (period, key) => drillDown(period, by, key));
  drawBalance(document.getElementById("balance"), byQuad.items, by, timeNotes(p, total, byQuad.undated || 0, "balance-undated"));
  await drawMap(document.getElementById("map"), points, mapNotes(p, total, points));
  if (stale(p)) return;
  drawNetwork(document.getElementById("network"), net, el("p", {class: "muted", id: "network-coverage"},
    `Drawn from the ${(net.events ?? 0).toLocaleString("en")} of ${plural(total, "matching event")} with both a source and a target` +
    (net.edges.length ? `: the ${plural(net.edges.length, "busiest pair")}.` : ".")));
}

function eventTable(list, p) {
  if (!list.items.length) return el("p", {class: "empty", id: "events-empty"}, "No events match these filters.");
  const sortLink = (key, label) => {
    const cur = p.get("sort") || "-date";
    const next = cur === "-" + key ? key : "-" + key;
    const q = new URLSearchParams(p); q.set("sort", next); q.delete("page");
    return el("a", {href: "/?" + q, onclick: (e) => { e.preventDefault(); go(q); }}, label);
  };
  const open = (ev) => go(new URLSearchParams({view: "article", id: ev.doc_id, event: ev.idx}));
  const rows = list.items.map((ev) => el("tr", {
    class: "clickable event-row", "data-event": ev.id, tabindex: 0,
    onclick: () => open(ev), onkeydown: (e) => { if (e.key === "Enter") open(ev); },
  }, el("td", {}, ev.date || "no date"),
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
