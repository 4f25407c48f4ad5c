/* eventwire explorer: DOM building, the URL as state, and the JSON API.
   The URL's query string is the whole state (view, filters, page), so any view can be shared.
   Article text is only ever inserted as text nodes, never as HTML. */

export const FILTER_KEYS = ["actor", "country", "sector", "plover", "cameo_root", "quad_class", "date_from", "date_to", "q",
  "dated", "placed"];
export const QUAD = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
export const main = document.getElementById("main");

let active = null; // the URLSearchParams of the newest render; older renders drop their results
let renderer = () => {};
export function setRenderer(fn) { renderer = fn; }
export function activate(p) { active = p; }
export function stale(p) { return p !== active; }

/* An element with attributes and children; null, undefined and false children are left out. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  node.append(...present(children));
  return node;
}

function present(children) {
  return children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (c instanceof Node ? c : document.createTextNode(String(c))));
}

/* `node.replaceChildren` without its habit of printing "null" for a missing part (issue 22). */
export function show(node, ...children) { node.replaceChildren(...present(children)); }

/* "1 article", "2 articles"; `many` for irregular plurals ("story" / "stories"). */
export function plural(n, one, many) {
  const count = Number(n ?? 0);
  return `${count.toLocaleString("en")} ${count === 1 ? one : many || one + "s"}`;
}

export function fmt(x, digits) { return x === null || x === undefined ? "–" : Number(x).toFixed(digits ?? 1); }
export function party(p) { return p && p.name ? `${p.name}${p.country ? " (" + p.country + ")" : ""}` : "–"; }
export function showError(where, err) { show(where, el("div", {class: "error", role: "alert"}, String(err.message || err))); }

export function params() { return new URLSearchParams(location.search); }

export function go(next, replace) {
  const url = "/?" + next.toString();
  if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
  renderer();
}

export function link(view, extra, text, cls) {
  const p = new URLSearchParams({view, ...extra});
  return el("a", {href: "/?" + p.toString(), class: cls, onclick: (e) => { e.preventDefault(); go(p); }}, text);
}

/* A link to the dashboard with the current filters and `extra` on top (e.g. {placed: "false"}). */
export function dashboardLink(p, extra, text, id) {
  const q = filterQuery(p, extra);
  q.set("view", "dashboard");
  return el("a", {href: "/?" + q, id, onclick: (e) => { e.preventDefault(); go(q); }}, text);
}

export async function api(path, query) {
  const url = query && query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}});
  const body = await response.json().catch(() => ({error: response.statusText}));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

export function filterQuery(p, extra) {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (p.get(k)) q.set(k, p.get(k));
  for (const [k, v] of Object.entries(extra || {})) q.set(k, v);
  return q;
}

export function pager(list, p, key = "page") {
  const pages = Math.max(1, Math.ceil(list.total / list.page_size));
  const to = (n) => { const q = new URLSearchParams(p); q.set(key, n); go(q); };
  return el("div", {class: "pager"},
    el("button", {class: "plain", type: "button", disabled: list.page <= 1, onclick: () => to(list.page - 1)}, "‹ prev"),
    el("span", {class: "muted"}, `page ${list.page} of ${pages} (${list.total.toLocaleString("en")})`),
    el("button", {class: "plain", type: "button", disabled: list.page >= pages, onclick: () => to(list.page + 1)}, "next ›"));
}
