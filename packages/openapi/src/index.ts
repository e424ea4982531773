export { createApiApp } from "./app.ts";
export { problemHook, describeIssues } from "./validation-hook.ts";
export { jsonBody } from "./json-body.ts";
export { documentBodyAsRequired } from "./required-body.ts";
export { text, type TextRule } from "./strings.ts";
export { ProblemSchema, problemResponses } from "./problem-schema.ts";
export { RATE_LIMIT_HEADERS, RETRY_AFTER_HEADER, HEADER_COMPONENTS } from "./headers.ts";
export { SECURITY_SCHEMES, API_KEY_SECURITY, SESSION_SECURITY } from "./security.ts";
export { createRoute, z, OpenAPIHono, type RouteHandler, type RouteConfig } from "@hono/zod-openapi";
