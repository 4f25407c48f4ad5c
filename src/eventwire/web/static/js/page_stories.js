/* Storylines and stories: the lists, and one story or storyline with its charts and tables. */
import {el, go, link, main, pager, party, plural, show, stale, api} from "./core.js";
import {drawFigures, drawStoryTimeline} from "./charts_story.js";

function dates(r) {
  if (!r.first_date && !r.last_date) return "no dates";
  return r.first_date === r.last_date || !r.last_date ? r.first_date : `${r.first_date || "?"} – ${r.last_date}`;
}

function who(r, n) {
  const names = (r.actors || []).map((a) => (typeof a === "string" ? a : a.name)).slice(0, n);
  return names.length ? names.join(", ") : null;
}

export async function storylines(p) {
  const [lines, stories] = await Promise.all([api("/api/storylines", new URLSearchParams({page_size: 100})),
    api("/api/stories", new URLSearchParams({page: p.get("page") || 1, page_size: 50}))]);
  if (stale(p)) return;
  const title = (r) => r.title || r.id;
  show(main, el("h1", {}, "Storylines and stories"),
    !lines.available && !stories.available ? el("p", {class: "empty"}, "This database has no stories yet (run `eventwire stories --db FILE`).") : null,
    el("div", {class: "grid"},
      el("section", {class: "card"}, el("h2", {}, `Storylines (${lines.total})`),
        lines.items.length ? el("ul", {id: "storyline-list"}, lines.items.map((r) => el("li", {}, link("storyline", {id: r.id}, title(r)),
          el("span", {class: "muted"}, ` ${dates(r)}`, r.num_stories ? ` · ${plural(r.num_stories, "story", "stories")}` : "",
            who(r, 3) ? ` · ${who(r, 3)}` : "")))) : el("p", {class: "empty"}, "None.")),
      el("section", {class: "card"}, el("h2", {}, `Stories (${stories.total})`),
        stories.items.length ? el("ul", {id: "story-list"}, stories.items.map((r) => el("li", {}, link("story", {id: r.id}, title(r)),
          el("span", {class: "muted"}, ` ${dates(r)}`, r.num_articles ? ` · ${plural(r.num_articles, "article")}` : "")))) : el("p", {class: "empty"}, "None."),
        pager(stories, p))));
}

export async function story(p) { await storyPage(p, "stories", "story"); }
export async function storyline(p) { await storyPage(p, "storylines", "storyline"); }

/* A storyline's own figure series ({label, points: [{date, value, doc_id, text}]}) when the stories
   stage stored them; they are already matched across articles, so they beat raw quantities. */
function storedFigures(row) {
  if (!Array.isArray(row.figures) || !row.figures.length || !row.figures.every((f) => Array.isArray(f.points))) return null;
  return row.figures.flatMap((f) => f.points.map((pt) => ({
    kind: f.label || f.kind || "figure", object: null, value: pt.value, day: pt.date ? String(pt.date).slice(0, 10) : null,
    text: pt.text || String(pt.value), doc_id: pt.doc_id, title: pt.doc_id})));
}

async function storyPage(p, kind, key) {
  const q = new URLSearchParams({events_page: p.get("events_page") || 1, events_page_size: 100});
  const data = await api(`/api/${kind}/${encodeURIComponent(p.get("id") || "")}`, q);
  if (stale(p)) return;
  const row = data[key];
  const page = data.timeline_page;
  const paged = page.total > page.page_size;
  const open = (e) => go(new URLSearchParams({view: "article", id: e.doc_id, event: e.idx}));
  show(main,
    el("h1", {}, row.title || row.id, " ", el("span", {class: "muted"}, key)),
    el("p", {class: "muted", id: "story-meta"}, `${dates(row)} · ${plural(data.articles.length, "article")} · ${plural(page.total, "event")}`,
      who(row, 8) ? ` · who: ${who(row, 8)}` : ""),
    data.stories.length ? el("p", {}, "Stories: ", data.stories.map((s, i) => [i ? ", " : "", link("story", {id: s.id}, s.title || s.id)])) : null,
    el("div", {class: "grid"},
      el("section", {class: "card wide"}, el("h2", {}, "Timeline of events"), el("div", {id: "story-timeline", class: "chart"})),
      el("section", {class: "card"}, el("h2", {}, "How the figures changed"), el("div", {id: "story-figures", class: "chart"})),
      el("section", {class: "card"}, el("h2", {}, `Articles (${data.articles.length})`),
        el("ul", {}, data.articles.map((a) => el("li", {}, el("span", {class: "muted"}, (a.date || "no date") + " "), link("article", {id: a.id}, a.title || a.id),
          a.copy_of ? el("span", {class: "muted", title: `copy of ${a.copy_of}; its events are not counted again`}, " (copy)") : null)))),
      el("section", {class: "card wide"}, el("h2", {}, "Events"), el("table", {id: "story-events"}, el("tbody", {},
        data.timeline.map((e) => el("tr", {class: "clickable", onclick: () => open(e)},
          el("td", {}, e.day || "no date"), el("td", {}, el("span", {class: `pill q${e.quad_class || ""}`}, e.plover)),
          el("td", {}, `${e.source_name || "–"} → ${e.target_name || "–"}`), el("td", {class: "muted"}, e.sentence))))),
        paged ? pager(page, p, "events_page") : null)));
  drawStoryTimeline(document.getElementById("story-timeline"), data.timeline,
    paged ? el("p", {class: "muted"}, `Events ${(page.page - 1) * page.page_size + 1}–${Math.min(page.total, page.page * page.page_size)} of ${page.total.toLocaleString("en")}; the pager under the table moves on.`) : null);
  drawFigures(document.getElementById("story-figures"), storedFigures(row) || data.quantities);
  if (data.merged_events.length) {
    main.append(el("section", {class: "card", id: "merged-events", style: "margin-top:14px"},
      el("h2", {}, `One event per happening (${data.merged_events.length < data.merged_total ? `the ${data.merged_events.length} most reported of ` : ""}${data.merged_total}, merged across reports)`),
      el("table", {}, el("thead", {}, el("tr", {}, ["date", "type", "source → target", "articles", "sources", "first report"].map((h) => el("th", {}, h)))),
        el("tbody", {}, data.merged_events.map((m) => el("tr", {},
          el("td", {}, m.date || "no date"), el("td", {}, el("span", {class: "pill"}, m.plover)),
          el("td", {}, `${party(m.source)} → ${party(m.target)}`), el("td", {}, m.num_articles ?? ""), el("td", {}, m.num_sources ?? ""),
          el("td", {}, m.earliest_doc_id ? link("article", {id: m.earliest_doc_id}, m.earliest_date || "article") : "–")))))));
  }
}
