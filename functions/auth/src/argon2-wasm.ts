// workerd refuses WebAssembly.compile on bytes, so the argon2 modules come in as static imports
// (compiled by the runtime at deploy time) and are handed to the hashing library once per isolate.
import argon2WASM from "argon2-wasm-edge/wasm/argon2.wasm";
import blake2bWASM from "argon2-wasm-edge/wasm/blake2b.wasm";
import { useArgon2Modules } from "@traceo/auth";

useArgon2Modules({ argon2WASM, blake2bWASM });
