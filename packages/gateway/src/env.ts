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
  /** What to do when Redis cannot be reached for rate limiting: "deny" (default, 503) or "allow". */
  RATE_LIMIT_UNAVAILABLE_POLICY?: string;
  /** How long to wait for Redis before treating the limiter as unavailable (default 1500 ms). */
  RATE_LIMIT_TIMEOUT_MS?: string;
}

const REQUIRED: (keyof GatewayEnv)[] = ["DATABASE_URL", "UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN", "TRACEO_ENCRYPTION_KEYS"];

/** Names of required settings that are missing, so a misconfigured deploy says what to fix. */
export function missingSettings(env: Partial<GatewayEnv>): string[] {
  return REQUIRED.filter((name) => typeof env[name] !== "string" || env[name] === "");
}
