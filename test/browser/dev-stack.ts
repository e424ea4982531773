// Starts the whole local stack the way a developer does (`npm run dev`: real Postgres and Redis
// behind the Neon and Upstash shims, every Worker behind the dev router) on a free port and a fresh
// database, and stops it again. For the browser tests only.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "@traceo/local-dev";
import { LOCAL_ADMIN_DATABASE_URL, runAsAdmin } from "@traceo/ops";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const READY = /\[dev\] ready on (http:\/\/127\.0\.0\.1:\d+)/;

export interface DevStack {
  base: string;
  stop(): Promise<void>;
}

export async function startDevStack(opts: { timeoutMs: number; log: (line: string) => void }): Promise<DevStack> {
  const database = `traceo_browser_${process.pid}_${Date.now().toString(36)}`;
  const databaseUrl = new URL(LOCAL_ADMIN_DATABASE_URL);
  databaseUrl.pathname = `/${database}`;
  const port = await freePort();
  // Own process group: stopping it reaches the launcher, which stops wrangler's group itself.
  const child = spawn(process.execPath, ["--import", "tsx", "packages/local-dev/src/dev.ts"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl.toString(), CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
  });
  const exited = new Promise<number>((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
  let output = "";
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run dev was not ready within ${opts.timeoutMs} ms:\n${output.slice(-4000)}`)), opts.timeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split("\n")) if (line.startsWith("[dev]") || line.includes("ERROR")) opts.log(line);
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`npm run dev exited (${code}) before it was ready:\n${output.slice(-4000)}`));
    });
  }).catch(async (err: unknown) => {
    await stopGroup(child.pid, exited);
    await runAsAdmin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
    throw err;
  });

  return {
    base,
    async stop() {
      await stopGroup(child.pid, exited);
      await runAsAdmin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    },
  };
}

async function stopGroup(pid: number | undefined, exited: Promise<number>): Promise<void> {
  const signal = (s: NodeJS.Signals) => {
    try {
      if (pid) process.kill(-pid, s);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}
