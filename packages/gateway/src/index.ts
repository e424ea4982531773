export { provideServices, type Services, type GatewayVariables } from "./services.ts";
export { requireApiKey } from "./require-api-key.ts";
export { forgetKeys, keyCacheKey } from "./key-cache.ts";
export { missingSettings, type GatewayEnv } from "./env.ts";
