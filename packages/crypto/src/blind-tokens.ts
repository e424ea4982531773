// Blind search tokens: HMAC-SHA256 of each normalised word under a key derived for this purpose only
// (not the field keys, not the email blind index), truncated to 64 bits so Postgres can hold a
// report's tokens in a bigint[] with a GIN index and match a query with `@>`. The database sees
// which reports share a word and how often a token occurs, never the word.
//
// Keys: the token key is derived from one master key of the keyring, and the row records which
// (`search_key_id`). Rows written now use the primary; during a rotation a query is blinded under
// every key in the ring, and `npm run keys:rotate` re-blinds old rows from their encrypted text.
import { toUtf8 } from "./bytes.ts";
import { blindIndexKeyInfo } from "./derive.ts";
import type { Keyring } from "./keyring.ts";

export const SEARCH_TOKEN_PURPOSE = "search-token";
/** Bits kept of each HMAC: a false match between two distinct words has probability 2^-64 per pair. */
export const SEARCH_TOKEN_BITS = 64;

/**
 * The 64-bit blind token of each word (first 8 bytes of the HMAC, big-endian, as a signed decimal
 * string, i.e. a Postgres bigint), in input order, under master key `keyId` (default: the primary).
 */
export async function blindSearchTokens(keyring: Keyring, words: readonly string[], keyId: string = keyring.primaryKeyId): Promise<string[]> {
  const master = await keyring.masterKey(keyId);
  const info = blindIndexKeyInfo(SEARCH_TOKEN_PURPOSE);
  return Promise.all(
    words.map(async (word) => {
      const mac = await master.mac(info, toUtf8(word));
      return new DataView(mac.buffer, mac.byteOffset, 8).getBigInt64(0).toString();
    }),
  );
}
