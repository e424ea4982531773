// The one seam through which auth and keys write audit events (@traceo/db's recordAuditEvents).
// An audit write that fails is logged and does not fail the request: the change already happened.
import type { Context } from "hono";
import { recordAuditEvents, type AuditEvent } from "@traceo/db";
import type { GatewayVariables } from "@traceo/gateway";
import { clientInfo } from "./client-info.ts";

export type AuditType =
  | "user.registered"
  | "user.login"
  | "user.login_failed"
  | "user.logout"
  | "user.logout_everywhere"
  | "user.refresh_reuse"
  | "user.2fa_enabled"
  | "user.2fa_disabled"
  | "user.2fa_failed"
  | "user.2fa_locked"
  | "user.backup_code_used"
  | "user.backup_codes_regenerated"
  | "user.phone_changed"
  | "api_key.created"
  | "api_key.revoked"
  | "api_key.rolled";

export interface AuditFacts {
  userId?: string | null;
  accountId?: string | null;
  apiKeyId?: string | null;
  details?: Record<string, unknown>;
}

export async function audit<E extends { Variables: GatewayVariables }>(c: Context<E>, type: AuditType, facts: AuditFacts = {}): Promise<void> {
  const { ip, userAgent } = clientInfo(c);
  const event: AuditEvent = {
    type,
    actorUserId: facts.userId ?? null,
    actorAccountId: facts.accountId ?? null,
    apiKeyId: facts.apiKeyId ?? null,
    ip,
    userAgent,
    details: facts.details ?? {},
  };
  try {
    await recordAuditEvents(c.get("services").database().db, [event]);
  } catch (err) {
    console.error(JSON.stringify({ level: "error", msg: "audit write failed", type, requestId: c.get("requestId"), error: String(err) }));
  }
}
