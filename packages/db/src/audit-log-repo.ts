// Audit events: who did what, when, from where. Written in one multi-row INSERT; pass a transaction
// to make the events commit or roll back with the change they describe.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema.ts";

export interface AuditEvent {
  /** Lower-case dotted slug, e.g. "user.login", "api_key.revoked". */
  type: string;
  actorAccountId?: string | null;
  actorUserId?: string | null;
  apiKeyId?: string | null;
  /** Client IP; text that is not an IP address is stored as NULL. */
  ip?: string | null;
  userAgent?: string | null;
  /** A JSON object; never secrets (secret-looking keys are redacted anyway). */
  details?: Record<string, unknown>;
  occurredAt?: Date;
}

const EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
const MAX_USER_AGENT = 512;
// A safety net, not the policy: callers must not pass secrets. `*_id` names are identifiers, not secrets.
const SECRET_NAME = /pass(word|phrase)?|secret|token|authori[sz]ation|cookie|otp|totp|hash|credential|private|(^|_|-)key$|^api_?key$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-f:.]{2,45}$/i;

export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8) return "[truncated]";
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value)) {
    out[name] = SECRET_NAME.test(name) && !/_id$/i.test(name) ? "[redacted]" : redactSecrets(v, depth + 1);
  }
  return out;
}

function cleanIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const candidate = ip.trim();
  if (IPV4.test(candidate)) return candidate;
  return IPV6.test(candidate) && candidate.includes(":") && (candidate.match(/::/g)?.length ?? 0) <= 1 ? candidate : null;
}

export async function recordAuditEvents(db: Kysely<Database> | Transaction<Database>, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => {
    if (!EVENT_TYPE.test(e.type) || e.type.length > 64) throw new Error(`Audit event type "${e.type.slice(0, 80)}" is not a lower-case dotted slug of at most 64 characters.`);
    return {
      event_type: e.type,
      actor_account_id: e.actorAccountId ?? null,
      actor_user_id: e.actorUserId ?? null,
      api_key_id: e.apiKeyId ?? null,
      ip: cleanIp(e.ip),
      user_agent: e.userAgent ? e.userAgent.replaceAll("\0", "").slice(0, MAX_USER_AGENT) : null,
      // NUL cannot be stored in jsonb text; escape-free removal keeps the rest of the value.
      details: JSON.stringify(redactSecrets(e.details ?? {})).replaceAll("\\u0000", ""),
      ...(e.occurredAt ? { occurred_at: e.occurredAt } : {}),
    };
  });
  await db.insertInto("audit_log").values(rows).execute();
}
