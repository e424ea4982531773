// The self-service API keys Worker: an independent Hono app with its own entry, deployable alone.
// Signed-in users (access token from functions/auth) manage their own account's keys.
import { Hono } from "hono";
import { useHttpHygiene } from "@traceo/http-hygiene";
import { provideServices } from "@traceo/gateway";
import { limitBody } from "@traceo/problem";
import { requireSession, requireSessionSettings } from "@traceo/session-auth";
import type { KeysApp } from "./app-types.ts";
import { registerKeys } from "./routes/keys.ts";

// Not exported: a Worker entry module may export only handlers (workerd refuses other values).
const KEYS_BODY_LIMIT = 16 * 1024;

const app: KeysApp = new Hono();
useHttpHygiene(app);
app.use("/v1/keys", async (c, next) => {
  await next();
  c.header("cache-control", "no-store"); // a created key is shown once and must not be cached
});
app.use("/v1/keys/*", async (c, next) => {
  await next();
  c.header("cache-control", "no-store");
});
app.use("/v1/keys", limitBody(KEYS_BODY_LIMIT), requireSessionSettings(), provideServices(), requireSession());
app.use("/v1/keys/*", limitBody(KEYS_BODY_LIMIT), requireSessionSettings(), provideServices(), requireSession());
registerKeys(app);

export default app;
