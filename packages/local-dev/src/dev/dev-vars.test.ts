import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDevVars, parseDevVars } from './dev-vars.ts';

const EXAMPLE = `# comment line
DATABASE_URL=postgres://postgres@127.0.0.1:5432/traceo
NEON_WS_PROXY=127.0.0.1:4444/v2
UPSTASH_REDIS_REST_TOKEN=replace-with-a-random-token
JWT_SECRET=
SOME_PLAIN_SETTING=kept-as-is
OTHER=replace-with-anything
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'traceo-devvars-'));
  writeFileSync(join(dir, 'example'), EXAMPLE);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ensureDevVars', () => {
  it('writes every example setting, with given values and fresh random secrets', () => {
    const target = join(dir, '.dev.vars');
    const { vars, created } = ensureDevVars({ example: join(dir, 'example'), target, values: { NEON_WS_PROXY: '127.0.0.1:5555/v2' } });
    expect(created).toBe(true);
    expect(Object.keys(vars)).toEqual(['DATABASE_URL', 'NEON_WS_PROXY', 'UPSTASH_REDIS_REST_TOKEN', 'JWT_SECRET', 'SOME_PLAIN_SETTING', 'OTHER']);
    expect(vars.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/traceo');
    expect(vars.NEON_WS_PROXY).toBe('127.0.0.1:5555/v2');
    expect(vars.SOME_PLAIN_SETTING).toBe('kept-as-is');
    for (const secret of [vars.UPSTASH_REDIS_REST_TOKEN, vars.JWT_SECRET, vars.OTHER]) expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set([vars.UPSTASH_REDIS_REST_TOKEN, vars.JWT_SECRET, vars.OTHER]).size).toBe(3);
    expect(parseDevVars(readFileSync(target, 'utf8'))).toEqual(vars);
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('gives different secrets to different clones', () => {
    const a = ensureDevVars({ example: join(dir, 'example'), target: join(dir, 'a'), values: {} }).vars;
    const b = ensureDevVars({ example: join(dir, 'example'), target: join(dir, 'b'), values: {} }).vars;
    expect(a.JWT_SECRET).not.toBe(b.JWT_SECRET);
  });

  it('leaves an existing file exactly as the developer wrote it', () => {
    const target = join(dir, '.dev.vars');
    writeFileSync(target, 'DATABASE_URL="postgres://me@127.0.0.1:5432/mine"\n# note\n');
    const { vars, created } = ensureDevVars({ example: join(dir, 'example'), target, values: { DATABASE_URL: 'ignored' } });
    expect(created).toBe(false);
    expect(vars).toEqual({ DATABASE_URL: 'postgres://me@127.0.0.1:5432/mine' });
    expect(readFileSync(target, 'utf8')).toBe('DATABASE_URL="postgres://me@127.0.0.1:5432/mine"\n# note\n');
  });
});
