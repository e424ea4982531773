// Usage (GET /v1/usage, last 30 days by UTC day): a stacked SVG bar chart and the same numbers as a table.
import { withKey } from "../api.js";
import { alertBox, el, svg } from "../dom.js";
import { daysBetween, niceMax } from "../chart-math.js";
import { keyField } from "../key-field.js";

const CLASSES = [["2xx", "ok"], ["4xx", "client errors"], ["5xx", "server errors"]];

function chart(days, byDay, totals) {
  const width = 720, height = 260, left = 44, bottom = 28, top = 12;
  const plotW = width - left - 8, plotH = height - top - bottom;
  const max = niceMax(Math.max(0, ...days.map((d) => byDay.get(d)?.requests ?? 0)));
  const slot = plotW / days.length, barW = Math.max(2, slot * 0.7);
  const y = (v) => top + plotH - (v / max) * plotH;
  const grid = [0, max / 2, max].map((v) => [
    svg("line", { x1: left, x2: width - 8, y1: y(v), y2: y(v), class: "grid" }),
    svg("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end", class: "axis" }, String(v)),
  ]);
  const bars = days.map((day, i) => {
    const b = byDay.get(day);
    if (!b) return null;
    let base = 0;
    return svg("g", { "data-day": day }, svg("title", {}, `${day}: ${b.requests} requests`), CLASSES.map(([cls]) => {
      const n = b.status[cls] ?? 0;
      if (n === 0) return null;
      const rect = svg("rect", { x: left + i * slot + (slot - barW) / 2, y: y(base + n), width: barW, height: Math.max(1, y(base) - y(base + n)), class: `bar-${cls}` });
      base += n;
      return rect;
    }));
  });
  const labels = days.map((day, i) => (i % 7 === 0 || i === days.length - 1
    ? svg("text", { x: left + i * slot + slot / 2, y: height - 8, "text-anchor": "middle", class: "axis" }, day.slice(5)) : null));
  return svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "usage-chart", role: "img",
    "aria-label": `Requests per day over the last ${days.length} days: ${totals.requests} in total, ${totals["2xx"]} ok, ${totals["4xx"]} client errors, ${totals["5xx"]} server errors.` },
  grid, bars, labels);
}

export async function renderUsage(main) {
  const area = el("div", { "aria-live": "polite", id: "usage-area" });
  const load = async () => {
    area.replaceChildren(el("p", {}, "Loading…"));
    try {
      const usage = await withKey("/v1/usage?granularity=day");
      const days = daysBetween(new Date(usage.from), new Date(usage.to));
      const byDay = new Map(usage.buckets.map((b) => [b.start.slice(0, 10), b]));
      area.replaceChildren(
        el("section", { class: "card" },
          el("h2", {}, `${usage.totals.requests.toLocaleString()} requests in the last 30 days`),
          el("p", { class: "legend" }, CLASSES.map(([cls, label]) => [el("span", { class: `key key-${cls}` }), ` ${cls} ${label} (${usage.totals[cls]})  `])),
          chart(days, byDay, usage.totals),
          el("details", {}, el("summary", {}, "Numbers per day"),
            el("table", {}, el("thead", {}, el("tr", {}, ["Day (UTC)", "Requests", "2xx", "4xx", "5xx", "p50 ms", "p95 ms"].map((h) => el("th", { scope: "col" }, h)))),
              el("tbody", {}, usage.buckets.map((b) => el("tr", {}, el("th", { scope: "row" }, b.start.slice(0, 10)),
                [b.requests, b.status["2xx"], b.status["4xx"], b.status["5xx"], b.latency_ms.p50, b.latency_ms.p95].map((v) => el("td", { class: "num" }, String(v))))))))));
    } catch (err) {
      area.replaceChildren(alertBox(err.message));
    }
  };
  main.append(el("h1", { tabindex: "-1" }, "Usage"), keyField(), el("p", {}, el("button", { type: "button", onclick: load }, "Refresh")), area);
  await load();
}
