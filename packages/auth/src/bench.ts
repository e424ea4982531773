// Password hash cost for `npm run bench`: the median time of one argon2id hash at the shipped
// parameters (a login verifies once; a login that upgrades old parameters hashes once more).
import { hashPassword, verifyPassword } from "./password/argon2id.ts";
import { PASSWORD_PARAMS } from "./password/params.ts";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function passwordHashBench(runs = 15): Promise<string[]> {
  const stored = await hashPassword("bench password, not a secret"); // also warms the WASM instance
  const hashing: number[] = [];
  const verifying: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    await hashPassword(`bench password ${i}`);
    hashing.push(performance.now() - start);
    start = performance.now();
    await verifyPassword("bench password, not a secret", stored);
    verifying.push(performance.now() - start);
  }
  const { memoryKiB, iterations, parallelism } = PASSWORD_PARAMS;
  return [
    `password hash: argon2id m=${memoryKiB} KiB (${(memoryKiB / 1024).toFixed(0)} MiB), t=${iterations}, p=${parallelism} (argon2-wasm-edge, WASM), ${runs} runs`,
    `  hash   median ${median(hashing).toFixed(1)} ms`,
    `  verify median ${median(verifying).toFixed(1)} ms (one login = one verify; a paid Worker allows 30 s CPU per request by default)`,
  ];
}
