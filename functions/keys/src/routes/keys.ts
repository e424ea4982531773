// POST /v1/keys, GET /v1/keys, DELETE /v1/keys/:id, POST /v1/keys/:id/roll for the signed-in user's
// account. Revocation and rolls drop the key from the gateway's Redis cache at once, so the change
// holds from the very next request.
import { planAllows } from "@traceo/api-keys";
import { createRoute, jsonBody, problemResponses, SESSION_SECURITY, type RouteHandler } from "@traceo/openapi";
import { problems } from "@traceo/problem";
import { createApiKeyRow } from "@traceo/ops/api-key-admin";
import { audit, authProblems } from "@traceo/session-auth";
import type { KeysContext, KeysEnv } from "../app-types.ts";
import { parseGraceSeconds, parseNewKey } from "../key-input.ts";
import { accountName, accountPlan, endKeyAfterGrace, evictCachedKeysOrFail, KEY_ID, listAccountKeys, lockAccountKey, revokeAccountKeyEverywhere, settleCachedKeys } from "../keys-store.ts";
import { CreatedKeySchema, KeyIdParams, KeyListSchema, NewKeySchema, RolledKeySchema, RollKeySchema } from "../schemas.ts";

const environmentOf = (env: KeysEnv) => (env.API_KEY_ENV === "live" ? "live" : "test");
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function keyStatus(row: { revoked_at: Date | null; expires_at: Date | null }): "active" | "revoked" | "expired" {
  if (row.revoked_at) return "revoked";
  if (row.expires_at && new Date(row.expires_at).getTime() <= Date.now()) return "expired";
  return "active";
}


const json = <T>(schema: T) => ({ "application/json": { schema } });
// Every /v1/keys request first passes the index's body limit, settings, services and session checks.
const COMMON = { tags: ["keys"], security: SESSION_SECURITY };

export const createKeyRoute = createRoute({
  ...COMMON,
  method: "post",
  path: "/v1/keys",
  summary: "Create an API key (shown once)",
  middleware: [jsonBody()] as const,
  request: { body: { required: true, content: json(NewKeySchema) } },
  responses: { 201: { description: "The new key; `key` is never shown again.", content: json(CreatedKeySchema) }, ...problemResponses([400, 401, 403, 413, 415, 422, 503]) },
});

export const listKeysRoute = createRoute({
  ...COMMON,
  method: "get",
  path: "/v1/keys",
  summary: "List the account's keys (never the key itself)",
  responses: { 200: { description: "Newest first.", content: json(KeyListSchema) }, ...problemResponses([401, 503]) },
});

export const revokeKeyRoute = createRoute({
  ...COMMON,
  method: "delete",
  path: "/v1/keys/{id}",
  summary: "Revoke a key (fails from the very next request)",
  request: { params: KeyIdParams },
  responses: { 204: { description: "Revoked (or already revoked)." }, ...problemResponses([401, 404, 503]) },
});

export const rollKeyRoute = createRoute({
  ...COMMON,
  method: "post",
  path: "/v1/keys/{id}/roll",
  summary: "Replace a key; the old one keeps working for a grace period",
  middleware: [jsonBody()] as const,
  request: { params: KeyIdParams, body: { required: true, content: json(RollKeySchema) } },
  responses: { 201: { description: "The new key and when the old one stops.", content: json(RolledKeySchema) }, ...problemResponses([400, 401, 404, 409, 413, 415, 422, 503]) },
});

type Handler<R extends Parameters<typeof createRoute>[0]> = RouteHandler<R, KeysContext>;

export const createKey: Handler<typeof createKeyRoute> = async (c) => {
  const input = parseNewKey(c.req.valid("json"));
  const { userId, accountId } = c.get("session");
  const db = c.get("services").database().db;
  const plan = await accountPlan(db, accountId);
  if (!planAllows(plan, input.tier)) {
    throw problems.forbidden(`Your account's plan allows keys up to the ${plan} tier; ask us to raise it for ${input.tier} keys.`);
  }
  const created = await createApiKeyRow(db, { ...input, account: await accountName(db, accountId), environment: environmentOf(c.env) });
  await audit(c, "api_key.created", { userId, accountId, apiKeyId: created.id, details: { name: created.name, tier: created.tier, scopes: created.scopes, expires_at: created.expires_at } });
  const { account: _internalName, ...shown } = created;
  return c.json(shown, 201);
};

export const listKeys: Handler<typeof listKeysRoute> = async (c) => {
  const db = c.get("services").database().db;
  const accountId = c.get("session").accountId;
  const [rows, plan] = await Promise.all([listAccountKeys(db, accountId), accountPlan(db, accountId)]);
  return c.json({
    // The highest tier this account may create (the console offers only those).
    plan,
    keys: rows.map((r) => ({
      id: r.id,
      prefix: r.display_prefix,
      name: r.name,
      environment: r.environment,
      tier: r.tier,
      scopes: r.scopes,
      status: keyStatus(r),
      created_at: iso(r.created_at),
      last_used_at: iso(r.last_used_at),
      expires_at: iso(r.expires_at),
      revoked_at: iso(r.revoked_at),
    })),
  }, 200);
};

export const revokeKey: Handler<typeof revokeKeyRoute> = async (c) => {
  const { id } = c.req.valid("param");
  const { userId, accountId } = c.get("session");
  const services = c.get("services");
  if (!KEY_ID.test(id)) throw authProblems.notFound("No such key in your account.");
  const hash = await revokeAccountKeyEverywhere(services.database().db, services.redis(), accountId, id);
  if (hash === undefined) {
    const exists = await services.database().db.selectFrom("api_keys").select("id").where("id", "=", id).where("account_id", "=", accountId).executeTakeFirst();
    if (!exists) throw authProblems.notFound("No such key in your account.");
    return c.body(null, 204); // already revoked: revoking again changes nothing
  }
  await audit(c, "api_key.revoked", { userId, accountId, apiKeyId: id });
  return c.body(null, 204);
};

export const rollKey: Handler<typeof rollKeyRoute> = async (c) => {
  const { id } = c.req.valid("param");
  const graceSeconds = parseGraceSeconds(c.req.valid("json"));
  const { userId, accountId } = c.get("session");
  const services = c.get("services");
  if (!KEY_ID.test(id)) throw authProblems.notFound("No such key in your account.");
  const outcome = await services
    .database()
    .db.transaction()
    .execute(async (trx) => {
      const old = await lockAccountKey(trx, accountId, id);
      if (!old) return { kind: "missing" as const };
      if (keyStatus(old) !== "active") return { kind: "inactive" as const };
      const created = await createApiKeyRow(trx, {
        name: old.name,
        tier: old.tier,
        scopes: old.scopes,
        expiresAt: old.expires_at,
        environment: old.environment,
        account: await accountName(trx, accountId),
      });
      const oldEndsAt = await endKeyAfterGrace(trx, accountId, id, graceSeconds);
      await evictCachedKeysOrFail(services.redis(), [old.key_hash]);
      return { kind: "rolled" as const, created, oldHash: old.key_hash, oldEndsAt };
    });
  if (outcome.kind === "missing") throw authProblems.notFound("No such key in your account.");
  if (outcome.kind === "inactive") throw authProblems.conflict("This key is revoked or expired; create a new key instead.");
  await settleCachedKeys(services.redis(), [outcome.oldHash], graceSeconds === 0);
  await audit(c, "api_key.rolled", { userId, accountId, apiKeyId: id, details: { new_key_id: outcome.created.id, grace_seconds: graceSeconds } });
  const { account: _internalName, ...shown } = outcome.created;
  return c.json({ ...shown, replaces: { id, ends_at: iso(outcome.oldEndsAt), grace_seconds: graceSeconds } }, 201);
};
