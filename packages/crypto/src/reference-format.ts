// An independent implementation of the README's envelope and blind-index formats on node:crypto
// (not WebCrypto), for tests only: it checks that the package writes and reads exactly what the
// README documents, so another service could implement it from the README alone.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from "node:crypto";

function lp(...fields: string[]): Buffer {
  return Buffer.concat(
    fields.flatMap((f) => {
      const bytes = Buffer.from(f, "utf8");
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      return [length, bytes];
    }),
  );
}

function fieldKey(master: Uint8Array, table: string, column: string, rowId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), lp("traceo/v1/field-key", table, column, rowId), 32));
}

export function referenceEncrypt(master: Uint8Array, keyId: string, ctx: { table: string; column: string; rowId: string }, plaintext: Uint8Array, iv: Uint8Array): Buffer {
  const header = Buffer.concat([Buffer.from([1, keyId.length]), Buffer.from(keyId, "ascii")]);
  const cipher = createCipheriv("aes-256-gcm", fieldKey(master, ctx.table, ctx.column, ctx.rowId), iv);
  cipher.setAAD(Buffer.concat([header, lp(ctx.table, ctx.column, ctx.rowId)]));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([header, iv, body, cipher.getAuthTag()]);
}

export function referenceDecrypt(masters: Record<string, Uint8Array>, ctx: { table: string; column: string; rowId: string }, envelope: Uint8Array): Buffer {
  const bytes = Buffer.from(envelope);
  if (bytes[0] !== 1) throw new Error("version");
  const idLength = bytes[1]!;
  const keyId = bytes.subarray(2, 2 + idLength).toString("ascii");
  const master = masters[keyId];
  if (!master) throw new Error(`unknown key ${keyId}`);
  const iv = bytes.subarray(2 + idLength, 14 + idLength);
  const body = bytes.subarray(14 + idLength, bytes.length - 16);
  const decipher = createDecipheriv("aes-256-gcm", fieldKey(master, ctx.table, ctx.column, ctx.rowId), iv);
  decipher.setAAD(Buffer.concat([bytes.subarray(0, 2 + idLength), lp(ctx.table, ctx.column, ctx.rowId)]));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

export function referenceBlindIndex(master: Uint8Array, normalisedEmail: string): Buffer {
  const key = Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), lp("traceo/v1/blind-index", "email"), 32));
  return createHmac("sha256", key).update(normalisedEmail, "utf8").digest();
}
