// The argon2id cost we hash new passwords with. OWASP's minimum for argon2id is 19 MiB, 2 passes,
// 1 lane; raise these (and only these) to strengthen: stored hashes carry their own parameters and
// are rehashed with the current ones at the next successful login.
export interface Argon2Params {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export const PASSWORD_PARAMS: Readonly<Argon2Params> = Object.freeze({ memoryKiB: 19_456, iterations: 2, parallelism: 1 });
export const SALT_BYTES = 16;
export const HASH_BYTES = 32;
/** Longer inputs are refused before hashing: argon2 would accept them, but nobody types 1 KiB. */
export const MAX_PASSWORD_CHARS = 1024;
export const MIN_PASSWORD_CHARS = 10;
