// Settings every API-key-protected function reads. Plain settings come from wrangler.toml [vars],
// secrets from wrangler secrets (locally .dev.vars).
export interface GatewayEnv {
  DATABASE_URL: string;
  /** Local development only; see @traceo/db. */
  NEON_WS_PROXY?: string;
  UPSTASH_REDIS_REST_URL: string;
  UPSTASH_REDIS_REST_TOKEN: string;
  /** Encryption keyring (see packages/crypto): what we store from users is encrypted under it. */
  TRACEO_ENCRYPTION_KEYS: string;
  /**
   * What the analysis API does when Redis cannot be reached for rate limiting: "deny" (default, 503
   * with Retry-After) or "allow" (admit unlimited, logged). Sign-in and key management always deny.
   */
  RATE_LIMIT_UNAVAILABLE_POLICY?: string;
  /** How long any Redis command may take before Redis counts as unavailable (default 1500 ms). */
  RATE_LIMIT_TIMEOUT_MS?: string;
  /** "test" (default) or "live": which keys this deployment takes (sk_test_… or sk_live_…). */
  API_KEY_ENV?: string;
}

/** The key environment a deployment serves; anything but "live" is "test", as functions/keys decides. */
export function keyEnvironment(env: Partial<GatewayEnv>): "test" | "live" {
  return env.API_KEY_ENV === "live" ? "live" : "test";
}

export const DEFAULT_REDIS_TIMEOUT_MS = 1_500;

/** RATE_LIMIT_TIMEOUT_MS as a number of milliseconds (the default when unset or not a positive number). */
export function redisTimeoutMs(env: Partial<GatewayEnv>): number {
  const ms = Number(env.RATE_LIMIT_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_REDIS_TIMEOUT_MS;
}

const REQUIRED: (keyof GatewayEnv)[] = ["DATABASE_URL", "UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN", "TRACEO_ENCRYPTION_KEYS"];

/** Names of required settings that are missing, so a misconfigured deploy says what to fix. */
export function missingSettings(env: Partial<GatewayEnv>): string[] {
  return REQUIRED.filter((name) => typeof env[name] !== "string" || env[name] === "");
}
