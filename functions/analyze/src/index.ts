// The analysis Worker: an independent Hono app with its own entry, deployable alone.
import { Hono } from "hono";
import { useHttpHygiene } from "@traceo/http-hygiene";
import { provideServices, type GatewayEnv, type GatewayVariables } from "@traceo/gateway";
import { recordUsage } from "@traceo/usage";
import { registerAnalyzeEmail } from "./routes/analyze-email.ts";
import { registerAnalyzeUrl } from "./routes/analyze-url.ts";
import { registerHealth } from "./routes/health.ts";

export type AnalyzeApp = Hono<{ Bindings: GatewayEnv; Variables: GatewayVariables }>;

const app: AnalyzeApp = new Hono();
useHttpHygiene(app);
registerHealth(app);
app.use("/v1/*", provideServices());
app.use("/v1/*", recordUsage());
registerAnalyzeEmail(app);
registerAnalyzeUrl(app);

export default app;
