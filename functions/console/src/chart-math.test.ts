import { describe, expect, it } from "vitest";
import { daysBetween, gaugeArc, niceMax, reasonBars } from "../public/js/chart-math.js";

describe("console chart geometry", () => {
  it("draws the gauge arc from the left end to the score's angle", () => {
    expect(gaugeArc(0)).toBe("M 20 100 A 80 80 0 0 1 20 100");
    expect(gaugeArc(50)).toBe("M 20 100 A 80 80 0 0 1 100 20");
    expect(gaugeArc(100)).toBe("M 20 100 A 80 80 0 0 1 180 100");
    expect(gaugeArc(150)).toBe(gaugeArc(100)); // clamped
    expect(gaugeArc(Number.NaN)).toBe(gaugeArc(0));
  });

  it("rounds axis maxima up to 1, 2 or 5 times a power of ten", () => {
    expect([0, 1, 2, 3, 7, 11, 240, 1000, 1001].map(niceMax)).toEqual([1, 1, 2, 5, 10, 20, 500, 1000, 2000]);
  });

  it("lists every UTC day of the range, so empty days leave gaps", () => {
    expect(daysBetween(new Date("2026-02-27T13:00:00Z"), new Date("2026-03-02T09:00:00Z"))).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
  });

  it("sizes reason bars against the largest contribution, signed by direction", () => {
    const bars = reasonBars([{ message: "a", contribution: 2 }, { message: "b", contribution: -1 }, { message: "c", contribution: 0.5 }]);
    expect(bars.map((b) => [b.direction, b.share])).toEqual([["toward", 1], ["away", 0.5], ["toward", 0.25]]);
    expect(reasonBars([])).toEqual([]);
  });
});
