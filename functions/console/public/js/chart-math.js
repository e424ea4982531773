// Pure geometry for the score gauge and the usage chart (unit-tested in Node).

/** A point on a circle; angle in degrees, 0 = left end of the half-gauge, 180 = right end. */
function polar(cx, cy, r, angle) {
  const rad = Math.PI - (angle * Math.PI) / 180;
  return [cx + r * Math.cos(rad), cy - r * Math.sin(rad)];
}

/** SVG path for a half-circle arc from score 0 to `score` (0-100). */
export function gaugeArc(score, { cx = 100, cy = 100, r = 80 } = {}) {
  const s = Math.max(0, Math.min(100, Number(score) || 0));
  const [x0, y0] = polar(cx, cy, r, 0);
  const [x1, y1] = polar(cx, cy, r, (s / 100) * 180);
  const round = (n) => Math.round(n * 100) / 100;
  return `M ${round(x0)} ${round(y0)} A ${r} ${r} 0 0 1 ${round(x1)} ${round(y1)}`;
}

/** A "nice" axis maximum ≥ value: 1, 2, 5 × 10^n. */
export function niceMax(value) {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Every day (UTC, "YYYY-MM-DD") from `from` to `to` inclusive, so empty days show as gaps. */
export function daysBetween(from, to) {
  const days = [];
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  for (let t = start; t <= to.getTime(); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** Reasons as bars: width as a share of the largest |contribution|, direction by sign. */
export function reasonBars(reasons) {
  const max = Math.max(1e-9, ...reasons.map((r) => Math.abs(r.contribution)));
  return reasons.map((r) => ({
    message: r.message,
    contribution: r.contribution,
    direction: r.contribution >= 0 ? "toward" : "away",
    share: Math.abs(r.contribution) / max,
  }));
}
