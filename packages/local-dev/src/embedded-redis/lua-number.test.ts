import { describe, expect, it } from 'vitest';
import { formatLuaNumber } from './lua-number.ts';

// Expected strings are C printf("%.17g") output, which Redis 7.0 uses for numbers passed to redis.call.
describe('formatLuaNumber', () => {
  it.each([
    [5, '5'],
    [2.5, '2.5'],
    [-2.5, '-2.5'],
    [1 / 3, '0.33333333333333331'],
    [0.1, '0.10000000000000001'],
    [2 ** 40, '1099511627776'],
    [1796317958513, '1796317958513'],
    [1e16, '10000000000000000'],
    [1e17, '1e+17'],
    [1.5e20, '1.5e+20'],
    [0.0001, '0.0001'],
    [0.00001, '1.0000000000000001e-05'],
    [0, '0'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
  ])('%s -> %s', (n, text) => {
    expect(formatLuaNumber(n)).toBe(text);
  });
});
