// An app whose routes are declared with createRoute: the schemas validate requests (through the
// shared problem hook) and are the OpenAPI document.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Env } from "hono";
import { HEADER_COMPONENTS } from "./headers.ts";
import { SECURITY_SCHEMES } from "./security.ts";
import { problemHook } from "./validation-hook.ts";

export function createApiApp<E extends Env>(): OpenAPIHono<E> {
  const app = new OpenAPIHono<E>({ defaultHook: problemHook });
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) app.openAPIRegistry.registerComponent("securitySchemes", name, scheme as never);
  for (const [name, header] of Object.entries(HEADER_COMPONENTS)) app.openAPIRegistry.registerComponent("headers", name, header as never);
  return app;
}
