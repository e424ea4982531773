/** Redis glob matching (KEYS, SCAN MATCH): `*`, `?`, `[abc]`, `[^a]`, `[a-z]`, `\x`. Works on latin1 strings. */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') out += '[\\s\\S]*';
    else if (c === '?') out += '[\\s\\S]';
    else if (c === '\\' && i + 1 < pattern.length) out += escape(pattern[++i]!);
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) {
        out += escape(c);
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negate = body.startsWith('^');
      if (negate) body = body.slice(1);
      const cls = body.replace(/\\(.)/g, '$1').replace(/[\]\\^]/g, (m) => `\\${m}`);
      out += `[${negate ? '^' : ''}${cls}]`;
      i = close;
    } else out += escape(c);
  }
  return new RegExp(`^${out}$`);
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
