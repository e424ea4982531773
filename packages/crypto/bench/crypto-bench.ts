// Field encryption throughput (encryptField / decryptField: per-record HKDF key, AES-256-GCM,
// envelope) for 1 KB and 64 KB fields, in workerd (production) and in Node (the rotation CLI),
// beside `openssl speed -evp aes-256-gcm` on the same machine. Everything is one stream on one
// thread, as openssl speed is without -multi. MB = 10^6 bytes, as openssl counts.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { decryptField, encryptField, generateKeyringSecret, loadKeyring, type Keyring } from "../src/index.ts";
import { nodeCryptoEngine } from "../src/node-engine.ts";

const SIZES = [1024, 65536];
const SECONDS = 1.5;
const ctx = { table: "reports", column: "raw_message_enc", rowId: "rep_01JBENCH000000000000000000" };

type Op = "encrypt" | "decrypt";

/**
 * Runs `batch(n)` with n doubling until a run takes a quarter of the target, then once sized for the
 * target; returns bytes per second of wall time, less `fixedSeconds` per run (a request's cost).
 */
async function throughput(size: number, batch: (n: number) => Promise<void>, fixedSeconds = 0): Promise<number> {
  const timed = async (n: number) => {
    const started = performance.now();
    await batch(n);
    return Math.max((performance.now() - started) / 1000 - fixedSeconds, 1e-6);
  };
  for (let n = 8; ; n *= 2) {
    const seconds = await timed(n);
    if (seconds >= SECONDS / 4 || n >= 1 << 20) {
      const full = Math.max(n, Math.ceil((n * SECONDS) / seconds));
      return (full * size) / (await timed(full));
    }
  }
}

async function nodeThroughput(keyring: Keyring, op: Op, size: number): Promise<number> {
  const plaintext = crypto.getRandomValues(new Uint8Array(size));
  const envelope = await encryptField(keyring, ctx, plaintext);
  return throughput(size, async (n) => {
    if (op === "encrypt") for (let i = 0; i < n; i++) await encryptField(keyring, ctx, plaintext);
    else for (let i = 0; i < n; i++) await decryptField(keyring, ctx, envelope);
  });
}

async function startWorkerd(secret: string): Promise<Miniflare> {
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL("./workerd-harness.ts", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  return new Miniflare({
    modules: true,
    script: bundled.outputFiles[0]!.text,
    compatibilityDate: "2026-04-01",
    bindings: { TRACEO_ENCRYPTION_KEYS: secret },
  });
}

async function workerdThroughput(mf: Miniflare, op: Op | "raw-encrypt" | "raw-decrypt", size: number): Promise<number> {
  const call = async (n: number) => {
    const res = await mf.dispatchFetch(`http://bench.local/${op}?size=${size}&n=${n}`);
    if ((await res.text()) !== "ok") throw new Error(`workerd harness failed: ${res.status} ${await res.text()}`);
  };
  await call(0); // warm up
  const started = performance.now();
  for (let i = 0; i < 5; i++) await call(0);
  const requestSeconds = (performance.now() - started) / 5000; // a request that does no work
  return throughput(size, call, requestSeconds);
}

/** `openssl speed -evp aes-256-gcm -bytes N`, in bytes per second, or undefined without openssl. */
async function opensslSpeed(size: number): Promise<number | undefined> {
  try {
    // -elapsed: wall time like the rows above (by default openssl divides by CPU time, which on a
    // busy machine flatters it).
    const { stdout } = await promisify(execFile)("openssl", ["speed", "-elapsed", "-evp", "aes-256-gcm", "-bytes", String(size), "-seconds", "2"], { timeout: 60_000 });
    const match = /^aes-256-gcm\s+([\d.]+)k\s*$/im.exec(stdout);
    return match ? Number(match[1]) * 1000 : undefined;
  } catch {
    return undefined;
  }
}

const mbps = (bytesPerSecond: number | undefined) => (bytesPerSecond === undefined ? "n/a" : (bytesPerSecond / 1e6).toFixed(1));
const ratio = (ours: number, openssl: number | undefined) => (openssl ? `${((100 * ours) / openssl).toFixed(1)}%` : "n/a");

export async function cryptoBench(): Promise<string[]> {
  const secret = generateKeyringSecret("bench");
  const runtimes: { name: string; measure: (op: Op, size: number) => Promise<number> }[] = [];
  const mf = await startWorkerd(secret).catch(() => undefined);
  if (mf) {
    runtimes.push({ name: "workerd WebCrypto", measure: (op, size) => workerdThroughput(mf, op, size) });
    // The runtime's bare cipher (one imported key, no HKDF, no envelope): what the construction costs.
    runtimes.push({ name: "workerd bare AES-GCM", measure: (op, size) => workerdThroughput(mf, op === "encrypt" ? "raw-encrypt" : "raw-decrypt", size) });
  }
  const webCrypto = loadKeyring(secret);
  const nodeEngine = loadKeyring(secret, { engine: nodeCryptoEngine });
  runtimes.push({ name: "Node WebCrypto", measure: (op, size) => nodeThroughput(webCrypto, op, size) });
  runtimes.push({ name: "Node node:crypto engine", measure: (op, size) => nodeThroughput(nodeEngine, op, size) });

  const lines = [
    "field encryption (per-record HKDF key + AES-256-GCM + envelope), one stream, wall time, vs `openssl speed -elapsed -evp aes-256-gcm` (bare cipher, same machine)",
    `${"field".padEnd(7)}${"runtime".padEnd(26)}${"encrypt MB/s".padStart(13)}${"decrypt MB/s".padStart(14)}${"openssl MB/s".padStart(14)}${"enc/openssl".padStart(13)}${"dec/openssl".padStart(13)}`,
  ];
  try {
    for (const size of SIZES) {
      const openssl = await opensslSpeed(size);
      for (const runtime of runtimes) {
        const enc = await runtime.measure("encrypt", size);
        const dec = await runtime.measure("decrypt", size);
        lines.push(
          `${`${size / 1024} KB`.padEnd(7)}${runtime.name.padEnd(26)}${mbps(enc).padStart(13)}${mbps(dec).padStart(14)}${mbps(openssl).padStart(14)}${ratio(enc, openssl).padStart(13)}${ratio(dec, openssl).padStart(13)}`,
        );
      }
    }
  } finally {
    await mf?.dispose();
  }
  if (!mf) lines.push("(workerd could not be started; its rows are missing)");
  return lines;
}
