import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Settings whose value must be a fresh random secret rather than the example's placeholder. */
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|_KEY)$/;
const PLACEHOLDER = /^(replace-with|change-me)/i;

export function randomSecret(bytes = 32): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64url');
}

/** KEY=value lines of a dotenv-style file (comments and blank lines skipped, surrounding quotes removed). */
export function parseDevVars(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match && !line.trimStart().startsWith('#')) vars[match[1]!] = match[2]!.replace(/^"(.*)"$/, '$1');
  }
  return vars;
}

export interface DevVarsOptions {
  example: string;
  target: string;
  values: Record<string, string>;
  /** Secrets with a format of their own (e.g. a JSON keyring), made when first needed. */
  generators?: Record<string, () => string>;
}

/**
 * Writes `target` from `example` when it does not exist yet: every setting the example lists, with
 * `values` filled in and placeholder secrets replaced by random ones. An existing file keeps what the
 * developer set; settings the example gained since are appended (`added` names them). Returns the
 * settings in effect.
 */
export function ensureDevVars(opts: DevVarsOptions): { vars: Record<string, string>; created: boolean; added: string[] } {
  const valueFor = (name: string, exampleValue: string) =>
    opts.values[name] ?? opts.generators?.[name]?.() ?? (SECRET_NAME.test(name) || PLACEHOLDER.test(exampleValue) ? randomSecret() : exampleValue);
  const lines = readFileSync(opts.example, 'utf8').split(/\r?\n/);
  if (existsSync(opts.target)) {
    const current = readFileSync(opts.target, 'utf8');
    const vars = parseDevVars(current);
    const missing = Object.entries(parseDevVars(lines.join('\n'))).filter(([name]) => !(name in vars));
    if (missing.length === 0) return { vars, created: false, added: [] };
    const appended = missing.map(([name, value]) => `${name}=${valueFor(name, value)}`);
    writeFileSync(opts.target, current.replace(/\n?$/, '\n') + appended.join('\n') + '\n', { mode: 0o600 });
    return { vars: parseDevVars(readFileSync(opts.target, 'utf8')), created: false, added: missing.map(([name]) => name) };
  }
  const generated = lines.map((line) => {
    const match = /^(\s*)([A-Za-z_][A-Za-z0-9_]*)(\s*=\s*)(.*)$/.exec(line);
    if (!match || line.trimStart().startsWith('#')) return line;
    const [, indent, name, equals, value] = match as unknown as [string, string, string, string, string];
    return `${indent}${name}${equals}${valueFor(name, value)}`;
  });
  const header = '# Written by `npm run dev` from .dev.vars.example. Local only; ignored by git.\n';
  writeFileSync(opts.target, header + generated.join('\n'), { mode: 0o600 });
  return { vars: parseDevVars(generated.join('\n')), created: true, added: [] };
}
