// Bad input on every auth endpoint answers 4xx problem+json: garbage, empty, huge, wrong types.
import { describe, expect, it } from "vitest";
import app from "../src/index.ts";
import { BASE, call, expectProblem, loginTokens, registerUser, testEnv } from "./support.ts";

const ENDPOINTS = ["/auth/register", "/auth/login", "/auth/refresh", "/auth/2fa/verify", "/auth/2fa/setup", "/auth/2fa/confirm", "/auth/2fa/disable", "/auth/2fa/backup-codes", "/auth/logout", "/auth/logout-everywhere"];
const NEEDS_BODY = ENDPOINTS.filter((p) => !p.includes("logout"));

const WRONG_TYPES: Record<string, unknown[]> = {
  "/auth/register": [{ username: 5, email: "a@b.co", password: "long enough password" }, { username: "ok_name", email: ["x"], password: "long enough password" }, { username: "ok_name", email: "a@b.co", password: null }, { username: "a", email: "a@b.co", password: "long enough password" }, { username: "bad@name", email: "a@b.co", password: "long enough password" }, { username: "ok_name", email: "not-an-email", password: "long enough password" }, { username: "ok_name", email: "a@b.co", password: "short" }],
  "/auth/login": [{ username: true, password: "x" }, { username: "u", password: 12345 }, { username: "u", email: "a@b.co", password: "x" }, { password: "x" }],
  "/auth/refresh": [{ refresh_token: 1 }, {}, { refresh_token: "x".repeat(500) }],
  "/auth/2fa/verify": [{ challenge: {}, code: "123456" }, { challenge: "chl_x", code: 123456 }, { code: "123456" }],
  "/auth/2fa/setup": [{ password: 1 }, {}],
  "/auth/2fa/confirm": [{ code: 123456 }, {}, { code: "9".repeat(100) }],
  "/auth/2fa/disable": [{ password: "x", code: 1 }, { password: 1, code: "123456" }],
  "/auth/2fa/backup-codes": [{ password: "x" }, { code: "123456" }],
};

describe("bad input", () => {
  it("answers 401 problem+json on session endpoints without a token", async () => {
    for (const path of ["/auth/2fa/setup", "/auth/2fa/confirm", "/auth/2fa/disable", "/auth/2fa/backup-codes", "/auth/logout", "/auth/logout-everywhere"]) {
      await expectProblem(await call(path, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }), 401);
    }
    await expectProblem(await call("/auth/2fa/status"), 401);
  });

  it("answers 4xx problem+json for garbage, empty, huge, non-object and wrong-typed bodies", async () => {
    const user = await registerUser("bad");
    const { access_token } = await loginTokens(user);
    const send = (path: string, body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) =>
      call(path, { method: "POST", headers, body, token: access_token, ip: user.ip });
    for (const path of NEEDS_BODY) {
      await expectProblem(await send(path, "\u0000\u00ff garbage {"), 400);
      await expectProblem(await send(path, ""), 400);
      await expectProblem(await send(path, new Uint8Array([0xde, 0xad, 0xbe, 0xef])), 400);
      await expectProblem(await send(path, JSON.stringify({ password: "x".repeat(9000) })), 413);
      await expectProblem(await send(path, "[1,2,3]"), 422);
      await expectProblem(await send(path, '"text"'), 422);
      await expectProblem(await send(path, "null"), 422);
      await expectProblem(await send(path, "{}", { "content-type": "application/json", "content-length": "abc" }), 400);
      for (const body of WRONG_TYPES[path] ?? []) {
        const res = await send(path, JSON.stringify(body));
        expect(res.status, `${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${path} ${JSON.stringify(body)}`).toBeLessThan(500);
        expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      }
    }
  });

  it("refuses a compressed body with 415 and Accept-Encoding: identity instead of reading its bytes", async () => {
    const user = await registerUser("gzip");
    const body = new Uint8Array(await new Response(new Blob([JSON.stringify({ username: user.username, password: "x" })]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer());
    const res = await call("/auth/login", { method: "POST", headers: { "content-type": "application/json", "content-encoding": "gzip" }, body, ip: user.ip });
    expect(res.headers.get("accept-encoding")).toBe("identity");
    const problem = await expectProblem(res, 415);
    expect(problem.detail).toBe("Content-Encoding gzip is not supported: send the body uncompressed.");
  });

  it("answers 404 problem+json for unknown paths and 401 for an unknown challenge", async () => {
    await expectProblem(await call("/auth/nope"), 404);
    await expectProblem(await call("/auth/2fa/verify", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ challenge: `chl_${"A".repeat(43)}`, code: "123456" }) }), 401);
  });

  it("answers 503 naming the setting when the JWT secret or the keyring is missing", async () => {
    const login = (env: Record<string, unknown>) =>
      app.request(`${BASE}/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "x", password: "y" }) }, env);
    const noJwt = await expectProblem(await login({ ...testEnv, AUTH_JWT_SECRET: undefined }), 503);
    expect(noJwt.detail).toContain("AUTH_JWT_SECRET");
    const shortJwt = await expectProblem(await login({ ...testEnv, AUTH_JWT_SECRET: "short" }), 503);
    expect(shortJwt.detail).toContain("AUTH_JWT_SECRET");
    const noKeys = await expectProblem(await login({ ...testEnv, TRACEO_ENCRYPTION_KEYS: "" }), 503);
    expect(noKeys.detail).toContain("TRACEO_ENCRYPTION_KEYS");
    // Redis down: failed-login limits cannot be checked, so sign-in is refused rather than unlimited.
    await expectProblem(await login({ ...testEnv, UPSTASH_REDIS_REST_URL: "http://127.0.0.1:9" }), 503);
  });
});
