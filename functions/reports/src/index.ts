// The reports Worker: an independent Hono app with its own entry (functions/reports/wrangler.toml).
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { provideServices } from "@traceo/gateway";
import { createApiApp } from "@traceo/openapi";
import { problemErrorHandler, problemNotFound } from "@traceo/problem";
import { recordUsage } from "@traceo/usage";
import type { ReportsEnv } from "./app-types.ts";
import { registerSearch } from "./routes/search.ts";
import { registerUsage } from "./routes/usage.ts";

const app = createApiApp<ReportsEnv>();
app.use(requestId({ headerName: "x-request-id" }));
app.use(secureHeaders());
app.onError(problemErrorHandler);
app.notFound(problemNotFound);
app.use("/v1/*", provideServices());
app.use("/v1/*", recordUsage());
const routes = registerUsage(registerSearch(app));

/** The routes' types, for Hono's RPC client (`hc<ReportsRoutes>`; see packages/client). */
export type ReportsRoutes = typeof routes;

export default app;
