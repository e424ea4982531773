// Typed failures. Messages name key ids, tables, columns and row ids, never key material or plaintext.

export type KeyringErrorCode =
  | "missing"
  | "not_json"
  | "bad_shape"
  | "bad_key_id"
  | "bad_base64"
  | "wrong_length"
  | "duplicate_key"
  | "missing_primary"
  | "unknown_primary";

/** The keyring secret is unusable: the service must refuse to serve rather than write data it cannot read back. */
export class KeyringError extends Error {
  override readonly name = "KeyringError";
  constructor(
    readonly code: KeyringErrorCode,
    message: string,
  ) {
    super(`TRACEO_ENCRYPTION_KEYS: ${message}`);
  }
}

export type DecryptionErrorCode = "malformed" | "unsupported_version" | "unknown_key" | "authentication_failed";

/** An envelope that is malformed, from an unknown key, or fails authentication (tampered, or moved to another row/column). */
export class DecryptionError extends Error {
  override readonly name = "DecryptionError";
  constructor(
    readonly code: DecryptionErrorCode,
    message: string,
  ) {
    super(message);
  }
}
