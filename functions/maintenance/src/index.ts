// The maintenance Worker: a Cron Trigger runs the log-partition upkeep. No HTTP surface.
// The entry exports only the handler (workerd treats every export of it as an entrypoint).
import { Hono } from "hono";
import { useHttpHygiene } from "@traceo/http-hygiene";
import { runScheduledMaintenance, type MaintenanceEnv } from "./run-maintenance.ts";

// No routes: every HTTP request gets the same 404 problem, headers and log line as the other functions.
const http = new Hono<{ Bindings: MaintenanceEnv }>();
useHttpHygiene(http);

export default {
  async scheduled(controller, env, ctx) {
    // Thrown errors mark the Cron run as failed in the dashboard; the next run retries (idempotent).
    ctx.waitUntil(runScheduledMaintenance(env, new Date(controller.scheduledTime)).then(() => undefined));
  },
  fetch: (request, env, ctx) => http.fetch(request, env, ctx),
} satisfies ExportedHandler<MaintenanceEnv>;
