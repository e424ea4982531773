// A restart of the Neon WebSocket proxy and the Upstash adapter during traffic: requests while they
// are down get a fast 503, and requests after they are back succeed in the same Worker isolate,
// with no restart of the Worker (no connection or client object outlives its request).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKey, reportCount } from "../support/harness.ts";
import { expectServiceUnavailable, jsonInit, privateShims, PRODUCTION_REDIS_TIMEOUT_MS, send, type Shims } from "./support.ts";

let shims: Shims;
beforeAll(async () => {
  shims = await privateShims();
});
afterAll(async () => {
  await shims.close();
});

const settings = () => ({ NEON_WS_PROXY: shims.proxy, UPSTASH_REDIS_REST_URL: shims.upstashUrl, UPSTASH_REDIS_REST_TOKEN: shims.token, RATE_LIMIT_TIMEOUT_MS: PRODUCTION_REDIS_TIMEOUT_MS });
const analyse = (key: string, i: number) => send("analyze", "/v1/analyze/url", jsonInit("POST", { url: `https://example.org/${i}` }, { authorization: `Bearer ${key}` }), settings());

describe("shim restart during traffic", () => {
  it("serves again after the proxy and the adapter restart on the same ports", async () => {
    const created = await createKey({ tier: "enterprise" });
    let sent = 0;
    const statuses = async (n: number) => {
      const results = await Promise.all(Array.from({ length: n }, () => analyse(created.key, sent++)));
      await Promise.all(results.map((r) => r.res.body?.cancel()));
      return results.map((r) => r.res.status);
    };
    expect(await statuses(10)).toEqual(Array(10).fill(200));

    // Traffic keeps flowing while the shims go down and come back.
    let stop = false;
    const during: number[] = [];
    const traffic = (async () => {
      while (!stop) during.push(...(await statuses(4)));
    })();
    await new Promise((r) => setTimeout(r, 150));
    await shims.stop();
    const whileDown = await analyse(created.key, sent++);
    await expectServiceUnavailable(whileDown);
    expect(whileDown.ms).toBeLessThan(5_000);
    await shims.start();
    stop = true;
    await traffic;
    expect(during.every((s) => s === 200 || s === 503), `only 200 or 503 during the restart: ${[...new Set(during)]}`).toBe(true);

    // Every request after the restart succeeds, in the same isolate.
    const after = await statuses(20);
    expect(after).toEqual(Array(20).fill(200));
    // Every 200 stored its report. A 503 stored nothing, except when the proxy went down between the
    // INSERT's commit and its acknowledgement: the one ambiguity no database protocol removes.
    const admitted = during.filter((s) => s === 200).length + 10 + 20;
    const refusedDuring = during.filter((s) => s === 503).length + 1;
    const stored = await reportCount(created.account_id);
    expect(stored).toBeGreaterThanOrEqual(admitted);
    expect(stored).toBeLessThanOrEqual(admitted + refusedDuring);
  });
});
