// Secret hygiene: every line the Workers log during the full journeys (sign-up, sign-in, 2FA setup,
// confirm, verify by TOTP and by backup code, refresh, key create/list/roll/revoke, email and URL
// analysis, search, and failures on the way) is structured, carries its request id, and contains no
// password, token, TOTP secret or code, backup code, API key or submitted message text.
import { describe, expect, it } from "vitest";
import { withDb } from "../support/harness.ts";
import { codeFor, uniqueIp, uniqueName } from "../../functions/auth/test/support.ts";
import { jsonInit, relay, send, UPSTASH_PORT, type AppName } from "./support.ts";

const METHODS = ["log", "info", "warn", "error", "debug"] as const;

/** Runs `fn` with every console method captured; returns what was written. */
async function captureLogs(fn: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const originals = METHODS.map((m) => console[m]);
  for (const m of METHODS) console[m] = (...args: unknown[]) => void lines.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
  try {
    await fn();
  } finally {
    METHODS.forEach((m, i) => (console[m] = originals[i]!));
  }
  return lines;
}

describe("secret hygiene", () => {
  it("logs every request with its id and never a secret or a submitted text", async () => {
    const secrets = new Set<string>();
    const codes = new Set<string>(); // short numeric secrets, matched as whole numbers
    const requestIds = new Set<string>();
    const ip = uniqueIp();
    const username = uniqueName("hygiene");
    const email = `${username}@example.com`;
    const password = `pw-${crypto.randomUUID()}`;
    const wrongPassword = `wrong-${crypto.randomUUID()}`;
    const marker = `zqx${crypto.randomUUID().replaceAll("-", "")}`; // a word only the submitted message contains
    secrets.add(password).add(wrongPassword).add(marker);

    async function call(app: AppName, path: string, init: RequestInit = {}, overrides = {}) {
      const sent = await send(app, path, init, overrides);
      requestIds.add(sent.res.headers.get("x-request-id")!);
      const text = await sent.res.text();
      return { status: sent.res.status, body: (text && sent.res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : {}) as Record<string, any> };
    }
    const post = (app: AppName, path: string, body: unknown, headers: Record<string, string> = {}) => call(app, path, jsonInit("POST", body, { "cf-connecting-ip": ip, ...headers }));
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const keep = (...values: string[]) => values.forEach((v) => secrets.add(v));

    const redisDown = await relay(UPSTASH_PORT, { state: "refuse" });
    const lines = await captureLogs(async () => {
      expect((await post("auth", "/auth/register", { username, email, password })).status).toBe(201);
      expect((await post("auth", "/auth/login", { username, password: wrongPassword })).status).toBe(401);
      const login = await post("auth", "/auth/login", { email, password });
      expect(login.status).toBe(200);
      keep(login.body.access_token, login.body.refresh_token);
      const session = bearer(login.body.access_token);

      const setup = await post("auth", "/auth/2fa/setup", { password }, session);
      expect(setup.status).toBe(200);
      keep(setup.body.secret, setup.body.otpauth_uri);
      const confirmCode = codeFor(setup.body.secret, -1);
      codes.add(confirmCode);
      const confirmed = await post("auth", "/auth/2fa/confirm", { code: confirmCode }, session);
      expect(confirmed.status).toBe(200);
      const backupCodes = confirmed.body.backup_codes as string[];
      for (const code of backupCodes) keep(code, code.replace("-", ""));

      // Second factor by TOTP, then by backup code; a wrong code on the way.
      const challenge1 = await post("auth", "/auth/login", { username, password });
      keep(challenge1.body.challenge);
      expect((await post("auth", "/auth/2fa/verify", { challenge: challenge1.body.challenge, code: "000000" === codeFor(setup.body.secret) ? "111111" : "000000" })).status).toBe(401);
      const totpCode = codeFor(setup.body.secret);
      codes.add(totpCode);
      const viaTotp = await post("auth", "/auth/2fa/verify", { challenge: challenge1.body.challenge, code: totpCode });
      expect(viaTotp.status).toBe(200);
      keep(viaTotp.body.access_token, viaTotp.body.refresh_token);
      const challenge2 = await post("auth", "/auth/login", { username, password });
      keep(challenge2.body.challenge);
      const viaBackup = await post("auth", "/auth/2fa/verify", { challenge: challenge2.body.challenge, code: backupCodes[0] });
      expect(viaBackup.status).toBe(200);
      keep(viaBackup.body.access_token, viaBackup.body.refresh_token);
      const refreshed = await post("auth", "/auth/refresh", { refresh_token: viaBackup.body.refresh_token });
      expect(refreshed.status).toBe(200);
      keep(refreshed.body.access_token, refreshed.body.refresh_token);
      const signedIn = bearer(refreshed.body.access_token);

      // Keys: create, list, roll, revoke.
      await withDb((db) => db.updateTable("accounts").set({ plan: "enterprise" }).where("id", "in", db.selectFrom("users").select("account_id").where("username", "=", username)).execute());
      const created = await post("keys", "/v1/keys", { name: "hygiene", tier: "pro" }, signedIn);
      expect(created.status).toBe(201);
      keep(created.body.key);
      expect((await call("keys", "/v1/keys", { headers: signedIn })).status).toBe(200);
      const rolled = await post("keys", `/v1/keys/${created.body.id}/roll`, { grace_seconds: 3600 }, signedIn);
      expect(rolled.status).toBe(201);
      keep(rolled.body.key);
      const apiKey = bearer(rolled.body.key);

      // Analysis of a message and a URL, then a search for the message's words.
      const message = [
        "From: Security Team <security@paypa1-verify.top>",
        "To: victim@example.com",
        "Subject: Urgent: verify your account",
        "Content-Type: text/plain; charset=utf-8",
        "",
        `Your account is locked. Verify now at http://paypa1-verify.top/login or lose access. Reference ${marker}.`,
      ].join("\r\n");
      const analysed = await call("analyze", "/v1/analyze/email", { method: "POST", headers: { ...apiKey, "content-type": "message/rfc822" }, body: message });
      expect(analysed.status).toBe(200);
      expect((await post("analyze", "/v1/analyze/url", { url: `http://paypa1-verify.top/${marker}` }, apiKey)).status).toBe(200);
      expect((await call("reports", `/v1/reports?q=${marker}`, { headers: apiKey })).status).toBe(200);
      expect((await call("reports", "/v1/usage", { headers: apiKey })).status).toBe(200);

      // Failures write error lines: they must be clean too.
      expect((await call("analyze", "/v1/analyze/url", jsonInit("POST", { url: marker }, apiKey))).status).toBe(422);
      expect((await call("auth", "/auth/login", jsonInit("POST", { username, password }, { "cf-connecting-ip": ip }), { UPSTASH_REDIS_REST_URL: `http://127.0.0.1:${redisDown.port}`, RATE_LIMIT_TIMEOUT_MS: "1500" })).status).toBe(503);
      expect((await call("analyze", "/v1/analyze/url", jsonInit("POST", { url: "https://example.org/" }, apiKey), { UPSTASH_REDIS_REST_URL: `http://127.0.0.1:${redisDown.port}`, RATE_LIMIT_TIMEOUT_MS: "1500" })).status).toBe(503);

      expect((await call("keys", `/v1/keys/${rolled.body.id}`, { method: "DELETE", headers: signedIn })).status).toBe(204);
      expect((await call("analyze", "/v1/analyze/url", jsonInit("POST", { url: "https://example.org/" }, apiKey))).status).toBe(401);
      expect((await post("auth", "/auth/logout", {}, signedIn)).status).toBe(204);
    });
    await redisDown.close();

    // Logging really happened: one structured access line per request, each with its request id.
    const events = lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`a log line that is not structured JSON: ${line}`);
      }
    });
    for (const event of events) expect(event.requestId, JSON.stringify(event)).toEqual(expect.any(String));
    const accessLines = events.filter((e) => e.msg === "request");
    expect(new Set(accessLines.map((e) => e.requestId))).toEqual(requestIds);
    for (const e of accessLines) expect(Object.keys(e).sort()).toEqual(["durationMs", "level", "method", "msg", "path", "requestId", "status"]);
    expect(events.some((e) => e.level === "error")).toBe(true);

    // And nothing secret is in any of it.
    const text = lines.join("\n");
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThanOrEqual(8);
      expect(text.includes(secret), `a secret (${secret.slice(0, 4)}…) appears in the logs`).toBe(false);
    }
    for (const code of codes) expect(new RegExp(`(^|\\D)${code}(\\D|$)`).test(text), `TOTP code ${code} appears in the logs`).toBe(false);
    expect(text.toLowerCase()).not.toContain("locked. verify now");
    expect(lines.length).toBeGreaterThan(requestIds.size);
  });
});
