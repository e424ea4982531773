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

  it('leaves what the developer wrote in an existing file untouched', () => {
    const target = join(dir, '.dev.vars');
    writeFileSync(target, 'DATABASE_URL="postgres://me@127.0.0.1:5432/mine"\n# note\n');
    const { vars, created } = ensureDevVars({ example: join(dir, 'example'), target, values: { DATABASE_URL: 'ignored' } });
    expect(created).toBe(false);
    expect(vars.DATABASE_URL).toBe('postgres://me@127.0.0.1:5432/mine');
    expect(readFileSync(target, 'utf8').startsWith('DATABASE_URL="postgres://me@127.0.0.1:5432/mine"\n# note\n')).toBe(true);
  });
});

describe('ensureDevVars on an existing file', () => {
  it('keeps what is there and appends settings the example gained, using their generators', () => {
    const target = join(dir, '.dev.vars');
    writeFileSync(target, 'DATABASE_URL=postgres://me@127.0.0.1:5432/mine\n');
    const { vars, created, added } = ensureDevVars({
      example: join(dir, 'example'),
      target,
      values: {},
      generators: { OTHER: () => '{"generated":true}' },
    });
    expect(created).toBe(false);
    expect(vars.DATABASE_URL).toBe('postgres://me@127.0.0.1:5432/mine');
    expect(added).toEqual(['NEON_WS_PROXY', 'UPSTASH_REDIS_REST_TOKEN', 'JWT_SECRET', 'SOME_PLAIN_SETTING', 'OTHER']);
    expect(vars.OTHER).toBe('{"generated":true}');
    expect(vars.UPSTASH_REDIS_REST_TOKEN).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ensureDevVars({ example: join(dir, 'example'), target, values: {} }).added).toEqual([]);
  });
});
