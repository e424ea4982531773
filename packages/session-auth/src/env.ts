// Settings of the functions that serve signed-in users (functions/auth, functions/keys).
import type { GatewayEnv } from "@traceo/gateway";

export interface SessionEnv extends GatewayEnv {
  /** HMAC key of the access tokens (wrangler secret), at least 32 characters. */
  AUTH_JWT_SECRET: string;
  /** @traceo/crypto keyring (wrangler secret): encrypts emails and TOTP secrets at rest. */
  TRACEO_ENCRYPTION_KEYS: string;
}
