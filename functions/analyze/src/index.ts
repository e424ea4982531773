// The analysis Worker: an independent Hono app with its own entry, deployable alone.
import { useHttpHygiene } from "@traceo/http-hygiene";
import { provideServices } from "@traceo/gateway";
import { createApiApp, documentBodyAsRequired } from "@traceo/openapi";
import { recordUsage } from "@traceo/usage";
import type { AnalyzeEnv } from "./app-types.ts";
import { analyzeEmailHandler, analyzeEmailRoute } from "./routes/analyze-email.ts";
import { analyzeUrlHandler, analyzeUrlRoute } from "./routes/analyze-url.ts";
import { health, healthRoute } from "./routes/health.ts";

const app = createApiApp<AnalyzeEnv>();
useHttpHygiene(app);
app.use("/v1/*", provideServices());
app.use("/v1/*", recordUsage());
const routes = app.openapi(healthRoute, health).openapi(analyzeEmailRoute, analyzeEmailHandler).openapi(analyzeUrlRoute, analyzeUrlHandler);
documentBodyAsRequired(analyzeEmailRoute);

/** The routes' types, for Hono's RPC client (`hc<AnalyzeRoutes>`; see packages/client). */
export type AnalyzeRoutes = typeof routes;
export default app;
