// CLIs read settings from the environment first, then from the .dev.vars that `npm run dev` wrote,
// so `npm run keys` talks to the same database as the running dev server.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(fileURLToPath(new URL("../../..", import.meta.url)));

export function parseDevVars(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    // The value is trimmed with trim(), not `\s*(.*?)\s*$`, which backtracks quadratically on long blank runs.
    const match = /^\s*([A-Z0-9_]+)\s*=([^]*)$/.exec(line);
    const value = match?.[2]!.trim();
    if (!match || value === undefined || /[\n\r\u2028\u2029]/.test(value) || line.trimStart().startsWith("#")) continue;
    vars[match[1]!] = value.replace(/^"(.*)"$/, "$1");
  }
  return vars;
}

export function readSetting(name: string): string | undefined {
  if (process.env[name]) return process.env[name];
  const file = resolve(REPO_ROOT, ".dev.vars");
  return existsSync(file) ? parseDevVars(readFileSync(file, "utf8"))[name] : undefined;
}

/** The database the CLIs will use, without its password, for error messages. */
export function redactedDatabaseUrl(): string {
  const raw = readSetting("DATABASE_URL") ?? "postgres://postgres@127.0.0.1:5432/traceo";
  try {
    const url = new URL(raw);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
