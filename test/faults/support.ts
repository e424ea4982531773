// Helpers for the fault, limit and hygiene tests: every function's app called directly inside
// workerd with per-test settings (a relay's port, a dead Redis, a policy), and the Node-side fault
// control (test/support/fault-control.ts) that owns the relays and private shims.
import { env } from "cloudflare:workers";
import analyzeApp from "../../functions/analyze/src/index.ts";
import authApp from "../../functions/auth/src/index.ts";
import keysApp from "../../functions/keys/src/index.ts";
import reportsApp from "../../functions/reports/src/index.ts";

export const BASE = "http://traceo.test";
export type Settings = Record<string, string>;
export const baseEnv = env as unknown as Settings & { FAULT_CONTROL_URL: string; DATABASE_URL: string; UPSTASH_REDIS_REST_URL: string; UPSTASH_REDIS_REST_TOKEN: string };

/** The production deadline for Redis: the tests assert on what a client sees with it. */
export const PRODUCTION_REDIS_TIMEOUT_MS = "1500";

export const apps = { analyze: analyzeApp, auth: authApp, keys: keysApp, reports: reportsApp } as const;
export type AppName = keyof typeof apps;

export interface Sent {
  res: Response;
  ms: number;
}

/** One request to one function's app with the shared settings plus `overrides`; timed. */
export async function send(app: AppName, path: string, init: RequestInit = {}, overrides: Settings = {}): Promise<Sent> {
  const started = performance.now();
  const res = await apps[app].request(BASE + path, init, { ...baseEnv, ...overrides });
  return { res, ms: performance.now() - started };
}

export function jsonInit(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(baseEnv.FAULT_CONTROL_URL + path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`fault control ${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

export interface RelayMode {
  state?: "pass" | "refuse";
  delayMs?: number;
  cutOn?: string | null;
}

export interface Relay {
  id: string;
  port: number;
  set(mode: RelayMode): Promise<{ cuts: number }>;
  info(): Promise<{ cuts: number }>;
  close(): Promise<void>;
}

/** A TCP relay on 127.0.0.1 in front of `targetPort` that the test can cut, slow or refuse. */
export async function relay(targetPort: number, mode: RelayMode = {}): Promise<Relay> {
  const { id, port } = await control<{ id: string; port: number }>("POST", "/relays", { targetPort, mode });
  return {
    id,
    port,
    set: (next) => control("PATCH", `/relays/${id}`, next),
    info: () => control("GET", `/relays/${id}`),
    close: () => control("DELETE", `/relays/${id}`),
  };
}

export interface Shims {
  id: string;
  proxy: string;
  upstashUrl: string;
  token: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A private Neon WS proxy + Upstash adapter pair (real Postgres and Redis behind) to restart. */
export async function privateShims(): Promise<Shims> {
  const s = await control<{ id: string; proxy: string; upstashUrl: string; token: string }>("POST", "/shims");
  return {
    ...s,
    stop: () => control("POST", `/shims/${s.id}/stop`),
    start: () => control("POST", `/shims/${s.id}/start`),
    close: () => control("DELETE", `/shims/${s.id}`),
  };
}

export const portOf = (url: string, fallback: number) => Number(new URL(url).port) || fallback;
export const POSTGRES_PORT = portOf(baseEnv.DATABASE_URL, 5432);
export const UPSTASH_PORT = portOf(baseEnv.UPSTASH_REDIS_REST_URL, 80);

/** DATABASE_URL with the port of a relay in front of Postgres. */
export function databaseUrlVia(port: number): string {
  const url = new URL(baseEnv.DATABASE_URL);
  url.port = String(port);
  return url.toString();
}

export async function expectServiceUnavailable(sent: Sent): Promise<{ retryAfter: number; detail: string }> {
  const text = await sent.res.text();
  if (sent.res.status !== 503) throw new Error(`expected 503, got ${sent.res.status}: ${text}`);
  if (!sent.res.headers.get("content-type")?.startsWith("application/problem+json")) throw new Error(`expected problem+json: ${text}`);
  const retryAfter = Number(sent.res.headers.get("retry-after"));
  if (!(retryAfter >= 1)) throw new Error(`expected Retry-After, got ${sent.res.headers.get("retry-after")}`);
  return { retryAfter, detail: JSON.parse(text).detail };
}
