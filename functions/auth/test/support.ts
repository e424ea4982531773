// Helpers for the accounts tests: requests through the auth Worker's own fetch handler in workerd,
// against the real Postgres and Redis (test/global-setup.ts).
import { env, exports } from "cloudflare:workers";
import { hotp } from "@traceo/auth";
import { decodeBase32 } from "@traceo/auth";

export const BASE = "http://traceo.test";
export const PASSWORD = "correct horse battery staple";
export const testEnv = env as typeof env & Record<string, string>;

export { expectProblem, withDb } from "../../../test/support/harness.ts";

let counter = 0;
export function uniqueName(label: string): string {
  counter += 1;
  return `${label}${Date.now().toString(36)}${counter}${crypto.randomUUID().slice(0, 6)}`;
}

/** A distinct fake client IP per test, so per-IP failure limits of one test never touch another. */
export function uniqueIp(): string {
  const b = crypto.getRandomValues(new Uint8Array(3));
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

export function call(path: string, init: RequestInit & { token?: string; ip?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token !== undefined) headers.set("authorization", `Bearer ${init.token}`);
  if (init.ip !== undefined) headers.set("cf-connecting-ip", init.ip);
  return (exports as unknown as { default: Fetcher }).default.fetch(new Request(BASE + path, { ...init, headers }));
}

export function post(path: string, body: unknown, opts: { token?: string; ip?: string } = {}): Promise<Response> {
  return call(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), ...opts });
}

export async function json<T = Record<string, unknown>>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
}

export interface TestUser {
  username: string;
  email: string;
  password: string;
  ip: string;
}

export async function registerUser(label = "user"): Promise<TestUser> {
  const username = uniqueName(label);
  const user = { username, email: `${username}@example.com`, password: PASSWORD, ip: uniqueIp() };
  await json(await post("/auth/register", { username, email: user.email, password: user.password }, { ip: user.ip }), 201);
  return user;
}

export async function loginTokens(user: TestUser): Promise<Tokens> {
  return json<Tokens>(await post("/auth/login", { username: user.username, password: user.password }, { ip: user.ip }), 200);
}

export async function loginChallenge(user: TestUser): Promise<string> {
  const body = await json<{ mfa_required: boolean; challenge: string }>(await post("/auth/login", { username: user.username, password: user.password }, { ip: user.ip }), 200);
  if (body.mfa_required !== true) throw new Error("expected a login challenge");
  return body.challenge;
}

/** The code an authenticator shows `offsetSteps` steps from now. */
export function codeFor(secretBase32: string, offsetSteps = 0): string {
  return hotp(decodeBase32(secretBase32)!, Math.floor(Date.now() / 30_000) + offsetSteps);
}

/** A user with 2FA on: their base32 secret and backup codes. */
export async function registerWithTwoFactor(label = "mfa"): Promise<TestUser & { secret: string; backupCodes: string[] }> {
  const user = await registerUser(label);
  const { access_token } = await loginTokens(user);
  const setup = await json<{ secret: string }>(await post("/auth/2fa/setup", { password: user.password }, { token: access_token, ip: user.ip }), 200);
  // Confirm with the previous step's code so the current and next steps stay free for the test.
  const confirmed = await json<{ backup_codes: string[] }>(await post("/auth/2fa/confirm", { code: codeFor(setup.secret, -1) }, { token: access_token, ip: user.ip }), 200);
  return { ...user, secret: setup.secret, backupCodes: confirmed.backup_codes };
}
