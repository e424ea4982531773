// The stored form of an encrypted field (see README "Envelope format"):
//   version (1 byte, 0x01) | key id length (1 byte, 1-64) | key id (ASCII) | IV (12 bytes) | ciphertext | tag (16 bytes)
// stored as bytea, or as unpadded base64url text of the same bytes.
import { decodeBase64url, encodeBase64url } from "./base64.ts";
import { concatBytes, fromUtf8, toUtf8 } from "./bytes.ts";
import { DecryptionError } from "./errors.ts";
import { KEY_ID_PATTERN } from "./keyring.ts";

export const ENVELOPE_VERSION = 1;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

export interface Envelope {
  version: number;
  keyId: string;
  /** version | key id length | key id: authenticated as part of the associated data. */
  header: Uint8Array;
  iv: Uint8Array;
  /** Ciphertext followed by the 16-byte tag, as WebCrypto produces and consumes it. */
  sealed: Uint8Array;
}

export function envelopeHeader(keyId: string): Uint8Array {
  const id = toUtf8(keyId);
  return concatBytes(new Uint8Array([ENVELOPE_VERSION, id.length]), id);
}

export function encodeEnvelope(header: Uint8Array, iv: Uint8Array, sealed: Uint8Array): Uint8Array {
  return concatBytes(header, iv, sealed);
}

export function parseEnvelope(input: Uint8Array | string): Envelope {
  const bytes = typeof input === "string" ? decodeBase64url(input) : input;
  if (!bytes) throw new DecryptionError("malformed", "envelope text is not base64url");
  if (!(bytes instanceof Uint8Array)) throw new DecryptionError("malformed", "envelope must be bytes or base64url text");
  if (bytes.length < 2) throw new DecryptionError("malformed", "envelope is too short");
  if (bytes[0] !== ENVELOPE_VERSION) throw new DecryptionError("unsupported_version", `envelope version ${bytes[0]} is not supported (expected ${ENVELOPE_VERSION})`);
  const idLength = bytes[1]!;
  const ivStart = 2 + idLength;
  if (idLength === 0 || bytes.length < ivStart + IV_BYTES + TAG_BYTES) throw new DecryptionError("malformed", "envelope is too short");
  let keyId: string;
  try {
    keyId = fromUtf8(bytes.subarray(2, ivStart));
  } catch {
    keyId = "";
  }
  if (!KEY_ID_PATTERN.test(keyId)) throw new DecryptionError("malformed", "envelope key id is not a valid key id");
  return {
    version: ENVELOPE_VERSION,
    keyId,
    header: bytes.subarray(0, ivStart),
    iv: bytes.subarray(ivStart, ivStart + IV_BYTES),
    sealed: bytes.subarray(ivStart + IV_BYTES),
  };
}

/** Which master key protects this envelope (no decryption needed). */
export function envelopeKeyId(envelope: Uint8Array | string): string {
  return parseEnvelope(envelope).keyId;
}

export function envelopeToText(envelope: Uint8Array): string {
  return encodeBase64url(envelope);
}

export function envelopeFromText(text: string): Uint8Array {
  const bytes = decodeBase64url(text);
  if (!bytes) throw new DecryptionError("malformed", "envelope text is not base64url");
  return bytes;
}
