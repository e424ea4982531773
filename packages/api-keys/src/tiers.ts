// Tier limits from the product spec (requests per minute / hour / day).
export type Tier = "free" | "pro" | "enterprise";

export interface TierLimits {
  minute: number;
  hour: number;
  day: number;
}

export const TIERS: Readonly<Record<Tier, TierLimits>> = {
  free: { minute: 60, hour: 1_000, day: 10_000 },
  pro: { minute: 300, hour: 10_000, day: 100_000 },
  enterprise: { minute: 1_000, hour: 50_000, day: 1_000_000 },
};

const TIER_ORDER: readonly Tier[] = ["free", "pro", "enterprise"];

/** Whether a plan allows keys of `tier` (a plan allows its own tier and every lower one). */
export function planAllows(plan: Tier, tier: Tier): boolean {
  return TIER_ORDER.indexOf(tier) <= TIER_ORDER.indexOf(plan);
}

export function isTier(value: unknown): value is Tier {
  return typeof value === "string" && Object.hasOwn(TIERS, value);
}

export const SCOPES = ["analyze:email", "analyze:url", "reports:read"] as const;
export type Scope = (typeof SCOPES)[number];
