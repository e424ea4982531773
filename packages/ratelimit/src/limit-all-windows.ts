// Checks a key's three tier windows at once. The three checks go out together (the
// Redis client auto-pipelines them into one HTTP round trip); if any window refuses, the windows
// that admitted the request get their token back, so a refused request consumes nothing.
import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";
import type { TierLimits } from "@traceo/api-keys";

export type WindowName = keyof TierLimits;
export const WINDOWS: Record<WindowName, { seconds: number; duration: `${number} s` }> = {
  minute: { seconds: 60, duration: "60 s" },
  hour: { seconds: 3_600, duration: "3600 s" },
  day: { seconds: 86_400, duration: "86400 s" },
};
const WINDOW_NAMES = Object.keys(WINDOWS) as WindowName[];

export interface WindowState {
  window: WindowName;
  limit: number;
  remaining: number;
  resetSeconds: number;
}

export type LimitOutcome =
  | { kind: "allowed"; windows: WindowState[] }
  | { kind: "refused"; windows: WindowState[]; refusedBy: WindowState }
  | { kind: "unavailable"; reason: string };

export interface LimitOptions {
  /** Give up on Redis after this long (the library's default of 5 s, then admitting, is too lax). */
  timeoutMs?: number;
  prefix?: string;
}

function limiterFor(redis: Redis, window: WindowName, limit: number, options: LimitOptions): Ratelimit {
  return new Ratelimit({
    redis,
    // A bucket of `limit` tokens refilled in full once per window, counted from the key's first
    // request: a burst admits exactly `limit`, refused requests take nothing, and refunds are exact.
    // (The library's sliding window rounds the previous window's weight down and can admit a few
    // more than `limit` when a burst straddles a boundary.)
    limiter: Ratelimit.tokenBucket(limit, WINDOWS[window].duration, limit),
    prefix: `${options.prefix ?? "traceo:rl"}:${window}:${limit}`,
    // The library admits on timeout; we set our own deadline instead and treat it as "unavailable".
    timeout: 0,
    ephemeralCache: false,
    analytics: false,
  });
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`rate limiter did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export async function limitAllWindows(
  redis: Redis,
  identifier: string,
  limits: TierLimits,
  options: LimitOptions = {},
): Promise<LimitOutcome> {
  const limiters = WINDOW_NAMES.map((window) => limiterFor(redis, window, limits[window], options));
  const now = Date.now();
  try {
    const results = await withDeadline(
      Promise.all(limiters.map((limiter) => limiter.limit(identifier))),
      options.timeoutMs ?? 1_500,
    );
    const windows: WindowState[] = results.map((result, i) => ({
      window: WINDOW_NAMES[i]!,
      limit: result.limit,
      remaining: Math.max(0, result.remaining),
      resetSeconds: Math.max(1, Math.ceil((result.reset - now) / 1000)),
    }));
    // When several windows refuse (in a burst, a short window can be briefly empty of tokens that
    // are about to be refunded), the one that stays shut longest decides Retry-After.
    let refusedIndex = -1;
    for (const [i, result] of results.entries()) {
      if (!result.success && (refusedIndex === -1 || windows[i]!.resetSeconds > windows[refusedIndex]!.resetSeconds)) refusedIndex = i;
    }
    if (refusedIndex === -1) return { kind: "allowed", windows };
    const refunds = results.flatMap((result, i) => (result.success ? [limiters[i]!.limit(identifier, { rate: -1 })] : []));
    await withDeadline(Promise.all(refunds), options.timeoutMs ?? 1_500);
    for (const [i, result] of results.entries()) if (result.success) windows[i]!.remaining += 1;
    return { kind: "refused", windows, refusedBy: windows[refusedIndex]! };
  } catch (err) {
    return { kind: "unavailable", reason: err instanceof Error ? err.message : String(err) };
  }
}
