/* The explorer's entry: routes the URL's `view` to its page. */
import {activate, main, params, setRenderer, show, showError, stale, api, el, go} from "./core.js";
import {loadPalette} from "./palette.js";
import {watchForNewArticles} from "./live.js";
import {dashboard} from "./page_dashboard.js";
import {article} from "./page_reader.js";
import {actor, actors, articles, search} from "./page_lists.js";
import {story, storyline, storylines} from "./page_stories.js";

const VIEWS = {dashboard, article, actors, actor, storylines, storyline, story, articles, search};
let meta = null;

async function render() {
  const p = params();
  activate(p);
  const view = VIEWS[p.get("view")] ? p.get("view") : "dashboard";
  document.querySelectorAll("header nav a").forEach((a) => a.classList.toggle("active", a.dataset.view === view));
  document.getElementById("search-input").value = view === "search" ? p.get("q") || "" : "";
  show(main, el("p", {class: "muted"}, "Loading…"));
  try {
    if (!meta) [meta] = await Promise.all([api("/api/meta"), loadPalette()]);
    await VIEWS[view](p, meta);
    if (!stale(p)) document.body.dataset.rendered = view;
  } catch (err) {
    if (!stale(p)) showError(main, err);
  }
}

setRenderer(render);
window.addEventListener("popstate", render);
document.querySelectorAll("header nav a").forEach((a) => a.addEventListener("click", (e) => {
  e.preventDefault(); go(new URLSearchParams({view: a.dataset.view}));
}));
document.getElementById("search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const q = document.getElementById("search-input").value.trim();
  if (q) go(new URLSearchParams({view: "search", q}));
});

// A ?token= link has already set the session cookie; drop the secret from the address bar and history.
if (params().has("token")) {
  const clean = params();
  clean.delete("token");
  history.replaceState(null, "", "/?" + clean);
}
render();
watchForNewArticles(() => meta, (fresh) => { meta = fresh; render(); });
