// Shared harness for the Workers integration tests: real keys in the real database, requests
// through the Worker's own fetch handler inside workerd.
import { env, exports } from "cloudflare:workers";
import { sql } from "kysely";
import { openDatabase } from "@traceo/db";
import { createApiKeyRow, type CreateApiKeyInput, type CreatedApiKey } from "@traceo/ops/api-key-admin";

export const BASE = "http://traceo.test";
export type Env = typeof env & { DATABASE_URL: string; NEON_WS_PROXY: string; UPSTASH_REDIS_REST_URL: string; UPSTASH_REDIS_REST_TOKEN: string };
export const testEnv = env as Env;

export async function withDb<T>(fn: (db: ReturnType<typeof openDatabase>["db"]) => Promise<T>): Promise<T> {
  const handle = openDatabase(testEnv);
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

let accountCounter = 0;
export function uniqueAccount(label: string): string {
  accountCounter += 1;
  return `${label}-${Date.now()}-${accountCounter}-${crypto.randomUUID().slice(0, 8)}`;
}

export async function createKey(input: Partial<CreateApiKeyInput> = {}): Promise<CreatedApiKey> {
  return withDb((db) => createApiKeyRow(db, { name: "test key", tier: "free", account: uniqueAccount("acct"), ...input }));
}

export function call(path: string, init: RequestInit & { key?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.key !== undefined) headers.set("authorization", `Bearer ${init.key}`);
  return (exports as unknown as { default: Fetcher }).default.fetch(new Request(BASE + path, { ...init, headers }));
}

export function postJson(path: string, key: string | undefined, body: unknown): Promise<Response> {
  return call(path, { method: "POST", key, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

export async function reportCount(accountId: string): Promise<number> {
  return withDb(async (db) => {
    const row = await sql<{ n: string }>`SELECT count(*)::text AS n FROM reports WHERE account_id = ${accountId}`.execute(db);
    return Number(row.rows[0]!.n);
  });
}

export async function expectProblem(res: Response, status: number): Promise<{ type: string; title: string; status: number; detail?: string }> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  const type = res.headers.get("content-type") ?? "";
  if (!type.startsWith("application/problem+json")) throw new Error(`expected problem+json, got ${type}: ${text}`);
  const body = JSON.parse(text);
  if (body.status !== status || typeof body.title !== "string" || typeof body.type !== "string") throw new Error(`not a problem document: ${text}`);
  return body;
}
