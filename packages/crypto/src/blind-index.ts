// Blind index: HMAC-SHA256 over a normalised email address, keyed by a key derived from a master key
// for this purpose only, so a login or a uniqueness check finds the row without decrypting every row.
// Written rows carry the primary key's index; during a rotation older rows may still carry an older
// key's index, so lookups ask for every candidate (`WHERE email_bidx = ANY(candidates)`).
import { toUtf8 } from "./bytes.ts";
import { blindIndexKeyInfo } from "./derive.ts";
import type { Keyring } from "./keyring.ts";

export const EMAIL_INDEX_PURPOSE = "email";

/**
 * trim, Unicode NFKC (full-width and compatibility forms fold to plain ones), lower case, then the
 * domain to its ASCII (IDNA/punycode) form so "bücher.de" and "xn--bcher-kva.de" are one address.
 * Plus-addressing and dots are kept: whether "a+b@x" reaches "a@x" is the provider's rule, not ours,
 * and merging them would let one person's tagged addresses collide with another's account.
 */
export function normaliseEmail(value: string): string {
  if (typeof value !== "string") throw new TypeError("email must be a string");
  const folded = value.trim().normalize("NFKC").toLowerCase().normalize("NFKC").trim();
  const at = folded.lastIndexOf("@");
  const local = folded.slice(0, at);
  const domain = folded.slice(at + 1).replace(/\.$/, "");
  if (at <= 0 || domain === "" || /\s/.test(local)) throw new TypeError("not an email address");
  return `${local}@${asciiDomain(domain)}`;
}

function asciiDomain(domain: string): string {
  if (/^[a-z0-9.-]+$/.test(domain)) return domain;
  if (/[\s/\\?#@:[\]%]/.test(domain)) throw new TypeError("not an email address");
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    throw new TypeError("not an email address");
  }
}

async function indexUnder(keyring: Keyring, keyId: string, normalised: string): Promise<Uint8Array> {
  const master = await keyring.masterKey(keyId);
  return master.mac(blindIndexKeyInfo(EMAIL_INDEX_PURPOSE), toUtf8(normalised));
}

/** The 32-byte index to store with a row written now (under the primary key). */
export async function blindIndex(keyring: Keyring, email: string): Promise<Uint8Array> {
  return indexUnder(keyring, keyring.primaryKeyId, normaliseEmail(email));
}

/** Every index a stored row may carry while a rotation is under way, the primary's first. */
export async function blindIndexCandidates(keyring: Keyring, email: string): Promise<{ keyId: string; index: Uint8Array }[]> {
  const normalised = normaliseEmail(email);
  const ids = [keyring.primaryKeyId, ...keyring.keyIds.filter((id) => id !== keyring.primaryKeyId)];
  return Promise.all(ids.map(async (keyId) => ({ keyId, index: await indexUnder(keyring, keyId, normalised) })));
}
