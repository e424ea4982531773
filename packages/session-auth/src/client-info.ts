// Who is calling, for audit rows and per-IP limits. Cloudflare sets CF-Connecting-IP at the edge.
import type { Context } from "hono";

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export function clientInfo(c: Context): ClientInfo {
  const ip = c.req.header("cf-connecting-ip")?.trim() || null;
  const userAgent = c.req.header("user-agent")?.slice(0, 512) || null;
  return { ip, userAgent };
}
