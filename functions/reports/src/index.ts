// The reports Worker: an independent Hono app with its own entry (functions/reports/wrangler.toml).
import { useHttpHygiene } from "@traceo/http-hygiene";
import { provideServices } from "@traceo/gateway";
import { createApiApp } from "@traceo/openapi";
import { recordUsage } from "@traceo/usage";
import type { ReportsEnv } from "./app-types.ts";
import { registerSearch } from "./routes/search.ts";
import { registerUsage } from "./routes/usage.ts";

const app = createApiApp<ReportsEnv>();
useHttpHygiene(app);
app.use("/v1/*", provideServices());
app.use("/v1/*", recordUsage());
const routes = registerUsage(registerSearch(app));

/** The routes' types, for Hono's RPC client (`hc<ReportsRoutes>`; see packages/client). */
export type ReportsRoutes = typeof routes;

export default app;
