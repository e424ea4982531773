// How callers authenticate: API keys (either header) on analyze and reports, the access token from
// /auth/login on the signed-in endpoints of functions/auth and functions/keys.
export const SECURITY_SCHEMES = {
  ApiKeyBearer: { type: "http", scheme: "bearer", description: "An API key (`sk_test_…` / `sk_live_…`) as `Authorization: Bearer <key>`." },
  ApiKeyHeader: { type: "apiKey", in: "header", name: "X-API-Key", description: "An API key in the `X-API-Key` header." },
  Session: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "The `access_token` from `POST /auth/login` (15 minutes; refresh with `POST /auth/refresh`)." },
} as const;

type SecurityRequirement = Record<string, string[]>;
/** Either header works: alternatives, not both at once. */
export const API_KEY_SECURITY: SecurityRequirement[] = [{ ApiKeyBearer: [] }, { ApiKeyHeader: [] }];
export const SESSION_SECURITY: SecurityRequirement[] = [{ Session: [] }];
