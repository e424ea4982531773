// Runs Debian's wrk with drive.lua and reads back the one-line JSON summary the script prints.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const DRIVE_SCRIPT = fileURLToPath(new URL("./drive.lua", import.meta.url));

export interface WrkRun {
  url: string;
  connections: number;
  seconds: number;
  bodyFile: string;
  contentType: string;
  /** One API key per line; omitted for the bare handler. */
  keysFile?: string;
}

export interface WrkResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  /** Socket-level failures (connect, read, write, timeout) plus non-2xx/3xx answers. */
  errors: number;
}

/** Parses the `WRK_JSON {...}` line drive.lua's done() writes; throws if wrk never got there. */
export function parseWrkOutput(output: string): WrkResult {
  const line = output.split("\n").find((l) => l.startsWith("WRK_JSON "));
  if (!line) throw new Error(`wrk printed no summary:\n${output.slice(-2000)}`);
  const raw = JSON.parse(line.slice("WRK_JSON ".length)) as {
    requests: number;
    duration_us: number;
    p50_us: number;
    p99_us: number;
    max_us: number;
    errors: { connect: number; read: number; write: number; status: number; timeout: number };
    statuses: Record<string, number>;
  };
  const seconds = raw.duration_us / 1e6;
  const e = raw.errors;
  return {
    requests: raw.requests,
    seconds,
    requestsPerSecond: raw.requests / seconds,
    p50Ms: raw.p50_us / 1000,
    p99Ms: raw.p99_us / 1000,
    maxMs: raw.max_us / 1000,
    statuses: raw.statuses,
    errors: e.connect + e.read + e.write + e.timeout + e.status,
  };
}

export function runWrk(run: WrkRun): Promise<WrkResult> {
  const threads = Math.min(2, run.connections);
  const args = [`-t${threads}`, `-c${run.connections}`, `-d${run.seconds}s`, "--timeout", "30s", "-s", DRIVE_SCRIPT, run.url];
  const child = spawn("wrk", args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LOAD_BODY_FILE: run.bodyFile, LOAD_CONTENT_TYPE: run.contentType, LOAD_KEYS_FILE: run.keysFile ?? "" },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}:\n${output.slice(-2000)}`));
      try {
        resolve(parseWrkOutput(output));
      } catch (error) {
        reject(error);
      }
    });
  });
}
