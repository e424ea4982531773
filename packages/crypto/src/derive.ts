// Key derivation. The master keys never encrypt anything themselves: each field value gets its own
// AES-256 key, HKDF-SHA256(master, salt = empty, info = label | table | column | row id), so no single
// AES key approaches the 2^32-messages limit of random 96-bit IVs, and a key serves exactly one field
// of one row. The blind-index key comes from the same master under a different label.
import { lengthPrefixed } from "./bytes.ts";

export interface FieldContext {
  table: string;
  column: string;
  rowId: string;
}

export const FIELD_KEY_LABEL = "traceo/v1/field-key";
export const BLIND_INDEX_LABEL = "traceo/v1/blind-index";
export const HKDF_SALT = new Uint8Array(0);

export function checkContext(ctx: FieldContext): void {
  for (const part of ["table", "column", "rowId"] as const) {
    if (typeof ctx?.[part] !== "string" || ctx[part] === "") throw new TypeError(`field context needs a non-empty string ${part}`);
  }
}

export function fieldKeyInfo(ctx: FieldContext): Uint8Array {
  return lengthPrefixed(FIELD_KEY_LABEL, ctx.table, ctx.column, ctx.rowId);
}

export function importMasterKey(material: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", material, "HKDF", false, ["deriveKey", "deriveBits"]);
}

export function deriveFieldKey(master: CryptoKey, ctx: FieldContext): Promise<CryptoKey> {
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: HKDF_SALT, info: fieldKeyInfo(ctx) },
    master,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

export function deriveBlindIndexKey(master: CryptoKey, purpose: string): Promise<CryptoKey> {
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: HKDF_SALT, info: lengthPrefixed(BLIND_INDEX_LABEL, purpose) },
    master,
    { name: "HMAC", hash: "SHA-256", length: 256 },
    false,
    ["sign"],
  );
}
