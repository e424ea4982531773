import { describe, expect, it } from "vitest";
import { runOrdered } from "./pool.ts";

async function* items(n: number) {
  for (let seq = 0; seq < n; seq++) yield { seq };
}
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("runOrdered", () => {
  it("hands results on in input order with at most `concurrency` in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    await runOrdered(items(40), 4, async ({ seq }) => {
      most = Math.max(most, ++inFlight);
      await tick((seq * 7) % 5); // finish out of order
      inFlight--;
      return seq * 10;
    }, (item, result) => seen.push(result - item.seq * 10 + item.seq));
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(most).toBe(4);
  });

  it("stops taking items after the first error and rethrows it", async () => {
    let started = 0;
    const run = runOrdered(items(100), 3, async ({ seq }) => {
      started++;
      await tick(1);
      if (seq === 5) throw new Error("fatal at 5");
      return seq;
    }, () => {});
    await expect(run).rejects.toThrow("fatal at 5");
    expect(started).toBeLessThan(12);
  });

  it("lets the others run ahead of a slow item only so far (memory stays bounded)", async () => {
    let startedBeforeSlowEnded = 0;
    let slowEnded = false;
    const seen: number[] = [];
    await runOrdered(items(300), 2, async ({ seq }) => {
      if (!slowEnded) startedBeforeSlowEnded++;
      if (seq === 0) {
        await tick(100);
        slowEnded = true;
      }
      return seq;
    }, (_item, r) => seen.push(r));
    expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(startedBeforeSlowEnded).toBeLessThanOrEqual(2 * 16 + 2);
    expect(startedBeforeSlowEnded).toBeGreaterThan(16);
  });
});
