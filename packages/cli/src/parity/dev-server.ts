// `npm run dev` on a random port for the parity script: started in its own process group, ready when
// it prints "ready on", stopped with SIGTERM (dev stops wrangler and the shims itself).
import { spawn, type ChildProcess } from "node:child_process";

export interface DevServer {
  base: string;
  stop(): Promise<void>;
}

export async function startDevServer(root: string, log: (line: string) => void): Promise<DevServer> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child: ChildProcess = spawn("npm", ["run", "dev"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(port), CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }, 30_000);
    await exited;
    clearTimeout(timer);
  };
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000); // keep reading: a full pipe would stall dev
      if (output.includes("[dev] ready on")) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    void exited.then(() => reject(new Error(`npm run dev exited before it was ready:\n${output.slice(-2000)}`)));
    setTimeout(() => reject(new Error(`npm run dev not ready within 180 s:\n${output.slice(-2000)}`)), 180_000).unref();
  });
  try {
    await ready;
  } catch (err) {
    await stop();
    throw err;
  }
  log(`npm run dev ready on http://127.0.0.1:${port}`);
  return { base: `http://127.0.0.1:${port}`, stop };
}
