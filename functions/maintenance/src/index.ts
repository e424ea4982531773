// The maintenance Worker: a Cron Trigger runs the log-partition upkeep. No HTTP surface.
// The entry exports only the handler (workerd treats every export of it as an entrypoint).
import { runScheduledMaintenance, type MaintenanceEnv } from "./run-maintenance.ts";

export default {
  async scheduled(controller, env, ctx) {
    // Thrown errors mark the Cron run as failed in the dashboard; the next run retries (idempotent).
    ctx.waitUntil(runScheduledMaintenance(env, new Date(controller.scheduledTime)).then(() => undefined));
  },
  async fetch() {
    return new Response(null, { status: 404 });
  },
} satisfies ExportedHandler<MaintenanceEnv>;
