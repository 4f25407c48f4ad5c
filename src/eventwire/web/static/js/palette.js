/* Colours and marks, from palette.json (its "source" and "rule" fields say where they come from and why):
   eight colour-blind-safe colours; PLOVER types as colour + hatching (bars) or colour + shape (dots);
   sectors as family colour + symbol. Goldstein scores use ColorBrewer's RdBu, a colour-blind-safe
   diverging scheme (red conflict, blue cooperation). */
import {el} from "./core.js";

let P = null;
const SECTORS = new Map();
const D3_SYMBOLS = {circle: d3.symbolCircle, square: d3.symbolSquare, triangle: d3.symbolTriangle,
  diamond: d3.symbolDiamond, star: d3.symbolStar, wye: d3.symbolWye, cross: d3.symbolCross};

export async function loadPalette() {
  if (P) return P;
  P = await fetch("/static/palette.json").then((r) => r.json());
  for (const family of P.sectors.families) {
    Object.entries(family.sectors).forEach(([code, name], i) => SECTORS.set(code, {
      code, name, family: family.name, colour: P.colours[family.colour], symbol: P.sectors.symbols[i]}));
  }
  return P;
}

export const goldColor = d3.scaleDiverging([-10, 0, 10], (t) => d3.interpolateRdBu(t));

export function typeStyle(type) {
  const i = P.plover.order.indexOf(type);
  if (i < 0) return {type, colour: P.none, index: -1, hatched: false, shape: "circle"};
  return {type, colour: P.colours[i % 8], index: i % 8, hatched: i >= 8, shape: i >= 8 ? "triangle" : "circle"};
}

/* The order legends and stacks use: PLOVER's, then anything else by name. */
export function typeOrder(types) {
  const rank = (t) => { const i = P.plover.order.indexOf(t); return i < 0 ? 99 : i; };
  return [...new Set(types)].sort((a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b)));
}

export function sectorStyle(code) {
  return SECTORS.get(code) || {code: code || null, name: code ? `sector ${code}` : "no sector", family: "other",
    colour: P.none, symbol: "circle"};
}

export function symbolPath(symbol, area) { return d3.symbol(D3_SYMBOLS[symbol] || d3.symbolCircle, area)(); }

/* Hatch patterns, one per colour, inside `svg` (ids prefixed so two charts never share one). */
export function hatchDefs(svg, prefix) {
  const defs = svg.append("defs");
  P.colours.forEach((c, k) => {
    const pat = defs.append("pattern").attr("id", `${prefix}-hatch-${k}`).attr("patternUnits", "userSpaceOnUse")
      .attr("width", 6).attr("height", 6).attr("patternTransform", "rotate(45)");
    pat.append("rect").attr("width", 6).attr("height", 6).attr("fill", c).attr("fill-opacity", 0.3);
    pat.append("rect").attr("width", 3.2).attr("height", 6).attr("fill", c);
  });
  return (type) => { const s = typeStyle(type); return s.hatched ? `url(#${prefix}-hatch-${s.index})` : s.colour; };
}

function cssFill(s) {
  return s.hatched ? `repeating-linear-gradient(45deg, ${s.colour} 0 2.5px, ${s.colour}4d 2.5px 5px)` : s.colour;
}

function icon(symbol, colour, stroke) {
  const svg = d3.create("svg").attr("width", 14).attr("height", 14).attr("viewBox", "-7 -7 14 14").attr("class", "icon");
  svg.append("path").attr("d", symbolPath(symbol, 70)).attr("fill", colour).attr("stroke", stroke || "#333")
    .attr("stroke-width", 0.6);
  return svg.node();
}

function entry(attrs, mark, label) { return el("span", {class: "entry", ...attrs}, mark, label); }

/* Legend of event types. `marks`: "swatch" (bars: colour and hatching) or "shape" (dots: colour and shape). */
export function typeLegend(types, marks = "swatch") {
  return el("div", {class: "legend", "data-legend": "types"}, typeOrder(types).map((t) => {
    const s = typeStyle(t);
    const mark = marks === "shape" ? icon(s.shape, s.colour) : el("i", {style: `background:${cssFill(s)}`});
    return entry({"data-type": t, "data-colour": s.colour, "data-mark": marks === "shape" ? s.shape : (s.hatched ? "hatched" : "solid")},
      mark, t);
  }), el("span", {class: "muted"}, marks === "shape" ? "▲ conflict types, ● cooperation types" : "hatched: conflict types"));
}

export function sectorLegend(codes) {
  const styles = [...new Set(codes)].map(sectorStyle)
    .sort((a, b) => a.family.localeCompare(b.family) || String(a.code).localeCompare(String(b.code)));
  return el("div", {class: "legend", "data-legend": "sectors"}, styles.map((s) =>
    entry({"data-sector": s.code || "", "data-colour": s.colour, "data-mark": s.symbol, title: s.family},
      icon(s.symbol, s.colour, "#fff"), s.code ? `${s.code} ${s.name}` : "no sector")));
}

/* The Goldstein colour scale as a bar from −10 (conflict) to +10 (cooperation). */
export function goldLegend(what) {
  const stops = d3.range(0, 1.01, 0.1).map((t) => `${goldColor(-10 + 20 * t)} ${Math.round(t * 100)}%`).join(", ");
  return el("div", {class: "legend", "data-legend": "goldstein"},
    el("span", {class: "entry"}, `${what}: mean Goldstein −10 conflict`,
      el("i", {class: "ramp", style: `background:linear-gradient(90deg, ${stops})`}), "+10 cooperation"));
}

export function seriesColour(i) { return P.colours[i % P.colours.length]; }
