/**
 * Formats a Lua number the way Redis does when a script passes it to redis.call ("%.17g"):
 * 5.0 -> "5", 2.5 -> "2.5", 1/3 -> "0.33333333333333331", 1e20 -> "1e+20". fengari's own
 * tostring would say "5.0" (Lua 5.3); scripts written for Redis expect Redis's text.
 */
export function formatLuaNumber(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const exponent = Number(n.toExponential(16).split('e')[1]);
  if (exponent < -4 || exponent >= 17) {
    const [mantissa = '', exp = '0'] = n.toExponential(16).split('e');
    const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
    const e = Number(exp);
    return `${trimmed}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const fixed = n.toFixed(Math.max(0, 16 - exponent));
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}
