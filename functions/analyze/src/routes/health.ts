import { createRoute, type RouteHandler } from "@traceo/openapi";
import { MODEL_VERSIONS } from "@traceo/detector";
import type { AnalyzeEnv } from "../app-types.ts";
import { HealthSchema } from "../schemas.ts";

export const healthRoute = createRoute({
  method: "get",
  path: "/health",
  tags: ["analyze"],
  summary: "Liveness and the shipped model versions",
  responses: { 200: { description: "The Worker is up.", content: { "application/json": { schema: HealthSchema } } } },
});

export const health: RouteHandler<typeof healthRoute, AnalyzeEnv> = (c) => c.json({ status: "ok" as const, models: MODEL_VERSIONS }, 200);
