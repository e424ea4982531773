// Bursts of 500 concurrent requests on one key admit exactly the binding window's allowance, for
// each of the three windows; revoking a key while it is under load stops it from the next request.
import { describe, expect, it } from "vitest";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis/cloudflare";
import { TIERS } from "@traceo/api-keys";
import { createKey, reportCount, withDb } from "../support/harness.ts";
import { loginTokens, registerUser } from "../../functions/auth/test/support.ts";
import { baseEnv, jsonInit, send } from "./support.ts";

const BURST = 500;
const analyse = (key: string) => send("analyze", "/v1/analyze/url", jsonInit("POST", { url: "https://example.org/" }, { authorization: `Bearer ${key}` }));

/** The gateway's own bucket for one window of the free tier (same prefix, same algorithm). */
function bucket(window: "minute" | "hour" | "day") {
  const redis = new Redis({ url: baseEnv.UPSTASH_REDIS_REST_URL, token: baseEnv.UPSTASH_REDIS_REST_TOKEN });
  const limit = TIERS.free[window];
  const seconds = { minute: 60, hour: 3_600, day: 86_400 }[window];
  return new Ratelimit({ redis, limiter: Ratelimit.tokenBucket(limit, `${seconds} s`, limit), prefix: `traceo:rl:${window}:${limit}`, analytics: false });
}

async function burst(key: string): Promise<{ statuses: number[]; refusedBy: Set<string> }> {
  const sent = await Promise.all(Array.from({ length: BURST }, () => analyse(key)));
  const refusedBy = new Set<string>();
  for (const { res } of sent) {
    if (res.status === 429) refusedBy.add(((await res.json()) as { window: string }).window);
    else await res.body?.cancel();
  }
  return { statuses: sent.map((s) => s.res.status), refusedBy };
}

describe("bursts of 500 concurrent requests on one free key", () => {
  it("admit exactly the minute allowance (60) when the minute window binds", async () => {
    const created = await createKey({ tier: "free" });
    const { statuses, refusedBy } = await burst(created.key);
    expect(statuses.filter((s) => s === 200)).toHaveLength(TIERS.free.minute);
    expect(statuses.filter((s) => s === 429)).toHaveLength(BURST - TIERS.free.minute);
    expect([...refusedBy]).toEqual(["minute"]);
    expect(await reportCount(created.account_id)).toBe(TIERS.free.minute);
    // Refused requests took nothing from the other windows.
    expect((await bucket("hour").getRemaining(created.id)).remaining).toBe(TIERS.free.hour - TIERS.free.minute);
  });

  it("admit exactly what is left of the hour when the hour window binds", async () => {
    const created = await createKey({ tier: "free" });
    const left = 37; // fewer than a minute's 60, so the hour binds
    await bucket("hour").limit(created.id, { rate: TIERS.free.hour - left });
    const { statuses, refusedBy } = await burst(created.key);
    expect(statuses.filter((s) => s === 200)).toHaveLength(left);
    expect([...refusedBy]).toEqual(["hour"]);
    expect(await reportCount(created.account_id)).toBe(left);
    expect((await bucket("minute").getRemaining(created.id)).remaining).toBe(TIERS.free.minute - left);
  });

  it("admit exactly what is left of the day when the day window binds", async () => {
    const created = await createKey({ tier: "free" });
    const left = 23;
    await bucket("day").limit(created.id, { rate: TIERS.free.day - left });
    const { statuses, refusedBy } = await burst(created.key);
    expect(statuses.filter((s) => s === 200)).toHaveLength(left);
    expect([...refusedBy]).toEqual(["day"]);
    expect(await reportCount(created.account_id)).toBe(left);
    expect((await bucket("hour").getRemaining(created.id)).remaining).toBe(TIERS.free.hour - left);
  });
});

describe("revoking a key under load", () => {
  it("refuses every request that starts after the revocation answered", async () => {
    const user = await registerUser("revokeload");
    const { access_token } = await loginTokens(user);
    const auth = { authorization: `Bearer ${access_token}` };
    // An enterprise key (1,000 a minute), so the load itself is never rate limited.
    await withDb((db) => db.updateTable("accounts").set({ plan: "enterprise" }).where("id", "in", db.selectFrom("users").select("account_id").where("username", "=", user.username)).execute());
    const created = await send("keys", "/v1/keys", jsonInit("POST", { name: "busy", tier: "enterprise" }, auth));
    expect(created.res.status).toBe(201);
    const key = (await created.res.json()) as { id: string; key: string };
    const log: { started: number; status: number }[] = [];
    let revokedAt = Infinity;
    let stop = false;
    const loop = async () => {
      while (!stop) {
        const started = performance.now();
        const { res } = await analyse(key.key);
        await res.body?.cancel();
        log.push({ started, status: res.status });
      }
    };
    const loops = Array.from({ length: 8 }, loop);
    await new Promise((r) => setTimeout(r, 250));
    const revoke = await send("keys", `/v1/keys/${key.id}`, { method: "DELETE", headers: auth });
    revokedAt = performance.now();
    expect(revoke.res.status).toBe(204);
    await new Promise((r) => setTimeout(r, 250));
    stop = true;
    await Promise.all(loops);

    const before = log.filter((e) => e.started < revokedAt - revoke.ms);
    const after = log.filter((e) => e.started > revokedAt);
    expect(before.some((e) => e.status === 200), "the key served traffic before the revocation").toBe(true);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((e) => e.status !== 401), "requests started after the revocation answered").toEqual([]);
  });
});
