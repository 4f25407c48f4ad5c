/* One article: its text with every span the pipeline found, and its events beside it. */
import {el, fmt, link, main, party, plural, show, stale, api} from "./core.js";

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
    s.classList.toggle("selected", idx !== null && (s.dataset.events || "").split(" ").includes(String(idx))));
  document.querySelectorAll(".event-item").forEach((n) => n.classList.toggle("selected", n.dataset.idx === String(idx)));
  const first = document.querySelector("#article-text .evidence.selected");
  if (first && scroll) first.scrollIntoView({block: "center"});
}

export async function article(p) {
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
  const byline = [doc.date || "no date", doc.site, (doc.authors || []).join(", ")].filter(Boolean).join(" · ");
  show(main,
    el("h1", {id: "article-title"}, doc.title || doc.id),
    el("p", {class: "muted"}, byline, " ",
      doc.url ? el("a", {href: doc.url, rel: "noreferrer noopener", target: "_blank"}, "source") : null),
    el("div", {class: "legend", "data-legend": "spans"},
      el("span", {class: "entry"}, el("i", {style: "background:var(--actor)"}), "actor"),
      el("span", {class: "entry"}, el("i", {style: "background:var(--quote)"}), "quote"),
      el("span", {class: "entry"}, el("i", {style: "background:var(--qty)"}), "count"),
      el("span", {class: "entry"}, el("i", {style: "background:var(--place)"}), "place"),
      el("span", {class: "entry"}, el("i", {style: "background:var(--evidence)"}), "evidence of the selected event")),
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
          el("span", {class: "muted"}, ` ${a.country || ""} ${a.sector || ""}`)))),
        el("p", {class: "muted"}, plural(doc.events.length, "event"), " · ", plural(doc.quotes.length, "quote")))));
  if (selected !== null) selectEvent(selected, true);
}
