// Failed-login limits through Upstash, per account name and per client IP. Only failures count, so
// someone who signs in correctly (ten times a minute, even) never meets them. Keyed by the name as
// typed (normalised), so an unknown name is limited exactly like a real one, and also by the user id
// when the name belongs to someone, so username and email do not give two separate allowances.
import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";
import { sha256Hex } from "@traceo/auth";
import { errorText, logEvent } from "@traceo/http-hygiene";
import { problems } from "@traceo/problem";

export const ACCOUNT_FAILURES = { limit: 10, window: "15 m" } as const;
export const IP_FAILURES = { limit: 100, window: "15 m" } as const;

function limiters(redis: Redis) {
  return {
    account: new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(ACCOUNT_FAILURES.limit, ACCOUNT_FAILURES.window), prefix: "traceo:login-fail:acct", analytics: false }),
    ip: new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(IP_FAILURES.limit, IP_FAILURES.window), prefix: "traceo:login-fail:ip", analytics: false }),
  };
}

export interface LoginSubject {
  /** The username or email as typed, lower-cased; hashed so Redis keys hold no personal data. */
  identifier: string;
  ip: string | null;
  /** The user the name belongs to, if any. */
  userId?: string;
}

async function keys(subject: LoginSubject): Promise<{ accounts: string[]; ip: string | undefined }> {
  const typed = await sha256Hex(subject.identifier.trim().toLowerCase());
  return { accounts: subject.userId ? [typed, `id:${subject.userId}`] : [typed], ip: subject.ip ?? undefined };
}

/**
 * Seconds to wait when either limit is used up, else 0. Fails closed: when Redis cannot be asked
 * (down, or slower than RATE_LIMIT_TIMEOUT_MS, which bounds every Redis command) the answer is a
 * 503 with Retry-After, whatever RATE_LIMIT_UNAVAILABLE_POLICY says for the analysis API, since
 * unlimited password guessing is worse than a short sign-in outage.
 */
export async function loginBlockedFor(redis: Redis, subject: LoginSubject): Promise<number> {
  const { accounts, ip } = await keys(subject);
  const l = limiters(redis);
  let states;
  try {
    states = await Promise.all([...accounts.map((a) => l.account.getRemaining(a)), ...(ip ? [l.ip.getRemaining(ip)] : [])]);
  } catch (err) {
    logEvent("error", "login limiter unavailable; sign-in refused", { error: errorText(err) });
    throw problems.serviceUnavailable("Sign-in limits cannot be checked right now.", 5);
  }
  let wait = 0;
  for (const state of states) {
    if (state.remaining <= 0) wait = Math.max(wait, Math.ceil((state.reset - Date.now()) / 1000));
  }
  return wait > 0 ? wait : 0;
}

// Counting and clearing are best effort: the answer to the person does not depend on them.
export async function recordLoginFailure(redis: Redis, subject: LoginSubject): Promise<void> {
  const { accounts, ip } = await keys(subject);
  const l = limiters(redis);
  await Promise.all([...accounts.map((a) => l.account.limit(a)), ...(ip ? [l.ip.limit(ip)] : [])]).catch((err) =>
    logEvent("error", "login failure not counted", { error: errorText(err) }),
  );
}

export async function clearLoginFailures(redis: Redis, subject: LoginSubject): Promise<void> {
  const { accounts } = await keys(subject);
  const l = limiters(redis);
  await Promise.all(accounts.map((a) => l.account.resetUsedTokens(a))).catch((err) => logEvent("error", "login failures not cleared", { error: errorText(err) }));
}
