// Password hashing with argon2id (argon2-wasm-edge: a WASM build that workerd can load as a static
// module; workerd forbids compiling WASM from bytes, so the worker hands the modules in through
// `useArgon2Modules`, while Node compiles the package's embedded copy by itself).
import { argon2id, setWASMModules } from "argon2-wasm-edge";
import { timingSafeEqual } from "../bytes.ts";
import { formatArgon2Hash, parseArgon2Hash } from "./phc.ts";
import { HASH_BYTES, PASSWORD_PARAMS, SALT_BYTES, type Argon2Params } from "./params.ts";

export function useArgon2Modules(modules: { argon2WASM: WebAssembly.Module; blake2bWASM: WebAssembly.Module }): void {
  void setWASMModules(modules);
}

async function derive(password: string, salt: Uint8Array, params: Argon2Params): Promise<Uint8Array> {
  return argon2id({
    password: password.normalize("NFC"),
    salt,
    iterations: params.iterations,
    parallelism: params.parallelism,
    memorySize: params.memoryKiB,
    hashLength: HASH_BYTES,
    outputType: "binary",
  });
}

/** A PHC string carrying salt and parameters, so the cost can be raised without a migration. */
export async function hashPassword(password: string, params: Argon2Params = PASSWORD_PARAMS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return formatArgon2Hash({ ...params, salt, hash: await derive(password, salt, params) });
}

export interface PasswordCheck {
  ok: boolean;
  /** The stored hash is cheaper than the current parameters: store a new one now. */
  needsRehash: boolean;
}

export async function verifyPassword(password: string, stored: string, current: Argon2Params = PASSWORD_PARAMS): Promise<PasswordCheck> {
  const parsed = parseArgon2Hash(stored);
  if (!parsed) return { ok: false, needsRehash: false };
  const candidate = await derive(password, parsed.salt, parsed);
  const ok = parsed.hash.length === candidate.length && timingSafeEqual(parsed.hash, candidate);
  const weaker = parsed.memoryKiB < current.memoryKiB || parsed.iterations < current.iterations || parsed.parallelism !== current.parallelism;
  return { ok, needsRehash: ok && weaker };
}

// A fixed hash to verify against when the user does not exist, so an unknown name costs the same
// time as a wrong password (the answer must not tell them apart).
let decoy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  decoy ??= hashPassword("decoy password that never matches");
  await verifyPassword(password, await decoy);
}
