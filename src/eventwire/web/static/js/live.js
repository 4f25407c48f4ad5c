/* New articles while the page is open: `eventwire run` may add to the database `serve` reads (store/lock.py),
   so the page asks /api/meta every few seconds and offers the new articles without losing the reader's place. */
const EVERY_MS = 4000;

export function watchForNewArticles(getMeta, onRefresh) {
  let shown = null;
  async function check() {
    const meta = getMeta();
    if (!meta || document.hidden) return;
    try {
      const response = await fetch("/api/meta", {credentials: "same-origin", cache: "no-store",
                                                 headers: {Accept: "application/json"}});
      if (!response.ok) return;  // busy writer (503) or a lost token: ask again next time
      const now = await response.json();
      const added = (now.counts.articles || 0) - (meta.counts.articles || 0);
      if (added > 0) shown = banner(shown, added, () => { shown.remove(); shown = null; onRefresh(now); });
    } catch (err) {
      /* the server is restarting: ask again next time */
    }
  }
  setInterval(check, EVERY_MS);
}

function banner(old, added, refresh) {
  const box = old || document.createElement("div");
  box.id = "new-articles";
  box.setAttribute("role", "status");
  box.textContent = `${added.toLocaleString("en")} new article${added === 1 ? "" : "s"} stored since this page loaded. `;
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Show them";
  button.addEventListener("click", refresh);
  box.append(button);
  if (!old) document.querySelector("header").after(box);
  return box;
}
