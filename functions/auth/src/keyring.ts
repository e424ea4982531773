// The encryption keyring comes from the gateway's per-request services (it parses
// TRACEO_ENCRYPTION_KEYS once per isolate and answers 503 when the secret is unusable).
import type { Context } from "hono";
import type { Keyring } from "@traceo/crypto";
import type { GatewayVariables } from "@traceo/gateway";

export function keyringOf<E extends { Variables: GatewayVariables }>(c: Context<E>): Keyring {
  return c.get("services").keyring;
}

/** Kysely/Neon send Buffers as bytea; a plain Uint8Array view is wrapped without copying. */
export function bytea(bytes: Uint8Array): Uint8Array {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
