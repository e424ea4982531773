export { provideServices, type Services, type GatewayVariables } from "./services.ts";
export { requireApiKey } from "./require-api-key.ts";
export { forgetKeys, keyCacheKey, markKeysRevoked } from "./key-cache.ts";
export { missingSettings, redisTimeoutMs, DEFAULT_REDIS_TIMEOUT_MS, type GatewayEnv } from "./env.ts";
