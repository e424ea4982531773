// Field encryption: AES-256-GCM under a per-record key, random 96-bit IV, and associated data that
// binds the envelope header and the record's (table, column, row id). A ciphertext copied to another
// row or column, or any changed bit, fails authentication instead of decrypting to something else.
import { concatBytes, fromUtf8, lengthPrefixed, toUtf8 } from "./bytes.ts";
import { checkContext, fieldKeyInfo, type FieldContext } from "./derive.ts";
import { encodeEnvelope, envelopeHeader, IV_BYTES, parseEnvelope, TAG_BYTES } from "./envelope.ts";
import { DecryptionError } from "./errors.ts";
import type { Keyring } from "./keyring.ts";

export function associatedData(header: Uint8Array, ctx: FieldContext): Uint8Array {
  return concatBytes(header, lengthPrefixed(ctx.table, ctx.column, ctx.rowId));
}

/** Encrypts under the primary key; returns the envelope bytes (store as bytea, or envelopeToText()). */
export async function encryptField(keyring: Keyring, ctx: FieldContext, plaintext: string | Uint8Array): Promise<Uint8Array> {
  checkContext(ctx);
  const data = typeof plaintext === "string" ? toUtf8(plaintext) : plaintext;
  if (!(data instanceof Uint8Array)) throw new TypeError("plaintext must be a string or Uint8Array");
  const master = await keyring.masterKey(keyring.primaryKeyId);
  const header = envelopeHeader(keyring.primaryKeyId);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await master.seal(fieldKeyInfo(ctx), iv, associatedData(header, ctx), data);
  if (sealed.length !== data.length + TAG_BYTES) throw new Error("cipher returned an unexpected length");
  return encodeEnvelope(header, iv, sealed);
}

/** Decrypts an envelope (bytes or base64url text) written for exactly this table, column and row. */
export async function decryptField(keyring: Keyring, ctx: FieldContext, envelope: Uint8Array | string): Promise<Uint8Array> {
  checkContext(ctx);
  const parsed = parseEnvelope(envelope);
  const where = `${ctx.table}.${ctx.column} of row ${ctx.rowId}`;
  if (!keyring.has(parsed.keyId)) {
    throw new DecryptionError("unknown_key", `${where} is encrypted with key "${parsed.keyId}", which is not in the keyring (it has ${keyring.keyIds.join(", ")})`);
  }
  const master = await keyring.masterKey(parsed.keyId);
  try {
    return await master.open(fieldKeyInfo(ctx), parsed.iv, associatedData(parsed.header, ctx), parsed.sealed);
  } catch {
    throw new DecryptionError("authentication_failed", `${where} failed authentication (altered, or written for another row or column)`);
  }
}

export async function decryptFieldText(keyring: Keyring, ctx: FieldContext, envelope: Uint8Array | string): Promise<string> {
  const bytes = await decryptField(keyring, ctx, envelope);
  try {
    return fromUtf8(bytes);
  } catch {
    throw new DecryptionError("malformed", `${ctx.table}.${ctx.column} of row ${ctx.rowId} is not UTF-8 text`);
  }
}

/** True when the envelope is under a key other than the primary (rotation still has to rewrite it). */
export function needsReencryption(keyring: Keyring, envelope: Uint8Array | string): boolean {
  return parseEnvelope(envelope).keyId !== keyring.primaryKeyId;
}
