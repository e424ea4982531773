import { isIP } from 'node:net';

/** A TCP target the proxy may dial. */
export interface LoopbackTarget {
  host: string;
  port: number;
}

/**
 * Parses the `address=host:port` query value the Neon driver sends and accepts it only when the host is
 * loopback: a dev proxy that dialled anywhere would be an open relay on the developer's machine.
 * Returns null for anything else (including names other than `localhost`, so no DNS is consulted).
 */
export function parseLoopbackTarget(address: string | null): LoopbackTarget | null {
  if (!address) return null;
  const colon = address.lastIndexOf(':');
  if (colon <= 0) return null;
  let host = address.slice(0, colon);
  const portText = address.slice(colon + 1);
  if (!/^\d{1,5}$/.test(portText)) return null;
  const port = Number(portText);
  if (port < 1 || port > 65535) return null;
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (host.toLowerCase() === 'localhost') return { host: '127.0.0.1', port };
  const family = isIP(host);
  if (family === 4) return host.split('.')[0] === '127' ? { host, port } : null;
  if (family === 6) return isIpv6Loopback(host) ? { host, port } : null;
  return null;
}

function isIpv6Loopback(host: string): boolean {
  const lower = host.toLowerCase();
  if (lower.startsWith('::ffff:')) {
    const v4 = lower.slice('::ffff:'.length);
    return isIP(v4) === 4 && v4.split('.')[0] === '127';
  }
  // Expand "::" and compare against 0:0:0:0:0:0:0:1 so spellings like 0::1 are recognised too.
  const [head = '', tail = ''] = lower.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = lower.includes('::') ? (tail ? tail.split(':') : []) : [];
  const parts = lower.includes('::')
    ? [...headParts, ...Array(8 - headParts.length - tailParts.length).fill('0'), ...tailParts]
    : lower.split(':');
  if (parts.length !== 8) return false;
  return parts.slice(0, 7).every((p) => Number.parseInt(p, 16) === 0) && Number.parseInt(parts[7] ?? '', 16) === 1;
}
