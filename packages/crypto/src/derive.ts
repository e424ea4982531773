// What the keys are derived from. The master keys never encrypt anything themselves: each field
// value gets its own AES-256 key, HKDF-SHA256(master, salt = empty, info = label | table | column |
// row id), so no single AES key approaches the 2^32-messages limit of random 96-bit IVs, and a key
// serves exactly one field of one row. Blind-index keys come from the same master under another label.
import { lengthPrefixed } from "./bytes.ts";

export interface FieldContext {
  table: string;
  column: string;
  rowId: string;
}

export const FIELD_KEY_LABEL = "traceo/v1/field-key";
export const BLIND_INDEX_LABEL = "traceo/v1/blind-index";

export function checkContext(ctx: FieldContext): void {
  for (const part of ["table", "column", "rowId"] as const) {
    if (typeof ctx?.[part] !== "string" || ctx[part] === "") throw new TypeError(`field context needs a non-empty string ${part}`);
  }
}

export function fieldKeyInfo(ctx: FieldContext): Uint8Array {
  return lengthPrefixed(FIELD_KEY_LABEL, ctx.table, ctx.column, ctx.rowId);
}

export function blindIndexKeyInfo(purpose: string): Uint8Array {
  return lengthPrefixed(BLIND_INDEX_LABEL, purpose);
}
