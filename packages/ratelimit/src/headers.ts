// IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers): the policy lists every
// window; RateLimit reports the window closest to running out.
import type { WindowState } from "./limit-all-windows.ts";
import { WINDOWS } from "./limit-all-windows.ts";

export function rateLimitHeaders(windows: WindowState[]): Record<string, string> {
  const policy = windows.map((w) => `"${w.window}";q=${w.limit};w=${WINDOWS[w.window].seconds}`).join(", ");
  const tightest = windows.reduce((a, b) => (b.remaining < a.remaining ? b : a));
  return {
    "ratelimit-policy": policy,
    ratelimit: `"${tightest.window}";r=${tightest.remaining};t=${tightest.resetSeconds}`,
  };
}
