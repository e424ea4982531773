// The reports Worker: an independent Hono app with its own entry (functions/reports/wrangler.toml).
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { provideServices } from "@traceo/gateway";
import { problemErrorHandler, problemNotFound } from "@traceo/problem";
import { recordUsage } from "@traceo/usage";
import type { ReportsApp } from "./app-types.ts";
import { registerSearch } from "./routes/search.ts";
import { registerUsage } from "./routes/usage.ts";

const app: ReportsApp = new Hono();
app.use(requestId({ headerName: "x-request-id" }));
app.use(secureHeaders());
app.onError(problemErrorHandler);
app.notFound(problemNotFound);
app.use("/v1/*", provideServices());
app.use("/v1/*", recordUsage());
registerSearch(app);
registerUsage(app);

export default app;
