/* A story's charts: its events over time (one lane per quad class; events of one day stack, never
   hide each other) and how its figures changed (one row per kind of figure, each with its own scale). */
import {QUAD, el, go, link, plural, show} from "./core.js";
import {seriesColour, symbolPath, typeLegend, typeStyle} from "./palette.js";
import {day, timeAxis, timeScale} from "./timeaxis.js";

const R = 5, D = 2 * R + 2;

export function drawStoryTimeline(node, events, notes) {
  const dated = events.filter((e) => e.day).map((e) => ({...e, t: day(e.day)}));
  if (!dated.length) {
    show(node, el("p", {class: "empty"}, events.length ? `None of these ${plural(events.length, "event")} has a date.` : "No events."), notes);
    return;
  }
  const width = node.clientWidth || 900, m = {t: 6, r: 24, b: 26, l: 138};
  const x = timeScale(d3.min(dated, (e) => e.t), d3.max(dated, (e) => e.t), [m.l + R + 2, width - m.r - R - 2]);
  const lanes = [1, 2, 3, 4, 0].filter((q) => q || dated.some((e) => !QUAD[e.quad_class]));
  const depth = new Map(lanes.map((q) => [q, 1]));
  const taken = new Map();
  for (const e of dated.sort((a, b) => a.t - b.t)) {  // events at the same spot of a lane stack upwards
    e.lane = QUAD[e.quad_class] ? e.quad_class : 0;
    const spot = `${e.lane}:${Math.round(x(e.t) / D)}`;
    e.k = taken.get(spot) || 0;
    taken.set(spot, e.k + 1);
    depth.set(e.lane, Math.max(depth.get(e.lane), e.k + 1));
  }
  let top = m.t;
  const laneTop = new Map();
  for (const q of lanes) { laneTop.set(q, top); top += depth.get(q) * D + 10; }
  const height = top + m.b;
  const svg = d3.create("svg").attr("width", width).attr("height", height).attr("role", "img")
    .attr("aria-label", "the story's events over time, one row per quad class");
  for (const q of lanes) {
    const y = laneTop.get(q), h = depth.get(q) * D + 10;
    svg.append("rect").attr("class", "lane").attr("x", m.l).attr("y", y).attr("width", width - m.l - m.r)
      .attr("height", h - 2).attr("fill", q % 2 ? "#f6f8fa" : "#fff");
    svg.append("text").attr("x", m.l - 6).attr("y", y + h / 2 + 3).attr("text-anchor", "end").text(QUAD[q] || "no quad class");
  }
  svg.append("g").selectAll("path").data(dated).join("path").attr("class", "story-event")
    .attr("d", (e) => symbolPath(typeStyle(e.plover).shape, 70))
    .attr("transform", (e) => `translate(${x(e.t)},${laneTop.get(e.lane) + 5 + R + e.k * D})`)
    .attr("fill", (e) => typeStyle(e.plover).colour).attr("stroke", "#333").attr("stroke-width", 0.6)
    .attr("data-type", (e) => e.plover).style("cursor", "pointer")
    .on("click", (_, e) => go(new URLSearchParams({view: "article", id: e.doc_id, event: e.idx})))
    .append("title").text((e) => `${e.day} ${e.plover}: ${e.source_name || "?"} → ${e.target_name || "?"}`);
  svg.append("g").attr("class", "axis x-time").attr("transform", `translate(0,${height - m.b})`).call(timeAxis(x, width - m.l));
  const undated = events.length - dated.length;
  show(node, svg.node(), typeLegend(dated.map((e) => e.plover), "shape"),
    el("p", {class: "muted"}, "Click a mark for its evidence.",
      undated ? ` ${plural(undated, "event")} of this page ${undated === 1 ? "has" : "have"} no date and ${undated === 1 ? "is" : "are"} only in the table.` : ""),
    notes);
}

function seriesName(q) { return `${q.kind}${q.unit ? " (" + q.unit + ")" : ""}`; }

export function drawFigures(node, quantities, maxRows = 6) {
  const valued = quantities.filter((q) => q.value !== null && q.value !== undefined);
  const dated = valued.filter((q) => q.day).map((q) => ({...q, t: day(q.day)}));
  const undated = valued.filter((q) => !q.day);
  const undatedList = undated.length ? el("div", {id: "undated-figures"},
    el("p", {class: "muted"}, `${plural(undated.length, "figure")} ${undated.length === 1 ? "has" : "have"} no date, so ${undated.length === 1 ? "it is" : "they are"} listed, not drawn:`),
    el("ul", {}, undated.slice(0, 12).map((q) => el("li", {}, `${q.kind}: ${q.text || q.value} `,
      q.doc_id ? link("article", {id: q.doc_id}, "article", "muted") : null)))) : null;
  if (!dated.length) { show(node, el("p", {class: "empty"}, valued.length ? "No dated figures." : "No figures."), undatedList); return; }
  const series = d3.groups(dated, seriesName).sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const drawn = series.slice(0, maxRows);
  const width = node.clientWidth || 600, rowH = 62, gap = 24, m = {t: 18, r: 20, b: 26, l: 52};
  const height = m.t + drawn.length * (rowH + gap) - gap + m.b;
  const x = timeScale(d3.min(dated, (q) => q.t), d3.max(dated, (q) => q.t), [m.l + 8, width - m.r - 8]);
  const svg = d3.create("svg").attr("width", width).attr("height", height).attr("role", "img")
    .attr("aria-label", "figures over time, one row per kind");
  drawn.forEach(([name, points], i) => {
    const top = m.t + i * (rowH + gap);
    const y = d3.scaleLinear([0, d3.max(points, (q) => q.value) || 1], [top + rowH, top]).nice(3);
    const row = svg.append("g").attr("class", "figure-row").attr("data-series", name);
    row.append("text").attr("x", m.l + 8).attr("y", top - 6).attr("class", "row-label").text(name);
    row.append("g").attr("class", "axis y-figure").attr("transform", `translate(${m.l},0)`)
      .call(d3.axisLeft(y).ticks(3).tickFormat(d3.format("~s")));
    points.sort((a, b) => a.t - b.t);
    row.append("path").datum(points).attr("fill", "none").attr("stroke", seriesColour(i)).attr("stroke-width", 1.5)
      .attr("d", d3.line().x((q) => x(q.t)).y((q) => y(q.value)));
    row.selectAll("circle").data(points).join("circle").attr("class", "figure")
      .attr("data-value", (q) => q.value).attr("cx", (q) => x(q.t)).attr("cy", (q) => y(q.value)).attr("r", 4)
      .attr("fill", seriesColour(i)).attr("stroke", "#333").attr("stroke-width", 0.5)
      .append("title").text((q) => `${q.day}: ${q.text || q.value}${q.object ? " " + q.object : ""} (${q.title || q.doc_id})`);
  });
  svg.append("g").attr("class", "axis x-time").attr("transform", `translate(0,${height - m.b})`).call(timeAxis(x, width - m.l));
  const more = series.length - drawn.length;
  show(node, svg.node(), el("div", {class: "legend", "data-legend": "figures"},
    drawn.map(([name], i) => el("span", {class: "entry"}, el("i", {style: `background:${seriesColour(i)}`}), name)),
    more ? el("span", {class: "muted"}, `${plural(more, "more kind")} of figure not drawn`) : null), undatedList);
}
