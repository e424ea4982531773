// Reading the bodies of POST /v1/keys and POST /v1/keys/:id/roll into checked values.
import { isTier, SCOPES, type Tier } from "@traceo/api-keys";
import { problems } from "@traceo/problem";
import { optionalString, requiredString, type JsonObject } from "@traceo/session-auth";

export const MAX_GRACE_SECONDS = 7 * 24 * 3600;
export const DEFAULT_GRACE_SECONDS = 24 * 3600;

export interface NewKeyInput {
  name: string;
  tier: Tier;
  scopes: string[];
  expiresAt: Date | null;
}

export function parseNewKey(body: JsonObject, now = Date.now()): NewKeyInput {
  const name = requiredString(body, "name", { min: 1, max: 100 });
  const tier = body.tier ?? "free";
  if (!isTier(tier)) throw problems.invalidRequest("`tier` must be one of free, pro, enterprise.", [{ path: "tier", message: "unknown tier" }]);
  return { name, tier, scopes: parseScopes(body.scopes), expiresAt: parseExpiry(body, now) };
}

function parseScopes(value: unknown): string[] {
  if (value === undefined || value === null) return [...SCOPES];
  if (!Array.isArray(value) || value.length === 0 || value.length > SCOPES.length) {
    throw problems.invalidRequest(`\`scopes\` must be a non-empty array of: ${SCOPES.join(", ")}.`, [{ path: "scopes", message: "wrong shape" }]);
  }
  const unknown = value.filter((s) => typeof s !== "string" || !(SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) throw problems.invalidRequest(`Unknown scope(s); allowed: ${SCOPES.join(", ")}.`, [{ path: "scopes", message: "unknown scope" }]);
  return [...new Set(value as string[])];
}

function parseExpiry(body: JsonObject, now: number): Date | null {
  const text = optionalString(body, "expires_at", { min: 10, max: 40, pattern: /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/, hint: "`expires_at` must be an ISO 8601 date-time such as 2027-01-31T00:00:00Z." });
  if (text === undefined) return null;
  const when = new Date(text);
  if (Number.isNaN(when.getTime())) throw problems.invalidRequest("`expires_at` is not a real date.", [{ path: "expires_at", message: "not a date" }]);
  if (when.getTime() <= now) throw problems.invalidRequest("`expires_at` must be in the future.", [{ path: "expires_at", message: "in the past" }]);
  return when;
}

/** `grace_seconds` (0-604800) or `grace_days` (0-7); default one day. */
export function parseGraceSeconds(body: JsonObject): number {
  if (body.grace_seconds !== undefined && body.grace_days !== undefined) throw problems.invalidRequest("Send `grace_seconds` or `grace_days`, not both.");
  const raw = body.grace_seconds ?? (typeof body.grace_days === "number" ? body.grace_days * 86_400 : body.grace_days);
  if (raw === undefined || raw === null) return DEFAULT_GRACE_SECONDS;
  if (typeof raw !== "number" || !Number.isFinite(raw) || raw < 0 || raw > MAX_GRACE_SECONDS) {
    throw problems.invalidRequest("The grace period must be a number from 0 to 7 days (`grace_days`) or 0 to 604800 (`grace_seconds`).", [{ path: "grace_seconds", message: "out of range" }]);
  }
  return Math.round(raw);
}
