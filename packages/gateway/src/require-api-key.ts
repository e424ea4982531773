// Authenticates the request's API key, then spends one request from each of its tier's windows.
// Order matters: shape and checksum are checked before any I/O, so garbage keys cost nothing.
import type { MiddlewareHandler } from "hono";
import { extractApiKey, hashApiKey, parseApiKey, TIERS, type Scope } from "@traceo/api-keys";
import { findApiKeyByHash, touchApiKey } from "@traceo/db";
import { ProblemError, problems } from "@traceo/problem";
import { limitAllWindows, rateLimitHeaders } from "@traceo/ratelimit";
import { errorText, logEvent } from "@traceo/http-hygiene";
import { keyEnvironment, redisTimeoutMs, type GatewayEnv } from "./env.ts";
import { lookupKey } from "./key-cache.ts";
import type { GatewayVariables } from "./services.ts";

const UNKNOWN_KEY = "The API key is not valid, or has been revoked or has expired.";

export function requireApiKey(scope: Scope): MiddlewareHandler<{ Bindings: GatewayEnv; Variables: GatewayVariables }> {
  return async (c, next) => {
    const located = extractApiKey(c.req.header("authorization"), c.req.header("x-api-key"));
    if ("missing" in located) throw problems.unauthenticated("Send your API key as `Authorization: Bearer <key>` or `X-API-Key: <key>`.");
    if ("malformedHeader" in located) throw problems.unauthenticated(located.malformedHeader);
    if ("conflicting" in located) throw problems.conflictingApiKeys();
    const parsed = parseApiKey(located.key);
    if (!parsed.ok) throw problems.unauthenticated(parsed.reason);
    // A live deployment must not take test keys (nor the reverse): refused before any lookup.
    const deployment = keyEnvironment(c.env);
    if (parsed.environment !== deployment) {
      throw problems.unauthenticated(`This deployment takes sk_${deployment}_ keys; this is an sk_${parsed.environment}_ key. Use a key created for the ${deployment} environment.`);
    }

    const services = c.get("services");
    const keyHash = await hashApiKey(located.key);
    const policy = c.env.RATE_LIMIT_UNAVAILABLE_POLICY === "allow" ? "allow" : "deny";
    const fromDatabase = () => findApiKeyByHash(services.database().db, keyHash);
    let lookup;
    let redisFailed = false;
    try {
      lookup = await lookupKey(services.redis(), keyHash, fromDatabase);
    } catch (err) {
      if (err instanceof ProblemError) throw err; // the database is down: already a 503
      // Redis (the key cache) is down or slow: the same policy as the limiter decides.
      logEvent("error", "key cache unavailable", { requestId: c.get("requestId"), policy, error: errorText(err) });
      if (policy === "deny") throw problems.serviceUnavailable("API keys cannot be checked right now.", 2);
      lookup = { record: await fromDatabase(), fromCache: false };
      redisFailed = true;
    }
    const record = lookup.record;
    const expired = record?.expires_at != null && record.expires_at.getTime() <= Date.now();
    if (!record || record.revoked_at !== null || expired) throw problems.unauthenticated(UNKNOWN_KEY);
    if (!record.scopes.includes(scope)) throw problems.forbidden(`This key lacks the \`${scope}\` scope.`);

    // Redis already failed this request: do not wait for it a second time (policy "allow" admits).
    const outcome = redisFailed
      ? { kind: "unavailable" as const, reason: "the key cache already failed" }
      : await limitAllWindows(services.redis(), record.id, TIERS[record.tier], { timeoutMs: redisTimeoutMs(c.env) });
    if (outcome.kind === "unavailable") {
      logEvent("error", "rate limiter unavailable", { requestId: c.get("requestId"), policy, apiKeyId: record.id, reason: outcome.reason });
      if (policy === "deny") throw problems.serviceUnavailable("Rate limits cannot be checked right now.", 2);
    } else {
      const headers = rateLimitHeaders(outcome.windows);
      if (outcome.kind === "refused") throw problems.rateLimited(outcome.refusedBy.resetSeconds, outcome.refusedBy.window, headers);
      for (const [name, value] of Object.entries(headers)) c.header(name, value);
    }

    c.set("apiKey", { id: record.id, accountId: record.account_id, tier: record.tier, scopes: record.scopes });
    // Cache misses happen about once a minute per key: a cheap moment to record last use.
    if (!lookup.fromCache) await touchApiKey(services.database().db, record.id).catch(() => {});
    await next();
  };
}
