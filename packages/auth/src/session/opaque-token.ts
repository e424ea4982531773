// Opaque bearer secrets (refresh tokens, login challenges): 256 random bits, stored only as SHA-256.
import { base64Url, sha256Hex } from "../bytes.ts";

export function newOpaqueToken(prefix: "rt" | "chl"): string {
  return `${prefix}_${base64Url(crypto.getRandomValues(new Uint8Array(32)))}`;
}

export function hashOpaqueToken(token: string): Promise<string> {
  return sha256Hex(token);
}

/** Shape check before any lookup, so garbage costs no database round trip. */
export function looksLikeOpaqueToken(prefix: "rt" | "chl", value: unknown): value is string {
  return typeof value === "string" && new RegExp(`^${prefix}_[A-Za-z0-9_-]{43}$`).test(value);
}
