// API key format: sk_<env>_<32 random base62 chars><6-char base62 CRC32 of everything before it>.
// 32 base62 characters carry 190 bits of randomness; the checksum lets us refuse a mistyped or
// made-up key without touching Postgres or Redis.
import { base62FromUint32, randomBase62 } from "./base62.ts";
import { crc32 } from "./crc32.ts";

export type KeyEnvironment = "test" | "live";
export const KEY_RANDOM_CHARS = 32;
const CHECKSUM_CHARS = 6;
const KEY_PATTERN = /^sk_(test|live)_([0-9A-Za-z]{32})([0-9A-Za-z]{6})$/;
/** How much of a key we keep in clear to help people recognise it in lists. */
export const DISPLAY_PREFIX_LENGTH = 12;

const encoder = new TextEncoder();

function checksumOf(head: string): string {
  return base62FromUint32(crc32(encoder.encode(head)), CHECKSUM_CHARS);
}

export function generateApiKey(environment: KeyEnvironment): string {
  const head = `sk_${environment}_${randomBase62(KEY_RANDOM_CHARS)}`;
  return head + checksumOf(head);
}

export type ParsedApiKey = { ok: true; environment: KeyEnvironment } | { ok: false; reason: string };

/** Offline check of shape and checksum. Never reveals the key in `reason`. */
export function parseApiKey(candidate: string): ParsedApiKey {
  const match = KEY_PATTERN.exec(candidate);
  if (!match) return { ok: false, reason: "The API key is malformed: expected sk_test_… or sk_live_… followed by 38 letters and digits." };
  const head = candidate.slice(0, candidate.length - CHECKSUM_CHARS);
  if (checksumOf(head) !== match[3]) return { ok: false, reason: "The API key's checksum does not match: it was mistyped or truncated." };
  return { ok: true, environment: match[1] as KeyEnvironment };
}

export function displayPrefix(key: string): string {
  return key.slice(0, DISPLAY_PREFIX_LENGTH);
}

/** SHA-256 hex of the whole key: what we store and look up. Keys have 190 random bits, so no salt or slow hash is needed. */
export async function hashApiKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", encoder.encode(key));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
