// The PHC string format argon2 reference tools write: $argon2id$v=19$m=..,t=..,p=..$salt$hash
// (unpadded standard base64). Parsing it strictly means a damaged row fails closed.
import type { Argon2Params } from "./params.ts";

export interface Argon2Hash extends Argon2Params {
  salt: Uint8Array;
  hash: Uint8Array;
}

const PHC = /^\$argon2id\$v=19\$m=(\d{1,8}),t=(\d{1,4}),p=(\d{1,3})\$([A-Za-z0-9+/]{11,})\$([A-Za-z0-9+/]{22,})$/;

export function parseArgon2Hash(stored: string): Argon2Hash | undefined {
  const match = PHC.exec(stored);
  if (!match) return undefined;
  const [, m, t, p, salt, hash] = match;
  const params = { memoryKiB: Number(m), iterations: Number(t), parallelism: Number(p) };
  if (params.iterations < 1 || params.parallelism < 1 || params.memoryKiB < 8 * params.parallelism) return undefined;
  return { ...params, salt: fromBase64(salt!), hash: fromBase64(hash!) };
}

export function formatArgon2Hash(h: Argon2Hash): string {
  return `$argon2id$v=19$m=${h.memoryKiB},t=${h.iterations},p=${h.parallelism}$${toBase64(h.salt)}$${toBase64(h.hash)}`;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/(?<!=)=+$/, "");
}

function fromBase64(text: string): Uint8Array {
  const padded = text + "=".repeat((4 - (text.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (ch) => ch.charCodeAt(0));
}
