// The analysis Worker: an independent Hono app with its own entry, deployable alone.
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { provideServices, type GatewayEnv, type GatewayVariables } from "@traceo/gateway";
import { problemErrorHandler, problemNotFound } from "@traceo/problem";
import { recordUsage } from "@traceo/usage";
import { registerAnalyzeEmail } from "./routes/analyze-email.ts";
import { registerAnalyzeUrl } from "./routes/analyze-url.ts";
import { registerHealth } from "./routes/health.ts";

export type AnalyzeApp = Hono<{ Bindings: GatewayEnv; Variables: GatewayVariables }>;

const app: AnalyzeApp = new Hono();
app.use(requestId({ headerName: "x-request-id" }));
app.use(secureHeaders());
app.onError(problemErrorHandler);
app.notFound(problemNotFound);
registerHealth(app);
app.use("/v1/*", provideServices());
app.use("/v1/*", recordUsage());
registerAnalyzeEmail(app);
registerAnalyzeUrl(app);

export default app;
