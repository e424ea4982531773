export { requireSession, type SessionVariables } from "./require-session.ts";
export { authProblems } from "./problems.ts";
export { readJsonObject, requiredString, optionalString, type JsonObject, type StringRule } from "./fields.ts";
export { clientInfo, type ClientInfo } from "./client-info.ts";
export type { SessionEnv } from "./env.ts";
export { audit, type AuditType, type AuditFacts } from "./audit.ts";
export { requireSessionSettings, MIN_JWT_SECRET_CHARS } from "./settings.ts";
