/* The dashboard's charts over time: events per period by type, and cooperation against conflict. */
import {QUAD, el, fmt, show} from "./core.js";
import {hatchDefs, typeLegend, typeOrder} from "./palette.js";
import {STEP, barOf, day, periodScale, timeAxis} from "./timeaxis.js";

export const QUAD_COLOR = {1: "#56B4E9", 2: "#0072B2", 3: "#E69F00", 4: "#D55E00"}; // Okabe-Ito blues / oranges

function periods(items) { return [...new Set(items.map((d) => d.period))].sort(); }

/* Counts are whole: integer ticks only (no "0.5 events"), below the axis' zero as well as above it. */
function countAxis(y) {
  const [lo, hi] = y.domain();
  const ticks = y.ticks(Math.min(4, Math.max(1, hi - lo))).filter(Number.isInteger);
  return d3.axisLeft(y).tickValues(ticks).tickFormat((v) => d3.format("~s")(Math.abs(v)));
}

/* Stacked bars per period on a time axis; clicking a bar narrows the dashboard to it (`onPick`). */
export function drawTimeline(node, items, by, notes, onPick) {
  if (!items.length) { show(node, notes); return; }
  const keys = typeOrder(items.map((d) => d.key));
  const xs = periods(items);
  const table = xs.map((period) => {
    const row = {period};
    for (const k of keys) row[k] = 0;
    for (const d of items) if (d.period === period) row[d.key] = d.count;
    return row;
  });
  const width = node.clientWidth || 900, height = 220, m = {t: 10, r: 30, b: 26, l: 38};
  const x = periodScale(xs, by, [m.l, width - m.r]);
  const stacked = d3.stack().keys(keys)(table);
  const y = d3.scaleLinear([0, d3.max(stacked.at(-1), (d) => d[1]) || 1], [height - m.b, m.t]).nice();
  const svg = d3.create("svg").attr("width", width).attr("height", height).attr("role", "img")
    .attr("aria-label", `events per ${by} by type`);
  const fill = hatchDefs(svg, "timeline");
  svg.append("g").selectAll("g").data(stacked).join("g").attr("fill", (s) => fill(s.key))
    .selectAll("rect").data((s) => s.map((d) => ({...d, key: s.key}))).join("rect")
    .attr("class", "bar").attr("data-key", (d) => d.key).attr("data-period", (d) => d.data.period)
    .attr("x", (d) => barOf(x, d.data.period, by).x).attr("width", (d) => barOf(x, d.data.period, by).width)
    .attr("y", (d) => y(d[1])).attr("height", (d) => y(d[0]) - y(d[1])).style("cursor", "pointer")
    .on("click", (_, d) => onPick(d.data.period, d.key))
    .filter((d) => d[1] - d[0] > 0).append("title").text((d) => `${d.data.period} ${d.key}: ${d[1] - d[0]} (click to filter)`);
  svg.append("g").attr("class", "axis x-time").attr("transform", `translate(0,${height - m.b})`).call(timeAxis(x, width));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${m.l},0)`).call(countAxis(y));
  show(node, svg.node(), typeLegend(keys), notes);
}

export function drawBalance(node, items, by, notes) {
  if (!items.length) { show(node, notes); return; }
  const xs = periods(items);
  const rows = xs.map((period) => {
    const at = items.filter((d) => d.period === period);
    const n = (q) => d3.sum(at.filter((d) => d.key === String(q)), (d) => d.count);
    const total = d3.sum(at, (d) => d.count);
    const gold = total ? d3.sum(at, (d) => (d.goldstein ?? 0) * d.count) / total : null;
    return {period, q1: n(1), q2: n(2), q3: n(3), q4: n(4), gold};
  });
  const width = node.clientWidth || 600, height = 220, m = {t: 10, r: 40, b: 26, l: 34};
  const x = periodScale(xs, by, [m.l, width - m.r]);
  const mid = (r) => { const b = barOf(x, r.period, by); return b.x + b.width / 2; };
  const top = d3.max(rows, (r) => Math.max(r.q1 + r.q2, r.q3 + r.q4)) || 1;
  const y = d3.scaleLinear([-top, top], [height - m.b, m.t]).nice();
  const g10 = d3.scaleLinear([-10, 10], [height - m.b, m.t]);
  const svg = d3.create("svg").attr("width", width).attr("height", height).attr("role", "img")
    .attr("aria-label", "cooperation above, conflict below, mean Goldstein line");
  const segs = rows.flatMap((r) => [{r, q: 1, y0: 0, y1: r.q1}, {r, q: 2, y0: r.q1, y1: r.q1 + r.q2},
    {r, q: 3, y0: 0, y1: -r.q3}, {r, q: 4, y0: -r.q3, y1: -r.q3 - r.q4}]);
  svg.append("g").selectAll("rect").data(segs.filter((s) => s.y0 !== s.y1)).join("rect")
    .attr("class", (s) => `quad q${s.q}`).attr("fill", (s) => QUAD_COLOR[s.q])
    .attr("x", (s) => barOf(x, s.r.period, by).x).attr("width", (s) => barOf(x, s.r.period, by).width)
    .attr("y", (s) => y(Math.max(s.y0, s.y1))).attr("height", (s) => Math.abs(y(s.y0) - y(s.y1)))
    .append("title").text((s) => `${s.r.period} ${QUAD[s.q]}: ${Math.abs(s.y1 - s.y0)}`);
  svg.append("line").attr("x1", m.l).attr("x2", width - m.r).attr("y1", y(0)).attr("y2", y(0)).attr("stroke", "#888");
  // the line joins neighbouring periods only: it does not bridge the years with no events
  const step = STEP[by] || d3.utcMonth;
  const joined = rows.flatMap((r, i) => (i && step.count(day(rows[i - 1].period), day(r.period)) > 1
    ? [{period: r.period, gold: null}, r] : [r]));
  const line = d3.line().defined((r) => r.gold !== null).x(mid).y((r) => g10(r.gold));
  svg.append("path").datum(joined).attr("class", "goldstein-line").attr("d", line)
    .attr("fill", "none").attr("stroke", "#222").attr("stroke-width", 1.5);
  svg.append("g").selectAll("circle").data(rows.filter((r) => r.gold !== null)).join("circle")
    .attr("cx", mid).attr("cy", (r) => g10(r.gold)).attr("r", 3).attr("fill", "#222")
    .append("title").text((r) => `${r.period} mean Goldstein ${fmt(r.gold)}`);
  svg.append("g").attr("class", "axis x-time").attr("transform", `translate(0,${height - m.b})`).call(timeAxis(x, width));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${m.l},0)`).call(countAxis(y));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${width - m.r},0)`).call(d3.axisRight(g10).ticks(4));
  show(node, svg.node(), el("div", {class: "legend", "data-legend": "quad"},
    Object.entries(QUAD).map(([k, v]) => el("span", {class: "entry"}, el("i", {style: `background:${QUAD_COLOR[k]}`}), v)),
    el("span", {class: "entry"}, el("i", {class: "line"}), "mean Goldstein (right axis, −10…10)")), notes);
}
