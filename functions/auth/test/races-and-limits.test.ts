// Replay, races and brute force: each "once" rule holds under concurrency, a challenge dies after
// 5 wrong codes, and the 11th consecutive failure finds the second factor locked (429 + Retry-After).
import { describe, expect, it } from "vitest";
import { hashBackupCode, normaliseBackupCode } from "@traceo/auth";
import { openDatabase } from "@traceo/db";
import { sql } from "kysely";
import { spendBackupCode, claimTotpStep } from "../src/store/second-factor.ts";
import { codeFor, expectProblem, loginChallenge, post, registerWithTwoFactor, testEnv, withDb } from "./support.ts";

const wrongCode = (secret: string) => {
  const avoid = new Set([-1, 0, 1].map((d) => codeFor(secret, d)));
  let n = 123456;
  while (avoid.has(String(n))) n += 1;
  return String(n);
};

async function userId(username: string): Promise<string> {
  return withDb(async (db) => (await db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirstOrThrow()).id);
}

describe("races", () => {
  it("20 concurrent verifications with one backup code: exactly 1 succeeds", async () => {
    const user = await registerWithTwoFactor("race-backup");
    // 4 challenges take 5 attempts each: 20 verifications in flight at once.
    const challenges = await Promise.all([1, 2, 3, 4].map(() => loginChallenge(user)));
    const code = user.backupCodes[0]!;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => post("/auth/2fa/verify", { challenge: challenges[i % 4], code }, { ip: user.ip })));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 401 || s === 429)).toBe(true);
  });

  it("spends a backup code once when 20 callers race on the database directly", async () => {
    const user = await registerWithTwoFactor("race-backup-db");
    const id = await userId(user.username);
    const hash = await hashBackupCode(id, normaliseBackupCode(user.backupCodes[3]!)!);
    // One database handle per caller, so the 20 UPDATEs really run on separate connections.
    const handles = Array.from({ length: 20 }, () => openDatabase(testEnv as never));
    try {
      const results = await Promise.all(handles.map((h) => spendBackupCode(h.db, id, hash)));
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
  });

  it("2 concurrent verifications with one TOTP code: exactly 1 succeeds", async () => {
    const user = await registerWithTwoFactor("race-totp");
    const [a, b] = await Promise.all([loginChallenge(user), loginChallenge(user)]);
    const code = codeFor(user.secret);
    const answers = await Promise.all([a, b].map((challenge) => post("/auth/2fa/verify", { challenge, code }, { ip: user.ip })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it("accepts a time step once even when 10 callers race on the database directly", async () => {
    const user = await registerWithTwoFactor("race-step");
    const id = await userId(user.username);
    const step = Math.floor(Date.now() / 30_000) + 1;
    const handles = Array.from({ length: 10 }, () => openDatabase(testEnv as never));
    try {
      const results = await Promise.all(handles.map((h) => claimTotpStep(h.db, id, step)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await claimTotpStep(handles[0]!.db, id, step - 1)).toBe(false); // older steps are dead too
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
  });
});

describe("brute force", () => {
  it("refuses the 6th code on a challenge even when it is correct", async () => {
    const user = await registerWithTwoFactor("sixth");
    const challenge = await loginChallenge(user);
    for (let i = 0; i < 5; i++) {
      const problem = await expectProblem(await post("/auth/2fa/verify", { challenge, code: wrongCode(user.secret) }, { ip: user.ip }), 401);
      expect(problem.type).toMatch(/invalid-code$/);
    }
    const sixth = await expectProblem(await post("/auth/2fa/verify", { challenge, code: codeFor(user.secret) }, { ip: user.ip }), 401);
    expect(sixth.type).toMatch(/invalid-challenge$/);
    // The code itself was not consumed: a fresh challenge accepts it.
    expect((await post("/auth/2fa/verify", { challenge: await loginChallenge(user), code: codeFor(user.secret) }, { ip: user.ip })).status).toBe(200);
  });

  it("locks after 10 consecutive failures: the 11th attempt gets 429 with Retry-After, even with the right code", async () => {
    const user = await registerWithTwoFactor("lockout");
    for (let round = 0; round < 2; round++) {
      const challenge = await loginChallenge(user);
      for (let i = 0; i < 5; i++) await expectProblem(await post("/auth/2fa/verify", { challenge, code: wrongCode(user.secret) }, { ip: user.ip }), 401);
    }
    const challenge = await loginChallenge(user);
    const res = await post("/auth/2fa/verify", { challenge, code: codeFor(user.secret) }, { ip: user.ip });
    const retryAfter = Number(res.headers.get("retry-after"));
    const problem = await expectProblem(res, 429);
    expect(problem.type).toMatch(/too-many-attempts$/);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // A backup code does not get around the lock either, and the lock is in the audit log.
    await expectProblem(await post("/auth/2fa/verify", { challenge, code: user.backupCodes[0]! }, { ip: user.ip }), 429);
    const id = await userId(user.username);
    const events = await withDb((db) => sql<{ event_type: string; n: string }>`SELECT event_type, count(*)::text AS n FROM audit_log WHERE actor_user_id = ${id} GROUP BY 1`.execute(db));
    const counts = Object.fromEntries(events.rows.map((r) => [r.event_type, Number(r.n)]));
    expect(counts["user.2fa_failed"]).toBe(10);
    expect(counts["user.2fa_locked"]).toBe(1);
    expect(counts["user.2fa_enabled"]).toBe(1);
  });

  it("counts successes as breaking the run: 9 failures, a success, 9 failures never lock", async () => {
    const user = await registerWithTwoFactor("no-lock");
    const fail = async (n: number) => {
      for (let done = 0; done < n; ) {
        const challenge = await loginChallenge(user);
        for (let i = 0; i < 5 && done < n; i++, done++) await expectProblem(await post("/auth/2fa/verify", { challenge, code: wrongCode(user.secret) }, { ip: user.ip }), 401);
      }
    };
    await fail(9);
    expect((await post("/auth/2fa/verify", { challenge: await loginChallenge(user), code: codeFor(user.secret) }, { ip: user.ip })).status).toBe(200);
    await fail(9);
    expect((await post("/auth/2fa/verify", { challenge: await loginChallenge(user), code: user.backupCodes[0]! }, { ip: user.ip })).status).toBe(200);
  });
});
