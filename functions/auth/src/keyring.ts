// The encryption keyring from TRACEO_ENCRYPTION_KEYS; a missing or bad secret is a 503 that names
// the setting (never its value), not a 500.
import type { Context } from "hono";
import { loadKeyring, type Keyring } from "@traceo/crypto";
import { problems } from "@traceo/problem";
import type { SessionEnv } from "@traceo/session-auth";

export function keyringOf<E extends { Bindings: SessionEnv }>(c: Context<E>): Keyring {
  try {
    return loadKeyring(c.env.TRACEO_ENCRYPTION_KEYS);
  } catch (err) {
    console.error(JSON.stringify({ level: "error", msg: "encryption keyring unusable", error: String(err) }));
    throw problems.serviceUnavailable("The service is not configured (TRACEO_ENCRYPTION_KEYS).", 60);
  }
}

/** Kysely/Neon send Buffers as bytea; a plain Uint8Array view is wrapped without copying. */
export function bytea(bytes: Uint8Array): Uint8Array {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
