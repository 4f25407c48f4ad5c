/* A real time axis for every chart over dates: periods sit where they fall in time (2007-08 is
   sixteen years left of 2023-05, not its neighbour), and every tick names its year. */

export const STEP = {day: d3.utcDay, week: d3.utcWeek, month: d3.utcMonth, year: d3.utcYear};

export function day(text) { return text ? new Date(String(text).slice(0, 10) + "T00:00:00Z") : null; }

/* "2024", "Mar 2024" or "9 Mar 2024": whatever the tick marks, with its year. */
export function withYear(d) {
  if (+d3.utcYear(d) === +d) return d3.utcFormat("%Y")(d);
  if (+d3.utcMonth(d) === +d) return d3.utcFormat("%b %Y")(d);
  return d3.utcFormat("%-d %b %Y")(d);
}

/* A UTC time scale over [first, last] (padded when they are one instant), on `range`. */
export function timeScale(first, last, range) {
  let [a, b] = [first, last];
  if (+a === +b) { a = d3.utcDay.offset(a, -15); b = d3.utcDay.offset(b, 15); }
  return d3.scaleUtc([a, b], range);
}

/* The scale for period bars: from the first period's start to the last one's end. */
export function periodScale(periods, by, range, least = 6) {
  const step = STEP[by] || d3.utcMonth;
  const starts = periods.map(day);
  let [a, b] = [d3.min(starts), step.offset(d3.max(starts), 1)];
  const short = least - step.count(a, b);
  if (short > 0) { a = step.offset(a, -Math.floor(short / 2)); b = step.offset(b, Math.ceil(short / 2)); }  // one bar is not the whole axis
  return d3.scaleUtc([a, b], range);
}

/* x and width of the bar for `period` (clamped to at least 1.5 px, with a 1 px gap when there is room). */
export function barOf(x, period, by) {
  const start = day(period), end = (STEP[by] || d3.utcMonth).offset(start, 1);
  const w = x(end) - x(start);
  return {x: x(start) + (w > 4 ? 0.5 : 0), width: Math.max(1.5, w > 4 ? w - 1 : w)};
}

/* A bottom axis whose labels (each with its year) never overlap: fewer ticks until they fit. */
export function timeAxis(x, width) {
  const room = (values) => d3.max(values, (d) => withYear(d).length * 6.5 + 14) * values.length;
  let n = Math.max(2, Math.floor(width / 110));
  let values = x.ticks(n);
  while (values.length > 2 && room(values) > width && n > 1) values = x.ticks(--n);
  if (values.length > 2 && room(values) > width) {  // time intervals come in steps: keep every k-th tick
    const k = Math.ceil(room(values) / width);
    values = values.filter((_, i) => i % k === 0);
  }
  return d3.axisBottom(x).tickValues(values).tickFormat(withYear);
}
