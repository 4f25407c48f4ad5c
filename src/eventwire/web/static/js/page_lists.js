/* Lists: actors, one actor, articles, search results. */
import {el, go, link, main, pager, plural, show, stale, api} from "./core.js";

export async function actors(p) {
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
    el("tr", {}, el("td", {}, r.actor), el("td", {}, r.other), el("td", {}, plural(r.documents, "article"))))));
  show(main, el("h1", {}, "Actors"), form, el("div", {class: "grid"},
    el("section", {class: "card"}, list.items.length ? table : el("p", {class: "empty"}, "No actors."), pager(list, p)),
    el("section", {class: "card"}, el("h2", {}, "Named in the same articles"), together)));
}

export async function actor(p) {
  const name = p.get("name") || "";
  const a = await api(`/api/actors/${encodeURIComponent(name)}`);
  if (stale(p)) return;
  show(main,
    el("h1", {id: "actor-name"}, a.name, " ", el("span", {class: "muted"}, [a.kind, a.country, a.sector].filter(Boolean).join(" · "))),
    el("p", {id: "actor-summary"}, `${plural(a.documents, "article")}, ${plural(a.mentions, "mention")}; source of ${plural(a.as_source, "event")}, target of ${plural(a.as_target, "event")}. `,
      link("dashboard", {actor: a.name}, "Show its events on the dashboard")),
    el("div", {class: "grid"},
      el("section", {class: "card"}, el("h2", {}, "Named in the same articles as"),
        a.cooccurrences.length ? el("table", {}, el("tbody", {}, a.cooccurrences.map((r) => el("tr", {},
          el("td", {}, link("actor", {name: r.other}, r.other)), el("td", {}, plural(r.documents, "article")))))) : el("p", {class: "empty"}, "Nobody.")),
      el("section", {class: "card"}, el("h2", {}, "Articles"),
        el("ul", {}, a.documents_list.map((d) => el("li", {}, el("span", {class: "muted"}, (d.date || "no date") + " "), link("article", {id: d.id}, d.title || d.id)))))));
}

export async function articles(p) {
  const q = new URLSearchParams({page: p.get("page") || 1, page_size: 50});
  const list = await api("/api/articles", q);
  if (stale(p)) return;
  show(main, el("h1", {}, "Articles"), el("section", {class: "card"}, el("table", {id: "articles"},
    el("thead", {}, el("tr", {}, ["date", "headline", "site", "events"].map((h) => el("th", {}, h)))),
    el("tbody", {}, list.items.map((a) => el("tr", {}, el("td", {}, a.date || "no date"),
      el("td", {}, link("article", {id: a.id}, a.title || a.id)), el("td", {}, a.site || ""), el("td", {}, a.events))))), pager(list, p)));
}

export async function search(p) {
  const text = p.get("q") || "";
  const list = await api("/api/search", new URLSearchParams({q: text, page: p.get("page") || 1}));
  if (stale(p)) return;
  show(main, el("h1", {}, `Search: “${text}”`), el("section", {class: "card", id: "search-results"},
    list.items.length ? list.items.map((a) => el("div", {class: "event-item"},
      link("article", {id: a.id}, a.title || a.id), el("span", {class: "muted"}, ` ${a.date || "no date"} · ${plural(a.events, "matching event")}`),
      el("div", {class: "muted"}, "…" + (a.snippet || "") + "…"))) : el("p", {class: "empty"}, "Nothing found."),
    pager(list, p)));
}
