// Typed access to the API from TypeScript: each function's route types (type-only imports, so no
// function code is bundled) for Hono's RPC client, and a helper for the API-key endpoints.
import { hc, type ClientRequestOptions } from "hono/client";
import type { AnalyzeRoutes } from "@traceo/function-analyze";
import type { AuthRoutes } from "@traceo/function-auth";
import type { KeysRoutes } from "@traceo/function-keys";
import type { ReportsRoutes } from "@traceo/function-reports";

export type AnalyzeApp = AnalyzeRoutes;
export type ReportsApp = ReportsRoutes;
export type AuthApp = AuthRoutes;
export type KeysApp = KeysRoutes;
export { hc };

export interface TraceoClientOptions {
  /** A fetch to send requests with (tests, proxies); the global fetch by default. */
  fetch?: ClientRequestOptions["fetch"];
}

/** Clients of the API-key endpoints (analyze, reports and usage), sending the key as a Bearer token. */
export function createTraceoClient(baseUrl: string, apiKey: string, opts: TraceoClientOptions = {}) {
  const options: ClientRequestOptions = { headers: { authorization: `Bearer ${apiKey}` }, ...(opts.fetch ? { fetch: opts.fetch } : {}) };
  return {
    analyze: hc<AnalyzeApp>(baseUrl, options),
    reports: hc<ReportsApp>(baseUrl, options),
  };
}

/** Clients of the signed-in endpoints: /auth/* and /v1/keys, with an access token once you have one. */
export function createAccountClient(baseUrl: string, accessToken?: string, opts: TraceoClientOptions = {}) {
  const options: ClientRequestOptions = { ...(accessToken ? { headers: { authorization: `Bearer ${accessToken}` } } : {}), ...(opts.fetch ? { fetch: opts.fetch } : {}) };
  return {
    auth: hc<AuthApp>(baseUrl, options),
    keys: hc<KeysApp>(baseUrl, options),
  };
}
