/* Where and who: the event map (points, and countries for events placed only at country level)
   and the source→target network. */
import {el, fmt, go, show} from "./core.js";
import {goldColor, goldLegend, sectorLegend, sectorStyle, symbolPath} from "./palette.js";

let worldPromise = null;
function world() {
  worldPromise ||= fetch("/static/vendor/countries-110m.json").then((r) => r.json());
  return worldPromise;
}

function sizeLegend(r, counts) {
  const svg = d3.create("svg").attr("width", 40 + counts.length * 46).attr("height", 34).attr("class", "icon");
  counts.forEach((n, i) => {
    const g = svg.append("g").attr("transform", `translate(${20 + i * 46},17)`);
    g.append("circle").attr("r", Math.max(3, r(n))).attr("fill", "none").attr("stroke", "#555");
    g.append("text").attr("x", Math.max(3, r(n)) + 3).attr("y", 4).text(n);
  });
  return el("span", {class: "entry"}, "events per place", svg.node());
}

export async function drawMap(node, data, notes) {
  const topo = await world();
  if (!node.isConnected) return;
  const width = node.clientWidth || 600, height = Math.round(width * 0.52);
  const projection = d3.geoNaturalEarth1().fitSize([width, height], {type: "Sphere"});
  const path = d3.geoPath(projection);
  const shaded = new Map((data.countries || []).filter((c) => c.numeric).map((c) => [String(Number(c.numeric)), c]));
  const svg = d3.create("svg").attr("width", width).attr("height", height).attr("role", "img")
    .attr("aria-label", "map of event locations");
  svg.append("path").datum({type: "Sphere"}).attr("class", "sphere").attr("d", path);
  svg.append("g").selectAll("path").data(topojson.feature(topo, topo.objects.countries).features).join("path")
    .attr("class", (f) => (shaded.has(String(Number(f.id))) ? "land country-level" : "land")).attr("d", path)
    .attr("data-country", (f) => shaded.get(String(Number(f.id)))?.country ?? null)
    .attr("fill", (f) => (shaded.has(String(Number(f.id))) ? goldColor(shaded.get(String(Number(f.id))).goldstein ?? 0) : null))
    .filter((f) => shaded.has(String(Number(f.id)))).append("title")
    .text((f) => { const c = shaded.get(String(Number(f.id))); return `${c.name}: ${c.count} events placed only at country level, mean Goldstein ${fmt(c.goldstein)}`; });
  const items = data.items;
  const r = d3.scaleSqrt([0, d3.max(items, (d) => d.count) || 1], [0, 14]);
  svg.append("g").selectAll("circle").data(items).join("circle").attr("class", "point")
    .attr("data-name", (d) => d.name)
    .attr("transform", (d) => `translate(${projection([d.lon, d.lat])})`)
    .attr("r", (d) => Math.max(3, r(d.count))).attr("fill", (d) => goldColor(d.goldstein ?? 0))
    .append("title").text((d) => `${d.name || "?"}${d.country ? " (" + d.country + ")" : ""}: ${d.count} events, mean Goldstein ${fmt(d.goldstein)}`);
  const top = d3.max(items, (d) => d.count) || 1;
  const legend = el("div", {class: "legend", "data-legend": "map"},
    sizeLegend(r, [...new Set([1, Math.max(1, Math.round(top / 2)), top])]),
    shaded.size ? el("span", {class: "entry"}, el("i", {class: "country-swatch"}), "shaded country: events placed only at country level") : null);
  show(node, svg.node(), goldLegend("colour"), legend, notes);
}

export function drawNetwork(node, net, notes) {
  if (!net.edges.length) { show(node, el("p", {class: "empty"}, "No source→target pairs."), notes); return; }
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
  const end = (l) => {  // stop the arrow at the rim of the target's mark
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
  g.append("path").attr("class", "mark").attr("d", (n) => symbolPath(sectorStyle(n.sector).symbol, Math.PI * size(n.events) ** 2))
    .attr("fill", (n) => sectorStyle(n.sector).colour).attr("data-sector", (n) => n.sector || "");
  g.append("text").attr("x", (n) => size(n.events) + 3).attr("y", 4).attr("paint-order", "stroke")
    .attr("stroke", "#fff").attr("stroke-width", 3).text((n) => n.id);
  g.append("title").text((n) => `${n.id} · ${n.country || "?"} · ${sectorStyle(n.sector).name} · ${n.events} events (click to filter)`);
  show(node, svg.node(), sectorLegend(nodes.map((n) => n.sector || null)), goldLegend("arrows"),
    el("p", {class: "muted"}, "Arrows run from source to target; width: number of events. Click an actor to filter."), notes);
}
