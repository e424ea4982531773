// The reports Worker: an independent Hono app with its own entry (functions/reports/wrangler.toml).
import { Hono } from "hono";
import { useHttpHygiene } from "@traceo/http-hygiene";
import { provideServices } from "@traceo/gateway";
import { recordUsage } from "@traceo/usage";
import type { ReportsApp } from "./app-types.ts";
import { registerSearch } from "./routes/search.ts";
import { registerUsage } from "./routes/usage.ts";

const app: ReportsApp = new Hono();
useHttpHygiene(app);
app.use("/v1/*", provideServices());
app.use("/v1/*", recordUsage());
registerSearch(app);
registerUsage(app);

export default app;
