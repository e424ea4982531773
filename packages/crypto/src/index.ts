export { loadKeyring, generateKeyringSecret, type Keyring, MASTER_KEY_BYTES, KEY_ID_PATTERN, type KeyringOptions } from "./keyring.ts";
export { webCryptoEngine, type CryptoEngine, type MasterKey } from "./engine.ts";
export { encryptField, decryptField, decryptFieldText, needsReencryption, associatedData } from "./field-cipher.ts";
export { parseEnvelope, envelopeKeyId, envelopeToText, envelopeFromText, ENVELOPE_VERSION, IV_BYTES, TAG_BYTES, type Envelope } from "./envelope.ts";
export { blindIndex, blindIndexCandidates, normaliseEmail, EMAIL_INDEX_PURPOSE } from "./blind-index.ts";
export { fieldKeyInfo, blindIndexKeyInfo, FIELD_KEY_LABEL, BLIND_INDEX_LABEL, type FieldContext } from "./derive.ts";
export { KeyringError, DecryptionError, type KeyringErrorCode, type DecryptionErrorCode } from "./errors.ts";
export { bytesEqual, toHex } from "./bytes.ts";
export { blindSearchTokens, SEARCH_TOKEN_PURPOSE, SEARCH_TOKEN_BITS } from "./blind-tokens.ts";
