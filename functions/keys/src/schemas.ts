// Request and answer shapes of the keys Worker: they validate requests and are its API document.
import { SCOPES } from "@traceo/api-keys";
import { text, z } from "@traceo/openapi";
import { MAX_GRACE_SECONDS } from "./key-input.ts";

const Tier = z.enum(["free", "pro", "enterprise"]);
const Scope = z.enum(SCOPES);
const Instant = z.string().openapi({ format: "date-time" });

export const NewKeySchema = z
  .object({
    name: text({ min: 1, max: 100 }).openapi({ example: "ci pipeline" }),
    tier: Tier.nullish().openapi({ description: "Default `free`; at most the account's plan." }),
    scopes: z.array(Scope).min(1).max(SCOPES.length).nullish().openapi({ description: "Default: every scope." }),
    expires_at: text({ min: 10, max: 40, pattern: /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/, hint: "must be an ISO 8601 date-time such as 2027-01-31T00:00:00Z" })
      .nullish()
      .openapi({ description: "ISO 8601, in the future; default: never.", example: "2027-01-31T00:00:00Z" }),
  })
  .openapi("NewKeyRequest");

export const RollKeySchema = z
  .object({
    grace_seconds: z.number().min(0).max(MAX_GRACE_SECONDS).nullish().openapi({ description: "How long the old key keeps working (default one day; 0 revokes it now)." }),
    grace_days: z.number().min(0).max(7).nullish(),
  })
  .refine((b) => b.grace_seconds == null || b.grace_days == null, { message: "send `grace_seconds` or `grace_days`, not both" })
  .openapi("RollKeyRequest");

export const KeyIdParams = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" }, example: "key_01KBK3ZQ6C9W7Y0V8R1M2N3P4Q" }) });

export const CreatedKeySchema = z
  .object({
    key: z.string().openapi({ description: "The API key itself: shown only in this answer.", example: "sk_test_…" }),
    id: z.string(),
    name: z.string(),
    account_id: z.string(),
    prefix: z.string().openapi({ description: "Display prefix (12 characters)." }),
    environment: z.enum(["test", "live"]),
    tier: Tier,
    limits: z.object({ minute: z.number().int(), hour: z.number().int(), day: z.number().int() }),
    scopes: z.array(z.string()),
    created_at: Instant,
    expires_at: Instant.nullable(),
  })
  .openapi("CreatedKey");

export const RolledKeySchema = CreatedKeySchema.extend({
  replaces: z.object({ id: z.string(), ends_at: Instant.nullable(), grace_seconds: z.number().int() }),
}).openapi("RolledKey");

export const KeyListSchema = z
  .object({
    plan: Tier.openapi({ description: "The highest tier this account may create keys for." }),
    keys: z.array(
      z.object({
        id: z.string(),
        prefix: z.string(),
        name: z.string(),
        environment: z.enum(["test", "live"]),
        tier: Tier,
        scopes: z.array(z.string()),
        status: z.enum(["active", "revoked", "expired"]),
        created_at: Instant.nullable(),
        last_used_at: Instant.nullable(),
        expires_at: Instant.nullable(),
        revoked_at: Instant.nullable(),
      }),
    ),
  })
  .openapi("KeyList");
