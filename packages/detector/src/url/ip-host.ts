// IP-literal hosts in any notation the WHATWG URL parser accepts (0x7f.1, 0177.0.0.1,
// 2130706433, 127.1). Browsers resolve all of them, so phishers use them to hide an IP.

const IPV4_DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Returns the canonical form of an IP host (dotted IPv4, or bracketed IPv6 as the URL
 * parser prints it), or null when the host is a name. Uses the URL parser itself so the
 * answer matches what a browser would connect to.
 */
export function normalizeIpHost(host: string): string | null {
  const trimmed = host.trim();
  if (trimmed === "" || trimmed.length > 255) return null;
  const candidate = trimmed.includes(":") && !trimmed.startsWith("[") ? `[${trimmed}]` : trimmed;
  let hostname: string;
  try {
    hostname = new URL(`http://${candidate}/`).hostname;
  } catch {
    return null;
  }
  if (hostname.startsWith("[")) return hostname;
  const m = IPV4_DOTTED.exec(hostname);
  if (!m) return null;
  return m.slice(1).every((part) => Number(part) <= 255) ? hostname : null;
}

/** True for hosts in private, loopback or link-local ranges (never legitimate in mail links). */
export function isPrivateIp(ip: string): boolean {
  if (ip.startsWith("[")) return ip === "[::1]" || /^\[f[cd]/i.test(ip) || /^\[fe80:/i.test(ip);
  const parts = ip.split(".").map(Number);
  const [a = 0, b = 0] = parts;
  return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || a === 0;
}
