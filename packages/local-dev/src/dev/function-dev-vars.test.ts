import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncFunctionDevVars, updateDevVarsText } from './function-dev-vars.ts';
import { parseDevVars } from './dev-vars.ts';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('updateDevVarsText', () => {
  it('replaces only the given settings and appends absent ones', () => {
    const text = '# c\nA=1\nB=2\n';
    expect(updateDevVarsText(text, { B: '3', C: '4' })).toBe('# c\nA=1\nB=3\nC=4\n');
  });
});

describe('syncFunctionDevVars', () => {
  it('writes every function folder the settings in effect and refreshes the root shim addresses', () => {
    dir = mkdtempSync(join(tmpdir(), 'traceo-fnvars-'));
    mkdirSync(join(dir, 'functions/auth'), { recursive: true });
    writeFileSync(join(dir, '.dev.vars'), 'SECRET=s\nNEON_WS_PROXY=127.0.0.1:4444/v2\n');
    syncFunctionDevVars({
      root: dir,
      configs: ['wrangler.toml', 'functions/auth/wrangler.toml', 'packages/local-dev/dev-router.wrangler.toml'],
      effective: { SECRET: 's', NEON_WS_PROXY: '127.0.0.1:4555/v2' },
      shimVars: { NEON_WS_PROXY: '127.0.0.1:4555/v2' },
    });
    expect(parseDevVars(readFileSync(join(dir, '.dev.vars'), 'utf8'))).toEqual({ SECRET: 's', NEON_WS_PROXY: '127.0.0.1:4555/v2' });
    expect(parseDevVars(readFileSync(join(dir, 'functions/auth/.dev.vars'), 'utf8'))).toEqual({ SECRET: 's', NEON_WS_PROXY: '127.0.0.1:4555/v2' });
  });
});
