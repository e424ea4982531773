import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The front router first (it owns the port), then every function's Worker; the router reaches them
 * through service bindings, as production's per-Worker routes would.
 */
export const DEV_CONFIGS = [
  'packages/local-dev/dev-router.wrangler.toml',
  'wrangler.toml',
  'functions/auth/wrangler.toml',
  'functions/keys/wrangler.toml',
  'functions/reports/wrangler.toml',
  'functions/console/wrangler.toml',
];

/**
 * The docs Worker runs in a `wrangler dev` of its own, reached by the router at DOCS_ORIGIN: wrangler
 * 4.86 serves the static assets of only one Worker per session (with both the console and the docs in
 * one session, the other one's assets answered 500).
 */
export const DOCS_DEV_CONFIG = 'functions/docs/wrangler.toml';

/** Workers that read no secrets (static assets, plus the console's headers): they get no generated .dev.vars of secrets. */
export const SETTINGLESS_CONFIGS = ['functions/console/wrangler.toml'];

export interface WranglerDev {
  child: ChildProcess;
  /** Resolves with the exit code once wrangler (and its workerd) have gone. */
  exited: Promise<number>;
  stop(): Promise<number>;
}

/**
 * Runs `wrangler dev` in its own process group, so stopping it also stops the workerd it starts,
 * and Ctrl-C reaches wrangler only through us (once), not straight from the terminal.
 */
export function startWranglerDev(opts: {
  root: string;
  port: number;
  inspectorPort?: number;
  vars: Record<string, string>;
  /** Worker configs, the one that owns the port first (default: the whole dev stack). */
  configs?: string[];
  /** Append wrangler's output to this file instead of this terminal (bench:load keeps its table readable). */
  logFile?: string;
}): WranglerDev {
  const configs = opts.configs ?? DEV_CONFIGS;
  const output = opts.logFile ? openSync(opts.logFile, 'a') : 'inherit';
  const args = [
    join(opts.root, 'node_modules/wrangler/bin/wrangler.js'),
    'dev',
    ...configs.filter((config) => existsSync(join(opts.root, config))).flatMap((config) => ['--config', config]),
    '--ip', '127.0.0.1',
    '--port', String(opts.port),
    ...(opts.inspectorPort ? ['--inspector-port', String(opts.inspectorPort)] : []),
    '--show-interactive-dev-session=false',
    ...Object.entries(opts.vars).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: opts.root,
    stdio: ['ignore', output, output],
    detached: true,
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
  });
  const exited = new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  // If this process ends unexpectedly, take the group down with it rather than orphan workerd.
  process.once('exit', () => signalGroup('SIGKILL'));
  return {
    child,
    exited,
    async stop() {
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
      const code = await exited;
      clearTimeout(timer);
      signalGroup('SIGKILL'); // anything of the group still lingering
      return code;
    },
  };
}

/** Polls until `url` answers HTTP at all (any status); stops early if the process exits. */
export async function waitForHttp(url: string, exited: Promise<number>, timeoutMs: number): Promise<'ready' | 'exited' | 'timeout'> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) return 'exited';
    try {
      await fetch(url, { signal: AbortSignal.timeout(10_000) });
      return 'ready';
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return 'timeout';
}
